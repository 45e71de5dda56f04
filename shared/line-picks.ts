/**
 * Documents made of some lines of another: a partial credit by line (the credit note copies the chosen lines of the
 * invoice) and a partial conversion of a quote (the invoice copies the chosen lines of the quote). Each chosen line
 * keeps its price, unit and VAT, takes all or part of its quantity and the same share of the line discount and of
 * the document's discount, so choosing every line in full gives back exactly what the source charged for them.
 *
 * Shared: the ledger makes credit notes with it, and the invoice page previews the same credit note before it is
 * issued (what the screen shows is what gets issued).
 */
import { divRoundHalfAway, parseDecimal, pow10 } from './decimal';
import type { ImportedLine, InvoiceDiscount, LineItem } from './domain';
import { refused } from './errors';
import type { Minor } from './money';
import { lineNet, QUANTITY_MAX_SCALE, type TotalsLine } from './totals';

/** A line as a picked document stores it. */
export interface PickedLine extends TotalsLine {
  description: string;
  unitCode?: string | undefined;
  imported?: ImportedLine;
}

const scaled = (q: string, field = 'quantity') => parseDecimal(q, { maxScale: QUANTITY_MAX_SCALE, field });

/** A quantity as integer thousandths (the finest quantity a line may have). */
const thousandths = (q: string, field?: string): bigint => {
  const s = scaled(q, field);
  return s.units * pow10(QUANTITY_MAX_SCALE - s.scale);
};

/** Integer thousandths back to a quantity string without trailing zeros ("1500" → "1.5"). */
function quantityText(units: bigint): string {
  const whole = units / 1000n;
  const frac = (units % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** numerator/denominator of a quantity share, on a common scale. */
function share(part: string, whole: string): { num: bigint; den: bigint } {
  return { num: thousandths(part), den: thousandths(whole) };
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
  /** More than the line has (`whole`), or than is left of it (`left`, when earlier documents took some). */
  exceeds(line: number, quantity: string, whole: string, field: string, left: string): Error;
  /** Nothing is left of the line (only where earlier documents took from it). */
  nothingLeft?(line: number, field: string): Error;
}

/**
 * Some lines of a document copied onto another, each with all or part of its quantity and the same share of its
 * line discount and of the document's amount discount (a percent discount applies as it is), so taking every line
 * in full gives back exactly the lines and discount of the source. `available` is what is left of each line
 * (earlier credit notes took the rest); a pick without a quantity takes what is left. `field` names the input list
 * in errors.
 */
export function pickLines(
  source: readonly LineItem[],
  sourceDiscount: InvoiceDiscount | null,
  picks: readonly LinePick[],
  refuse: PickRefusals,
  field = 'items',
  available?: readonly string[],
): { lines: PickedLine[]; discount: InvoiceDiscount | null } {
  const seen = new Set<number>();
  const lines: PickedLine[] = picks.map((pick, i) => {
    const orig = source[pick.line - 1];
    if (!orig) throw refuse.unknown(pick.line, source.length, `${field}.${i}.line`);
    if (seen.has(pick.line)) throw refuse.twice(pick.line, `${field}.${i}.line`);
    seen.add(pick.line);
    const left = available?.[pick.line - 1] ?? orig.quantity;
    if (thousandths(left) === 0n && refuse.nothingLeft) throw refuse.nothingLeft(pick.line, `${field}.${i}.line`);
    const quantity = pick.quantity ?? left;
    const { num, den } = share(quantity, orig.quantity);
    if (num > den || thousandths(quantity) > thousandths(left))
      throw refuse.exceeds(pick.line, quantity, orig.quantity, `${field}.${i}.quantity`, left);
    const l: PickedLine = {
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
    if (orig.imported) l.imported = orig.imported;
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

/** The same goods at the same price and VAT: a credit note line that copies an invoice line. */
const sameLine = (a: LineItem, b: LineItem): boolean =>
  a.description === b.description &&
  a.unitPrice === b.unitPrice &&
  a.taxRate === b.taxRate &&
  a.taxCategory === b.taxCategory;

/**
 * What is left of each invoice line after its credit notes: a credit note line that copies an invoice line (same
 * description, price and VAT — what a credit by line or a whole credit writes) takes its quantity off that line,
 * the first such line with some left when the invoice repeats one. Free credit lines that copy no line take only
 * money (the ledger's limit on the credited total), not quantities.
 */
export function uncreditedQuantities(
  invoiceLines: readonly LineItem[],
  creditNoteLines: ReadonlyArray<readonly LineItem[]>,
): string[] {
  const left = invoiceLines.map((l) => thousandths(l.quantity));
  for (const note of creditNoteLines) {
    for (const c of note) {
      let q = thousandths(c.quantity);
      invoiceLines.forEach((l, i) => {
        const here = left[i] ?? 0n;
        if (q === 0n || here === 0n || !sameLine(l, c)) return;
        const take = q < here ? q : here;
        left[i] = here - take;
        q -= take;
      });
    }
  }
  return left.map(quantityText);
}

const CREDIT_REFUSALS: PickRefusals = {
  unknown: (line, count, field) => refused('credit_line_unknown', { line, count }, field),
  twice: (line, field) => refused('credit_line_twice', { line }, field),
  exceeds: (line, quantity, invoiced, field, left) =>
    left === invoiced
      ? refused('credit_quantity_exceeds_line', { line, quantity, invoiced }, field)
      : refused('credit_quantity_exceeds_left', { line, quantity, left }, field),
  nothingLeft: (line, field) => refused('credit_line_credited', { line }, field),
};

/** The lines (and discount share) of a credit note by line, within what earlier credit notes left of each line. */
export function creditLinesFor(
  invoiceLines: readonly LineItem[],
  invoiceDiscount: InvoiceDiscount | null,
  items: readonly LinePick[],
  uncredited?: readonly string[],
): { lines: PickedLine[]; discount: InvoiceDiscount | null } {
  return pickLines(invoiceLines, invoiceDiscount, items, CREDIT_REFUSALS, 'items', uncredited);
}
