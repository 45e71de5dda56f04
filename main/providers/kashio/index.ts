/** KashIO: one descriptor (shared/providers/kashio.ts + what the main process holds). */
import { KASHIO_INFO } from '../../../shared/providers/kashio';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import type * as Adapter from './adapter';

/** Not documented: no maximum page size is published; 100 keeps answers small. */
export const KASHIO_PAGE_SIZE = 100;

export const KASHIO: ProviderDescriptor = {
  info: KASHIO_INFO,
  // `invoice_id` is our invoice number as is.
  reference: IDENTITY_REFERENCE,
  // The pull events API says what changed since the last poll (invoice.paid, invoice.expired).
  poll: { kind: 'events', pageSize: KASHIO_PAGE_SIZE },
  // The adapter (its HTTP calls and mapping) loads when an account first needs one, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  factory: (deps) => (require('./adapter') as typeof Adapter).createKashioAdapter(deps),
};
