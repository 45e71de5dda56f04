/**
 * Provider accounts: the ledger row (non-secret) and its secrets in the keychain, kept in step.
 *
 * Ordering rules, so a failure never leaves half an account:
 * - add: validate everything, write secrets to the keychain, then insert the row; if the insert fails,
 *   the secrets just written are deleted again.
 * - setSecrets: remember the old values of the fields being set, write, then update the row; on failure
 *   the old values are put back.
 * - remove: refuse while invoices are linked; delete the secrets, then the row.
 * Nothing here logs, returns or throws a secret value.
 */
import { randomUUID } from 'node:crypto';
import type { AccountRemoved, AccountTestResult, KeychainStatus } from '../../shared/contract/accounts';
import type { AccountMode, ProviderAccount, ProviderId } from '../../shared/domain';
import { KassaError, invalid, notFound, refused } from '../../shared/errors';
import { providerName } from '../../shared/providers';
import type { EventHub } from '../events';
import { writeTx, type Db } from '../ledger/connection';
import type { Logger } from '../log';
import type { AdapterDeps, AdapterFactory } from '../providers/types';
import type { SecretStore } from '../secrets/store';
import { readSecrets } from './account-secrets';
import { runConnectionTest } from './connection-test';
import { AccountRepository, toProviderAccount, type StoredAccount } from './repository';
import {
  assertNoSecretInSettings,
  nameKey,
  secretFieldsOf,
  validateBaseUrl,
  validateName,
  validateSecrets,
  validateSettings,
} from './validate';

export interface AccountServiceDeps {
  db: Db;
  secrets: SecretStore;
  log: Logger;
  events?: EventHub;
  now: () => Date;
  fetch: typeof fetch;
  createAdapter?: AdapterFactory;
}

export interface AddAccountInput {
  provider: ProviderId;
  name: string;
  mode: AccountMode;
  baseUrl?: string | null | undefined;
  settings?: Record<string, string> | undefined;
  secrets: Record<string, string>;
}

export interface UpdateAccountInput {
  id: string;
  name?: string | undefined;
  mode?: AccountMode | undefined;
  baseUrl?: string | null | undefined;
  settings?: Record<string, string> | undefined;
}

export class AccountService {
  private readonly repo: AccountRepository;

  constructor(private readonly deps: AccountServiceDeps) {
    this.repo = new AccountRepository(deps.db);
  }

  list(): ProviderAccount[] {
    return this.repo.list().map(toProviderAccount);
  }

  get(id: string): ProviderAccount {
    return toProviderAccount(this.stored(id));
  }

  /**
   * An account by id, else by its unique case-insensitive name: what `--account` accepts in the CLI.
   * Throws not_found with the known names when nothing matches.
   */
  resolve(ref: string): ProviderAccount {
    const text = ref.trim();
    const byId = this.repo.get(text);
    if (byId) return toProviderAccount(byId);
    const key = nameKey(text);
    const matches = this.repo.names().filter((n) => nameKey(n.name) === key);
    const first = matches[0];
    if (matches.length === 1 && first) return this.get(first.id);
    if (matches.length > 1) {
      throw refused('account_ambiguous', { name: text }, 'account');
    }
    const known = this.repo.names().map((n) => n.name);
    throw new KassaError(
      'not_found',
      'account_not_found',
      { id: text, hasKnown: known.length > 0 ? 'yes' : 'no', known: known.join(', ') },
      { field: 'account' },
    );
  }

