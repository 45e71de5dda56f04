/** Kashier: one descriptor (shared/providers/kashier.ts + what the main process holds). */
import { KASHIER_INFO } from '../../../shared/providers/kashier';
import type { ProviderDescriptor } from '../descriptor';
import type * as Adapter from './adapter';
import { KASHIER_REFERENCE } from './reference';

/** Our page size: Kashier's default is 500 per page; 100 keeps each answer small. */
export const KASHIER_PAGE_SIZE = 100;

export const KASHIER: ProviderDescriptor = {
  info: KASHIER_INFO,
  reference: KASHIER_REFERENCE,
  // Kashier lists one currency at a time; paymentStatus=unpaid keeps paid ones out (cancelled stay in, with state).
  poll: {
    kind: 'list',
    pageSize: KASHIER_PAGE_SIZE,
    openFilters: (currencies) => currencies.map((currency) => ({ currency, status: 'unpaid' })),
  },
  // The adapter (its HTTP calls and mapping) loads when an account first needs one, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  factory: (deps) => (require('./adapter') as typeof Adapter).createKashierAdapter(deps),
};
