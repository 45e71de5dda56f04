/** Drafts: created, edited and deleted freely; no number until issued. */
import type { InvoiceCreateInput, InvoiceUpdateInput, LineInput } from '../../shared/contract/invoices';
import { MAX_MINOR } from '../../shared/contract/fields';
import type { CustomerSnapshot, InvoiceDiscount, Totals } from '../../shared/domain';
import { KassaError, refused } from '../../shared/errors';
import { computeTotals, type TotalsLine } from '../../shared/totals';
import type { LedgerCtx } from './context';
import { getCustomer, snapshotOf } from './customers';
import { appendHistory } from './history';
import { newId } from './ids';
import { getInvoiceRow, type InvoiceRow } from './invoice-read';
import { getProfile } from './profile';
import { searchNormalize, stmt } from './sql';

export interface StoredLine extends TotalsLine {
  description: string;
  unitCode?: string | undefined;
}

/** Totals with the ledger's own limits: discount within the lines, nothing negative, nothing huge. */
export function checkedTotals(lines: readonly StoredLine[], discount: InvoiceDiscount | null): Totals {
  const t = computeTotals(lines, discount);
  if (discount?.kind === 'amount' && discount.amount > t.linesNet) {
    throw refused(
      'discount_exceeds_lines',
      'The invoice discount is larger than the sum of the lines.',
      'discount.amount',
    );
  }
  if (Math.abs(t.total) > MAX_MINOR || Math.abs(t.linesNet) > MAX_MINOR) {
    throw new KassaError('invalid_input', 'amount_too_large', 'The invoice total is too large.', { field: 'lines' });
  }
  if (t.total < 0) throw refused('negative_total', 'The invoice total must not be negative.', 'lines');
  return t;
}

export function toStoredLines(lines: readonly LineInput[]): StoredLine[] {
  return lines.map((l) => {
    const s: StoredLine = {
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode ?? 'C62',
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      taxCategory: l.taxCategory,
    };
    if (l.discount) s.discount = l.discount;
    if (l.exemptionReason) s.exemptionReason = l.exemptionReason;
    return s;
  });
}

export function writeLines(
  ctx: LedgerCtx,
  invoiceId: string,
  lines: readonly StoredLine[],
  nets: readonly number[],
): void {
  const ins = stmt(
    ctx.db,
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_code, unit_price, discount, tax_rate, tax_category, exemption_reason, net)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => {
    ins.run(
      invoiceId,
      i,
      l.description,
      l.quantity,
      l.unitCode ?? 'C62',
      l.unitPrice,
      l.discount ?? 0,
      l.taxRate,
      l.taxCategory,
      l.exemptionReason ?? null,
      nets[i] ?? 0,
    );
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
  const lines = toStoredLines(input.lines ?? []);
  const discount = input.discount ?? null;
  const t = checkedTotals(lines, discount);
  stmt(
    ctx.db,
    `INSERT INTO invoices (id, kind, status, customer_id, customer_name, customer_json, currency, issue_date, due_date, notes, terms,
       discount_json, lines_net, allowance_total, tax_total, total, search_text, created_at, updated_at)
     VALUES (?, 'invoice', 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    customerId,
    snap.name,
    JSON.stringify(snap),
    currency,
    input.issueDate ?? null,
    input.dueDate ?? null,
    orNull(input.notes),
    orNull(input.terms),
    discount ? JSON.stringify(discount) : null,
    t.linesNet,
    t.allowance,
    t.tax,
    t.total,
    searchNormalize(snap.name),
    at,
    at,
  );
  writeLines(ctx, id, lines, t.lineNets);
  appendHistory(ctx, id, 'created', null, 'draft', { lines: lines.length, currency });
  return id;
}

export function assertDraft(row: InvoiceRow, what: string): void {
  if (row.status !== 'draft') {
    throw refused(
      'invoice_not_draft',
      `${row.number ?? 'This invoice'} is ${row.status.replace('_', ' ')}; issued invoices are immutable (${what} only works on drafts; cancel it or issue a credit note).`,
      'id',
    );
  }
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
    throw refused('due_before_issue', 'dueDate must not be before issueDate.', 'dueDate');
  const discount =
    input.discount === undefined
      ? row.discount_json
        ? (JSON.parse(row.discount_json) as InvoiceDiscount)
        : null
      : input.discount;
  let lines: StoredLine[];
  if (input.lines !== undefined) {
    lines = toStoredLines(input.lines);
  } else {
    lines = stmt<StoredLine>(
      ctx.db,
      `SELECT description, quantity, unit_code AS unitCode, unit_price AS unitPrice, nullif(discount, 0) AS discount, tax_rate AS taxRate,
              tax_category AS taxCategory, exemption_reason AS exemptionReason
       FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
    )
      .all(input.id)
      .map((l) => ({ ...l, discount: l.discount ?? undefined, exemptionReason: l.exemptionReason ?? undefined }));
  }
  const t = checkedTotals(lines, discount);
  const at = ctx.now.toISOString();
  const r = stmt(
    ctx.db,
    `UPDATE invoices SET customer_id = ?, customer_name = ?, customer_json = ?, currency = ?, issue_date = ?, due_date = ?, notes = ?, terms = ?,
       discount_json = ?, lines_net = ?, allowance_total = ?, tax_total = ?, total = ?, search_text = ?, updated_at = ?
     WHERE id = ? AND status = 'draft'`,
  ).run(
    customerId,
    snap.name,
    JSON.stringify(snap),
    input.currency ?? row.currency,
    issueDate,
    dueDate,
    input.notes === undefined ? row.notes : orNull(input.notes),
    input.terms === undefined ? row.terms : orNull(input.terms),
    discount ? JSON.stringify(discount) : null,
    t.linesNet,
    t.allowance,
    t.tax,
    t.total,
    searchNormalize(snap.name),
    at,
    input.id,
  );
  if (r.changes !== 1)
    throw refused('invoice_not_draft', 'The invoice stopped being a draft while it was being edited.', 'id');
  if (input.lines !== undefined) {
    stmt(ctx.db, `DELETE FROM invoice_lines WHERE invoice_id = ?`).run(input.id);
    writeLines(ctx, input.id, lines, t.lineNets);
  }
  appendHistory(ctx, input.id, 'updated', 'draft', 'draft', { fields: changed });
}

export function deleteDraft(ctx: LedgerCtx, id: string): void {
  const row = getInvoiceRow(ctx.db, id);
  assertDraft(row, 'deleting');
  appendHistory(ctx, id, 'deleted', 'draft', null, {});
  stmt(ctx.db, `DELETE FROM invoice_lines WHERE invoice_id = ?`).run(id);
  stmt(ctx.db, `DELETE FROM invoices WHERE id = ? AND status = 'draft'`).run(id);
}
