/**
 * Owner of the `invoices` and `invoice_lines` tables (one aggregate: lines are written only with their invoice).
 * Every statement that writes either table is here, with named parameters; the rules (what may change when) live
 * in drafts.ts, lifecycle.ts, payments.ts and imports.ts, which call these functions inside their writeTx.
 * Read-only reports over many rows (lists, dashboard, CSV, check) build their own SELECTs in main/ledger/.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ImportedLine, InvoiceKind, InvoiceStatus, LineItem, Totals, VatCategory } from '../../../shared/domain';
import { notFound } from '../../../shared/errors';
import { stmt } from '../sql';

export const INVOICE_COLUMNS =
  'id, kind, status, series, number, customer_id, customer_json, currency, issue_date, due_date, notes, terms, discount_json, ' +
  'lines_net, allowance_total, tax_total, total, paid, credited, refunded, corrects_invoice_id, created_at, updated_at, issued_at';

export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  series: string | null;
  number: string | null;
  customer_id: string | null;
  customer_json: string;
  currency: string;
  issue_date: string | null;
  due_date: string | null;
  notes: string | null;
  terms: string | null;
  discount_json: string | null;
  lines_net: number;
  allowance_total: number;
  tax_total: number;
  total: number;
  paid: number;
  credited: number;
  refunded: number;
  corrects_invoice_id: string | null;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
}

export interface LineRow {
  invoice_id: string;
  position: number;
  description: string;
  quantity: string;
  unit_code: string;
  unit_price: number;
  discount: number;
  tax_rate: string;
  tax_category: VatCategory;
  exemption_reason: string | null;
  /** An imported line's provider (and whole-invoice number), JSON (shared/domain.ts ImportedLine); quote lines have none. */
  imported_json?: string | null;
  net: number;
}

/** The stored totals columns of an invoice (and of a quote), from shared/totals.ts. */
export function totalsParams(t: Totals): {
  lines_net: number;
  allowance_total: number;
  tax_total: number;
  total: number;
} {
  return { lines_net: t.linesNet, allowance_total: t.allowance, tax_total: t.tax, total: t.total };
}

const IDS = `(SELECT value FROM json_each(@ids))`;

// ---- reading ----

export function findInvoiceRow(db: Db, id: string): InvoiceRow | undefined {
  return stmt<InvoiceRow>(db, `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id = @id`).get({ id });
}

export function getInvoiceRow(db: Db, id: string): InvoiceRow {
  const r = findInvoiceRow(db, id);
  if (!r) throw notFound('invoice', id);
  return r;
}

/** The rows of these ids, in no particular order (missing ids are left out). */
export function invoiceRowsByIds(db: Db, ids: readonly string[]): InvoiceRow[] {
  return stmt<InvoiceRow>(db, `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id IN ${IDS}`).all({
    ids: JSON.stringify(ids),
  });
}

/** Number and issue date of the invoices that credit notes correct (PDF "corrects …" lines). */
export function numberRefsByIds(
  db: Db,
  ids: readonly string[],
): Array<{ id: string; number: string | null; issue_date: string | null }> {
  return stmt<{ id: string; number: string | null; issue_date: string | null }>(
    db,
    `SELECT id, number, issue_date FROM invoices WHERE id IN ${IDS}`,
  ).all({ ids: JSON.stringify(ids) });
}

/** Credit notes of these invoices, oldest first. */
export function creditNotesOf(db: Db, ids: readonly string[]): Array<{ of: string; id: string }> {
  return stmt<{ of: string; id: string }>(
    db,
    `SELECT corrects_invoice_id AS of, id FROM invoices WHERE corrects_invoice_id IN ${IDS} ORDER BY seq`,
  ).all({ ids: JSON.stringify(ids) });
}

/** Every invoice and credit note, drafts included. */
export function countInvoices(db: Db): number {
  return stmt<{ n: number }>(db, `SELECT count(*) AS n FROM invoices`).get()?.n ?? 0;
}