  async add(input: AddAccountInput): Promise<ProviderAccount> {
    const name = validateName(input.name);
    const baseUrl = validateBaseUrl(input.baseUrl);
    const settings = validateSettings(input.provider, input.settings);
    const secrets = validateSecrets(input.provider, input.secrets, { requireAll: true });
    assertNoSecretInSettings(settings, Object.values(secrets));
    this.assertNameFree(name);

    const now = this.deps.now().toISOString();
    const account: StoredAccount = {
      id: `acc_${randomUUID().replace(/-/g, '')}`,
      provider: input.provider,
      name,
      mode: input.mode,
      baseUrl,
      settings,
      secretFields: Object.keys(secrets),
      createdAt: now,
      updatedAt: now,
    };

    const written: string[] = [];
    try {
      for (const [field, value] of Object.entries(secrets)) {
        await this.deps.secrets.set(account.id, field, value);
        written.push(field);
      }
    } catch (err) {
      await this.forget(account.id, written);
      this.deps.log.warn('account.add.keychain_failed', { accountId: account.id, code: (err as KassaError).code });
      throw err;
    }
    try {
      writeTx(this.deps.db, () => {
        this.assertNameFree(name);
        this.repo.insert(account);
      });
    } catch (err) {
      await this.forget(account.id, written);
      throw this.mapWriteError(err);
    }
    this.deps.log.info('account.added', { accountId: account.id, provider: account.provider, mode: account.mode });
    this.changed(account.id);
    return toProviderAccount(account);
  }

  /**
   * Keys are bound to the server they were entered for: when the base URL changes and `keysFollowHost` is not set
   * (every caller but the CLI, whose user is at the terminal), the stored keys are removed first, so a page
   * that can call the contract cannot point an account at its own server and have "test connection" send the
   * key there. The user enters the keys again for the new server.
   */
  async update(input: UpdateAccountInput, opts: { keysFollowHost?: boolean } = {}): Promise<ProviderAccount> {
    const current = this.stored(input.id);
    const next: StoredAccount = { ...current };
    if (input.name !== undefined) next.name = validateName(input.name);
    if (input.mode !== undefined) next.mode = input.mode;
    if (input.baseUrl !== undefined) next.baseUrl = validateBaseUrl(input.baseUrl);
    if (input.settings !== undefined) next.settings = validateSettings(current.provider, input.settings);
    next.updatedAt = this.deps.now().toISOString();
    const hostChanged = (next.baseUrl ?? null) !== (current.baseUrl ?? null);
    let keysCleared = false;
    if (hostChanged && !opts.keysFollowHost && current.secretFields.length > 0) {
      if (nameKey(next.name) !== nameKey(current.name)) this.assertNameFree(next.name, current.id);
      await this.deps.secrets.deleteAll(current.id);
      next.secretFields = [];
      keysCleared = true;
    }
    try {
      writeTx(this.deps.db, () => {
        if (nameKey(next.name) !== nameKey(current.name)) this.assertNameFree(next.name, current.id);
        this.repo.update(next);
      });
    } catch (err) {
      throw this.mapWriteError(err);
    }
    this.deps.log.info('account.updated', { accountId: next.id, keysCleared });
    this.changed(next.id);
    return toProviderAccount(next);
  }

  async setSecrets(id: string, raw: Record<string, string>): Promise<ProviderAccount> {
    const current = this.stored(id);
    const secrets = validateSecrets(current.provider, raw, { requireAll: false });
    // Old values are kept only in this call's memory, to put them back if a later write fails.
    const previous = new Map<string, string | null>();
    const restore = async (): Promise<void> => {
      for (const [field, old] of previous) {
        try {
          if (old === null) await this.deps.secrets.delete(id, field);
          else await this.deps.secrets.set(id, field, old);
        } catch {
          // Best effort: the keychain failed again; the caller already gets the first error.
        }
      }
    };
    try {
      for (const [field, value] of Object.entries(secrets)) {
        previous.set(field, await this.deps.secrets.get(id, field));
        await this.deps.secrets.set(id, field, value);
      }
    } catch (err) {
      await restore();
      throw err;
    }
    const next: StoredAccount = {
      ...current,
      secretFields: [...new Set([...current.secretFields, ...Object.keys(secrets)])],
      updatedAt: this.deps.now().toISOString(),
    };
    try {
      writeTx(this.deps.db, () => this.repo.update(next));
    } catch (err) {
      await restore();
      throw this.mapWriteError(err);
    }
    this.deps.log.info('account.secrets_set', { accountId: id, fields: Object.keys(secrets) });
    this.changed(id);
    return toProviderAccount(next);
  }

