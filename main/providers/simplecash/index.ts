/** SimpleCash: one descriptor (shared/providers/simplecash.ts + what the main process holds). */
import { SIMPLECASH_INFO } from '../../../shared/providers/simplecash';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';
import type * as Adapter from './adapter';

export const SIMPLECASH: ProviderDescriptor = {
  info: SIMPLECASH_INFO,
  // The invoice's name is "Invoice <our number>".
  reference: IDENTITY_REFERENCE,
  // No status filter on the list: each open invoice is read by its uid.
  poll: { kind: 'get' },
  // The adapter (its HTTP calls and mapping) loads when an account first needs one, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  factory: (deps) => (require('./adapter') as typeof Adapter).createSimplecashAdapter(deps),
};
