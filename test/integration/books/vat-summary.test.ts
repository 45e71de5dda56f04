/**
 * The VAT summary equals the sum of the documents to the minor unit: property-tested over random invoices (rates,
 * categories, exemption reasons, line and invoice discounts, currencies with 0, 2 and 3 decimals), credit notes
 * (whole and partial), cancellations and dates inside and outside the range, all issued through the contract.
 * The CSV and the one-page PDF carry the same figures.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { VatSummary } from '../../../shared/contract/books';
import type { Invoice, VatCategory } from '../../../shared/domain';
import { createFormatter } from '../../../main/pdf/format';
import { minorToMajorString } from '../../../shared/money';
import { tempDir } from '../../helpers/tmp';
import { pdfInfo, pdfText, pdfXmp, squash, stripBidi } from '../pdf/tools';
import { customer, ledgerServices, type Call } from '../ledger/helpers';

const TAX = [
  { taxCategory: 'S' as VatCategory, taxRate: '14' },
  { taxCategory: 'S' as VatCategory, taxRate: '7.5' },
  { taxCategory: 'S' as VatCategory, taxRate: '18' },
  { taxCategory: 'S' as VatCategory, taxRate: '19' },
  { taxCategory: 'Z' as VatCategory, taxRate: '0' },
  { taxCategory: 'E' as VatCategory, taxRate: '0', exemptionReason: 'Medical services, Art. 132' },
  { taxCategory: 'E' as VatCategory, taxRate: '0', exemptionReason: 'Education' },
  { taxCategory: 'AE' as VatCategory, taxRate: '0', exemptionReason: 'Reverse charge' },
  { taxCategory: 'L' as VatCategory, taxRate: '7' },
];

const lineArb = fc
  .record({
    tax: fc.constantFrom(...TAX),
    quantity: fc.constantFrom('1', '2', '0.5', '3.333', '12', '0.125'),
    unitPrice: fc.integer({ min: 1000, max: 2_000_000 }),
    discountShare: fc.constantFrom(0, 0, 0.1, 0.37),
  })
  .map(({ tax, quantity, unitPrice, discountShare }) => {
    const gross = Math.round(Number(quantity) * unitPrice);
    const discount = Math.floor(gross * discountShare);
    return { description: 'Item', quantity, unitPrice, ...tax, ...(discount > 0 ? { discount } : {}) };
  });

const docArb = fc.record({
  currency: fc.constantFrom('EUR', 'EGP', 'NGN', 'PEN', 'JPY', 'KWD'),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  discount: fc.oneof(
    fc.constant(null),
    fc.constantFrom('5', '12.5', '33.3333').map((percent) => ({ kind: 'percent' as const, percent })),
    fc.integer({ min: 1, max: 50 }).map((amount) => ({ kind: 'amount' as const, amount })),
  ),
  /** Day of the year the invoice is issued (1–360). */
  day: fc.integer({ min: 1, max: 360 }),
  /** What happens to it next: nothing, a whole credit note, a partial one, or a cancellation. */
  then: fc.constantFrom('keep', 'keep', 'credit_all', 'credit_part', 'cancel'),
  creditAfter: fc.integer({ min: 0, max: 60 }),
});
// A partial credit note credits an eighth of the first line's price: always within what is left to credit, whatever
// the line and invoice discounts took off.

const dayOf = (year: number, day: number): string =>
  new Date(Date.UTC(year, 0, Math.min(day, 365))).toISOString().slice(0, 10);

