/**
 * Invoice arithmetic, rounded as EN 16931 does: each line net rounded to the minor unit, the invoice-level
 * discount as a document-level allowance per VAT category, VAT computed once per category on the category's
 * taxable amount. Pure and exact (BigInt on scaled decimals); the renderer uses it for live totals and the
 * ledger for stored ones, so they cannot disagree.
 */
import { divRoundHalfAway, normalizeDecimal, parseDecimal, pow10 } from './decimal';
import type { InvoiceDiscount, LineItem, TaxBreakdown, Totals, VatCategory } from './domain';
import type { Minor } from './money';

export type TotalsLine = Pick<
  LineItem,
  'quantity' | 'unitPrice' | 'discount' | 'taxRate' | 'taxCategory' | 'exemptionReason'
>;

export const QUANTITY_MAX_SCALE = 3;
export const RATE_MAX_SCALE = 4;

/** quantity × unit price, rounded half away from zero to the minor unit (before the line discount). */
export function lineGross(line: Pick<LineItem, 'quantity' | 'unitPrice'>): Minor {
  const q = parseDecimal(line.quantity, { maxScale: QUANTITY_MAX_SCALE, field: 'quantity', allowNegative: true });
  return Number(divRoundHalfAway(q.units * BigInt(line.unitPrice), pow10(q.scale)));
}

export function lineNet(line: Pick<LineItem, 'quantity' | 'unitPrice' | 'discount'>): Minor {
  return lineGross(line) - (line.discount ?? 0);
}

/** amount × percent / 100, rounded half away from zero. */
export function percentOf(amount: Minor, percent: string): Minor {
  const p = parseDecimal(percent, { maxScale: RATE_MAX_SCALE, field: 'percent' });
  return Number(divRoundHalfAway(BigInt(amount) * p.units, 100n * pow10(p.scale)));
}

interface Group {
  category: VatCategory;
  rate: string;
  /** Distinct reasons of the group's lines (a set, so the result never depends on line order). */
  reasons: Set<string>;
  linesNet: Minor;
}

const groupKey = (category: string, rate: string): string => `${category}|${rate}`;

/** Orders VAT groups by category, then by rate as a number ("7.5" before "14"). */
export function compareTaxGroups(
  a: { category: VatCategory; rate: string },
  b: { category: VatCategory; rate: string },
): number {
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  const ra = parseDecimal(a.rate, { maxScale: RATE_MAX_SCALE, field: 'taxRate' });
  const rb = parseDecimal(b.rate, { maxScale: RATE_MAX_SCALE, field: 'taxRate' });
  const scale = Math.max(ra.scale, rb.scale);
  const va = ra.units * pow10(scale - ra.scale);
  const vb = rb.units * pow10(scale - rb.scale);
  return va === vb ? 0 : va < vb ? -1 : 1;
}

/**
 * Splits `amount` across groups in proportion to their nets; largest remainder, ties broken by group order,
 * so the parts always add up to the amount exactly.
 */
export function allocate(amount: Minor, weights: readonly Minor[]): Minor[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const parts = weights.map((w) => (big * BigInt(w)) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigTotal }));
  let left = Number(big - parts.reduce((s, p) => s + p, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left--;
  }
  return parts.map(Number);
}

export function computeTotals(lines: readonly TotalsLine[], discount: InvoiceDiscount | null): Totals {
  const lineNets = lines.map(lineNet);
  const groups = new Map<string, Group>();
  lines.forEach((line, i) => {
    const rate = normalizeDecimal(line.taxRate);
    const key = groupKey(line.taxCategory, rate);
    const g = groups.get(key) ?? { category: line.taxCategory, rate, reasons: new Set<string>(), linesNet: 0 };
    if (line.exemptionReason) g.reasons.add(line.exemptionReason);
    g.linesNet += lineNets[i] ?? 0;
    groups.set(key, g);
  });
  const ordered = [...groups.values()].sort(compareTaxGroups);
  const allowances =
    discount === null
      ? ordered.map(() => 0)
      : discount.kind === 'percent'
        ? ordered.map((g) => percentOf(g.linesNet, discount.percent))
        : allocate(
            discount.amount,
            ordered.map((g) => g.linesNet),
          );
  const breakdown: TaxBreakdown[] = ordered.map((g, i) => {
    const allowance = allowances[i] ?? 0;
    const taxable = g.linesNet - allowance;
    const row: TaxBreakdown = {
      category: g.category,
      rate: g.rate,
      linesNet: g.linesNet,
      allowance,
      taxable,
      tax: percentOf(taxable, g.rate),
    };
    // EN 16931 has one reason per breakdown row: lines of one category and rate with different reasons are
    // listed together, sorted, so the breakdown is the same whatever the order of the lines.
    if (g.reasons.size > 0) row.exemptionReason = [...g.reasons].sort().join('; ');
    return row;
  });
  const linesNet = lineNets.reduce((s, n) => s + n, 0);
  const allowance = breakdown.reduce((s, b) => s + b.allowance, 0);
  const tax = breakdown.reduce((s, b) => s + b.tax, 0);
  const taxExclusive = linesNet - allowance;
  return { lineNets, linesNet, allowance, taxExclusive, tax, total: taxExclusive + tax, breakdown };
}
