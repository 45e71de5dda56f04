/** An account and the adapter that talks to its provider, built once per sync round. */
import type { ProviderAccount } from '../../shared/domain';
import type { AccountService } from '../accounts/service';
import type { AdapterFactory, HttpTuning, ProviderAdapter } from '../providers/types';

export interface SyncTarget {
  account: ProviderAccount;
  adapter: ProviderAdapter;
}

/** Throws the registry's KassaError (provider_not_supported) for a provider without an adapter. */
export function makeTarget(
  accounts: AccountService,
  createAdapter: AdapterFactory,
  accountId: string,
  http?: HttpTuning,
): SyncTarget {
  const deps = accounts.adapterDeps(accountId);
  if (http) deps.http = http;
  return { account: deps.account, adapter: createAdapter(deps) };
}