/** Independent sum: every counting document's own breakdown (as invoice.get returns it), grouped. */
function expected(docs: Invoice[], from: string, to: string) {
  const out = new Map<
    string,
    { taxable: number; tax: number; count: number; ctaxable: number; ctax: number; ccount: number }
  >();
  const totals = new Map<
    string,
    { inv: number; cn: number; cancelled: number; cancelledCount: number; invTax: number; cnTax: number }
  >();
  for (const d of docs) {
    if (!d.issueDate || d.issueDate < from || d.issueDate > to) continue;
    const t = totals.get(d.currency) ?? { inv: 0, cn: 0, cancelled: 0, cancelledCount: 0, invTax: 0, cnTax: 0 };
    totals.set(d.currency, t);
    if (d.kind === 'invoice' && d.status === 'cancelled' && (d.credited ?? 0) < d.totals.total) {
      t.cancelled += d.totals.total;
      t.cancelledCount++;
      continue;
    }
    if (d.kind === 'invoice') {
      t.inv += d.totals.total;
      t.invTax += d.totals.tax;
    } else {
      t.cn += d.totals.total;
      t.cnTax += d.totals.tax;
    }
    for (const b of d.totals.breakdown) {
      const k = `${d.currency}|${b.category}|${b.rate}`;
      const g = out.get(k) ?? { taxable: 0, tax: 0, count: 0, ctaxable: 0, ctax: 0, ccount: 0 };
      if (d.kind === 'invoice') {
        g.taxable += b.taxable;
        g.tax += b.tax;
        g.count++;
      } else {
        g.ctaxable += b.taxable;
        g.ctax += b.tax;
        g.ccount++;
      }
      out.set(k, g);
    }
  }
  return { groups: out, totals };
}

async function issueAll(
  call: Call,
  customerId: string,
  year: number,
  plan: Array<typeof docArb extends fc.Arbitrary<infer T> ? T : never>,
): Promise<string[]> {
  // Numbers follow dates within a series, so issue invoices in date order and credit notes after them, in order.
  const sorted = [...plan].sort((a, b) => a.day - b.day);
  const ids: string[] = [];
  const credits: Array<{ id: string; day: number; part: boolean; lines: (typeof sorted)[number]['lines'] }> = [];
  for (const p of sorted) {
    const d = await call('invoice.create', {
      customerId,
      currency: p.currency,
      lines: p.lines,
      ...(p.discount ? { discount: p.discount } : {}),
    });
    const inv = await call('invoice.issue', { id: d.id, issueDate: dayOf(year, p.day) });
    ids.push(inv.id);
    if (p.then === 'cancel') await call('invoice.cancel', { id: inv.id, reason: 'test' });
    if (p.then === 'credit_all' || p.then === 'credit_part')
      credits.push({ id: inv.id, day: p.day + p.creditAfter, part: p.then === 'credit_part', lines: p.lines });
  }
  credits.sort((a, b) => a.day - b.day);
  for (const c of credits) {
    const input = c.part
      ? {
          id: c.id,
          issueDate: dayOf(year, c.day),
          lines: [{ ...c.lines[0]!, unitPrice: Math.floor(c.lines[0]!.unitPrice / 8), discount: undefined }],
        }
      : { id: c.id, issueDate: dayOf(year, c.day) };
    const r = await call('invoice.credit', input);
    ids.push(r.creditNote.id);
  }
  return ids;
}

type Expected = ReturnType<typeof expected>;

