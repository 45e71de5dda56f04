/** KashIO: one descriptor (shared/providers/kashio.ts + what the main process holds). */
import { KASHIO_INFO } from '../../../shared/providers/kashio';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import { createKashioAdapter, KASHIO_PAGE_SIZE } from './adapter';

export const KASHIO: ProviderDescriptor = {
  info: KASHIO_INFO,
  // `invoice_id` is our invoice number as is.
  reference: IDENTITY_REFERENCE,
  // The pull events API says what changed since the last poll (invoice.paid, invoice.expired).
  poll: { kind: 'events', pageSize: KASHIO_PAGE_SIZE },
  factory: createKashioAdapter,
};
