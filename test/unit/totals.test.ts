/**
 * Property tests of the EN 16931 totals (shared/totals.ts) with fast-check: the invariants a bookkeeper relies
 * on, checked on thousands of generated invoices, with exact rational arithmetic as the referee.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { InvoiceDiscount, VatCategory } from '../../shared/domain';
import { allocate, computeTotals, lineGross, type TotalsLine } from '../../shared/totals';

const RUNS = { numRuns: 500 };

const taxArb = fc.oneof(
  fc.record({
    taxCategory: fc.constant<VatCategory>('S'),
    taxRate: fc.constantFrom('14', '19', '7.5', '5.5', '0.1', '20.25', '21.0', '014'),
  }),
  fc.record({ taxCategory: fc.constant<VatCategory>('Z'), taxRate: fc.constant('0') }),
  fc.record({
    taxCategory: fc.constantFrom<VatCategory>('E', 'AE', 'O'),
    taxRate: fc.constant('0'),
    exemptionReason: fc.constantFrom('Exempt under Art. 132', 'Reverse charge', 'Outside scope'),
  }),
  fc.record({ taxCategory: fc.constantFrom<VatCategory>('L', 'M'), taxRate: fc.constantFrom('0', '3', '7') }),
);

/** A quantity with 0–3 decimals as an exact string. */
const quantityArb = fc
  .tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, scale]) => {
    const s = String(units).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });

const lineArb: fc.Arbitrary<TotalsLine> = fc
  .record({
    quantity: quantityArb,
    unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
    tax: taxArb,
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    hasDiscount: fc.boolean(),
  })
  .map(({ quantity, unitPrice, tax, discountShare, hasDiscount }) => {
    const line: TotalsLine = { quantity, unitPrice, ...tax };
    const gross = lineGross(line);
    if (hasDiscount) line.discount = Math.floor(gross * discountShare);
    return line;
  });

const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 12 });

const discountArb = (linesNet: number): fc.Arbitrary<InvoiceDiscount | null> =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: Math.max(0, linesNet) }).map((amount): InvoiceDiscount => ({ kind: 'amount', amount })),
    fc
      .constantFrom('0', '2.5', '10', '33.3333', '100')
      .map((percent): InvoiceDiscount => ({ kind: 'percent', percent })),
  );

/** Lines plus a discount that fits them. */
const invoiceArb = linesArb.chain((lines) => {
  const net = computeTotals(lines, null).linesNet;
  return fc.tuple(fc.constant(lines), discountArb(net));
});

/** Lines, a discount, and the same lines in another order. */
const shuffledArb = invoiceArb.chain(([lines, discount]) =>
  fc.tuple(
    fc.constant(lines),
    fc.constant(discount),
    fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }),
  ),
);

test('reordering lines never changes the totals or the VAT breakdown', () => {
  fc.assert(
    fc.property(shuffledArb, ([lines, discount, shuffled]) => {
      const a = computeTotals(lines, discount);
      const b = computeTotals(shuffled, discount);
      assert.deepEqual(
        { ...a, lineNets: [...a.lineNets].sort((x, y) => x - y) },
        { ...b, lineNets: [...b.lineNets].sort((x, y) => x - y) },
      );
    }),
    RUNS,
  );
});

test('linesNet − allowance + tax = total, and the breakdown adds up to the document totals', () => {
  fc.assert(
    fc.property(invoiceArb, ([lines, discount]) => {
      const t = computeTotals(lines, discount);
      assert.equal(t.linesNet - t.allowance + t.tax, t.total);
      assert.equal(t.taxExclusive, t.linesNet - t.allowance);
      assert.equal(
        t.lineNets.reduce((s, n) => s + n, 0),
        t.linesNet,
      );
      assert.equal(
        t.breakdown.reduce((s, b) => s + b.linesNet, 0),
        t.linesNet,
      );
      assert.equal(
        t.breakdown.reduce((s, b) => s + b.allowance, 0),
        t.allowance,
      );
      assert.equal(
        t.breakdown.reduce((s, b) => s + b.tax, 0),
        t.tax,
      );
      for (const b of t.breakdown) assert.equal(b.taxable, b.linesNet - b.allowance);
      for (const n of [t.linesNet, t.allowance, t.tax, t.total, ...t.lineNets]) assert.ok(Number.isSafeInteger(n));
    }),
    RUNS,
  );
});

