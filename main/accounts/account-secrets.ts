/** Reading an account's secrets for one adapter call. */
import type { ProviderAccount } from '../../shared/domain';
import type { SecretStore } from '../secrets/store';
import { secretFieldsOf } from './validate';

/** The secrets an account has, read from the keychain now; callers must not keep them beyond one call. */
export async function readSecrets(store: SecretStore, account: ProviderAccount): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const field of secretFieldsOf(account.provider).all) {
    const v = await store.get(account.id, field);
    if (v !== null) out[field] = v;
  }
  return out;
}
