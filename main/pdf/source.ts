/**
 * Where PDFs get their invoices: a narrow interface (so the renderer and the export can be tested without a
 * ledger), and its implementation over the ledger's own repository functions (main/ledger/invoice-read.ts,
 * profile.ts, queries.ts). The only SQL here is the export's id walk over the (issue_key, id) index and the
 * number/date lookup of corrected invoices — both on columns the ledger keeps stable (schema 001).
 */
import type { Database as Db } from 'better-sqlite3';
import type { BusinessProfile, Invoice, IsoDate } from '../../shared/domain';
import { getInvoice, getInvoices } from '../ledger/invoice-read';
import { getProfile } from '../ledger/profile';
import { filterSql } from '../ledger/queries';
import { stmt } from '../ledger/sql';
import type { CorrectedInvoiceRef } from './facturx';

export interface ExportRange {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

/** One invoice to export: enough to name its file and to resume the walk after it. */
export interface ExportRef {
  id: string;
  number: string | null;
  issueKey: string;
}

export interface InvoiceSource {
  profile(): BusinessProfile;
  invoice(id: string): Invoice;
  /** Full invoices (lines, payments, links) for a batch, with a fixed number of queries; unknown ids are left out. */
  invoices(ids: readonly string[]): Invoice[];
  /** Number and issue date of the invoices corrected by these credit notes, keyed by the corrected invoice's id. */
  correctedRefs(invoiceIds: readonly string[]): Map<string, CorrectedInvoiceRef>;
}

export interface ExportLister {
  count(range: ExportRange): number;
  /** The next `limit` invoices after `after`, ordered by (issue date, id); drafts (no date) first when no range. */
  page(range: ExportRange, after: ExportRef | null, limit: number): ExportRef[];
}

export function ledgerInvoiceSource(db: Db, today: () => string): InvoiceSource {
  return {
    profile: () => getProfile(db),
    invoice: (id) => getInvoice(db, id, today()),
    invoices: (ids) => (ids.length === 0 ? [] : getInvoices(db, ids, today())),
    correctedRefs(ids) {
      const out = new Map<string, CorrectedInvoiceRef>();
      if (ids.length === 0) return out;
      const rows = stmt<{ id: string; number: string | null; issue_date: string | null }>(
        db,
        `SELECT id, number, issue_date FROM invoices WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids));
      for (const r of rows) {
        if (r.number) out.set(r.id, { number: r.number, issueDate: r.issue_date });
      }
      return out;
    },
  };
}

function rangeWhere(range: ExportRange): { where: string[]; params: unknown[] } {
  // The ledger's own filter semantics: a date bound drops drafts (they have no issue date).
  const filter: { issueFrom?: string; issueTo?: string } = {};
  if (range.from) filter.issueFrom = range.from;
  if (range.to) filter.issueTo = range.to;
  return filterSql(filter, '');
}

export function ledgerExportLister(db: Db): ExportLister {
  return {
    count(range) {
      const { where, params } = rangeWhere(range);
      const sql = `SELECT count(*) AS n FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
      return (stmt<{ n: number }>(db, sql).get(...params) ?? { n: 0 }).n;
    },
    page(range, after, limit) {
      const { where, params } = rangeWhere(range);
      if (after) {
        where.push('(issue_key, id) > (?, ?)');
        params.push(after.issueKey, after.id);
      }
      const sql = `SELECT id, number, issue_key AS issueKey FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY issue_key, id LIMIT ?`;
      return stmt<ExportRef>(db, sql).all(...params, limit);
    },
  };
}
