/**
 * SecretStore over the OS keychain through keytar: macOS Keychain, Windows Credential Manager,
 * or a Secret Service (gnome-keyring, KWallet) on Linux. One keychain entry per account secret:
 * service "Kassa", account `<accountId>:<field>`.
 *
 * keytar is loaded on first use, not at start-up, so the app starts (and the ledger works offline)
 * on a machine without a keychain or without libsecret; only operations on secrets fail, with the
 * one clear `keychain_unavailable` error.
 */
import { keychainUnavailable } from './keychain-errors';
import { entryName, fieldOfEntry, type KeychainStatus, type SecretStore } from './store';

export const KEYCHAIN_SERVICE = 'Kassa';
/** Entry written and deleted by status(): the only way to see a locked collection is to try a write. */
const PROBE_ACCOUNT = '__kassa_probe__:status';
/** libsecret's answer when an entry it has just enumerated is gone before it could be read. */
const VANISHED_ENTRY = /No such secret item/i;

/** The part of keytar we use (N-API module: one build serves Node and Electron). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export type KeytarLoader = () => Promise<KeytarApi>;

/**
 * findCredentials enumerates the service's entries, then reads each one. Another process using the same keychain
 * (the app beside a `kassa` command, or its status probe) may delete an entry in between, and libsecret then fails
 * the whole call with "No such secret item": the listing is simply taken again.
 */
export async function findCredentialsSettled(
  k: Pick<KeytarApi, 'findCredentials'>,
  service: string,
  attempts = 5,
): Promise<Array<{ account: string; password: string }>> {
  for (let i = 1; ; i++) {
    try {
      return await k.findCredentials(service);
    } catch (err) {
      if (i >= attempts || !VANISHED_ENTRY.test(err instanceof Error ? err.message : String(err))) throw err;
    }
  }
}

export const loadKeytar: KeytarLoader = async () => {
  const mod = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
};

export class KeytarSecretStore implements SecretStore {
  readonly backend = 'keytar' as const;
  private api: Promise<KeytarApi> | undefined;

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    private readonly load: KeytarLoader = loadKeytar,
  ) {}

  private keytar(): Promise<KeytarApi> {
    // A failed load is not cached: the user may install libsecret / start the keyring and retry.
    this.api ??= this.load().catch((err: unknown) => {
      this.api = undefined;
      throw err;
    });
    return this.api;
  }

  /** Runs one keychain operation; every failure becomes `keychain_unavailable` with `values` scrubbed. */
  private async run<T>(op: (k: KeytarApi) => Promise<T>, values: readonly string[] = []): Promise<T> {
    try {
      return await op(await this.keytar());
    } catch (err) {
      throw keychainUnavailable(err, values);
    }
  }

  set(accountId: string, field: string, value: string): Promise<void> {
    return this.run((k) => k.setPassword(this.service, entryName(accountId, field), value), [value]);
  }

  get(accountId: string, field: string): Promise<string | null> {
    return this.run((k) => k.getPassword(this.service, entryName(accountId, field)));
  }

  delete(accountId: string, field: string): Promise<boolean> {
    return this.run((k) => k.deletePassword(this.service, entryName(accountId, field)));
  }

  async listFields(accountId: string): Promise<string[]> {
    // findCredentials also returns the passwords; only the names leave this function.
    const creds = await this.run((k) => findCredentialsSettled(k, this.service));
    return creds
      .map((c) => fieldOfEntry(c.account, accountId))
      .filter((f): f is string => f !== null)
      .sort();
  }

  async deleteAll(accountId: string): Promise<number> {
    const fields = await this.listFields(accountId);
    let n = 0;
    for (const f of fields) if (await this.delete(accountId, f)) n++;
    return n;
  }

  async status(): Promise<KeychainStatus> {
    try {
      await this.run(async (k) => {
        await k.setPassword(this.service, PROBE_ACCOUNT, 'probe');
        await k.deletePassword(this.service, PROBE_ACCOUNT);
      });
      return { available: true, backend: this.backend };
    } catch (err) {
      const e = keychainUnavailable(err);
      return {
        available: false,
        backend: this.backend,
        reason: e.details?.reason as KeychainStatus['reason'],
        message: e.message,
      };
    }
  }
}
