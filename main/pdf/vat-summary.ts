/**
 * The VAT summary as a one-page PDF (A4 landscape, PDF/A-3b like the invoices): the business, the range, whether it
 * is closed, then per currency one line per VAT category and rate with the taxable base and VAT of the invoices,
 * of the credit notes and the net, a total line, the exemption reasons and the cancelled invoices left out, and
 * the record chain's head. Written in the business's document language with its digits (the rule of
 * shared/document-style.ts, as its invoices are), amounts and dates formatted as the invoices format them
 * (main/pdf/format.ts), right to left for Arabic.
 *
 * One page whatever the data: the type shrinks to fit (down to 5.5 pt), and what would still not fit is
 * summarised in one line that points to the CSV, which always has every line.
 */
import type { VatCurrency, VatSummary } from '../../shared/contract/books';
import type { BusinessProfile } from '../../shared/domain';
import type { PlainKey } from '../../shared/i18n/catalogue';
import { directionOf } from '../../shared/i18n/languages';
import { vatRowReasons } from '../../shared/invoice-text';
import type { Translator } from '../../shared/i18n/translate';
import { documentLocaleOf, documentTranslator } from './document-locale';
import { createFormatter } from './format';
import { newPdfaDocument } from './pdfa-document';
import { lineHeight, type Align, type TextStyle } from './text';
import type { DocInfo } from './xmp';

const PAGE = { width: 841.89, height: 595.28 };
const M = { left: 40, right: 40, top: 40, bottom: 40 };
const W = PAGE.width - M.left - M.right;
const COLOR = { text: '#1a1a1a', muted: '#5f6368', accent: '#1f4e79', rule: '#c9ced6', band: '#eef2f7' };

interface Line {
  kind: 'currency' | 'head' | 'row' | 'total' | 'note';
  cells: string[];
}

export async function renderVatSummaryPdf(
  summary: VatSummary,
  profile: BusinessProfile,
  opts: { now?: Date; appVersion?: string } = {},
): Promise<Buffer> {
  // Written for the business itself: its document language and digits, by the rule its invoices follow.
  const { language, digits, locale } = documentLocaleOf(null, profile);
  const tr = documentTranslator(language, digits);
  const rtl = directionOf(language) === 'rtl';
  const dateFmt = createFormatter(locale, 'EUR');
  const now = opts.now ?? new Date(summary.generatedAt);
  const title = `${tr.t('vat.title')} ${summary.from} – ${summary.to}`;
  const info: DocInfo = {
    Title: title,
    Author: profile.name,
    Subject: title,
    Keywords: 'VAT, summary',
    Creator: `Kassa${opts.appVersion ? ` ${opts.appVersion}` : ''}`,
    Producer: 'Kassa (PDFKit)',
    CreationDate: now,
  };
  const pdfa = newPdfaDocument({ size: PAGE, margins: M, language, info });
  const { doc, text: t } = pdfa;
  doc.addPage({ size: [PAGE.width, PAGE.height], margins: M });

  // Mirrors x for right-to-left pages: columns run from the right edge.
  const at = (x: number, width: number): number => (rtl ? PAGE.width - x - width : x);
  const start: Align = rtl ? 'right' : 'left';
  const end: Align = rtl ? 'left' : 'right';

  // ---- header ----
  let y = M.top;
  const big: TextStyle = { size: 18, weight: 'bold', color: COLOR.accent };
  const body: TextStyle = { size: 9, color: COLOR.text };
  const muted: TextStyle = { size: 8, color: COLOR.muted };
  t.line(tr.t('vat.title'), at(M.left, W), y, { style: big, width: W, align: start });
  t.line(profile.name, at(M.left, W), y + 4, {
    style: { size: 11, weight: 'bold', color: COLOR.text },
    width: W,
    align: end,
  });
  y += lineHeight(big);
  const range = tr.t('vat.range', { from: dateFmt.date(summary.from), to: dateFmt.date(summary.to) });
  t.line(range, at(M.left, W), y, { style: body, width: W / 2, align: start });
  const ids = [profile.vatId ? `VAT ${profile.vatId}` : '', profile.taxId ? `Tax ${profile.taxId}` : '']
    .filter(Boolean)
    .join(' · ');
  if (ids) t.line(ids, at(M.left + W / 2, W / 2), y, { style: body, width: W / 2, align: end });
  y += lineHeight(body);
  const state =
    summary.closedPeriods.length > 0
      ? tr.t('vat.closed', { periods: summary.closedPeriods.join(', ') })
      : tr.t('vat.open');
  t.line(`${state} · ${tr.t('vat.documents', { count: summary.documents })}`, at(M.left, W), y, {
    style: muted,
    width: W,
    align: start,
  });
  y += lineHeight(muted) + 10;

  // ---- table ----
  const lines: Line[] = [];
  const category = (c: string): string => tr.t(`vat.category.${c}` as PlainKey);
  for (const c of summary.currencies) lines.push(...currencyLines(c, locale, category, tr));
  const footer = tr.t('vat.chain', { length: summary.chainHead.length, hash: summary.chainHead.hash });

  // Shrink the type until every line fits above the footer; past the smallest size, cut and say so.
  const bottom = PAGE.height - M.bottom - 2 * lineHeight(muted) - 4;
  let size = 9;
  const heightAt = (s: number): number =>
    lines.reduce(
      (h, l) => h + lineHeight({ size: s }) * (l.kind === 'currency' ? 1.6 : l.kind === 'head' ? 1.3 : 1.15),
      0,
    );
  while (size > 5.5 && y + heightAt(size) > bottom) size -= 0.5;
  // Category, rate, then three pairs (taxable, VAT) for invoices, credit notes and the net.
  const widths = [W * 0.22, W * 0.07, ...Array<number>(6).fill((W * 0.71) / 6)];
  const xs = widths.map((_, i) => M.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  let shown = 0;
  for (const l of lines) {
    const h = lineHeight({ size }) * (l.kind === 'currency' ? 1.6 : l.kind === 'head' ? 1.3 : 1.15);
    if (y + h > bottom) break;
    const bold = l.kind === 'currency' || l.kind === 'head' || l.kind === 'total';
    const style: TextStyle = {
      size: l.kind === 'currency' ? size + 1.5 : size,
      weight: bold ? 'bold' : 'regular',
      color: l.kind === 'note' ? COLOR.muted : COLOR.text,
    };
    if (l.kind === 'head') doc.rect(M.left, y - 1, W, h).fill(COLOR.band);
    if (l.kind === 'total')
      doc
        .moveTo(M.left, y - 1)
        .lineTo(M.left + W, y - 1)
        .lineWidth(0.5)
        .stroke(COLOR.rule);
    if (l.kind === 'currency' || l.kind === 'note') {
      t.line(l.cells[0] ?? '', at(M.left, W), y + (l.kind === 'currency' ? size * 0.4 : 0), {
        style,
        width: W,
        align: start,
      });
    } else {
      l.cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        t.line(cell, at((xs[i] ?? 0) + 2, w - 4), y + 1, { style, width: w - 4, align: i < 2 ? start : end });
      });
    }
    y += h;
    shown++;
  }
  if (shown < lines.length) {
    t.line(`… ${lines.length - shown} / ${lines.length} (CSV)`, at(M.left, W), y, {
      style: muted,
      width: W,
      align: start,
    });
  }
  if (summary.currencies.length === 0) {
    t.line(tr.t('vat.none'), at(M.left, W), y, { style: body, width: W, align: start });
  }

  // ---- footer ----
  const fy = PAGE.height - M.bottom - lineHeight(muted);
  doc
    .moveTo(M.left, fy - 4)
    .lineTo(M.left + W, fy - 4)
    .lineWidth(0.5)
    .stroke(COLOR.rule);
  t.line(footer, at(M.left, W * 0.75), fy, { style: { size: 7, color: COLOR.muted }, width: W * 0.75, align: start });
  t.line(
    tr.t('vat.generated', { at: dateFmt.date(summary.generatedAt.slice(0, 10)) }),
    at(M.left + W * 0.75, W * 0.25),
    fy,
    {
      style: muted,
      width: W * 0.25,
      align: end,
    },
  );
  return pdfa.end();
}

