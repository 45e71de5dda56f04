/**
 * Which adapter serves which provider. Accounts call `createAdapter(deps).testConnection()`; sync and the UI read
 * `capabilitiesOf(provider)` to know which operations exist without probing the network.
 */
import type { ProviderId } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { PROVIDER_NAMES } from './http-errors';
import { createKashierAdapter, kashierCapabilities } from './kashier';
import { createPaycashlessAdapter, paycashlessCapabilities } from './paycashless';
import type { AdapterDeps, AdapterFactory, ProviderAdapter, ProviderCapabilities } from './types';

const ADAPTERS: Partial<Record<ProviderId, { factory: AdapterFactory; capabilities: ProviderCapabilities }>> = {
  kashier: { factory: createKashierAdapter, capabilities: kashierCapabilities },
  paycashless: { factory: createPaycashlessAdapter, capabilities: paycashlessCapabilities },
};

export function isProviderSupported(provider: ProviderId): boolean {
  return ADAPTERS[provider] !== undefined;
}

export function createAdapter(deps: AdapterDeps): ProviderAdapter {
  const entry = ADAPTERS[deps.account.provider];
  if (!entry) {
    throw new KassaError(
      'refused',
      'provider_not_supported',
      `${PROVIDER_NAMES[deps.account.provider] ?? deps.account.provider} is not connected in this version of Kassa yet.`,
      { field: 'provider', details: { provider: deps.account.provider } },
    );
  }
  return entry.factory(deps);
}

/** The provider's capabilities as data; null for a provider without an adapter yet. */
export function capabilitiesOf(provider: ProviderId): ProviderCapabilities | null {
  return ADAPTERS[provider]?.capabilities ?? null;
}
