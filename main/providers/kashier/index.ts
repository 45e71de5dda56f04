/** Kashier: one descriptor (shared/providers/kashier.ts + what the main process holds). */
import { KASHIER_INFO } from '../../../shared/providers/kashier';
import type { ProviderDescriptor } from '../descriptor';
import { createKashierAdapter, KASHIER_PAGE_SIZE } from './adapter';
import { KASHIER_REFERENCE } from './reference';

export const KASHIER: ProviderDescriptor = {
  info: KASHIER_INFO,
  reference: KASHIER_REFERENCE,
  // Kashier lists one currency at a time; paymentStatus=unpaid keeps paid ones out (cancelled stay in, with state).
  poll: {
    kind: 'list',
    pageSize: KASHIER_PAGE_SIZE,
    openFilters: (currencies) => currencies.map((currency) => ({ currency, status: 'unpaid' })),
  },
  factory: createKashierAdapter,
};
