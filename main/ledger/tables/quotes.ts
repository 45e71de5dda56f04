/**
 * Owner of the `quotes` and `quote_lines` tables (one aggregate: lines are written only with their quote, once).
 * The rules (numbering, accepting, declining, expiry, conversion to an invoice) live in main/ledger/quotes.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Quote, QuoteStatus, StoredQuoteStatus } from '../../../shared/contract/quotes';
import type { CustomerSnapshot, InvoiceDiscount, LineItem, Totals } from '../../../shared/domain';
import { notFound } from '../../../shared/errors';
import { computeTotals } from '../../../shared/totals';
import { stmt } from '../sql';
import { lineParams, mapLine, totalsParams, type LineRow } from './invoices';

export interface QuoteRow {
  id: string;
  number: string;
  number_year: number;
  number_seq: number;
  status: StoredQuoteStatus;
  customer_id: string;
  customer_json: string;
  customer_name: string;
  currency: string;
  issue_date: string;
  valid_until: string;
  notes: string | null;
  terms: string | null;
  discount_json: string | null;
  lines_net: number;
  allowance_total: number;
  tax_total: number;
  total: number;
  invoice_id: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

type QuoteLineRow = Omit<LineRow, 'invoice_id'> & { quote_id: string };

const COLUMNS =
  'id, number, number_year, number_seq, status, customer_id, customer_json, customer_name, currency, issue_date, valid_until, ' +
  'notes, terms, discount_json, lines_net, allowance_total, tax_total, total, invoice_id, decided_at, created_at, updated_at';
const LINE_COLUMNS =
  'quote_id, position, description, quantity, unit_code, unit_price, discount, tax_rate, tax_category, exemption_reason, net';
const IDS = `(SELECT value FROM json_each(@ids))`;

/** What a reader sees: an open quote whose validity has run out is expired. */
export function statusOf(r: Pick<QuoteRow, 'status' | 'valid_until'>, today: string): QuoteStatus {
  return r.status === 'open' && r.valid_until < today ? 'expired' : r.status;
}

// ---- reading ----

export function findQuoteRow(db: Db, id: string): QuoteRow | undefined {
  return stmt<QuoteRow>(db, `SELECT ${COLUMNS} FROM quotes WHERE id = @id`).get({ id });
}

export function getQuoteRow(db: Db, id: string): QuoteRow {
  const r = findQuoteRow(db, id);
  if (!r) throw notFound('quote', id);
  return r;
}

export function quoteLinesOf(db: Db, ids: readonly string[]): Map<string, LineItem[]> {
  const out = new Map<string, LineItem[]>();
  const rows = stmt<QuoteLineRow>(
    db,
    `SELECT ${LINE_COLUMNS} FROM quote_lines WHERE quote_id IN ${IDS} ORDER BY quote_id, position`,
  ).all({ ids: JSON.stringify(ids) });
  for (const r of rows) {
    const list = out.get(r.quote_id) ?? [];
    list.push(mapLine(r));
    out.set(r.quote_id, list);
  }
  return out;
}

export function mapQuote(r: QuoteRow, lines: LineItem[], today: string): Quote {
  const discount = r.discount_json ? (JSON.parse(r.discount_json) as InvoiceDiscount) : null;
  const q: Quote = {
    id: r.id,
    number: r.number,
    status: statusOf(r, today),
    customerId: r.customer_id,
    customer: JSON.parse(r.customer_json) as CustomerSnapshot,
    currency: r.currency,
    issueDate: r.issue_date,
    validUntil: r.valid_until,
    lines,
    discount,
    totals: computeTotals(lines, discount),
    invoiceId: r.invoice_id,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.notes) q.notes = r.notes;
  if (r.terms) q.terms = r.terms;
  return q;
}

export function readQuote(db: Db, id: string, today: string): Quote {
  const r = getQuoteRow(db, id);
  return mapQuote(r, quoteLinesOf(db, [id]).get(id) ?? [], today);
}

export interface QuoteListFilter {
  /** Any of these statuses, as readers see them ("expired" = open and past its date, "open" = open and not). */
  statuses?: readonly QuoteStatus[];
  /** The day that decides what has expired. */
  today: string;
  customerId?: string;
  /** Keyset: quotes numbered before this (year, seq). */
  before?: { year: number; seq: number };
  /** Or rows to skip (a jump to a position). */
  offset?: number;
  limit: number;
}

const STATUS_SQL: Record<QuoteStatus, string> = {
  open: `(status = 'open' AND valid_until >= @today)`,
  expired: `(status = 'open' AND valid_until < @today)`,
  accepted: `status = 'accepted'`,
  declined: `status = 'declined'`,
};

