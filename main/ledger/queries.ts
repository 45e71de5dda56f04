/**
 * Invoice lists: filters, sorts and keyset pagination over composite indexes. Each sort has a NULL-free key
 * column (generated in the schema) so "the rows after (key, id)" is one row-value comparison the index can
 * seek to. Text search goes through the trigram FTS5 index, then the page is loaded with one query per
 * related table (see invoice-read.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import type { InvoiceFilter, InvoiceListInput, InvoicePage, InvoiceSort } from '../../shared/contract/invoices';
import { decodeCursor, encodeCursor } from './cursor';
import { mapInvoices } from './invoice-read';
import { INVOICE_COLUMNS, type InvoiceRow } from './tables/invoices';
import { searchNormalize, stmt } from './sql';

export const SORT_KEYS: Record<InvoiceSort, string> = {
  createdAt: 'created_at',
  issueDate: 'issue_key',
  dueDate: 'due_key',
  number: 'number_key',
  total: 'total',
};

/** FTS5 query for the search text: every term of 3+ characters must appear (as a substring). */
export function searchTerms(q: string): { match: string | null; likes: string[] } {
  const terms = searchNormalize(q).split(' ').filter(Boolean);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  return {
    match: long.length ? long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ') : null,
    likes: short.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  };
}

/** WHERE clauses and parameters for the filters, shared by the list and the CSV export. */
export function filterSql(f: InvoiceFilter, today: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status && f.status.length > 0) {
    const plain = [...new Set(f.status.filter((s) => s !== 'overdue'))];
    const parts: string[] = [];
    if (plain.length === 1) parts.push('status = ?');
    else if (plain.length > 1) parts.push(`status IN (${plain.map(() => '?').join(', ')})`);
    params.push(...plain);
    if (f.status.includes('overdue')) {
      parts.push(`(status IN ('issued', 'partially_paid') AND kind = 'invoice' AND due_key > '' AND due_key < ?)`);
      params.push(today);
    }
    where.push(parts.length > 1 ? `(${parts.join(' OR ')})` : (parts[0] ?? '1'));
  }
  if (f.kind) {
    where.push('kind = ?');
    params.push(f.kind);
  }
  if (f.customerId) {
    where.push('customer_id = ?');
    params.push(f.customerId);
  }
  if (f.currency) {
    where.push('currency = ?');
    params.push(f.currency);
  }
  // '' (no date) sorts before every date, so "> ''" drops drafts without a date from date ranges.
  if (f.issueFrom) {
    where.push('issue_key >= ?');
    params.push(f.issueFrom);
  }
  if (f.issueTo) {
    where.push(`issue_key > '' AND issue_key <= ?`);
    params.push(f.issueTo);
  }
  if (f.dueFrom) {
    where.push('due_key >= ?');
    params.push(f.dueFrom);
  }
  if (f.dueTo) {
    where.push(`due_key > '' AND due_key <= ?`);
    params.push(f.dueTo);
  }
  if (f.q) {
    const { match, likes } = searchTerms(f.q);
    if (match) {
      where.push('seq IN (SELECT rowid FROM invoice_search WHERE invoice_search MATCH ?)');
      params.push(match);
    }
    for (const like of likes) {
      where.push(`search_text LIKE ? ESCAPE '\\'`);
      params.push(like);
    }
  }
  return { where, params };
}

export function listInvoices(db: Db, input: InvoiceListInput, today: string): InvoicePage {
  const { where, params } = filterSql(input, today);
  const key = SORT_KEYS[input.sort];
  const dir = input.order === 'asc' ? 'ASC' : 'DESC';
  const tag = `invoices:${input.sort}:${input.order}`;
  if (input.cursor) {
    const c = decodeCursor(input.cursor, tag);
    where.push(`(${key}, id) ${input.order === 'asc' ? '>' : '<'} (?, ?)`);
    params.push(c.key, c.id);
  }
  const rows = input.offset
    ? rowsAt(db, { where, params, key, dir }, input.offset, input.limit + 1, countInvoicesMatching(db, input, today))
    : stmt<InvoiceRow & { sort_key: string | number }>(db, pageSql(where, key, dir)).all(...params, input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: mapInvoices(db, page, today),
    nextCursor: more && last ? encodeCursor({ tag, key: last.sort_key, id: last.id }) : null,
  };
}

type SortedRow = InvoiceRow & { sort_key: string | number };

function pageSql(where: string[], key: string, dir: 'ASC' | 'DESC'): string {
  return `SELECT ${INVOICE_COLUMNS}, ${key} AS sort_key FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${key} ${dir}, id ${dir} LIMIT ?`;
}

/**
 * `n` rows from position `offset` in the list's order. SQLite steps over the rows an OFFSET skips, so a position in
 * the second half is read from the other end (the same index, walked backwards) and turned round: a jump to the end
 * of 100,000 invoices costs what a jump to the start does, and no position costs more than half the list.
 */
function rowsAt(
  db: Db,
  q: { where: string[]; params: unknown[]; key: string; dir: 'ASC' | 'DESC' },
  offset: number,
  n: number,
  /** How many rows the list has. */
  total: number,
): SortedRow[] {
  if (offset <= total / 2)
    return stmt<SortedRow>(db, `${pageSql(q.where, q.key, q.dir)} OFFSET ?`).all(...q.params, n, offset);
  const lastWanted = Math.min(total, offset + n) - 1; // forward position of the last row wanted
  if (lastWanted < offset) return [];
  const back = total - 1 - lastWanted; // its position counted from the other end
  return stmt<SortedRow>(db, `${pageSql(q.where, q.key, q.dir === 'ASC' ? 'DESC' : 'ASC')} OFFSET ?`)
    .all(...q.params, lastWanted - offset + 1, back)
    .reverse();
}

/** How many invoices match the filters: one count over the same indexes (and search index) the list uses. */
export function countInvoicesMatching(db: Db, filter: InvoiceFilter, today: string): number {
  const { where, params } = filterSql(filter, today);
  const sql = `SELECT count(*) AS n FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return stmt<{ n: number }>(db, sql).get(...params)?.n ?? 0;
}

/** A range of issue dates; either end may be open. */
export interface IssueRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The ledger's own filter semantics: a date bound drops drafts (they have no issue date). */
function rangeWhere(range: IssueRange): { where: string[]; params: unknown[] } {
  const filter: { issueFrom?: string; issueTo?: string } = {};
  if (range.from) filter.issueFrom = range.from;
  if (range.to) filter.issueTo = range.to;
  return filterSql(filter, '');
}

export function countIssuedBetween(db: Db, range: IssueRange): number {
  const { where, params } = rangeWhere(range);
  const sql = `SELECT count(*) AS n FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return (stmt<{ n: number }>(db, sql).get(...params) ?? { n: 0 }).n;
}

/** The next `limit` invoices after `after` in (issue date, id) order, drafts (no date) first: an export's walk. */
export function issueOrderPage(
  db: Db,
  range: IssueRange,
  after: { issueKey: string; id: string } | null,
  limit: number,
): Array<{ id: string; number: string | null; issueKey: string }> {
  const { where, params } = rangeWhere(range);
  if (after) {
    where.push('(issue_key, id) > (?, ?)');
    params.push(after.issueKey, after.id);
  }
  const sql = `SELECT id, number, issue_key AS issueKey FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY issue_key, id LIMIT ?`;
  return stmt<{ id: string; number: string | null; issueKey: string }>(db, sql).all(...params, limit);
}
