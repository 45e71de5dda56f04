/** Paycashless: one descriptor (shared/providers/paycashless.ts + what the main process holds). */
import { PAYCASHLESS_INFO } from '../../../shared/providers/paycashless';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import { createPaycashlessAdapter, PAYCASHLESS_PAGE_SIZE } from './adapter';

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
  factory: createPaycashlessAdapter,
};