test('the allowance parts add up exactly to an amount discount, each within one minor unit of its exact share', () => {
  fc.assert(
    fc.property(invoiceArb, ([lines, discount]) => {
      if (discount?.kind !== 'amount') return;
      const t = computeTotals(lines, discount);
      assert.equal(t.allowance, discount.amount);
      if (t.linesNet === 0) return;
      for (const b of t.breakdown) {
        // |allowance·linesNet − amount·groupNet| < linesNet  ⇔  |allowance − exact share| < 1
        const diff = BigInt(b.allowance) * BigInt(t.linesNet) - BigInt(discount.amount) * BigInt(b.linesNet);
        assert.ok((diff < 0n ? -diff : diff) < BigInt(t.linesNet), `allowance ${b.allowance} too far from its share`);
      }
    }),
    RUNS,
  );
});

test('each line net is quantity × price rounded half away from zero, minus the line discount', () => {
  fc.assert(
    fc.property(lineArb, (line) => {
      const [net] = computeTotals([line], null).lineNets;
      const [, whole = '0', frac = ''] = /^(\d+)(?:\.(\d+))?$/.exec(line.quantity) ?? [];
      const scale = 10n ** BigInt(frac.length);
      const exact2 = BigInt(whole + frac) * BigInt(line.unitPrice) * 2n; // 2 × q × p × scale
      const rounded = (exact2 + scale) / (2n * scale); // half up (all positive)
      assert.equal(BigInt(net ?? NaN), rounded - BigInt(line.discount ?? 0));
    }),
    RUNS,
  );
});

test('VAT is computed once per category and rate, on the taxable amount, rounded to the nearest minor unit', () => {
  fc.assert(
    fc.property(invoiceArb, ([lines, discount]) => {
      const t = computeTotals(lines, discount);
      const keys = t.breakdown.map((b) => `${b.category}|${b.rate}`);
      assert.equal(new Set(keys).size, keys.length, 'one breakdown row per category and rate');
      for (const b of t.breakdown) {
        const [, w = '0', f = ''] = /^(\d+)(?:\.(\d+))?$/.exec(b.rate) ?? [];
        const rateScaled = BigInt(w + f); // rate × 10^f
        const denom = 100n * 10n ** BigInt(f.length);
        // |tax·denom − taxable·rateScaled| ≤ denom/2
        const diff = BigInt(b.tax) * denom - BigInt(b.taxable) * rateScaled;
        assert.ok(
          2n * (diff < 0n ? -diff : diff) <= denom,
          `tax ${b.tax} is not the rounded VAT of ${b.taxable} at ${b.rate}%`,
        );
      }
    }),
    RUNS,
  );
});

test('rates written differently ("14", "14.0", "014") fall into one breakdown row', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('14', '14.0', '014', '14.00'), fc.integer({ min: 1, max: 1_000_000 })), {
        minLength: 2,
        maxLength: 6,
      }),
      (rows) => {
        const t = computeTotals(
          rows.map(([taxRate, unitPrice]) => ({ quantity: '1', unitPrice, taxRate, taxCategory: 'S' })),
          null,
        );
        assert.equal(t.breakdown.length, 1);
        assert.equal(t.breakdown[0]?.rate, '14');
      },
    ),
    RUNS,
  );
});

test('a 100 % discount leaves nothing to pay; 0 % changes nothing', () => {
  fc.assert(
    fc.property(linesArb, (lines) => {
      const none = computeTotals(lines, null);
      assert.deepEqual(computeTotals(lines, { kind: 'percent', percent: '0' }), none);
      const all = computeTotals(lines, { kind: 'percent', percent: '100' });
      assert.equal(all.taxExclusive, 0);
      assert.equal(all.tax, 0);
      assert.equal(all.total, 0);
    }),
    RUNS,
  );
});

test('allocate always returns parts that sum to the amount', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 10 }),
      (amount, weights) => {
        const parts = allocate(amount, weights);
        assert.equal(parts.length, weights.length);
        assert.equal(
          parts.reduce((s, p) => s + p, 0),
          amount,
        );
        for (const p of parts) assert.ok(p >= 0);
      },
    ),
    RUNS,
  );
});
