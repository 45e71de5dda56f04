/**
 * An invoice as a PDF/A-3b document with pdfkit: business profile and logo, customer, numbers and dates, a line
 * table that wraps descriptions and continues across pages under a repeated header, totals with the VAT
 * breakdown of shared/totals.ts, payment link + QR code, notes and terms, "n / N" page numbers, a DRAFT
 * watermark or CANCELLED stamp, and (for issued documents) the Factur-X XML as an associated file.
 *
 * Rendering is pure: domain objects in, bytes out; no ledger, no clock unless given.
 */
import type { Message } from '../../shared/i18n/params';
import type { BusinessProfile, Invoice, TaxBreakdown } from '../../shared/domain';
import { isMessageKey, type MessageKey, type ParamsArg, type PlainKey } from '../../shared/i18n/catalogue';
import { directionOf, type Language } from '../../shared/i18n/languages';
import type { Translator } from '../../shared/i18n/translate';
import { countryName } from '../../shared/countries';
import { invoiceInWords } from '../../shared/invoice-text';
import { providerName } from '../../shared/providers';
import {
  buildFacturX,
  FACTURX_CONFORMANCE_LEVEL,
  FACTURX_FILE_NAME,
  FACTURX_VERSION,
  paymentTermsOf,
  type CorrectedInvoiceRef,
} from './facturx';
import { createFormatter, type Formatter } from './format';
import { drawQr } from './qr';
import { documentLocaleOf, documentTranslator } from './document-locale';
import { newPdfaDocument } from './pdfa-document';
import { lineHeight, type Align, type TextEngine, type TextStyle } from './text';
import type { DocInfo } from './xmp';

export interface RenderOptions {
  /** CreationDate in Info/XMP and the attachment dates; defaults to now. Fixed in tests for stable output. */
  now?: Date;
  /** For credit notes: number and date of the corrected invoice. */
  corrected?: CorrectedInvoiceRef | null;
  /** Embed factur-x.xml; defaults to true except for drafts (a draft is not an invoice yet). */
  facturX?: boolean;
  /** Written as the PDF Creator ("Kassa 0.1.0"). */
  appVersion?: string;
  /** Render a quote (main/pdf/quote-pdf.ts): its title, valid-until instead of due, no status, nothing to pay. */
  quote?: QuoteFacts | null;
}

/** What makes the invoice layout a quote. */
export interface QuoteFacts {
  /** "QUOTE" in the document's language. */
  title: string;
  validUntil: string;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  facturX: { embedded: boolean; xml: string | null; gaps: Message[]; missing: string[] };
}

type Doc = PDFKit.PDFDocument;
type StructEl = PDFKit.PDFStructureElement;

const A4 = { width: 595.28, height: 841.89 };
const M = { left: 48, right: 48, top: 48, bottom: 64 };
const CONTENT_W = A4.width - M.left - M.right;
const FOOTER_Y = A4.height - 40;

const C = {
  text: '#1a1a1a',
  muted: '#5f6368',
  accent: '#1f4e79',
  rule: '#c9ced6',
  headBg: '#eef2f7',
  watermark: '#e4e4e4',
  stamp: '#e3a3a3',
};

const S = {
  body: { size: 9, color: C.text } satisfies TextStyle,
  bodyBold: { size: 9, weight: 'bold', color: C.text } satisfies TextStyle,
  small: { size: 8, color: C.muted } satisfies TextStyle,
  label: { size: 7.5, weight: 'bold', color: C.muted } satisfies TextStyle,
  head: { size: 8, weight: 'bold', color: C.text } satisfies TextStyle,
  name: { size: 13, weight: 'bold', color: C.text } satisfies TextStyle,
  customer: { size: 11, weight: 'bold', color: C.text } satisfies TextStyle,
  title: { size: 20, weight: 'bold', color: C.accent } satisfies TextStyle,
  title2: { size: 13, weight: 'bold', color: C.accent } satisfies TextStyle,
  total: { size: 10.5, weight: 'bold', color: C.text } satisfies TextStyle,
};