/** How many documents of a series carry a number of `year`. */
/** How many documents of a series carry a number of `year` (of any year when none is given). */
export function countNumbered(db: Db, series: string, year?: number): number {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM invoices WHERE series = @series AND number_year IS NOT NULL AND (@year IS NULL OR number_year = @year)`,
    ).get({ series, year: year ?? null })?.n ?? 0
  );
}

export interface NumberedInvoice {
  id: string;
  number: string;
  currency: string;
  total: number;
}

/** Our own issued invoices with these numbers that are not linked to `accountId` yet (a provider import's matches). */
export function unlinkedByNumbers(db: Db, numbers: readonly string[], accountId: string): NumberedInvoice[] {
  return stmt<NumberedInvoice>(
    db,
    `SELECT i.id, i.number, i.currency, i.total FROM invoices i
     WHERE i.number_key IN (SELECT value FROM json_each(@numbers)) AND i.kind = 'invoice' AND i.status <> 'draft' AND i.series NOT GLOB 'ext:*'
       AND NOT EXISTS (SELECT 1 FROM invoice_links l WHERE l.invoice_id = i.id AND l.account_id = @accountId)`,
  ).all({ numbers: JSON.stringify(numbers), accountId });
}

/** FTS5's own check that the search index matches the invoices; throws when it does not. */
export function checkSearchIndex(db: Db): void {
  db.prepare(`INSERT INTO invoice_search (invoice_search, rank) VALUES ('integrity-check', 1)`).run();
}

// ---- lines ----

/** A line's stored `imported_json`, read. */
export function importedOf(json: string | null | undefined): ImportedLine | null {
  if (!json) return null;
  const x = JSON.parse(json) as Partial<ImportedLine>;
  if (typeof x.provider !== 'string') return null;
  return typeof x.number === 'string' ? { provider: x.provider, number: x.number } : { provider: x.provider };
}

export function mapLine(r: Omit<LineRow, 'invoice_id' | 'position' | 'net'>): LineItem {
  const l: LineItem = {
    description: r.description,
    quantity: r.quantity,
    unitCode: r.unit_code,
    unitPrice: r.unit_price,
    taxRate: r.tax_rate,
    taxCategory: r.tax_category,
  };
  if (r.discount) l.discount = r.discount;
  if (r.exemption_reason) l.exemptionReason = r.exemption_reason;
  const imported = importedOf(r.imported_json);
  if (imported) l.imported = imported;
  return l;
}

const LINE_COLUMNS =
  'invoice_id, position, description, quantity, unit_code, unit_price, discount, tax_rate, tax_category, exemption_reason';

const hasImported = new WeakSet<Db>();

/**
 * Whether this ledger's lines have imported_json: one older than version 12 has not (migration 008 builds the
 * record chain of an old ledger with today's code, before 012 adds the column).
 */
function withImported(db: Db): boolean {
  if (hasImported.has(db)) return true;
  if (!db.prepare(`SELECT 1 FROM pragma_table_info('invoice_lines') WHERE name = 'imported_json'`).get()) return false;
  hasImported.add(db);
  return true;
}

/** The lines of these invoices, in order, as rows. */
export function lineRowsOf(db: Db, ids: readonly string[]): LineRow[] {
  return stmt<LineRow>(
    db,
    `SELECT ${LINE_COLUMNS}, ${withImported(db) ? 'imported_json' : 'NULL AS imported_json'}, net FROM invoice_lines WHERE invoice_id IN ${IDS} ORDER BY invoice_id, position`,
  ).all({ ids: JSON.stringify(ids) });
}

/** One invoice's lines, in order. */
export function linesOf(db: Db, invoiceId: string): LineItem[] {
  return lineRowsOf(db, [invoiceId]).map(mapLine);
}

/** Replaces the lines of a draft (the schema refuses lines on issued invoices of our own series). */
export function writeLines(db: Db, invoiceId: string, lines: readonly LineItem[], nets: readonly number[]): void {
  stmt(db, `DELETE FROM invoice_lines WHERE invoice_id = @invoiceId`).run({ invoiceId });
  const imported = withImported(db);
  const ins = stmt(
    db,
    `INSERT INTO invoice_lines (${LINE_COLUMNS}, ${imported ? 'imported_json, ' : ''}net)
     VALUES (@invoice_id, @position, @description, @quantity, @unit_code, @unit_price, @discount, @tax_rate, @tax_category, @exemption_reason, ${imported ? '@imported_json, ' : ''}@net)`,
  );
  lines.forEach((l, i) => {
    const row: LineRow = {
      invoice_id: invoiceId,
      ...lineParams(l, i, nets[i] ?? 0),
      imported_json: l.imported ? JSON.stringify(l.imported) : null,
    };
    ins.run(row);
  });
}

/** The stored columns of a line at `position` (the inverse of mapLine; quote lines are stored alike). */
export function lineParams(l: LineItem, position: number, net: number): Omit<LineRow, 'invoice_id'> {
  return {
    position,
    description: l.description,
    quantity: l.quantity,
    unit_code: l.unitCode ?? 'C62',
    unit_price: l.unitPrice,
    discount: l.discount ?? 0,
    tax_rate: l.taxRate,
    tax_category: l.taxCategory,
    exemption_reason: l.exemptionReason ?? null,
    net,
  };
}

// ---- writing ----

/** What a new invoice row holds; the amounts paid and credited start at 0. */
export interface NewInvoice {
  id: string;
  kind: InvoiceKind;
  status: 'draft' | 'issued';
  series: string | null;
  number: string | null;
  customerId: string | null;
  customerName: string;
  customerJson: string;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  notes: string | null;
  terms: string | null;
  discountJson: string | null;
  totals: Totals;
  correctsInvoiceId: string | null;
  searchText: string;
  at: string;
  issuedAt: string | null;
}

export function insertInvoice(db: Db, x: NewInvoice): void {
  stmt(
    db,
    `INSERT INTO invoices (id, kind, status, series, number, customer_id, customer_name, customer_json, currency, issue_date, due_date,
       notes, terms, discount_json, lines_net, allowance_total, tax_total, total, corrects_invoice_id, search_text, created_at, updated_at, issued_at)
     VALUES (@id, @kind, @status, @series, @number, @customer_id, @customer_name, @customer_json, @currency, @issue_date, @due_date,
       @notes, @terms, @discount_json, @lines_net, @allowance_total, @tax_total, @total, @corrects_invoice_id, @search_text, @at, @at, @issued_at)`,
  ).run({
    id: x.id,
    kind: x.kind,
    status: x.status,
    series: x.series,
    number: x.number,
    customer_id: x.customerId,
    customer_name: x.customerName,
    customer_json: x.customerJson,
    currency: x.currency,
    issue_date: x.issueDate,
    due_date: x.dueDate,
    notes: x.notes,
    terms: x.terms,
    discount_json: x.discountJson,
    ...totalsParams(x.totals),
    corrects_invoice_id: x.correctsInvoiceId,
    search_text: x.searchText,
    at: x.at,
    issued_at: x.issuedAt,
  });
}

export interface DraftContent {
  customerId: string | null;
  customerName: string;
  customerJson: string;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  notes: string | null;
  terms: string | null;
  discountJson: string | null;
  totals: Totals;
  searchText: string;
  at: string;
}

/** Rewrites a draft's content; false when the invoice is no longer a draft. */
export function updateDraftRow(db: Db, id: string, d: DraftContent): boolean {
  return (
    stmt(
      db,
      `UPDATE invoices SET customer_id = @customer_id, customer_name = @customer_name, customer_json = @customer_json, currency = @currency,
         issue_date = @issue_date, due_date = @due_date, notes = @notes, terms = @terms, discount_json = @discount_json,
         lines_net = @lines_net, allowance_total = @allowance_total, tax_total = @tax_total, total = @total, search_text = @search_text, updated_at = @at
       WHERE id = @id AND status = 'draft'`,
    ).run({
      id,
      customer_id: d.customerId,
      customer_name: d.customerName,
      customer_json: d.customerJson,
      currency: d.currency,
      issue_date: d.issueDate,
      due_date: d.dueDate,
      notes: d.notes,
      terms: d.terms,
      discount_json: d.discountJson,
      ...totalsParams(d.totals),
      search_text: d.searchText,
      at: d.at,
    }).changes === 1
  );
}

/** Drafts follow their customer: the live copy of a customer on every draft that names it. */
export function refreshDraftCustomer(
  db: Db,
  customerId: string,
  c: { name: string; json: string; searchText: string; at: string },
): void {
  stmt(
    db,
    `UPDATE invoices SET customer_name = @name, customer_json = @json, search_text = @searchText, updated_at = @at
     WHERE customer_id = @customerId AND status = 'draft'`,
  ).run({ customerId, ...c });
}

export interface Issue {
  status: InvoiceStatus;
  series: string;
  number: string;
  numberYear: number;
  numberSeq: number;
  customerName: string;
  customerJson: string;
  issueDate: string;
  dueDate: string | null;
  totals: Totals;
  searchText: string;
  at: string;
}

/** Turns a draft into an issued document with its number and frozen content; false when it was no longer a draft. */
export function issueDraftRow(db: Db, id: string, x: Issue): boolean {
  return (
    stmt(
      db,
      `UPDATE invoices SET status = @status, series = @series, number = @number, number_year = @number_year, number_seq = @number_seq,
         customer_name = @customer_name, customer_json = @customer_json, issue_date = @issue_date, due_date = @due_date,
         lines_net = @lines_net, allowance_total = @allowance_total, tax_total = @tax_total, total = @total,
         search_text = @search_text, issued_at = @at, updated_at = @at
       WHERE id = @id AND status = 'draft'`,
    ).run({
      id,
      status: x.status,
      series: x.series,
      number: x.number,
      number_year: x.numberYear,
      number_seq: x.numberSeq,
      customer_name: x.customerName,
      customer_json: x.customerJson,
      issue_date: x.issueDate,
      due_date: x.dueDate,
      ...totalsParams(x.totals),
      search_text: x.searchText,
      at: x.at,
    }).changes === 1
  );
}

export function setStatusRow(db: Db, id: string, status: InvoiceStatus, at: string): void {
  stmt(db, `UPDATE invoices SET status = @status, updated_at = @at WHERE id = @id`).run({ id, status, at });
}

/** The money that moved on an issued invoice (payments, credit notes) and the status it settles to. */
export function setSettlementRow(
  db: Db,
  id: string,
  s: { paid: number; credited: number; status: InvoiceStatus; at: string },
): void {
  stmt(
    db,
    `UPDATE invoices SET paid = @paid, credited = @credited, status = @status, updated_at = @at WHERE id = @id`,
  ).run({ id, ...s });
}

/** Money paid back on an invoice (refunds recorded or voided); refunds never change its status. */
export function setRefundedRow(db: Db, id: string, refunded: number, at: string): void {
  stmt(db, `UPDATE invoices SET refunded = @refunded, updated_at = @at WHERE id = @id`).run({ id, refunded, at });
}

/** Deletes a draft and its lines (the schema refuses to delete anything issued). */
export function deleteDraftRow(db: Db, id: string): void {
  stmt(db, `DELETE FROM invoice_lines WHERE invoice_id = @id`).run({ id });
  stmt(db, `DELETE FROM invoices WHERE id = @id AND status = 'draft'`).run({ id });
}

/** What never changes once a document is issued, as stored: the columns the record chain hashes. */
export interface FrozenInvoiceRow extends InvoiceRow {
  number_year: number | null;
  number_seq: number | null;
  customer_name: string;
}

export function frozenRowsByIds(db: Db, ids: readonly string[]): FrozenInvoiceRow[] {
  return stmt<FrozenInvoiceRow>(
    db,
    `SELECT ${INVOICE_COLUMNS}, number_year, number_seq, customer_name FROM invoices WHERE id IN ${IDS}`,
  ).all({ ids: JSON.stringify(ids) });
}