/** Quotes newest number first, one page. */
/** The filters' WHERE clauses and parameters, shared by the list and its count. */
function quoteWhere(f: Omit<QuoteListFilter, 'limit'>): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today: f.today };
  if (f.statuses && f.statuses.length > 0)
    where.push(`(${[...new Set(f.statuses)].map((st) => STATUS_SQL[st]).join(' OR ')})`);
  if (f.customerId) {
    where.push(`customer_id = @customerId`);
    params.customerId = f.customerId;
  }
  return { where, params };
}

export function listQuoteRows(db: Db, f: QuoteListFilter): QuoteRow[] {
  const { where, params } = quoteWhere(f);
  params.limit = f.limit;
  if (f.before) {
    where.push(`(number_year, number_seq) < (@year, @seq)`);
    params.year = f.before.year;
    params.seq = f.before.seq;
  }
  if (f.offset) params.offset = f.offset;
  return stmt<QuoteRow>(
    db,
    `SELECT ${COLUMNS} FROM quotes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY number_year DESC, number_seq DESC LIMIT @limit${f.offset ? ' OFFSET @offset' : ''}`,
  ).all(params);
}

/** How many quotes match the filters. */
export function countQuotes(db: Db, f: Omit<QuoteListFilter, 'limit'>): number {
  const { where, params } = quoteWhere(f);
  const sql = `SELECT count(*) AS n FROM quotes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return stmt<{ n: number }>(db, sql).get(params)?.n ?? 0;
}

/** The quote each of these invoices was converted from (invoice id → quote id). */
export function quotesOfInvoices(db: Db, invoiceIds: readonly string[]): Map<string, string> {
  const rows = stmt<{ id: string; invoice_id: string }>(
    db,
    `SELECT id, invoice_id FROM quotes WHERE invoice_id IN ${IDS}`,
  ).all({ ids: JSON.stringify(invoiceIds) });
  return new Map(rows.map((r) => [r.invoice_id, r.id]));
}

/** How many quotes carry a number of `year` (of any year when none is given). */
export function countQuotesNumbered(db: Db, year?: number): number {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM quotes WHERE number_year IS NOT NULL AND (@year IS NULL OR number_year = @year)`,
    ).get({ year: year ?? null })?.n ?? 0
  );
}

// ---- writing ----

export interface NewQuote {
  id: string;
  number: string;
  numberYear: number;
  numberSeq: number;
  customerId: string;
  customerJson: string;
  customerName: string;
  currency: string;
  issueDate: string;
  validUntil: string;
  notes: string | null;
  terms: string | null;
  discountJson: string | null;
  totals: Totals;
  lines: readonly LineItem[];
  at: string;
}

export function insertQuote(db: Db, x: NewQuote): void {
  stmt(
    db,
    `INSERT INTO quotes (id, number, number_year, number_seq, status, customer_id, customer_json, customer_name, currency, issue_date,
       valid_until, notes, terms, discount_json, lines_net, allowance_total, tax_total, total, created_at, updated_at)
     VALUES (@id, @number, @number_year, @number_seq, 'open', @customer_id, @customer_json, @customer_name, @currency, @issue_date,
       @valid_until, @notes, @terms, @discount_json, @lines_net, @allowance_total, @tax_total, @total, @at, @at)`,
  ).run({
    id: x.id,
    number: x.number,
    number_year: x.numberYear,
    number_seq: x.numberSeq,
    customer_id: x.customerId,
    customer_json: x.customerJson,
    customer_name: x.customerName,
    currency: x.currency,
    issue_date: x.issueDate,
    valid_until: x.validUntil,
    notes: x.notes,
    terms: x.terms,
    discount_json: x.discountJson,
    ...totalsParams(x.totals),
    at: x.at,
  });
  const ins = stmt(
    db,
    `INSERT INTO quote_lines (${LINE_COLUMNS})
     VALUES (@quote_id, @position, @description, @quantity, @unit_code, @unit_price, @discount, @tax_rate, @tax_category, @exemption_reason, @net)`,
  );
  x.lines.forEach((l, i) => {
    const row: QuoteLineRow = { quote_id: x.id, ...lineParams(l, i, x.totals.lineNets[i] ?? 0) };
    ins.run(row);
  });
}

/** Records a decision (accepted / declined) and, on conversion, the invoice; false when the quote changed meanwhile. */
export function decideQuoteRow(
  db: Db,
  id: string,
  from: StoredQuoteStatus,
  to: Exclude<StoredQuoteStatus, 'open'>,
  invoiceId: string | null,
  at: string,
): boolean {
  return (
    stmt(
      db,
      `UPDATE quotes SET status = @to, invoice_id = coalesce(@invoiceId, invoice_id), decided_at = CASE WHEN status = @to THEN decided_at ELSE @at END, updated_at = @at
       WHERE id = @id AND status = @from`,
    ).run({ id, from, to, invoiceId, at }).changes === 1
  );
}
