/**
 * Where account secrets live. The only implementation the app uses is the OS keychain (keytar);
 * the in-memory one exists so tests of other modules need no keychain. There is deliberately no
 * file-backed implementation: when the keychain is unavailable, secrets are unavailable.
 */
import type { KeychainFailureReason, KeychainStatus } from '../../shared/contract/accounts';

export type { KeychainFailureReason, KeychainStatus };

export interface SecretStore {
  readonly backend: KeychainStatus['backend'];
  /** Creates or overwrites one secret field of an account. */
  set(accountId: string, field: string, value: string): Promise<void>;
  /** The secret value, or null when it is not set. Main-process only: never hand the result to the renderer. */
  get(accountId: string, field: string): Promise<string | null>;
  /** True when something was deleted. */
  delete(accountId: string, field: string): Promise<boolean>;
  /** Names (never values) of the fields stored for an account, sorted. */
  listFields(accountId: string): Promise<string[]>;
  /** Deletes every field of an account; returns how many were deleted. */
  deleteAll(accountId: string): Promise<number>;
  /** Whether the keychain can be used right now; never throws. */
  status(): Promise<KeychainStatus>;
}

/** The keychain "account" string of one secret: `<accountId>:<field>`. */
export function entryName(accountId: string, field: string): string {
  return `${accountId}:${field}`;
}

/** Splits an entry name; null for entries that do not belong to `accountId`. */
export function fieldOfEntry(entry: string, accountId: string): string | null {
  const prefix = `${accountId}:`;
  return entry.startsWith(prefix) && entry.length > prefix.length ? entry.slice(prefix.length) : null;
}