/** The CSV has, per currency, the rate lines, the total line and the cancelled line of the independent sums. */
async function assertCsv(call: Call, from: string, to: string, want: Expected, file: string): Promise<void> {
  await call('report.vatFile', { from, to, format: 'csv', file });
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const seen = new Set<string>();
  for (const [key, g] of want.groups) {
    const [cur, category, rate] = key.split('|') as [string, string, string];
    const m = (minor: number): string => minorToMajorString(minor, cur);
    const r = rows.find((x) => x.currency === cur && x.row === 'rate' && x.category === category && x.rate === rate);
    assert.ok(r, `CSV lacks ${key}`);
    seen.add(key);
    assert.deepEqual(
      [r.invoices, r.invoices_taxable, r.invoices_tax, r.credit_notes, r.credit_notes_taxable, r.credit_notes_tax],
      [String(g.count), m(g.taxable), m(g.tax), String(g.ccount), m(g.ctaxable), m(g.ctax)],
      `CSV ${key}`,
    );
    assert.deepEqual(
      [r.net_taxable, r.net_tax, r.net_total],
      [m(g.taxable - g.ctaxable), m(g.tax - g.ctax), m(g.taxable + g.tax - g.ctaxable - g.ctax)],
      `CSV ${key} net`,
    );
  }
  assert.equal(rows.filter((x) => x.row === 'rate').length, seen.size, 'CSV has no rate line the documents lack');
  for (const [cur, t] of want.totals) {
    const m = (minor: number): string => minorToMajorString(minor, cur);
    const total = rows.find((x) => x.currency === cur && x.row === 'total');
    assert.ok(total, `CSV lacks the ${cur} total`);
    assert.deepEqual(
      [total.invoices_taxable, total.invoices_tax, total.credit_notes_taxable, total.credit_notes_tax, total.net_total],
      [m(t.inv - t.invTax), m(t.invTax), m(t.cn - t.cnTax), m(t.cnTax), m(t.inv - t.cn)],
      `CSV ${cur} total`,
    );
    const cancelled = rows.find((x) => x.currency === cur && x.row === 'cancelled');
    if (t.cancelledCount === 0) assert.equal(cancelled, undefined, `${cur}: no cancelled line without cancellations`);
    else assert.deepEqual([cancelled?.invoices, cancelled?.net_total], [String(t.cancelledCount), m(t.cancelled)]);
  }
}

/**
 * The PDF's total line of each currency, in the order it draws its cells (pdftotext -raw): taxable and VAT of the
 * invoices, of the credit notes and the net, formatted as the PDF formats money. A currency may be missing only
 * when the page was full and says how many lines the CSV alone has.
 */
async function assertPdf(call: Call, from: string, to: string, want: Expected, file: string): Promise<void> {
  await call('report.vatFile', { from, to, format: 'pdf', file });
  assert.equal(pdfInfo(file).Pages, '1');
  const text = squash(pdfText(file, undefined, true));
  const currencies = [...want.totals.keys()].sort();
  currencies.forEach((cur, i) => {
    const t = want.totals.get(cur)!;
    const f = createFormatter(LOCALE, cur);
    const cells = [
      t.inv - t.invTax,
      t.invTax,
      t.cn - t.cnTax,
      t.cnTax,
      t.inv - t.cn - (t.invTax - t.cnTax),
      t.invTax - t.cnTax,
    ];
    const line = squash(`Total${cells.map((x) => f.money(x)).join('')}`);
    if (text.includes(line)) return;
    assert.ok(i > 0, `PDF lacks the first currency's total line ${line}: ${text.slice(0, 600)}`);
    assert.match(text, /…\d+\/\d+\(CSV\)/, `PDF lacks ${line} and does not say it was cut`);
  });
}

const LOCALE = 'en-GB';