  async deleteSecret(id: string, field: string): Promise<ProviderAccount> {
    const current = this.stored(id);
    if (!secretFieldsOf(current.provider).all.includes(field)) {
      throw invalid(
        'unknown_secret_field',
        {
          provider: providerName(current.provider),
          name: field.slice(0, 80),
          known: secretFieldsOf(current.provider).all.join(', '),
        },
        'field',
      );
    }
    await this.deps.secrets.delete(id, field);
    const next: StoredAccount = {
      ...current,
      secretFields: current.secretFields.filter((f) => f !== field),
      updatedAt: this.deps.now().toISOString(),
    };
    writeTx(this.deps.db, () => this.repo.update(next));
    this.deps.log.info('account.secret_deleted', { accountId: id, field });
    this.changed(id);
    return toProviderAccount(next);
  }

  async remove(id: string, opts: { evenIfKeychainUnavailable?: boolean | undefined } = {}): Promise<AccountRemoved> {
    this.stored(id);
    this.assertNotLinked(id);
    let secretsRemoved: number | null;
    try {
      secretsRemoved = await this.deps.secrets.deleteAll(id);
    } catch (err) {
      if (!(err instanceof KassaError && err.kind === 'keychain' && opts.evenIfKeychainUnavailable)) throw err;
      // The user chose to drop the account without its keychain entries (e.g. the keychain is gone for good).
      secretsRemoved = null;
    }
    try {
      writeTx(this.deps.db, () => {
        this.assertNotLinked(id);
        this.repo.delete(id);
      });
    } catch (err) {
      throw this.mapWriteError(err);
    }
    this.deps.log.info('account.removed', { accountId: id, secretsRemoved });
    this.changed(id);
    return { id, removed: true, secretsRemoved };
  }

  async test(id: string): Promise<AccountTestResult> {
    const account = this.get(id);
    const result = await runConnectionTest({
      account,
      secrets: this.deps.secrets,
      createAdapter: this.deps.createAdapter,
      fetch: this.deps.fetch,
      log: this.deps.log,
      now: this.deps.now,
    });
    this.deps.log.info('account.tested', {
      accountId: id,
      provider: account.provider,
      result: result.result,
      httpStatus: result.httpStatus,
    });
    return result;
  }

  keychainStatus(): Promise<KeychainStatus> {
    return this.deps.secrets.status();
  }

  /**
   * What an adapter needs for this account: secrets are read from the keychain on each call to
   * `secrets()` and never cached. For sync and other modules that drive adapters.
   */
  adapterDeps(id: string): AdapterDeps {
    const account = this.get(id);
    return {
      account,
      secrets: () => readSecrets(this.deps.secrets, account),
      fetch: this.deps.fetch,
      log: this.deps.log,
      now: this.deps.now,
    };
  }

  private stored(id: string): StoredAccount {
    const a = this.repo.get(id);
    if (!a) throw notFound('account', id);
    return a;
  }

  private assertNameFree(name: string, exceptId?: string): void {
    const key = nameKey(name);
    if (this.repo.names().some((n) => n.id !== exceptId && nameKey(n.name) === key)) {
      throw refused('account_name_taken', { name }, 'name');
    }
  }

  /** Refuses removal while anything in the ledger still points at the account (checked before any secret is deleted). */
  private assertNotLinked(id: string): void {
    const n = this.repo.linkedInvoiceCount(id);
    if (n > 0) {
      throw refused('account_in_use', { links: n, uses: 'none' }, 'id');
    }
    const refs = this.repo.references(id);
    if (refs.length > 0) {
      throw new KassaError(
        'refused',
        'account_in_use',
        { links: 0, uses: refs.map((r) => `${r.table}: ${r.count}`).join(', ') },
        { field: 'id', details: { references: refs } },
      );
    }
  }

  private async forget(accountId: string, fields: readonly string[]): Promise<void> {
    for (const f of fields) {
      try {
        await this.deps.secrets.delete(accountId, f);
      } catch {
        // The keychain failed while undoing; the account row does not exist, so nothing points at it.
      }
    }
  }

  private mapWriteError(err: unknown, name = ''): unknown {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') return refused('account_name_taken', { name }, 'name');
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return refused('account_in_use', { links: 0, uses: 'none' }, 'id');
    return err;
  }

  private changed(id: string): void {
    this.deps.events?.emit('ledger.changed', { entity: 'account', id });
  }
}
