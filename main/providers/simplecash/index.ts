/** SimpleCash: one descriptor (shared/providers/simplecash.ts + what the main process holds). No adapter yet. */
import { SIMPLECASH_INFO } from '../../../shared/providers/simplecash';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';

export const SIMPLECASH: ProviderDescriptor = {
  info: SIMPLECASH_INFO,
  reference: IDENTITY_REFERENCE,
  poll: { kind: 'get' },
};