/** Taxes that go by their own name (Canary Islands IGIC, Ceuta and Melilla IPSI), in every language. */
const OWN_TAX_NAME: Partial<Record<string, string>> = { L: 'IGIC', M: 'IPSI' };

interface Column {
  key: 'no' | 'desc' | 'qty' | 'price' | 'vat' | 'amount';
  /** The header, one line per language. */
  labels: string[];
  width: number;
  align: Align;
}

interface Cursor {
  y: number;
}

function documentTitle(inv: Invoice, tr: Translator, quote: QuoteFacts | null = null): string {
  if (quote) return tr.t('pdf.doc.quote_name', { number: inv.number ?? '' }).trim();
  return inv.number
    ? tr.t('pdf.doc.name', { kind: inv.kind, number: inv.number })
    : tr.t('pdf.doc.name_draft', { kind: inv.kind });
}

export async function renderInvoice(
  stored: Invoice,
  profile: BusinessProfile,
  opts: RenderOptions = {},
): Promise<RenderResult> {
  const now = opts.now ?? new Date();
  const { language, locale, digits, second } = documentLocaleOf(stored.customer.language, profile);
  const fmt = createFormatter(locale, stored.currency);
  const tr = documentTranslator(language, digits);
  // What Kassa words itself (imported lines, an unnamed customer) in the document's language, PDF and Factur-X alike.
  const invoice = invoiceInWords(stored, (m) => tr.message(m));
  const tr2 = second ? documentTranslator(second, 'latn') : null;
  const isDraft = invoice.status === 'draft';
  const embed = opts.facturX ?? !isDraft;
  const fx = embed ? buildFacturX({ invoice, profile, corrected: opts.corrected ?? null, language }) : null;

  const quote = opts.quote ?? null;
  const title = documentTitle(invoice, tr, quote);
  const info: DocInfo = {
    Title: title,
    Author: profile.name,
    Subject: tr.t('pdf.doc.subject', {
      title,
      customer: invoice.customer.name,
      total: fmt.money(invoice.totals.total),
    }),
    Keywords: quote ? 'quote' : fx ? 'invoice, Factur-X, EN 16931' : 'invoice',
    Creator: `Kassa${opts.appVersion ? ` ${opts.appVersion}` : ''}`,
    Producer: 'Kassa (PDFKit)',
    CreationDate: now,
  };
  const {
    doc,
    text: engine,
    end,
  } = newPdfaDocument({
    size: A4,
    margins: M,
    language,
    info,
    bufferPages: true,
    facturX: fx
      ? {
          documentType: 'INVOICE',
          fileName: FACTURX_FILE_NAME,
          version: FACTURX_VERSION,
          conformanceLevel: FACTURX_CONFORMANCE_LEVEL,
        }
      : null,
    // An Arabic document is laid out right to left: the whole page mirrored.
    rtl: directionOf(language) === 'rtl',
  });
  const r = new InvoiceLayout(doc, engine, invoice, profile, fmt, opts.corrected ?? null, quote, tr, language, tr2);
  r.draw();
  const pages = r.finish();

  if (fx) {
    (doc as unknown as { file(src: Buffer, o: Record<string, unknown>): unknown }).file(Buffer.from(fx.xml, 'utf8'), {
      name: FACTURX_FILE_NAME,
      type: 'text/xml',
      relationship: 'Alternative',
      description: `Factur-X ${FACTURX_CONFORMANCE_LEVEL} invoice data`,
      creationDate: now,
      modifiedDate: now,
    });
  }
  const pdf = await end();
  return {
    pdf,
    pages,
    facturX: { embedded: fx !== null, xml: fx?.xml ?? null, gaps: fx?.gaps ?? [], missing: fx?.missing ?? [] },
  };
}

class InvoiceLayout {
  private readonly root: StructEl;
  private pageCount = 0;
  private readonly columns: Column[];
  private readonly credit: boolean;

