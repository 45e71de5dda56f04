/** Drafts: created, edited and deleted freely; no number until issued. */
import type { InvoiceCreateInput, InvoiceUpdateInput, LineInput } from '../../shared/contract/invoices';
import { MAX_MINOR } from '../../shared/contract/fields';
import type { CustomerSnapshot, ImportedLine, InvoiceDiscount, Totals } from '../../shared/domain';
import { invalid, refused } from '../../shared/errors';
import { computeTotals, type TotalsLine } from '../../shared/totals';
import type { LedgerCtx } from './context';
import { newId } from './ids';
import { searchNormalize } from './sql';
import { getCustomer, snapshotOf } from './tables/customers';
import { appendHistory } from './tables/history';
import {
  deleteDraftRow,
  getInvoiceRow,
  insertInvoice,
  linesOf,
  updateDraftRow,
  writeLines,
  type InvoiceRow,
} from './tables/invoices';
import { getDefaultTax, getProfile } from './tables/profile';
import { taxCategoryProblem } from '../../shared/contract/fields';
import { resolveLineTax, type DefaultTax } from '../../shared/tax-default';

export interface StoredLine extends TotalsLine {
  description: string;
  unitCode?: string | undefined;
  /** Imported from a provider (main/sync/import-map.ts); its texts are made where it is shown. */
  imported?: ImportedLine;
}

/** Totals with the ledger's own limits: discount within the lines, nothing negative, nothing huge. */
export function checkedTotals(lines: readonly StoredLine[], discount: InvoiceDiscount | null): Totals {
  const t = computeTotals(lines, discount);
  if (discount?.kind === 'amount' && discount.amount > t.linesNet) {
    throw refused('discount_exceeds_lines', {}, 'discount.amount');
  }
  if (Math.abs(t.total) > MAX_MINOR || Math.abs(t.linesNet) > MAX_MINOR) {
    throw invalid('amount_too_large', { field: { key: 'field.total' } }, 'lines');
  }
  if (t.total < 0) throw refused('negative_total', {}, 'lines');
  return t;
}

/**
 * Lines as the ledger stores them. A line that names no VAT gets the business's default tax rate (or its
 * category's 0 %) by the one rule of shared/tax-default.ts; one that cannot be known is refused at its field.
 */
export function toStoredLines(ctx: LedgerCtx, lines: readonly LineInput[]): StoredLine[] {
  let fallback: DefaultTax | null | undefined;
  return lines.map((l, i) => {
    const named = l.taxRate !== undefined && l.taxCategory !== undefined;
    if (!named && fallback === undefined) fallback = getDefaultTax(ctx.db);
    const tax = resolveLineTax(l, fallback ?? null);
    if (!tax) throw refused('tax_rate_required', { line: i + 1 }, `lines.${i}.taxRate`);
    const problem = taxCategoryProblem(tax.taxCategory, tax.taxRate, tax.exemptionReason);
    if (problem)
      throw invalid(
        'invalid_tax_rate',
        { problem: problem.problem },
        `lines.${i}.${problem.field === 'rate' ? 'taxRate' : 'exemptionReason'}`,
      );
    const s: StoredLine = {
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode ?? 'C62',
      unitPrice: l.unitPrice,
      taxRate: tax.taxRate,
      taxCategory: tax.taxCategory,
    };
    if (l.discount) s.discount = l.discount;
    if (tax.exemptionReason) s.exemptionReason = tax.exemptionReason;
    return s;
  });
}

const EMPTY_SNAPSHOT: CustomerSnapshot = { name: '', address: {} };

function customerFor(ctx: LedgerCtx, customerId: string | null): CustomerSnapshot {
  return customerId ? snapshotOf(getCustomer(ctx.db, customerId)) : EMPTY_SNAPSHOT;
}

const orNull = (v: string | null | undefined): string | null => (v === undefined || v === '' ? null : v);

