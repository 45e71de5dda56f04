/** Kaspa Living Invoices: one descriptor (shared/providers/kaspa.ts + what the main process holds). */
import { KASPA_INFO } from '../../../shared/providers/kaspa';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import type * as Adapter from './adapter';

/** The documented maximum page size. */
export const KASPA_PAGE_SIZE = 100;

export const KASPA: ProviderDescriptor = {
  info: KASPA_INFO,
  // There is no reference field: our number travels as the first line of the notes ("Invoice <number>").
  reference: IDENTITY_REFERENCE,
  // Open = pending or overdue; without a get, invoices that left those lists are found in the paid/cancelled pages.
  poll: {
    kind: 'list',
    pageSize: KASPA_PAGE_SIZE,
    openFilters: () => [{ status: 'pending' }, { status: 'overdue' }],
    closedFilters: () => [{ status: 'paid' }, { status: 'cancelled' }],
  },
  // The adapter (its HTTP calls and mapping) loads when an account first needs one, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  factory: (deps) => (require('./adapter') as typeof Adapter).createKaspaAdapter(deps),
};
