/**
 * What sync reads from the provider descriptors (main/providers/<id>/index.ts) to poll and import: the list filters
 * that return exactly the invoices that can still change, and the ledger number behind a remote reference.
 * How an unknown create is looked up is the adapter's `findByReference` (its route is capabilities.lookupRoute).
 */
import type { ProviderId } from '../../shared/domain';
import { DESCRIPTORS, descriptorOf } from '../providers/registry';
import type { ListFilter } from '../providers/types';

export interface PollRoute {
  /** Page size the adapter lists with (for the cost estimate). */
  pageSize: number;
  /** Filters whose union holds every remote invoice that is still open; null = no such filter. */
  openFilters(currencies: readonly string[]): ListFilter[] | null;
}

export const POLL_ROUTES: Partial<Record<ProviderId, PollRoute>> = Object.fromEntries(
  Object.entries(DESCRIPTORS).flatMap(([id, d]) => (d.poll.kind === 'list' ? [[id, d.poll]] : [])),
);

/**
 * The key under which the ledger links a remote invoice: our invoice number for the invoices Kassa sent (the ledger
 * stores the number as the link reference), the provider's reference otherwise.
 */
export function localReference(provider: ProviderId, remoteReference: string | null): string | null {
  if (remoteReference === null || remoteReference === '') return null;
  return descriptorOf(provider).reference.decode(remoteReference) ?? remoteReference;
}
