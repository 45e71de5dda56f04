/**
 * What the sync engine remembers per account between runs and across processes (the app and `kassa sync` share it):
 * last success, last attempt, last error, last poll/import, and an offline pause. Stored as one JSON value per
 * account in the ledger's key/value `meta` table (key `sync.account:<id>`), so no schema change was needed; the
 * values hold ids, times and provider messages (already scrubbed), never secrets or customer data.
 */
import type { Database as Db } from 'better-sqlite3';
import type { SyncError } from '../../shared/contract/sync';
import { writeTx } from '../ledger/connection';
import { readMeta, readMetaPrefix, writeMeta } from '../ledger/tables/meta';
import { readSyncError, storableSyncError } from './failures';

export interface AccountSyncState {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastPollAt: string | null;
  lastImportAt: string | null;
  lastError: SyncError | null;
  /** Consecutive failures that make the account look offline (or unusable). */
  failures: number;
  pausedUntil: string | null;
  /** Consecutive failed poll rounds, for the poll back-off. */
  pollFailures: number;
  /** When the background loop polls this account next (interval with jitter, or back-off after failures). */
  nextPollAt: string | null;
}

const EMPTY: AccountSyncState = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastPollAt: null,
  lastImportAt: null,
  lastError: null,
  failures: 0,
  pausedUntil: null,
  pollFailures: 0,
  nextPollAt: null,
};

const PREFIX = 'sync.account:';
const key = (accountId: string): string => `${PREFIX}${accountId}`;

export function readAccountState(db: Db, accountId: string): AccountSyncState {
  const value = readMeta(db, key(accountId));
  if (value === undefined) return { ...EMPTY };
  try {
    return fromStored(JSON.parse(value) as Partial<AccountSyncState>);
  } catch {
    return { ...EMPTY };
  }
}

/** The stored value with its error's English text made again (the ledger keeps codes, not sentences). */
function fromStored(stored: Partial<AccountSyncState>): AccountSyncState {
  return { ...EMPTY, ...stored, lastError: readSyncError(stored.lastError) };
}

export function readAllAccountStates(db: Db): Map<string, AccountSyncState> {
  const out = new Map<string, AccountSyncState>();
  for (const r of readMetaPrefix(db, PREFIX)) {
    try {
      out.set(r.key.slice(PREFIX.length), fromStored(JSON.parse(r.value) as Partial<AccountSyncState>));
    } catch {
      // An unreadable value is treated as "nothing known yet".
    }
  }
  return out;
}

/** Read-modify-write inside the caller's transaction (or its own), so two processes never lose each other's update. */
export function updateAccountState(
  db: Db,
  accountId: string,
  fn: (s: AccountSyncState) => AccountSyncState,
): AccountSyncState {
  const run = (): AccountSyncState => {
    const next = fn(readAccountState(db, accountId));
    writeMeta(db, key(accountId), JSON.stringify({ ...next, lastError: storableSyncError(next.lastError) }));
    return next;
  };
  return db.inTransaction ? run() : writeTx(db, run);
}