  constructor(
    private readonly doc: Doc,
    private readonly t: TextEngine,
    private readonly inv: Invoice,
    private readonly profile: BusinessProfile,
    private readonly fmt: Formatter,
    private readonly corrected: CorrectedInvoiceRef | null,
    private readonly quote: QuoteFacts | null,
    private readonly tr: Translator,
    private readonly language: Language,
    /** The bilingual layout's second language: every label is printed in it too. */
    private readonly tr2: Translator | null = null,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.credit = inv.kind === 'credit_note';
    this.columns = this.layoutColumns();
  }

  /** A label in the document's language and (bilingual layout) in the second one. */
  private labels<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string[] {
    const first = this.tr.t(key, ...params);
    const second = this.tr2?.t(key, ...params);
    return second && second !== first ? [first, second] : [first];
  }

  /** Both languages on one line, where there is room. */
  private label<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
    return this.labels(key, ...params).join(' · ');
  }

  /** Both languages one under the other (the totals' labels, which wrap). */
  private stacked<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
    return this.labels(key, ...params).join('\n');
  }

  // ---- structure and pages -------------------------------------------------------------------------------

  /** Tagged content: a structure element of `type` under `parent` holding whatever `draw` paints. */
  private tag(type: string, draw: () => void, parent: StructEl = this.root): void {
    const el = this.doc.struct(type);
    parent.add(el);
    el.add(draw);
    el.end();
  }

  /** Decoration that is not content (rules, watermark, page furniture), marked so readers skip it. */
  private artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private newPage(): void {
    this.doc.addPage({ size: [A4.width, A4.height], margins: M });
    this.pageCount++;
    // Watermark and stamp go first, under the content, so they need no transparency (kept simple for PDF/A).
    if (this.inv.status === 'draft')
      this.artifact(() => this.diagonal(this.tr.t('pdf.doc.watermark.draft'), 120, C.watermark, -35, false));
    if (this.inv.status === 'cancelled')
      this.artifact(() => this.diagonal(this.tr.t('pdf.doc.watermark.cancelled'), 64, C.stamp, -25, true));
  }

  private diagonal(text: string, size: number, color: string, angle: number, boxed: boolean): void {
    const style: TextStyle = { size, weight: 'bold', color };
    const w = this.t.measure(text, style);
    const cx = A4.width / 2;
    const cy = A4.height / 2;
    this.doc.save();
    this.doc.rotate(angle, { origin: [cx, cy] });
    if (boxed) {
      this.doc
        .lineWidth(4)
        .roundedRect(cx - w / 2 - 18, cy - size * 0.72, w + 36, size * 1.45, 8)
        .stroke(color);
    }
    // line() takes the top of the line box (baseline at 1.02 × size); centre the capitals (≈0.72 × size) on cy.
    this.t.line(text, cx - w / 2, cy - size * 0.66, { style, align: 'left' });
    this.doc.restore();
  }

  private get bottom(): number {
    return A4.height - M.bottom;
  }

  /** Makes room for `height`; on a new page, draws the continuation header and (optionally) the table header. */
  private ensure(cur: Cursor, height: number, tableHeader: boolean): boolean {
    if (cur.y + height <= this.bottom) return false;
    this.newPage();
    cur.y = M.top;
    this.artifact(() => {
      this.t.line(`${documentTitle(this.inv, this.tr, this.quote)} · ${this.inv.customer.name}`, M.left, cur.y, {
        style: S.small,
        width: CONTENT_W,
        align: 'left',
      });
    }, 'Pagination');
    cur.y += lineHeight(S.small) + 8;
    if (tableHeader) this.tableHeader(cur);
    return true;
  }

  finish(): number {
    const total = this.pageCount;
    const left = `${this.profile.name} · ${this.inv.number ?? this.tr.t('pdf.doc.status.draft')}`;
    for (let i = 0; i < total; i++) {
      this.doc.switchToPage(i);
      this.artifact(() => {
        this.doc
          .moveTo(M.left, FOOTER_Y - 6)
          .lineTo(A4.width - M.right, FOOTER_Y - 6)
          .lineWidth(0.5)
          .stroke(C.rule);
        this.t.line(left, M.left, FOOTER_Y, { style: S.small, width: CONTENT_W - 80, align: 'left' });
        this.t.line(`${i + 1} / ${total}`, A4.width - M.right - 80, FOOTER_Y, {
          style: S.small,
          width: 80,
          align: 'right',
        });
      }, 'Pagination');
    }
    return total;
  }

  // ---- content ---------------------------------------------------------------------------------------------

  draw(): void {
    this.newPage();
    const cur: Cursor = { y: M.top };
    this.header(cur);
    this.billTo(cur);
    this.table(cur);
    this.totals(cur);
    this.payment(cur);
    this.textSection(cur, this.label('pdf.doc.notes'), this.inv.notes);
    this.textSection(cur, this.label('pdf.doc.terms'), paymentTermsOf(this.inv, this.corrected, this.language));
  }

  private header(cur: Cursor): void {
    const p = this.profile;
    const leftW = 280;
    let y = M.top;
    if (p.logo) {
      try {
        const img = Buffer.from(p.logo.base64, 'base64');
        this.tag('Figure', () => this.doc.image(img, this.t.x(M.left, 150), y, { fit: [150, 56] }));
        y += 62;
      } catch {
        // An unreadable logo must not cost the user their invoice: render without it.
      }
    }
    this.tag('P', () => {
      y += this.t.block(p.name, M.left, y, leftW, { style: S.name, align: 'left' });
    });
    const lines = [
      ...addressLines(p.address, this.language),
      p.email,
      p.phone,
      p.vatId ? this.tr.t('pdf.doc.vat_id', { id: p.vatId }) : undefined,
      p.taxId ? this.tr.t('pdf.doc.tax_id', { id: p.taxId }) : undefined,
    ].filter((l): l is string => Boolean(l?.trim()));
    this.tag('P', () => {
      for (const l of lines) y += this.t.block(l, M.left, y, leftW, { style: S.body, align: 'left' });
    });

    // Right column: title and the document facts.
    const rx = M.left + leftW + 20;
    const rw = CONTENT_W - leftW - 20;
    let ry = M.top;
    const title = this.quote?.title ?? this.tr.t('pdf.doc.title', { kind: this.inv.kind });
    const title2 =
      this.tr2 && (this.quote ? this.tr2.t('pdf.quote.title') : this.tr2.t('pdf.doc.title', { kind: this.inv.kind }));
    this.tag('H1', () => {
      this.t.line(title, rx, ry, { style: S.title, width: rw, align: 'right' });
      if (title2) this.t.line(title2, rx, ry + lineHeight(S.title), { style: S.title2, width: rw, align: 'right' });
    });
    ry += lineHeight(S.title) + (title2 ? lineHeight(S.title2) : 0) + 4;
    const facts: Array<[string[], string]> = [
      [this.labels('pdf.doc.number'), this.inv.number ?? this.tr.t('pdf.doc.draft_number')],
      [this.labels(this.quote ? 'pdf.doc.quote_date' : 'pdf.doc.issue_date'), this.fmt.date(this.inv.issueDate)],
    ];
    if (this.quote) facts.push([this.labels('pdf.doc.valid_until'), this.fmt.date(this.quote.validUntil)]);
    else if (!this.credit || this.inv.dueDate)
      facts.push([this.labels('pdf.doc.due_date'), this.fmt.date(this.inv.dueDate)]);
    if (this.credit && this.corrected) facts.push([this.labels('pdf.doc.corrects'), this.corrected.number]);
    const status = this.quote ? undefined : STATUS_LABEL[this.inv.status];
    if (status) facts.push([this.labels('pdf.doc.status'), this.tr.t(status)]);
    const factTable = this.doc.struct('Table');
    this.root.add(factTable);
    for (const [k, v] of facts) {
      const tr = this.doc.struct('TR');
      factTable.add(tr);
      const top = ry;
      this.tag(
        'TH',
        () =>
          k.forEach((l, i) =>
            this.t.line(l, rx, top + i * lineHeight(S.small), { style: S.small, width: 110, align: 'left' }),
          ),
        tr,
      );
      this.tag('TD', () => this.t.line(v, rx + 110, top, { style: S.bodyBold, width: rw - 110, align: 'right' }), tr);
      tr.end();
      ry += Math.max(lineHeight(S.body), k.length * lineHeight(S.small)) + 1;
    }
    factTable.end();
    cur.y = Math.max(y, ry) + 22;
  }

  private billTo(cur: Cursor): void {
    const c = this.inv.customer;
    const width = 300;
    this.tag('H2', () =>
      this.t.line(
        this.quote ? this.label('pdf.doc.prepared_for') : this.label('pdf.doc.bill_to', { kind: this.inv.kind }),
        M.left,
        cur.y,
        {
          style: S.label,
          align: 'left',
        },
      ),
    );
    cur.y += lineHeight(S.label);
    this.tag('P', () => {
      cur.y += this.t.block(c.name, M.left, cur.y, width, { style: S.customer, align: 'left' });
      const lines = [
        ...addressLines(c.address, this.language),
        c.email,
        c.phone,
        c.vatId ? this.tr.t('pdf.doc.vat_id', { id: c.vatId }) : undefined,
        c.taxId ? this.tr.t('pdf.doc.tax_id', { id: c.taxId }) : undefined,
      ].filter((l): l is string => Boolean(l?.trim()));
      for (const l of lines) cur.y += this.t.block(l, M.left, cur.y, width, { style: S.body, align: 'left' });
    });
    cur.y += 16;
  }

  private layoutColumns(): Column[] {
    // Amount columns as wide as the widest amount they will hold, so no amount ever wraps.
    const amounts = this.inv.lines.flatMap((l, i) => [
      this.fmt.money(l.unitPrice),
      this.fmt.money(this.inv.totals.lineNets[i] ?? 0),
    ]);
    const widest = amounts.reduce((w, a) => Math.max(w, this.t.measure(a, S.body)), 0);
    const money = Math.max(64, Math.ceil(widest) + 12);
    const qtyW = Math.max(
      40,
      Math.ceil(
        this.inv.lines.reduce((w, l) => Math.max(w, this.t.measure(this.fmt.quantity(l.quantity), S.body)), 0),
      ) + 12,
    );
    const vatW = 46;
    const noW = 22;
    const desc = CONTENT_W - noW - qtyW - money * 2 - vatW;
    return [
      { key: 'no', labels: ['#'], width: noW, align: 'left' },
      { key: 'desc', labels: this.labels('pdf.doc.col.description'), width: Math.max(120, desc), align: 'left' },
      { key: 'qty', labels: this.labels('pdf.doc.col.qty'), width: qtyW, align: 'right' },
      { key: 'price', labels: this.labels('pdf.doc.col.unit_price'), width: money, align: 'right' },
      { key: 'vat', labels: this.labels('pdf.doc.col.vat'), width: vatW, align: 'right' },
      { key: 'amount', labels: this.labels('pdf.doc.col.amount'), width: money, align: 'right' },
    ];
  }

  private static readonly PAD = 4;

  private tableStruct: StructEl | null = null;

  private tableHeader(cur: Cursor): void {
    const y = cur.y;
    const h = lineHeight(S.head) * (this.tr2 ? 2 : 1) + InvoiceLayout.PAD * 2;
    this.artifact(() => this.doc.rect(M.left, cur.y, CONTENT_W, h).fill(C.headBg));
    const table = this.tableStruct;
    if (table) {
      const tr = this.doc.struct('TR');
      table.add(tr);
      let x = M.left;
      for (const col of this.columns) {
        const cx = x;
        this.tag(
          'TH',
          () =>
            col.labels.forEach((l, i) =>
              this.t.line(l, cx + 3, y + InvoiceLayout.PAD + i * lineHeight(S.head), {
                style: S.head,
                width: col.width - 6,
                align: col.align,
              }),
            ),
          tr,
        );
        x += col.width;
      }
      tr.end();
    }
    cur.y += h;
  }

  private table(cur: Cursor): void {
    this.tableStruct = this.doc.struct('Table');
    this.root.add(this.tableStruct);
    this.ensure(cur, 60, false);
    this.tableHeader(cur);
    const descCol = this.columns[1];
    const descW = (descCol?.width ?? 200) - 6;
    const lh = lineHeight(S.body);
    const slh = lineHeight(S.small);
    this.inv.lines.forEach((line, i) => {
      const descLines = this.t.wrap(line.description || '—', S.body, descW);
      const discount = line.discount ?? 0;
      const sub =
        discount > 0
          ? this.t.wrap(this.tr.t('pdf.doc.line_discount', { amount: this.fmt.money(-discount) }), S.small, descW)
          : [];
      const cells: Record<Column['key'], string> = {
        no: String(i + 1),
        desc: '',
        qty: this.fmt.quantity(line.quantity),
        price: this.fmt.money(line.unitPrice),
        vat: line.taxCategory === 'O' ? '—' : this.fmt.percent(line.taxRate),
        amount: this.fmt.money(this.inv.totals.lineNets[i] ?? 0),
      };
      // A row is drawn in chunks: as many description lines as fit on this page, the rest on the next one
      // (only a description longer than a page ever splits; otherwise the whole row moves).
      const rowH = descLines.length * lh + sub.length * slh + InvoiceLayout.PAD * 2;
      this.ensure(cur, Math.min(rowH, this.bottom - M.top - 80), true);
      let first = true;
      let li = 0;
      let si = 0;
      while (li < descLines.length || si < sub.length || first) {
        const room = this.bottom - cur.y - InvoiceLayout.PAD * 2;
        const take: string[] = [];
        let used = 0;
        while (li < descLines.length && used + lh <= room) {
          take.push(descLines[li++] ?? '');
          used += lh;
        }
        const takeSub: string[] = [];
        while (li >= descLines.length && si < sub.length && used + slh <= room) {
          takeSub.push(sub[si++] ?? '');
          used += slh;
        }
        const top = cur.y + InvoiceLayout.PAD;
        const tr = this.doc.struct('TR');
        this.tableStruct?.add(tr);
        let x = M.left;
        for (const col of this.columns) {
          const cx = x + 3;
          const w = col.width - 6;
          if (col.key === 'desc') {
            this.tag(
              'TD',
              () => {
                take.forEach((l, k) => this.t.line(l, cx, top + k * lh, { style: S.body, width: w, align: 'left' }));
                takeSub.forEach((l, k) =>
                  this.t.line(l, cx, top + take.length * lh + k * slh, { style: S.small, width: w, align: 'left' }),
                );
              },
              tr,
            );
          } else if (first) {
            const text = cells[col.key];
            this.tag('TD', () => this.t.line(text, cx, top, { style: S.body, width: w, align: col.align }), tr);
          }
          x += col.width;
        }
        tr.end();
        cur.y += Math.max(used, lh) + InvoiceLayout.PAD * 2;
        const y = cur.y;
        this.artifact(() =>
          this.doc
            .moveTo(M.left, y)
            .lineTo(M.left + CONTENT_W, y)
            .lineWidth(0.4)
            .stroke(C.rule),
        );
        first = false;
        if (li < descLines.length || si < sub.length) this.ensure(cur, Number.POSITIVE_INFINITY, true);
      }
    });
    this.tableStruct.end();
    this.tableStruct = null;
    cur.y += 10;
  }

  private taxLabel(b: TaxBreakdown): string {
    return [this.tr, ...(this.tr2 ? [this.tr2] : [])].map((tr) => this.taxLabelIn(b, tr)).join('\n');
  }

  private taxLabelIn(b: TaxBreakdown, tr: Translator): string {
    const base = this.fmt.money(b.taxable);
    const rate = this.fmt.percent(b.rate);
    const own = OWN_TAX_NAME[b.category];
    if (own) return tr.t('pdf.doc.tax.named', { name: own, rate, base });
    const key = `pdf.doc.category.${b.category}`;
    if (b.category === 'S' || !isMessageKey(key)) return tr.t('pdf.doc.tax.vat', { rate, base });
    const name = tr.text(key);
    return b.exemptionReason
      ? tr.t('pdf.doc.tax.exempt_reason', { name, reason: b.exemptionReason, base })
      : tr.t('pdf.doc.tax.exempt', { name, base });
  }

  private totals(cur: Cursor): void {
    const tot = this.inv.totals;
    const rows: Array<{ label: string; value: string; strong?: boolean; rule?: boolean }> = [];
    rows.push({ label: this.stacked('pdf.doc.subtotal'), value: this.fmt.money(tot.linesNet) });
    if (tot.allowance !== 0) {
      const d = this.inv.discount;
      rows.push({
        label:
          d?.kind === 'percent'
            ? this.stacked('pdf.doc.discount_percent', { percent: this.fmt.percent(d.percent) })
            : this.stacked('pdf.doc.discount'),
        value: this.fmt.money(-tot.allowance),
      });
      rows.push({ label: this.stacked('pdf.doc.total_excl_vat'), value: this.fmt.money(tot.taxExclusive) });
    }
    for (const b of tot.breakdown) rows.push({ label: this.taxLabel(b), value: this.fmt.money(b.tax) });
    rows.push({
      label: this.stacked('pdf.doc.total', { kind: this.inv.kind }),
      value: this.fmt.money(tot.total),
      strong: true,
      rule: true,
    });
    // What was settled since, and what is left: the balance the app shows (shared/settlement.ts).
    const inv = this.inv;
    const refunded = inv.refunded ?? 0;
    const credited = inv.credited ?? 0;
    if (!this.credit && inv.status !== 'cancelled' && (inv.paid !== 0 || credited !== 0 || refunded !== 0)) {
      if (credited !== 0) rows.push({ label: this.stacked('pdf.credited'), value: this.fmt.money(-credited) });
      if (inv.paid !== 0) rows.push({ label: this.stacked('pdf.doc.paid'), value: this.fmt.money(-inv.paid) });
      if (refunded !== 0) rows.push({ label: this.stacked('pdf.refunded'), value: this.fmt.money(refunded) });
      rows.push(
        inv.balance < 0
          ? { label: this.stacked('pdf.refund_due'), value: this.fmt.money(-inv.balance), strong: true }
          : { label: this.stacked('pdf.doc.balance_due'), value: this.fmt.money(inv.balance), strong: true },
      );
    }

    const valueW = Math.max(
      90,
      ...rows.map((r) => Math.ceil(this.t.measure(r.value, r.strong ? S.total : S.body)) + 8),
    );
    const labelW = 200;
    const x = M.left + CONTENT_W - labelW - valueW;
    const wrapped = rows.map((r) => this.t.wrap(r.label, r.strong ? S.total : S.body, labelW - 8));
    const heights = wrapped.map(
      (w, i) => w.length * lineHeight(rows[i]?.strong ? S.total : S.body) + (rows[i]?.rule ? 8 : 2),
    );
    // The totals block stays in one piece.
    this.ensure(cur, heights.reduce((s, h) => s + h, 0) + 8, false);
    const table = this.doc.struct('Table');
    this.root.add(table);
    rows.forEach((r, i) => {
      const style = r.strong ? S.total : S.body;
      if (r.rule) {
        const y = cur.y + 2;
        this.artifact(() =>
          this.doc
            .moveTo(this.t.x(x, 0), y)
            .lineTo(this.t.x(M.left + CONTENT_W, 0), y)
            .lineWidth(0.8)
            .stroke(C.text),
        );
        cur.y += 6;
      }
      const y = cur.y;
      const tr = this.doc.struct('TR');
      table.add(tr);
      this.tag(
        'TH',
        () => this.t.block(r.label, x, y, labelW - 8, { style, align: 'left', lines: wrapped[i] ?? [r.label] }),
        tr,
      );
      this.tag('TD', () => this.t.line(r.value, x + labelW, y, { style, width: valueW, align: 'right' }), tr);
      tr.end();
      cur.y += (wrapped[i]?.length ?? 1) * lineHeight(style) + 2;
    });
    table.end();
    cur.y += 14;
  }

  private payment(cur: Cursor): void {
    const links = this.inv.links.filter((l) => l.paymentUrl);
    // "Pay online" only while something is to be paid: never on a draft, a paid or cancelled invoice or a credit note.
    if (links.length === 0 || !asksForPayment(this.inv)) return;
    const qr = 84;
    for (const link of links) {
      const url = link.paymentUrl ?? '';
      const textX = M.left + qr + 14;
      const textW = CONTENT_W - qr - 14;
      const urlLines = this.t.wrap(url, S.body, textW);
      // How the link was obtained (documented or observed) is for the app to tell its user, not for the customer.
      const h = Math.max(qr, lineHeight(S.bodyBold) + urlLines.length * lineHeight(S.body) + 8);
      this.ensure(cur, h + 8, false);
      const top = cur.y;
      this.tag('Figure', () => drawQr(this.doc, url, this.t.x(M.left, qr), top, qr));
      this.tag('P', () => {
        let y = top + 6;
        this.t.line(this.label('pdf.doc.pay_online', { provider: providerName(link.provider) }), textX, y, {
          style: S.bodyBold,
          width: textW,
          align: 'left',
        });
        y += lineHeight(S.bodyBold);
        const urlTop = y;
        y += this.t.block(url, textX, y, textW, {
          style: { ...S.body, color: C.accent },
          align: 'left',
          lines: urlLines,
        });
        this.doc.link(this.t.x(textX, textW), urlTop, textW, y - urlTop, url);
      });
      cur.y = top + h + 10;
    }
  }

  private textSection(cur: Cursor, title: string, text: string | undefined): void {
    if (!text?.trim()) return;
    const lines = this.t.wrap(text.trim(), S.body, CONTENT_W);
    const lh = lineHeight(S.body);
    this.ensure(cur, lineHeight(S.label) + lh * Math.min(3, lines.length), false);
    this.tag('H2', () => this.t.line(title.toUpperCase(), M.left, cur.y, { style: S.label, align: 'left' }));
    cur.y += lineHeight(S.label);
    let i = 0;
    while (i < lines.length) {
      this.ensure(cur, lh, false);
      const chunk: string[] = [];
      let y = cur.y;
      while (i < lines.length && y + lh <= this.bottom) {
        chunk.push(lines[i++] ?? '');
        y += lh;
      }
      const top = cur.y;
      this.tag('P', () => this.t.block('', M.left, top, CONTENT_W, { style: S.body, align: 'left', lines: chunk }));
      cur.y = y;
    }
    cur.y += 10;
  }
}

/** Whether the document asks the customer to pay (and so may show a pay-online link and QR code). */
export function asksForPayment(inv: Invoice): boolean {
  return inv.kind === 'invoice' && ['issued', 'partially_paid', 'expired'].includes(inv.status) && inv.balance > 0;
}

const STATUS_LABEL: Partial<Record<Invoice['status'], PlainKey>> = {
  draft: 'pdf.doc.status.draft',
  paid: 'pdf.doc.status.paid',
  partially_paid: 'pdf.doc.status.partially_paid',
  cancelled: 'pdf.doc.status.cancelled',
  expired: 'pdf.doc.status.expired',
};

function addressLines(a: BusinessProfile['address'], language: Language): string[] {
  const cityLine = [a.postalCode, a.city].filter(Boolean).join(' ');
  const country = a.country ? countryName(a.country, language) : undefined;
  return [a.line1, a.line2, cityLine, a.region, country].filter((l): l is string => Boolean(l?.trim()));
}
