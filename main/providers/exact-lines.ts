/**
 * Invoice lines as a provider that knows only "quantity × unit price" can express them, summing EXACTLY to the
 * ledger total. Neither Kashier nor Paycashless documents per-line tax, line discounts, invoice discounts or
 * negative amounts, so we send only positive products they can add up without rounding:
 * - an item line keeps its quantity and unit price when the quantity is whole and nothing is taken off it;
 *   otherwise it becomes quantity 1 × its net (line discount and its share of the invoice discount folded in),
 *   with the original figures in the line description;
 * - one tax line per VAT rate with non-zero tax.
 * Σ quantity × unitPrice = totals.total to the minor unit, checked before returning.
 */
import { normalizeDecimal, parseDecimal } from '../../shared/decimal';
import type { Invoice } from '../../shared/domain';
import { KassaError, refused } from '../../shared/errors';
import { minorToMajorString, type Minor } from '../../shared/money';
import { allocate, computeTotals } from '../../shared/totals';

export interface ExactLine {
  kind: 'item' | 'tax';
  name: string;
  /** Human detail: the original quantity, price and discounts when they were folded in. */
  description: string;
  /** A whole number ≥ 1. */
  quantity: number;
  /** Minor units. */
  unitPrice: Minor;
  /** quantity × unitPrice, minor units. */
  subTotal: Minor;
}

export type ExactLinesInput = Pick<Invoice, 'currency' | 'lines' | 'discount' | 'totals'>;

const VAT_LABEL: Record<string, string> = {
  S: 'VAT',
  Z: 'VAT (zero rated)',
  E: 'VAT (exempt)',
  AE: 'VAT (reverse charge)',
  K: 'VAT (intra-EU)',
  G: 'VAT (export)',
  O: 'Not subject to VAT',
  L: 'IGIC',
  M: 'IPSI',
};

function wholeQuantity(q: string): number | null {
  const parsed = parseDecimal(q, { maxScale: 3, field: 'quantity' });
  const n = normalizeDecimal(q);
  if (!/^\d+$/.test(n) || parsed.units <= 0n) return null;
  const value = Number(n);
  return Number.isSafeInteger(value) ? value : null;
}

export function exactLines(invoice: ExactLinesInput): ExactLine[] {
  const cur = invoice.currency;
  // Recompute rather than trust stored figures: if they disagree, something upstream is broken and nothing is sent.
  const totals = computeTotals(invoice.lines, invoice.discount);
  if (
    totals.total !== invoice.totals.total ||
    totals.allowance !== invoice.totals.allowance ||
    totals.tax !== invoice.totals.tax
  ) {
    throw new KassaError('internal', 'totals_mismatch');
  }
  totals.lineNets.forEach((net, i) => {
    if (net < 0) throw refused('negative_line', { line: i + 1 }, `lines.${i}`);
  });
  const shares = totals.allowance === 0 ? totals.lineNets.map(() => 0) : allocate(totals.allowance, totals.lineNets);
  const out: ExactLine[] = invoice.lines.map((line, i) => {
    const net = totals.lineNets[i] ?? 0;
    const share = shares[i] ?? 0;
    const amount = net - share;
    if (amount < 0) throw refused('discount_exceeds_lines', {}, 'discount');
    const whole = wholeQuantity(line.quantity);
    const discount = line.discount ?? 0;
    if (whole !== null && discount === 0 && share === 0) {
      return {
        kind: 'item',
        name: line.description,
        description: '',
        quantity: whole,
        unitPrice: line.unitPrice,
        subTotal: whole * line.unitPrice,
      };
    }
    const parts = [`${normalizeDecimal(line.quantity)} × ${minorToMajorString(line.unitPrice, cur)}`];
    if (discount !== 0) parts.push(`less line discount ${minorToMajorString(discount, cur)}`);
    if (share !== 0) parts.push(`less invoice discount ${minorToMajorString(share, cur)}`);
    return {
      kind: 'item',
      name: line.description,
      description: parts.join(', '),
      quantity: 1,
      unitPrice: amount,
      subTotal: amount,
    };
  });
  for (const row of totals.breakdown) {
    if (row.tax === 0) continue;
    if (row.tax < 0) throw refused('negative_tax', {}, 'lines');
    const label = `${VAT_LABEL[row.category] ?? 'Tax'} ${row.rate}%`;
    out.push({
      kind: 'tax',
      name: label,
      description: `${label} on ${minorToMajorString(row.taxable, cur)}`,
      quantity: 1,
      unitPrice: row.tax,
      subTotal: row.tax,
    });
  }
  const sum = out.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  if (
    sum !== invoice.totals.total ||
    out.some((l) => l.quantity * l.unitPrice !== l.subTotal || !Number.isSafeInteger(l.subTotal))
  ) {
    throw new KassaError('internal', 'lines_do_not_sum');
  }
  return out;
}