export function createDraft(ctx: LedgerCtx, input: InvoiceCreateInput): string {
  const id = newId('inv', ctx.now);
  const at = ctx.now.toISOString();
  const customerId = input.customerId ?? null;
  const snap = customerFor(ctx, customerId);
  const currency = input.currency ?? getProfile(ctx.db, { withLogo: false }).defaultCurrency;
  const lines = toStoredLines(ctx, input.lines ?? []);
  const discount = input.discount ?? null;
  const t = checkedTotals(lines, discount);
  insertInvoice(ctx.db, {
    id,
    kind: 'invoice',
    status: 'draft',
    series: null,
    number: null,
    customerId,
    customerName: snap.name,
    customerJson: JSON.stringify(snap),
    currency,
    issueDate: input.issueDate ?? null,
    dueDate: input.dueDate ?? null,
    notes: orNull(input.notes),
    terms: orNull(input.terms),
    discountJson: discount ? JSON.stringify(discount) : null,
    totals: t,
    correctsInvoiceId: null,
    searchText: searchNormalize(snap.name),
    at,
    issuedAt: null,
  });
  writeLines(ctx.db, id, lines, t.lineNets);
  appendHistory(ctx, id, 'created', null, 'draft', { lines: lines.length, currency });
  return id;
}

export function assertDraft(row: InvoiceRow, what: 'editing' | 'deleting'): void {
  if (row.status !== 'draft')
    throw refused('invoice_not_draft', { number: row.number ?? 'none', status: row.status, what }, 'id');
}

export function updateDraft(ctx: LedgerCtx, input: InvoiceUpdateInput): void {
  const row = getInvoiceRow(ctx.db, input.id);
  assertDraft(row, 'editing');
  const changed = Object.keys(input).filter((k) => k !== 'id' && (input as Record<string, unknown>)[k] !== undefined);
  const customerId = input.customerId === undefined ? row.customer_id : input.customerId;
  const snap =
    input.customerId === undefined ? (JSON.parse(row.customer_json) as CustomerSnapshot) : customerFor(ctx, customerId);
  const issueDate = input.issueDate === undefined ? row.issue_date : input.issueDate;
  const dueDate = input.dueDate === undefined ? row.due_date : input.dueDate;
  if (issueDate && dueDate && dueDate < issueDate)
    throw refused('due_before_issue', { dueDate: dueDate ?? '', issueDate: issueDate ?? '' }, 'dueDate');
  const discount =
    input.discount === undefined
      ? row.discount_json
        ? (JSON.parse(row.discount_json) as InvoiceDiscount)
        : null
      : input.discount;
  const lines: StoredLine[] = input.lines !== undefined ? toStoredLines(ctx, input.lines) : linesOf(ctx.db, input.id);
  const t = checkedTotals(lines, discount);
  const at = ctx.now.toISOString();
  const updated = updateDraftRow(ctx.db, input.id, {
    customerId,
    customerName: snap.name,
    customerJson: JSON.stringify(snap),
    currency: input.currency ?? row.currency,
    issueDate,
    dueDate,
    notes: input.notes === undefined ? row.notes : orNull(input.notes),
    terms: input.terms === undefined ? row.terms : orNull(input.terms),
    discountJson: discount ? JSON.stringify(discount) : null,
    totals: t,
    searchText: searchNormalize(snap.name),
    at,
  });
  if (!updated) throw refused('invoice_not_draft', { number: 'none', status: 'meanwhile', what: 'editing' }, 'id');
  if (input.lines !== undefined) writeLines(ctx.db, input.id, lines, t.lineNets);
  appendHistory(ctx, input.id, 'updated', 'draft', 'draft', { fields: changed });
}

export function deleteDraft(ctx: LedgerCtx, id: string): void {
  const row = getInvoiceRow(ctx.db, id);
  assertDraft(row, 'deleting');
  appendHistory(ctx, id, 'deleted', 'draft', null, {});
  deleteDraftRow(ctx.db, id);
}
