/**
 * The amount a customer is asked to pay at the provider equals the ledger total to the minor unit, for random
 * invoices with mixed tax rates, fractional quantities, line discounts, invoice discounts and odd roundings.
 * Invoices are built with computeTotals, exactly as the ledger builds them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { InvoiceDiscount, LineItem, VatCategory } from '../../../shared/domain';
import { majorToMinor } from '../../../shared/money';
import { lineGross } from '../../../shared/totals';
import { exactLines } from '../../../main/providers/exact-lines';
import { kashierCreateBody } from '../../../main/providers/kashier/map';
import { paycashlessCreateBody } from '../../../main/providers/paycashless/map';
import { makeInvoice } from '../../fakes/provider-fixtures';

const quantityArb = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 999 }))
    .map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`),
  fc.constantFrom('0.5', '1.25', '2.0', '3.333', '0.001'),
);

const lineArb: fc.Arbitrary<LineItem> = fc
  .record({
    description: fc.constantFrom('Widget', 'Consulting', 'Ünïcode ✓ item', 'Travel'),
    quantity: quantityArb,
    unitPrice: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(1, 3, 7, 99, 333, 1_001)),
    taxRate: fc.constantFrom('0', '5', '7.5', '14', '19.6', '20', '12.3456'),
    taxCategory: fc.constantFrom<VatCategory>('S', 'Z', 'E', 'AE'),
    discountPct: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
  })
  .map(({ discountPct, ...l }) => {
    const gross = lineGross(l);
    const discount = Math.floor((gross * discountPct) / 100);
    return discount > 0 ? { ...l, discount } : l;
  });

const discountArb = (linesNet: number): fc.Arbitrary<InvoiceDiscount | null> =>
  fc.oneof(
    fc.constant(null),
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]): InvoiceDiscount => ({
      kind: 'percent',
      percent: w === 100 ? '100' : `${w}.${String(f).padStart(4, '0')}`,
    })),
    fc.integer({ min: 0, max: Math.max(0, linesNet) }).map((amount): InvoiceDiscount => ({ kind: 'amount', amount })),
  );

const invoiceArb = (currency: string) =>
  fc
    .array(lineArb, { minLength: 1, maxLength: 7 })
    .chain((lines) => {
      const net = lines.reduce((s, l) => s + lineGross(l) - (l.discount ?? 0), 0);
      return discountArb(net).map((discount) => makeInvoice({ lines, discount, currency }));
    })
    .filter((inv) => inv.totals.total > 0);

test('Kashier: totalAmount and Σ quantity × unitPrice equal the ledger total to the minor unit', () => {
  fc.assert(
    fc.property(invoiceArb('EGP'), (inv) => {
      const body = kashierCreateBody(inv, 'MID-1', '191');
      assert.equal(majorToMinor(body.totalAmount, 'EGP'), inv.totals.total);
      assert.equal(body.tax, 0);
      let sum = 0;
      let floatSum = 0;
      for (const it of body.invoiceItems) {
        assert.ok(Number.isInteger(it.quantity) && it.quantity >= 1, 'whole quantities only');
        const unit = majorToMinor(it.unitPrice, 'EGP');
        assert.ok(unit >= 0);
        assert.equal(majorToMinor(it.subTotal, 'EGP'), it.quantity * unit);
        sum += it.quantity * unit;
        floatSum += it.quantity * it.unitPrice; // what a provider adding floats would get
      }
      assert.equal(sum, inv.totals.total);
      assert.equal(Math.round(floatSum * 100), inv.totals.total);
    }),
    { numRuns: 1500 },
  );
});

test('Paycashless: Σ quantity × price (smallest unit) equals the ledger total exactly', () => {
  fc.assert(
    fc.property(invoiceArb('NGN'), (inv) => {
      const body = paycashlessCreateBody(inv, {
        reference: inv.number ?? '',
        sendEmail: false,
        today: new Date('2026-03-01T00:00:00Z'),
      });
      let sum = 0;
      for (const it of body.items) {
        assert.ok(Number.isInteger(it.quantity) && it.quantity >= 1);
        assert.ok(Number.isInteger(it.price) && it.price >= 0);
        sum += it.quantity * it.price;
      }
      assert.equal(sum, inv.totals.total);
      assert.equal(body.reference, inv.number);
      assert.equal(body.autoFinalize, true);
    }),
    { numRuns: 1500 },
  );
});

test('lines that need nothing folded keep their quantity and price; tax travels as one line per rate', () => {
  const inv = makeInvoice({
    lines: [
      { description: 'Box', quantity: '3', unitPrice: 1_999, taxRate: '14', taxCategory: 'S' },
      { description: 'Half day', quantity: '0.5', unitPrice: 33_333, taxRate: '14', taxCategory: 'S' },
      { description: 'Book', quantity: '1', unitPrice: 2_500, discount: 250, taxRate: '5', taxCategory: 'S' },
    ],
  });
  const lines = exactLines(inv);
  assert.deepEqual(
    lines.map((l) => [l.kind, l.quantity, l.unitPrice]),
    [
      ['item', 3, 1_999],
      ['item', 1, 16_667], // 0.5 × 333.33 = 166.665 → 166.67
      ['item', 1, 2_250],
      ['tax', 1, inv.totals.breakdown.find((b) => b.rate === '5')?.tax],
      ['tax', 1, inv.totals.breakdown.find((b) => b.rate === '14')?.tax],
    ],
  );
  assert.match(lines[1]?.description ?? '', /0\.5 × 333\.33/);
  assert.match(lines[2]?.description ?? '', /less line discount 2\.50/);
  assert.equal(
    lines.reduce((s, l) => s + l.subTotal, 0),
    inv.totals.total,
  );
});

test('an invoice discount is spread over the lines, never sent as a negative amount', () => {
  const inv = makeInvoice({
    lines: [
      { description: 'A', quantity: '1', unitPrice: 1_000, taxRate: '0', taxCategory: 'Z' },
      { description: 'B', quantity: '1', unitPrice: 2_001, taxRate: '20', taxCategory: 'S' },
    ],
    discount: { kind: 'amount', amount: 1_001 },
  });
  const lines = exactLines(inv);
  assert.ok(lines.every((l) => l.unitPrice >= 0));
  assert.equal(
    lines.reduce((s, l) => s + l.subTotal, 0),
    inv.totals.total,
  );
  assert.ok(lines.some((l) => /invoice discount/.test(l.description)));
});

test('stored totals that disagree with the lines are never sent', () => {
  const inv = makeInvoice();
  const broken = { ...inv, totals: { ...inv.totals, total: inv.totals.total + 1 } };
  assert.throws(() => exactLines(broken), { code: 'totals_mismatch' });
});
