/** KashIO: one descriptor (shared/providers/kashio.ts + what the main process holds). No adapter yet. */
import { KASHIO_INFO } from '../../../shared/providers/kashio';
import { IDENTITY_REFERENCE, type ProviderDescriptor } from '../descriptor';

export const KASHIO: ProviderDescriptor = {
  info: KASHIO_INFO,
  reference: IDENTITY_REFERENCE,
  poll: { kind: 'get' },
};
