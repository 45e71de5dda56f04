/** Kaspa Living Invoices: one descriptor (shared/providers/kaspa.ts + what the main process holds). No adapter yet. */
import { KASPA_INFO } from '../../../shared/providers/kaspa';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';

export const KASPA: ProviderDescriptor = {
  info: KASPA_INFO,
  reference: IDENTITY_REFERENCE,
  poll: { kind: 'get' },
};
