/**
 * Rendered fixture PDFs checked with real tools: qpdf --check, pdftotext (whole document and per page), pdfinfo,
 * pdfdetach, and the Factur-X validator from ../shared/standards when it is there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { renderInvoice, type RenderOptions } from '../../../main/pdf/render';
import { createFormatter } from '../../../main/pdf/format';
import type { BusinessProfile, Invoice } from '../../../shared/domain';
import { minorToMajorString } from '../../../shared/money';
import { tempDir } from '../../helpers/tmp';
import { CURRENCY_CASES, arabicCase, invoice, line, longInvoice, paymentLink, profile } from '../../unit/pdf/fixtures';
import {
  VALIDATOR,
  attachment,
  attachments,
  hasWords,
  letters,
  pdfInfo,
  pdfText,
  pdfXmp,
  qpdfCheck,
  hasAmount,
  squash,
  stripBidi,
  validateFacturX,
} from './tools';

const NOW = new Date('2025-03-02T10:00:00Z');

interface Fixture {
  name: string;
  invoice: Invoice;
  profile: BusinessProfile;
  opts?: RenderOptions;
}

const issued = invoice({
  discount: { kind: 'percent', percent: '5' },
  paid: 10000,
  notes: 'Merci pour votre confiance.',
  terms: 'Paiement à 30 jours par virement.',
  links: [paymentLink()],
});
const arabic = arabicCase();
const FIXTURES: Fixture[] = [
  { name: 'issued', invoice: issued, profile: profile() },
  { name: 'draft', invoice: invoice({ status: 'draft' }), profile: profile() },
  {
    name: 'credit',
    invoice: invoice({ kind: 'credit_note', number: 'AV-2025-0003', correctsInvoiceId: 'inv_01HZX3' }),
    profile: profile(),
    opts: { corrected: { number: 'F-2025-0042', issueDate: '2025-03-01' } },
  },
  { name: 'cancelled', invoice: invoice({ status: 'cancelled', links: [paymentLink()] }), profile: profile() },
  { name: 'arabic', invoice: arabic.invoice, profile: arabic.profile },
  { name: 'long', invoice: longInvoice(120), profile: profile({ locale: 'en-GB' }) },
  ...CURRENCY_CASES.map((c) => ({
    name: `currency-${c.currency}`,
    invoice: invoice({
      currency: c.currency,
      number: `C-${c.currency}-1`,
      lines: [line('Service fee', { unitPrice: 123456, taxRate: '14' })],
    }),
    profile: profile({ locale: c.locale, defaultCurrency: c.currency }),
  })),
];

const files = new Map<string, string>();
const results = new Map<string, Awaited<ReturnType<typeof renderInvoice>>>();
const fixture = (name: string): Fixture => FIXTURES.find((f) => f.name === name) ?? assert.fail(name);
const file = (name: string): string => files.get(name) ?? assert.fail(`no file for ${name}`);

const dir = tempDir('kassa-pdf-');

before(async () => {
  for (const f of FIXTURES) {
    const r = await renderInvoice(f.invoice, f.profile, { now: NOW, appVersion: '0.1.0-test', ...f.opts });
    const p = path.join(dir, `${f.name}.pdf`);
    fs.writeFileSync(p, r.pdf);
    files.set(f.name, p);
    results.set(f.name, r);
  }
});

describe('every fixture PDF', () => {
  it('passes qpdf --check', () => {
    for (const f of FIXTURES) {
      const r = qpdfCheck(file(f.name));
      assert.ok(r.ok, `${f.name}: ${r.output}`);
    }
  });

  it('shows the number, the customer, every line description and the total as the profile locale formats it', () => {
    for (const f of FIXTURES) {
      const text = pdfText(file(f.name));
      // Documents write Latin digits unless the business chose Arabic-Indic ones (an ar-EG locale alone does not).
      const digits = f.profile.documentDigits ?? 'latn';
      const fmt = createFormatter(`${f.profile.locale}-u-nu-${digits}`, f.invoice.currency);
      if (f.invoice.number) assert.ok(text.includes(f.invoice.number), `${f.name}: number`);
      assert.ok(hasWords(text, f.invoice.customer.name), `${f.name}: customer ${f.invoice.customer.name}`);
      for (const l of f.invoice.lines)
        assert.ok(letters(text).includes(letters(l.description)), `${f.name}: line "${l.description}"`);
      assert.ok(
        hasAmount(text, fmt.money(f.invoice.totals.total)),
        `${f.name}: total ${fmt.money(f.invoice.totals.total)}`,
      );
    }
  });

  it('has title and author in the document info, and PDF/A-3b identification in XMP', () => {
    for (const f of FIXTURES) {
      const info = pdfInfo(file(f.name));
      assert.equal(info.Author, f.profile.name, f.name);
      assert.match(info.Title ?? '', f.invoice.number ? new RegExp(f.invoice.number) : /^Draft/, f.name);
      assert.equal(info['PDF version'], '1.7');
      assert.equal(info.Tagged, 'yes');
      const xmp = pdfXmp(file(f.name));
      assert.match(xmp, /<pdfaid:part>3<\/pdfaid:part>/);
      assert.match(xmp, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
      assert.doesNotMatch(
        xmp,
        /&(?!amp;|lt;|gt;|quot;|apos;)/,
        `${f.name}: XMP text is escaped ("Atelier Lumière & Co")`,
      );
    }
  });
});

describe('states', () => {
  it('issued: payment link and QR, totals with the VAT breakdown, paid and balance', () => {
    const text = pdfText(file('issued'));
    const fmt = createFormatter('fr-FR', 'EUR');
    assert.ok(text.includes('https://checkout.kashier.example/pay/INV-7f3a9c?mid=MID-123-456'));
    assert.ok(text.includes('Pay online (Kashier)'));
    for (const b of issued.totals.breakdown)
      assert.ok(squash(text).includes(squash(fmt.money(b.tax))), `VAT ${b.rate}`);
    assert.ok(squash(text).includes(squash(fmt.money(issued.balance))));
    assert.ok(text.includes('Balance due'));
    assert.match(text, /\b1\s*\/\s*1\b/, 'page number');
    const raw = pdfText(file('issued'), undefined, true);
    assert.ok(!raw.includes('DRAFT') && !raw.includes('CANCELLED'));
  });

  it('draft: watermark, no number, and no Factur-X attachment (a draft is not an invoice)', () => {
    const text = pdfText(file('draft'));
    assert.ok(pdfText(file('draft'), undefined, true).includes('DRAFT'), 'watermark (rotated, so read in raw order)');
    assert.ok(text.includes('Draft (not yet numbered)'));
    assert.deepEqual(attachments(file('draft')), []);
    assert.doesNotMatch(pdfXmp(file('draft')), /fx:ConformanceLevel/);
    assert.equal(results.get('draft')?.facturX.embedded, false);
  });

  it('credit note: title, corrected invoice, TypeCode 381 in the XML', () => {
    const text = pdfText(file('credit'));
    assert.ok(text.includes('CREDIT NOTE'));
    assert.ok(text.includes('Corrects invoice') && text.includes('F-2025-0042'));
    assert.ok(text.includes('Total credit'));
    const xml = attachment(file('credit'), 'factur-x.xml');
    assert.match(xml, /<ram:TypeCode>381<\/ram:TypeCode>/);
    assert.match(xml, /<ram:IssuerAssignedID>F-2025-0042<\/ram:IssuerAssignedID>/);
  });

  it('cancelled: stamped, status shown, and no payment link offered', () => {
    const text = pdfText(file('cancelled'));
    assert.ok(
      pdfText(file('cancelled'), undefined, true).includes('CANCELLED'),
      'stamp (rotated, so read in raw order)',
    );
    assert.ok(!text.includes('Pay online'));
    assert.ok(text.includes('Cancelled'));
  });

  it('Arabic: the customer name in logical order, Arabic-Indic amounts with ج.م., no developer note on the link', () => {
    const text = pdfText(file('arabic'));
    assert.ok(hasWords(text, 'شركة النيل للتجارة'), stripBidi(text).slice(0, 600));
    assert.ok(stripBidi(text).includes('ج.م.'));
    const fmt = createFormatter('ar-EG', 'EGP');
    assert.ok(hasAmount(text, fmt.money(arabic.invoice.totals.total)), fmt.money(arabic.invoice.totals.total));
    // The link follows an observed pattern: a fact for the app's user, never printed on the customer's document.
    assert.ok(arabic.invoice.links.some((l) => l.paymentUrlObserved));
    assert.ok(!text.includes('observed') && !text.includes('documented'), 'no developer text');
    assert.ok(letters(text).includes(letters('خدمات تخزين (شهر مارس)')));
  });

  it('every provider currency sign is present with its locale', () => {
    for (const c of CURRENCY_CASES)
      assert.ok(stripBidi(pdfText(file(`currency-${c.currency}`))).includes(c.sign), `${c.currency} ${c.sign}`);
  });
});

describe('120-line invoice', () => {
  it('paginates with the table header on every page, every line once, and the totals once at the end', () => {
    const r = results.get('long');
    const pages = r?.pages ?? 0;
    assert.ok(pages >= 3, `${pages} pages`);
    assert.equal(pdfInfo(file('long')).Pages, String(pages));
    const seen = new Map<number, number>();
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(file('long'), p);
      assert.ok(
        /Description/.test(text) && /Unit price/.test(text) && /Amount/.test(text),
        `table header on page ${p}`,
      );
      assert.match(text, new RegExp(`\\b${p}\\s*/\\s*${pages}\\b`), `page number on page ${p}`);
      for (const m of text.matchAll(/Item (\d+):/g)) seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
      const hasTotals = text.includes('Subtotal');
      assert.equal(hasTotals, p === pages, `totals only on the last page (page ${p})`);
    }
    for (let i = 1; i <= 120; i++) assert.equal(seen.get(i), 1, `line ${i} appears exactly once`);
    const all = pdfText(file('long'));
    assert.equal(all.match(/Subtotal/g)?.length, 1);
    assert.ok(all.includes('Thank you for your business.') && all.includes('Payment within 30 days by bank transfer.'));
  });
});

describe('Factur-X attachment', () => {
  it('is listed by pdfdetach, parses, and its totals equal the ledger totals', () => {
    for (const f of FIXTURES.filter((x) => x.invoice.status !== 'draft')) {
      assert.deepEqual(attachments(file(f.name)), ['factur-x.xml'], f.name);
      const xml = attachment(file(f.name), 'factur-x.xml');
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rsm:CrossIndustryInvoice /);
      const sum =
        /<ram:SpecifiedTradeSettlementHeaderMonetarySummation>(.*)<\/ram:SpecifiedTradeSettlementHeaderMonetarySummation>/s.exec(
          xml,
        )?.[1] ?? '';
      const get = (n: string): string | undefined =>
        new RegExp(`<ram:${n}(?: [^>]*)?>([^<]*)</ram:${n}>`).exec(sum)?.[1];
      const m = (v: number): string => minorToMajorString(v, f.invoice.currency);
      assert.equal(get('LineTotalAmount'), m(f.invoice.totals.linesNet), f.name);
      assert.equal(get('TaxBasisTotalAmount'), m(f.invoice.totals.taxExclusive), f.name);
      assert.equal(get('TaxTotalAmount'), m(f.invoice.totals.tax), f.name);
      assert.equal(get('GrandTotalAmount'), m(f.invoice.totals.total), f.name);
      // An invoice's amount due is the balance the app shows; a credit note is due in full (set off against the
      // invoice), and a cancelled invoice is the document as it was issued, under its CANCELLED stamp.
      const asIssued = f.invoice.kind === 'credit_note' || f.invoice.status === 'cancelled';
      const due = asIssued ? f.invoice.totals.total : f.invoice.balance;
      assert.equal(get('DuePayableAmount'), m(due), f.name);
      const xmp = pdfXmp(file(f.name));
      for (const tag of [
        '<fx:DocumentType>INVOICE</fx:DocumentType>',
        '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>',
        '<fx:Version>1.0</fx:Version>',
        '<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>',
      ]) {
        assert.ok(xmp.includes(tag), `${f.name}: ${tag}`);
      }
      assert.match(xmp, /<pdfaSchema:prefix>fx<\/pdfaSchema:prefix>/);
    }
  });

  it('passes the Factur-X EN 16931 validator with 0 failed assertions', (t) => {
    if (!fs.existsSync(VALIDATOR)) {
      t.skip(`validator not found at ${VALIDATOR} (it lives in ../shared/standards beside the repository)`);
      return;
    }
    for (const f of FIXTURES.filter((x) => x.invoice.status !== 'draft')) {
      assert.deepEqual(results.get(f.name)?.facturX.missing, [], `${f.name} has the data EN 16931 needs`);
      const r = validateFacturX(file(f.name));
      assert.ok(r.ok, `${f.name}:\n${r.output}`);
      assert.match(r.output, /Schematron failed assertions: 0/);
    }
  });

  it('the validator really rejects a wrong total (the check above can fail)', (t) => {
    if (!fs.existsSync(VALIDATOR)) {
      t.skip(`validator not found at ${VALIDATOR}`);
      return;
    }
    const xml = attachment(file('issued'), 'factur-x.xml').replace(
      /<ram:GrandTotalAmount>[^<]*</,
      '<ram:GrandTotalAmount>1.00<',
    );
    const bad = path.join(path.dirname(file('issued')), 'bad-factur-x.xml');
    fs.writeFileSync(bad, xml);
    const r = validateFacturX(bad);
    assert.equal(r.ok, false, r.output);
  });
});

describe('fixtures are the real thing', () => {
  it('the long invoice really has 120 lines and the fixtures differ in state', () => {
    assert.equal(fixture('long').invoice.lines.length, 120);
    assert.equal(fixture('draft').invoice.status, 'draft');
    assert.equal(fixture('credit').invoice.kind, 'credit_note');
  });
});
