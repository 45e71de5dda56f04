/**
 * Documents made of some lines of another: a partial credit by line (the credit note copies the chosen lines of the
 * invoice) and a partial conversion of a quote (the invoice copies the chosen lines of the quote). Each chosen line
 * keeps its price, unit and VAT, takes all or part of its quantity and the same share of the line discount and of
 * the document's discount, so choosing every line in full gives back exactly what the source charged for them.
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

/** One chosen line: its number (from 1, as shown) and all or part of its quantity. */
export interface LinePick {
  line: number;
  quantity?: string | undefined;
}

/** The refusals of a pick, in the words of the document being made (a credit note, an invoice from a quote). */
export interface PickRefusals {
  unknown(line: number, count: number, field: string): Error;
  twice(line: number, field: string): Error;
  exceeds(line: number, quantity: string, whole: string, field: string): Error;
}

/**
 * Some lines of a document copied onto another, each with all or part of its quantity and the same share of its
 * line discount and of the document's amount discount (a percent discount applies as it is), so taking every line
 * in full gives back exactly the lines and discount of the source. `field` names the input list in errors.
 */
export function pickLines(
  source: readonly LineItem[],
  sourceDiscount: InvoiceDiscount | null,
  picks: readonly LinePick[],
  refuse: PickRefusals,
  field = 'items',
): { lines: StoredLine[]; discount: InvoiceDiscount | null } {
  const seen = new Set<number>();
  const lines: StoredLine[] = picks.map((pick, i) => {
    const orig = source[pick.line - 1];
    if (!orig) throw refuse.unknown(pick.line, source.length, `${field}.${i}.line`);
    if (seen.has(pick.line)) throw refuse.twice(pick.line, `${field}.${i}.line`);
    seen.add(pick.line);
    const quantity = pick.quantity ?? orig.quantity;
    const { num, den } = share(quantity, orig.quantity);
    if (num > den) throw refuse.exceeds(pick.line, quantity, orig.quantity, `${field}.${i}.quantity`);
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
    // The source's amount discount, in proportion to the share of its lines' net taken.
    const sourceNet = source.reduce((s, l) => s + lineNet(l), 0);
    const pickedNet = lines.reduce((s, l) => s + lineNet(l), 0);
    const amount = prorate(sourceDiscount.amount, BigInt(pickedNet), BigInt(sourceNet));
    discount = amount > 0 ? { kind: 'amount', amount } : null;
  }
  return { lines, discount };
}

const CREDIT_REFUSALS: PickRefusals = {
  unknown: (line, count, field) => refused('credit_line_unknown', { line, count }, field),
  twice: (line, field) => refused('credit_line_twice', { line }, field),
  exceeds: (line, quantity, invoiced, field) =>
    refused('credit_quantity_exceeds_line', { line, quantity, invoiced }, field),
};

export function creditLinesFor(
  invoiceLines: readonly LineItem[],
  invoiceDiscount: InvoiceDiscount | null,
  items: readonly CreditItemInput[],
): { lines: StoredLine[]; discount: InvoiceDiscount | null } {
  return pickLines(invoiceLines, invoiceDiscount, items, CREDIT_REFUSALS);
}