describe('VAT summary', () => {
  it('equals the sum of the documents to the minor unit, in JSON, CSV and PDF (property over random invoices, credit notes, rates)', async () => {
    const { call } = await ledgerServices('2150-01-01T12:00:00Z');
    await call('profile.set', { name: 'Nile Bakery', locale: LOCALE });
    const c = await customer(call);
    const dir = tempDir();
    let year = 1990;
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 180 }),
        fc.integer({ min: 0, max: 200 }),
        async (plan, startDay, span) => {
          year++;
          const ids = await issueAll(call, c, year, plan);
          const from = dayOf(year, startDay);
          const to = dayOf(year, Math.min(365, startDay + span));
          const docs = await Promise.all(ids.map((id) => call('invoice.get', { id })));
          const want = expected(docs, from, to);
          const got = await call('report.vat', { from, to });

          const groups = new Map<string, unknown>();
          for (const cur of got.currencies) {
            for (const r of cur.rows) {
              groups.set(`${cur.currency}|${r.category}|${r.rate}`, {
                taxable: r.invoices.taxable,
                tax: r.invoices.tax,
                count: r.invoices.count,
                ctaxable: r.creditNotes.taxable,
                ctax: r.creditNotes.tax,
                ccount: r.creditNotes.count,
              });
              assert.equal(r.net.taxable, r.invoices.taxable - r.creditNotes.taxable);
              assert.equal(r.net.tax, r.invoices.tax - r.creditNotes.tax);
            }
            const t = want.totals.get(cur.currency);
            assert.ok(t, `unexpected currency ${cur.currency}`);
            assert.equal(cur.invoices.total, t.inv, `${cur.currency} invoices total`);
            assert.equal(cur.creditNotes.total, t.cn, `${cur.currency} credit notes total`);
            assert.equal(cur.invoices.tax, t.invTax);
            assert.equal(cur.creditNotes.tax, t.cnTax);
            assert.equal(cur.cancelled.total, t.cancelled);
            // The rows add up to the document totals: VAT was summed per document, never recomputed on a sum.
            assert.equal(
              cur.rows.reduce((a, r) => a + r.invoices.taxable + r.invoices.tax, 0),
              cur.invoices.total,
            );
            assert.equal(cur.net.total, t.inv - t.cn);
          }
          assert.deepEqual(groups, want.groups);
          assert.equal(
            got.documents,
            docs.filter(
              (d) =>
                d.issueDate! >= from &&
                d.issueDate! <= to &&
                !(d.kind === 'invoice' && d.status === 'cancelled' && (d.credited ?? 0) < d.totals.total),
            ).length,
          );
          await assertCsv(call, from, to, want, path.join(dir, `vat-${year}.csv`));
          await assertPdf(call, from, to, want, path.join(dir, `vat-${year}.pdf`));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('lists exemption reasons per category and rate; CSV and one-page PDF carry the same figures', async () => {
    const { call } = await ledgerServices('2026-04-05T12:00:00Z');
    await call('profile.set', { name: 'Nile Bakery', vatId: 'EG123456789', locale: 'en-GB' });
    const c = await customer(call);
    const mk = async (issueDate: string, lines: Array<Record<string, unknown>>, currency = 'EGP') => {
      const d = await call('invoice.create', { customerId: c, currency, lines: lines as never });
      return call('invoice.issue', { id: d.id, issueDate });
    };
    const base = { description: 'x', quantity: '1' };
    const a = await mk('2026-03-02', [
      { ...base, unitPrice: 10_000, taxRate: '14', taxCategory: 'S' },
      { ...base, unitPrice: 5_000, taxRate: '0', taxCategory: 'E', exemptionReason: 'Bread, Art. 12' },
    ]);
    await mk('2026-03-20', [{ ...base, unitPrice: 3_333, taxRate: '14', taxCategory: 'S' }]);
    await mk('2026-03-21', [{ ...base, unitPrice: 2_000, taxRate: '0', taxCategory: 'E', exemptionReason: 'Milk' }]);
    await mk('2026-03-25', [{ ...base, unitPrice: 10_000, taxRate: '7.5', taxCategory: 'S' }], 'NGN');
    await mk('2026-04-01', [{ ...base, unitPrice: 99_999, taxRate: '14', taxCategory: 'S' }]);
    await call('invoice.credit', {
      id: a.id,
      issueDate: '2026-03-30',
      lines: [{ ...base, unitPrice: 1_000, taxRate: '14', taxCategory: 'S' }] as never,
    });
    await call('period.close', { period: '2026-03' });

    const s: VatSummary = await call('report.vat', { from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual(s.closedPeriods, ['2026-03']);
    assert.equal(s.documents, 5);
    const egp = s.currencies.find((x) => x.currency === 'EGP')!;
    assert.deepEqual(
      egp.rows.map((r) => [
        r.category,
        r.rate,
        r.exemptionReasons,
        r.invoices.taxable,
        r.invoices.tax,
        r.creditNotes.taxable,
        r.creditNotes.tax,
      ]),
      [
        ['E', '0', ['Bread, Art. 12', 'Milk'], 7_000, 0, 0, 0],
        // 1400 + 466.62 → 466.62 rounds to 467 on its own invoice: 1400 + 467, never 14 % of 13 333.
        ['S', '14', [], 13_333, 1_867, 1_000, 140],
      ],
    );
    assert.deepEqual(egp.net, { taxExclusive: 19_333, tax: 1_727, total: 21_060 });
    assert.equal(s.chainHead.length, 7, 'six documents and the close');

    const dir = tempDir();
    const csvFile = path.join(dir, 'vat.csv');
    await call('report.vatFile', { from: '2026-03-01', to: '2026-03-31', format: 'csv', file: csvFile });
    const rows = parse(fs.readFileSync(csvFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const s14 = rows.find((r) => r.currency === 'EGP' && r.row === 'rate' && r.rate === '14')!;
    assert.deepEqual(
      [s14.invoices_taxable, s14.invoices_tax, s14.credit_notes_tax, s14.net_tax],
      ['133.33', '18.67', '1.40', '17.27'],
    );
    assert.equal(
      rows.find((r) => r.currency === 'EGP' && r.row === 'rate' && r.category === 'E')!.exemption_reasons,
      'Bread, Art. 12; Milk',
    );
    assert.equal(rows.find((r) => r.currency === 'NGN' && r.row === 'total')!.net_tax, minorToMajorString(750, 'NGN'));

    const pdfFile = path.join(dir, 'vat.pdf');
    const r = await call('report.vatFile', { from: '2026-03-01', to: '2026-03-31', format: 'pdf', file: pdfFile });
    assert.ok(r.bytes > 1000);
    assert.equal(pdfInfo(pdfFile).Pages, '1');
    const text = squash(pdfText(pdfFile));
    for (const want of [
      'VATsummary',
      'NileBakery',
      'Closedperiods:2026-03',
      'EGP133.33',
      'EGP18.67',
      'EGP17.27',
      'Bread,Art.12;Milk',
      'NGN7.50',
    ])
      assert.ok(text.includes(want), `PDF lacks ${want}: ${text.slice(0, 400)}`);
  });

  it("is written in the profile's document language and digits, not its locale's, and is PDF/A-3b", async () => {
    const { call } = await ledgerServices('2026-04-05T12:00:00Z');
    // An Egyptian business (ar-EG would write Arabic with Arabic-Indic digits) that keeps its documents in English.
    await call('profile.set', { name: 'Nile Bakery', locale: 'ar-EG', language: 'en' });
    const c = await customer(call);
    const d = await call('invoice.create', {
      customerId: c,
      currency: 'EGP',
      lines: [{ description: 'x', quantity: '1', unitPrice: 123_456, taxRate: '14', taxCategory: 'S' }] as never,
    });
    await call('invoice.issue', { id: d.id, issueDate: '2026-03-02' });
    const dir = tempDir();
    const render = async (name: string): Promise<string> => {
      const file = path.join(dir, `${name}.pdf`);
      await call('report.vatFile', { from: '2026-03-01', to: '2026-03-31', format: 'pdf', file });
      const xmp = pdfXmp(file);
      assert.match(xmp, /<pdfaid:part>3<\/pdfaid:part>/, `${name}: PDF/A-3 identification`);
      assert.match(xmp, /<pdfaid:conformance>B<\/pdfaid:conformance>/, `${name}: conformance B`);
      return stripBidi(pdfText(file));
    };

    const en = await render('en');
    assert.ok(en.includes('VAT summary'), en.slice(0, 300));
    assert.ok(squash(en).includes('1,234.56'), `Latin digits: ${en.slice(0, 600)}`);
    assert.ok(!/[\u0600-\u06ff]/.test(en), 'no Arabic letter or digit in an English summary');

    await call('profile.set', { language: 'ar' });
    const ar = await render('ar');
    assert.ok(ar.includes('ملخص ضريبة القيمة المضافة'), ar.slice(0, 300));
    assert.ok(!ar.includes('VAT summary'));
    assert.ok(!/[٠-٩]/.test(ar) && squash(ar).includes('1,234.56'), `Latin digits unless chosen: ${ar.slice(0, 600)}`);

    await call('profile.set', { documentDigits: 'arab' });
    const arab = await render('arab');
    assert.ok(/[٠-٩]/.test(arab) && !squash(arab).includes('1,234.56'), `Arabic-Indic digits: ${arab.slice(0, 600)}`);
  });
});
