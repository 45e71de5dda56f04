/**
 * Every provider's descriptor, by id: adding a provider is its folder plus one line here (and its public part in
 * shared/providers/index.ts — both are Records over ProviderId, so one cannot be added without the other).
 * Accounts call `createAdapter(deps).testConnection()`; sync and the UI read capabilities as data without probing.
 */
import type { ProviderId } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import type { ProviderDescriptor } from './descriptor';
import { KASHIER } from './kashier';
import { KASHIO } from './kashio';
import { KASPA } from './kaspa';
import { PAYCASHLESS } from './paycashless';
import { SIMPLECASH } from './simplecash';
import type { AdapterDeps, ProviderAdapter, ProviderCapabilities } from './types';

export const DESCRIPTORS: Readonly<Record<ProviderId, ProviderDescriptor>> = {
  kashio: KASHIO,
  kashier: KASHIER,
  paycashless: PAYCASHLESS,
  kaspa: KASPA,
  simplecash: SIMPLECASH,
};

export function descriptorOf(provider: ProviderId): ProviderDescriptor {
  return DESCRIPTORS[provider];
}

export function isProviderSupported(provider: ProviderId): boolean {
  return DESCRIPTORS[provider]?.factory !== undefined;
}

export function createAdapter(deps: AdapterDeps): ProviderAdapter {
  const d = DESCRIPTORS[deps.account.provider];
  if (!d?.factory) {
    throw new KassaError(
      'refused',
      'provider_not_supported',
      { provider: d?.info.displayName ?? deps.account.provider },
      { field: 'provider', details: { provider: deps.account.provider } },
    );
  }
  return d.factory(deps);
}

/** The provider's capabilities as data; null for a provider without an adapter yet. */
export function capabilitiesOf(provider: ProviderId): ProviderCapabilities | null {
  return isProviderSupported(provider) ? DESCRIPTORS[provider].info.capabilities : null;
}
