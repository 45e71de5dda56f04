/**
 * Where PDFs get their invoices: a narrow interface (so the renderer and the export can be tested without a
 * ledger), and its implementation over the ledger's own functions (main/ledger/invoice-read.ts, queries.ts and the
 * table owners in main/ledger/tables/).
 */
import type { Database as Db } from 'better-sqlite3';
import type { BusinessProfile, Invoice, IsoDate } from '../../shared/domain';
import { getInvoice, getInvoices } from '../ledger/invoice-read';
import { countIssuedBetween, issueOrderPage } from '../ledger/queries';
import { numberRefsByIds } from '../ledger/tables/invoices';
import { getProfile } from '../ledger/tables/profile';
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
      for (const r of numberRefsByIds(db, ids)) {
        if (r.number) out.set(r.id, { number: r.number, issueDate: r.issue_date });
      }
      return out;
    },
  };
}

export function ledgerExportLister(db: Db): ExportLister {
  return {
    count: (range) => countIssuedBetween(db, range),
    page: (range, after, limit) => issueOrderPage(db, range, after, limit),
  };
}

/** One document with what its PDF and XML need besides itself: the business profile and, for a credit note, the invoice it corrects. */
export function documentOf(
  source: InvoiceSource,
  id: string,
): { invoice: Invoice; profile: BusinessProfile; corrected: CorrectedInvoiceRef | null } {
  const invoice = source.invoice(id);
  const ref = invoice.correctsInvoiceId;
  return {
    invoice,
    profile: source.profile(),
    corrected: ref ? (source.correctedRefs([ref]).get(ref) ?? null) : null,
  };
}
