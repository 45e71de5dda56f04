/** Reading an account's secrets for one adapter call, and the adapter factory the account service is given. */
import type { ProviderAccount } from '../../shared/domain';
import type { AdapterDeps, ProviderAdapter } from '../providers/types';
import type { SecretStore } from '../secrets/store';
import { secretFieldsOf } from './validate';

/** Builds a provider adapter; returns null (or throws a `*_not_supported` KassaError) where none exists yet. */
export type AdapterFactoryFn = (deps: AdapterDeps) => ProviderAdapter | null;

/** The secrets an account has, read from the keychain now; callers must not keep them beyond one call. */
export async function readSecrets(store: SecretStore, account: ProviderAccount): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const field of secretFieldsOf(account.provider).all) {
    const v = await store.get(account.id, field);
    if (v !== null) out[field] = v;
  }
  return out;
}
