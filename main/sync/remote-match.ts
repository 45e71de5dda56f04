/**
 * Whether a remote invoice can be the copy of a ledger invoice: same currency and same total, when the provider
 * says them. Every path that links by a reference or by a person's word (lookup after an unknown create, import,
 * "link" from the sync panel) asks this first: a mismatch is a conflict for a person, never a link.
 */
import type { ProviderId } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { providerName } from '../../shared/providers';
import type { RemoteInvoice } from '../providers/types';

export interface LedgerSide {
  number: string | null;
  currency: string;
  total: number;
}

/** The refusal to link, with both sides as parameters; null when nothing the provider said disagrees. */
export function remoteMismatch(provider: ProviderId, inv: LedgerSide, remote: RemoteInvoice): KassaError | null {
  const common = { provider: providerName(provider), remoteId: remote.remoteId, number: inv.number ?? inv.currency };
  if (remote.currency !== null && remote.currency !== inv.currency) {
    return new KassaError(
      'refused',
      'remote_mismatch',
      {
        ...common,
        problem: 'currency',
        remoteCurrency: remote.currency,
        currency: inv.currency,
        remoteTotal: '',
        total: '',
      },
      { field: 'remoteId' },
    );
  }
  if (remote.total !== null && remote.total !== inv.total) {
    return new KassaError(
      'refused',
      'remote_mismatch',
      {
        ...common,
        problem: 'total',
        remoteCurrency: inv.currency,
        currency: inv.currency,
        remoteTotal: { minor: remote.total, currency: inv.currency },
        total: { minor: inv.total, currency: inv.currency },
      },
      { field: 'remoteId', details: { remoteTotal: remote.total, total: inv.total, currency: inv.currency } },
    );
  }
  return null;
}
