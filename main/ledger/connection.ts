/**
 * Opening the ledger: one SQLite file per data dir, shared by the app, the browser host,
 * the CLI and worker threads — so nothing here assumes a single process.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import path from 'node:path';
import type { InvoiceKind, InvoiceStatus } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { makeFilePrivate, makePrivateDir } from '../private-files';
import { isDamageError, ledgerDamaged } from './damage';
import { balanceOf } from '../../shared/settlement';
import { betterSqliteBindingPath, currentRuntime, projectRoot } from '../native/bindings';
import { migrations as allMigrations } from './migrations';
import { runMigrations, type Migration } from './migrate';

export type { Db };

export interface OpenOptions {
  readonly?: boolean;
  /** Defaults to the app's migrations; tests pass their own. */
  migrations?: readonly Migration[];
  /** Where pre-migration backups go; defaults to <dir of file>/backups. */
  backupDir?: string;
  busyTimeoutMs?: number;
}

export interface Ledger {
  db: Db;
  file: string;
  schemaVersion: number;
  close(): void;
}

export const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(file: string, opts: { readonly?: boolean; busyTimeoutMs?: number } = {}): Db {
  const nativeBinding = betterSqliteBindingPath(currentRuntime(), projectRoot());
  let db: Db;
  try {
    if (file !== ':memory:') makePrivateDir(path.dirname(file));
    db = new Database(file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (err) {
    throw new KassaError('io', 'ledger_open_failed', { file, detail: (err as Error).message }, { cause: err });
  }
  if (file !== ':memory:' && !opts.readonly) {
    // Private before WAL and SHM exist: SQLite gives them the database file's mode. An older install's are tightened.
    for (const suffix of ['', '-wal', '-shm']) makeFilePrivate(`${file}${suffix}`);
  }
  try {
    if (!opts.readonly) {
      // WAL lets readers (UI, CLI, workers) run while one writer commits; FULL sync so a committed
      // invoice survives power loss (better-sqlite3 leaves WAL at NORMAL otherwise).
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    // The first read of the file: a damaged header shows here.
    db.close();
    throw isDamageError(err) ? ledgerDamaged(file, err) : err;
  }
  registerFunctions(db);
  return db;
}

/**
 * SQL functions the ledger's reports call, so an aggregate over many rows uses the very function the screen,
 * the PDF and the CSV use (shared/settlement.ts) instead of a second copy of the rule in SQL.
 */
function registerFunctions(db: Db): void {
  db.function(
    'kassa_balance',
    { deterministic: true },
    (kind: unknown, status: unknown, total: unknown, paid: unknown, credited: unknown, refunded: unknown) =>
      balanceOf({
        kind: kind as InvoiceKind,
        status: status as InvoiceStatus,
        total: Number(total),
        paid: Number(paid),
        credited: Number(credited),
        refunded: Number(refunded),
      }),
  );
}

export async function openLedger(file: string, opts: OpenOptions = {}): Promise<Ledger> {
  const db = openDatabase(file, opts);
  try {
    const schemaVersion = await runMigrations(db, opts.migrations ?? allMigrations, {
      file,
      backupDir: opts.backupDir ?? path.join(path.dirname(file), 'backups'),
      readonly: opts.readonly ?? false,
    });
    return { db, file, schemaVersion, close: () => db.close() };
  } catch (err) {
    db.close();
    throw isDamageError(err) ? ledgerDamaged(file, err) : err;
  }
}

/**
 * Runs fn in a write transaction that takes the write lock up front (BEGIN IMMEDIATE), so two
 * processes never both read "next number = 7" and then race to write it.
 */
export function writeTx<T>(db: Db, fn: () => T): T {
  const result = db.transaction(fn).immediate();
  if (!db.inTransaction) commitHooks.get(db)?.(); // after the outermost commit only, never a savepoint
  return result;
}

const commitHooks = new WeakMap<Db, () => void>();

/** Runs `fn` after each commit of writeTx on `db` (one hook per connection: the numbering high-water mark). */
export function afterCommit(db: Db, fn: () => void): void {
  commitHooks.set(db, fn);
}
