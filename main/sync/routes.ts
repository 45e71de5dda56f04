/**
 * Per-provider facts the sync engine needs beyond the adapter interface, in one table:
 *
 * Reconciling a create whose outcome is unknown (the cheapest documented lookup by our reference):
 * - Paycashless: `GET /v1/invoices?reference=<our invoice number>` — the list endpoint filters by `reference`
 *   server-side, so one call answers (exact match re-checked by the adapter).
 * - Kashier: `GET /paymentRequests/{MID}?currency=<invoice currency>&startDate=&endDate=` over a window around the
 *   time we sent it, matching `invoiceReferenceId` (our number in its numeric form, kashier-reference.ts) on each
 *   page; Kashier has no reference filter. Kashier also refuses a second invoice with the same
 *   invoiceReferenceId, which backs the lookup up.
 * - KashIO, Kaspa, SimpleCash: no adapter yet / no documented lookup → an unknown create is parked as
 *   "needs review" with what is known, and never re-sent blindly.
 * The UI shows the same route from `capabilities.lookupRoute`.
 *
 * Status polling: which list filters return exactly the invoices that can still change, so one page covers up to a
 * page-size of open invoices (absent ones are then read one by one), and the page size the adapter uses.
 */
import type { ProviderId } from '../../shared/domain';
import { decodeKashierReference } from '../providers/kashier-reference';
import type { ListFilter } from '../providers/types';

export interface PollRoute {
  /** Page size the adapter lists with (for the cost estimate). */
  pageSize: number;
  /** Filters whose union holds every remote invoice that is still open; null = no such filter. */
  openFilters(currencies: readonly string[]): ListFilter[] | null;
}

export const POLL_ROUTES: Partial<Record<ProviderId, PollRoute>> = {
  // Paycashless statuses: draft/open/partially_paid/paid/cancelled; `status` is a documented list filter.
  paycashless: { pageSize: 100, openFilters: () => [{ status: 'open' }, { status: 'partially_paid' }] },
  // Kashier lists one currency at a time; paymentStatus=unpaid keeps paid ones out (cancelled stay in, with state).
  kashier: {
    pageSize: 100,
    openFilters: (currencies) => currencies.map((currency) => ({ currency, status: 'unpaid' })),
  },
};

/** Written out for people (logs, docs); the adapter's capabilities.lookupRoute is what the UI shows. */
export const RECONCILE_ROUTES: Record<ProviderId, string | null> = {
  paycashless: 'GET /v1/invoices?reference=<number> (server-side filter, exact match)',
  kashier: 'GET /paymentRequests/{MID}?currency=&startDate=&endDate= then match invoiceReferenceId',
  kashio: null,
  kaspa: null,
  simplecash: null,
};

/**
 * The key under which the ledger links a remote invoice: our invoice number for the invoices Kassa sent (the ledger
 * stores the number as the link reference), the provider's reference otherwise. Kashier carries our number in its
 * numeric form, so it is decoded back.
 */
export function localReference(provider: ProviderId, remoteReference: string | null): string | null {
  if (remoteReference === null || remoteReference === '') return null;
  if (provider === 'kashier') return decodeKashierReference(remoteReference) ?? remoteReference;
  return remoteReference;
}
