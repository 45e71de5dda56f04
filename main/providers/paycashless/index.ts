/** Paycashless: one descriptor (shared/providers/paycashless.ts + what the main process holds). */
import { PAYCASHLESS_INFO } from '../../../shared/providers/paycashless';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import type * as Adapter from './adapter';

/** The documented maximum page size (1..100, default 10). */
export const PAYCASHLESS_PAGE_SIZE = 100;

export const PAYCASHLESS: ProviderDescriptor = {
  info: PAYCASHLESS_INFO,
  // `reference` is our invoice number as is (a documented list filter, so the lookup is one call).
  reference: IDENTITY_REFERENCE,
  // Statuses draft/open/partially_paid/paid/cancelled; `status` is a documented list filter.
  poll: {
    kind: 'list',
    pageSize: PAYCASHLESS_PAGE_SIZE,
    openFilters: () => [{ status: 'open' }, { status: 'partially_paid' }],
  },
  // The adapter (its HTTP calls and mapping) loads when an account first needs one, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  factory: (deps) => (require('./adapter') as typeof Adapter).createPaycashlessAdapter(deps),
};
