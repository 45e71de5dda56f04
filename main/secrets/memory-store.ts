/** A SecretStore in process memory, for tests of modules that need secrets but not the OS keychain. */
import { entryName, fieldOfEntry, type KeychainStatus, type SecretStore } from './store';
import { keychainUnavailable } from './keychain-errors';

export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory' as const;
  private readonly entries = new Map<string, string>();
  /** Set to simulate a missing or locked keychain: every operation then fails like keytar would. */
  failWith: Error | null = null;

  private check(): void {
    if (this.failWith) throw keychainUnavailable(this.failWith);
  }

  async set(accountId: string, field: string, value: string): Promise<void> {
    this.check();
    this.entries.set(entryName(accountId, field), value);
  }

  async get(accountId: string, field: string): Promise<string | null> {
    this.check();
    return this.entries.get(entryName(accountId, field)) ?? null;
  }

  async delete(accountId: string, field: string): Promise<boolean> {
    this.check();
    return this.entries.delete(entryName(accountId, field));
  }

  async listFields(accountId: string): Promise<string[]> {
    this.check();
    return [...this.entries.keys()]
      .map((e) => fieldOfEntry(e, accountId))
      .filter((f): f is string => f !== null)
      .sort();
  }

  async deleteAll(accountId: string): Promise<number> {
    const fields = await this.listFields(accountId);
    for (const f of fields) this.entries.delete(entryName(accountId, f));
    return fields.length;
  }

  async status(): Promise<KeychainStatus> {
    if (!this.failWith) return { available: true, backend: this.backend };
    const err = keychainUnavailable(this.failWith);
    return {
      available: false,
      backend: this.backend,
      reason: err.details?.reason as KeychainStatus['reason'],
      message: err.message,
    };
  }

  /** Test helper: how many entries exist across all accounts. */
  get size(): number {
    return this.entries.size;
  }
}
