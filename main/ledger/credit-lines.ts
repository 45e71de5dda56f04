/**
 * A partial credit by line: the credit note copies the chosen lines of the invoice (price, unit, VAT), each
 * with all or part of its quantity, and takes the same share of the line discount and of the invoice-level
 * discount, so crediting every line in full gives back exactly what the invoice charged for them.
 */
import type { CreditItemInput } from '../../shared/contract/invoices';
import { divRoundHalfAway, parseDecimal, pow10 } from '../../shared/decimal';
import type { InvoiceDiscount, LineItem } from '../../shared/domain';
import { refused } from '../../shared/errors';
import type { Minor } from '../../shared/money';
import { lineNet, QUANTITY_MAX_SCALE } from '../../shared/totals';
import type { StoredLine } from './drafts';

const scaled = (q: string) => parseDecimal(q, { maxScale: QUANTITY_MAX_SCALE, field: 'quantity' });

/** numerator/denominator of a quantity share, on a common scale. */
function share(part: string, whole: string): { num: bigint; den: bigint } {
  const p = scaled(part);
  const w = scaled(whole);
  const scale = Math.max(p.scale, w.scale);
  return { num: p.units * pow10(scale - p.scale), den: w.units * pow10(scale - w.scale) };
}

const prorate = (amount: Minor, num: bigint, den: bigint): Minor =>
  den === 0n ? 0 : Number(divRoundHalfAway(BigInt(amount) * num, den));

export function creditLinesFor(
  invoiceLines: readonly LineItem[],
  invoiceDiscount: InvoiceDiscount | null,
  items: readonly CreditItemInput[],
): { lines: StoredLine[]; discount: InvoiceDiscount | null } {
  const seen = new Set<number>();
  const lines: StoredLine[] = items.map((item, i) => {
    const orig = invoiceLines[item.line - 1];
    if (!orig) throw refused('credit_line_unknown', { line: item.line, count: invoiceLines.length }, `items.${i}.line`);
    if (seen.has(item.line)) throw refused('credit_line_twice', { line: item.line }, `items.${i}.line`);
    seen.add(item.line);
    const quantity = item.quantity ?? orig.quantity;
    const { num, den } = share(quantity, orig.quantity);
    if (num > den)
      throw refused(
        'credit_quantity_exceeds_line',
        { line: item.line, quantity, invoiced: orig.quantity },
        `items.${i}.quantity`,
      );
    const l: StoredLine = {
      description: orig.description,
      quantity,
      unitCode: orig.unitCode ?? 'C62',
      unitPrice: orig.unitPrice,
      taxRate: orig.taxRate,
      taxCategory: orig.taxCategory,
    };
    const discount = prorate(orig.discount ?? 0, num, den);
    if (discount > 0) l.discount = discount;
    if (orig.exemptionReason) l.exemptionReason = orig.exemptionReason;
    return l;
  });
  let discount: InvoiceDiscount | null = invoiceDiscount;
  if (invoiceDiscount?.kind === 'amount') {
    // The invoice's amount discount, in proportion to the share of its lines' net being credited.
    const invoiceNet = invoiceLines.reduce((s, l) => s + lineNet(l), 0);
    const creditedNet = lines.reduce((s, l) => s + lineNet(l), 0);
    const amount = prorate(invoiceDiscount.amount, BigInt(creditedNet), BigInt(invoiceNet));
    discount = amount > 0 ? { kind: 'amount', amount } : null;
  }
  return { lines, discount };
}
