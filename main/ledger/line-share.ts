/**
 * Some lines of a document, copied onto another: each chosen line (numbered from 1 as shown) with all or part of
 * its quantity, its share of the line discount and — for an amount discount on the whole document — its share of
 * that, so taking every line in full gives back exactly the original document's lines and discount.
 */
import { divRoundHalfAway, parseDecimal, pow10 } from '../../shared/decimal';
import type { InvoiceDiscount, LineItem } from '../../shared/domain';
import { refused } from '../../shared/errors';
import type { Minor } from '../../shared/money';
import { lineNet, QUANTITY_MAX_SCALE } from '../../shared/totals';
import type { StoredLine } from './drafts';

export interface LinePick {
  line: number;
  quantity?: string | undefined;
}

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

/** `field` names the input list in errors (`items.2.line`). */
export function pickLines(
  source: readonly LineItem[],
  sourceDiscount: InvoiceDiscount | null,
  picks: readonly LinePick[],
  field: string,
): { lines: StoredLine[]; discount: InvoiceDiscount | null } {
  const seen = new Set<number>();
  const lines: StoredLine[] = picks.map((pick, i) => {
    const orig = source[pick.line - 1];
    if (!orig) throw refused('line_unknown', { line: pick.line, count: source.length }, `${field}.${i}.line`);
    if (seen.has(pick.line)) throw refused('line_twice', { line: pick.line }, `${field}.${i}.line`);
    seen.add(pick.line);
    const quantity = pick.quantity ?? orig.quantity;
    const { num, den } = share(quantity, orig.quantity);
    if (num > den)
      throw refused(
        'quantity_exceeds_line',
        { line: pick.line, quantity, available: orig.quantity },
        `${field}.${i}.quantity`,
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
  let discount: InvoiceDiscount | null = sourceDiscount;
  if (sourceDiscount?.kind === 'amount') {
    const sourceNet = source.reduce((s, l) => s + lineNet(l), 0);
    const pickedNet = lines.reduce((s, l) => s + lineNet(l), 0);
    const amount = prorate(sourceDiscount.amount, BigInt(pickedNet), BigInt(sourceNet));
    discount = amount > 0 ? { kind: 'amount', amount } : null;
  }
  return { lines, discount };
}