function currencyLines(c: VatCurrency, locale: string, category: (code: string) => string, tr: Translator): Line[] {
  const f = createFormatter(locale, c.currency);
  const out: Line[] = [
    { kind: 'currency', cells: [tr.t('vat.currency', { currency: c.currency })] },
    {
      kind: 'head',
      cells: [
        tr.t('vat.col.category'),
        tr.t('vat.col.rate'),
        `${tr.t('vat.col.invoices')} · ${tr.t('vat.col.taxable')}`,
        tr.t('vat.col.tax'),
        `${tr.t('vat.col.creditNotes')} · ${tr.t('vat.col.taxable')}`,
        tr.t('vat.col.tax'),
        `${tr.t('vat.col.net')} · ${tr.t('vat.col.taxable')}`,
        tr.t('vat.col.tax'),
      ],
    },
  ];
  const reasons = new Set<string>();
  for (const r of c.rows) {
    vatRowReasons(r, (m) => tr.message(m)).forEach((x) => reasons.add(x));
    out.push({
      kind: 'row',
      cells: [
        `${r.category} · ${category(r.category)}`,
        r.category === 'O' ? '' : f.percent(r.rate),
        f.money(r.invoices.taxable),
        f.money(r.invoices.tax),
        f.money(r.creditNotes.taxable),
        f.money(r.creditNotes.tax),
        f.money(r.net.taxable),
        f.money(r.net.tax),
      ],
    });
  }
  out.push({
    kind: 'total',
    cells: [
      tr.t('vat.total'),
      '',
      f.money(c.invoices.taxExclusive),
      f.money(c.invoices.tax),
      f.money(c.creditNotes.taxExclusive),
      f.money(c.creditNotes.tax),
      f.money(c.net.taxExclusive),
      f.money(c.net.tax),
    ],
  });
  if (reasons.size > 0)
    out.push({ kind: 'note', cells: [tr.t('vat.exemptions', { reasons: [...reasons].join('; ') })] });
  if (c.cancelled.count > 0)
    out.push({
      kind: 'note',
      cells: [tr.t('vat.cancelled', { count: c.cancelled.count, amount: f.money(c.cancelled.total) })],
    });
  return out;
}
