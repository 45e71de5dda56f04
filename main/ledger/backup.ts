/**
 * Backup and restore with SQLite's online backup API: consistent copies while the app, the CLI or a worker
 * keep the ledger open. Restore never swaps files under other connections: it checks the backup on a
 * private copy (migrating it if it is older), saves a safety backup of the current ledger, then copies the
 * checked pages into the live database through the backup API, which takes the proper locks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind, CheckReport } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { replaceFileAtomic } from '../atomic-write';
import { makePrivateDir } from '../private-files';
import { checkLedger } from './check';
import type { Database as Db } from 'better-sqlite3';
import { openDatabase, openLedger, type Ledger } from './connection';
import { isDamageError, setDamagedAside } from './damage';
import { processIsGone } from './lease';

export const backupStamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/** Automatic copies: kassa-auto-<local day>-<UTC stamp>.db (see auto-backups.ts). */
export const AUTO_NAME = /^kassa-auto-(\d{4}-\d{2}-\d{2})-.+\.db$/;

/** What kind of copy a file of the backups folder is, from its name. */
export function backupKindOf(fileName: string): BackupKind {
  if (AUTO_NAME.test(fileName)) return 'auto';
  if (fileName.startsWith('kassa-before-restore-')) return 'before-restore';
  if (/-v\d+-before-v\d+-/.test(fileName)) return 'before-upgrade';
  return 'manual';
}

export function defaultBackupFile(backupDir: string, now: Date, label = 'backup'): string {
  return path.join(backupDir, `kassa-${label}-${backupStamp(now)}.db`);
}

export async function backupLedger(ledger: Ledger, dest: string, now: Date): Promise<BackupInfo> {
  const file = path.resolve(dest);
  if (fs.existsSync(file)) throw new KassaError('refused', 'file_exists', { file }, { field: 'file' });
  try {
    // SQLite's online backup fills a private temporary file next to the target, which then replaces it atomically.
    await replaceFileAtomic(file, async (tmp) => {
      await ledger.db.backup(tmp);
    });
  } catch (err) {
    throw new KassaError('io', 'backup_failed', { file, detail: (err as Error).message }, { cause: err });
  }
  return { file, bytes: fs.statSync(file).size, createdAt: now.toISOString(), kind: backupKindOf(path.basename(file)) };
}

/** Hidden work files of the backups folder: a restore's staging copy, a backup being written (atomic-write.ts). */
const WORK_FILE = /^\.(?:restore-.+-(\d+)\.db(?:-wal|-shm|-journal)?|.+\.(\d+)\.[0-9a-f]+\.part)$/;

/**
 * Removes the work files a process killed mid-restore or mid-backup left in the backups folder (their process is
 * gone); those of a live process are its own. They are never listed as backups either way.
 */
export function sweepWorkFiles(backupDir: string): number {
  let removed = 0;
  for (const f of fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []) {
    const m = WORK_FILE.exec(f);
    if (m && processIsGone(Number(m[1] ?? m[2]))) {
      fs.rmSync(path.join(backupDir, f), { force: true });
      removed++;
    }
  }
  return removed;
}

export function listBackups(backupDir: string): BackupInfo[] {
  if (!fs.existsSync(backupDir)) return [];
  return (
    fs
      .readdirSync(backupDir)
      // Hidden files are work in progress (or left by a killed process), never a backup to offer.
      .filter((f) => f.endsWith('.db') && !f.startsWith('.'))
      .map((f) => {
        const file = path.join(backupDir, f);
        const st = fs.statSync(file);
        return { file, bytes: st.size, createdAt: st.mtime.toISOString(), kind: backupKindOf(f) };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  );
}

/**
 * A backup opened read-only, for reading only. A backup is in WAL mode like the ledger it copies, and SQLite makes
 * `-wal` and `-shm` files beside it for any connection, read-only ones too, and leaves them there; `close` removes
 * the ones this opening made (ones that were there before are someone else's and stay). Never for the live ledger,
 * whose `-shm` another process may open in between.
 */
export function openBackupReadonly(file: string): { db: Db; close(): void } {
  const made = ['-wal', '-shm'].map((s) => `${file}${s}`).filter((f) => !fs.existsSync(f));
  const tidy = (): void => {
    for (const f of made) fs.rmSync(f, { force: true });
  };
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (err) {
    tidy();
    throw err;
  }
  return {
    db,
    close: () => {
      if (db.open) db.close();
      tidy();
    },
  };
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
  schemaVersion: number;
  check: CheckReport;
}

/**
 * Copies the backup `source` to a private staging file, migrates it (refusing a too-new file) and checks it; `use`
 * gets the checked copy. The staging files are removed whatever happens.
 */
async function withCheckedBackup<T>(
  ledgerFile: string,
  source: string,
  opts: { backupDir: string; now: Date },
  use: (staged: Ledger, check: CheckReport, staging: string) => Promise<T>,
): Promise<T> {
  const from = path.resolve(source);
  if (!fs.existsSync(from)) throw new KassaError('not_found', 'backup_not_found', { file: from }, { field: 'file' });
  if (from === path.resolve(ledgerFile)) throw new KassaError('invalid_input', 'restore_self', {}, { field: 'file' });
  makePrivateDir(opts.backupDir);
  sweepWorkFiles(opts.backupDir);
  const staging = path.join(opts.backupDir, `.restore-${backupStamp(opts.now)}-${process.pid}.db`);
  removeDbFiles(staging);
  try {
    // 1. A private copy, so migrating an older backup never modifies the user's file.
    let opened;
    try {
      opened = openBackupReadonly(from);
      opened.db.pragma('schema_version');
    } catch (err) {
      opened?.close();
      throw new KassaError(
        'invalid_input',
        'not_a_ledger',
        { file: from, sqlite: 'no' },
        { field: 'file', cause: err },
      );
    }
    const src = opened.db;
    try {
      const hasTables = src
        .prepare(
          `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('invoices','customers','profile')`,
        )
        .get() as { n: number };
      if (hasTables.n !== 3)
        throw new KassaError('invalid_input', 'not_a_ledger', { file: from, sqlite: 'yes' }, { field: 'file' });
      await src.backup(staging);
    } catch (err) {
      if (err instanceof KassaError) throw err;
      throw new KassaError(
        'invalid_input',
        'not_a_ledger',
        { file: from, sqlite: 'no' },
        { field: 'file', cause: err },
      );
    } finally {
      opened.close();
    }
    // 2. Migrate (refuses a too-new file) and check it.
    let staged: Ledger;
    try {
      staged = await openLedger(staging, { backupDir: opts.backupDir });
    } catch (err) {
      if (!isDamageError(err)) throw err;
      throw new KassaError('refused', 'backup_damaged', { file: from }, { field: 'file' });
    }
    try {
      const check = await checkLedger(staged.db);
      if (!check.ok) {
        throw new KassaError(
          'refused',
          'backup_damaged',
          { file: from },
          {
            field: 'file',
            details: { problems: check.problems.slice(0, 20), integrity: check.integrity.slice(0, 5) },
          },
        );
      }
      staged.db.pragma('wal_checkpoint(TRUNCATE)');
      return await use(staged, check, staging);
    } finally {
      staged.close(); // closing twice is harmless (restoreOverDamaged closes it before moving the file)
    }
  } catch (err) {
    if (err instanceof KassaError) throw err;
    throw new KassaError('io', 'restore_failed', { file: from, detail: (err as Error).message }, { cause: err });
  } finally {
    removeDbFiles(staging);
  }
}

/** SQLite's quick check passes on `file` (every page readable, the b-trees well formed). */
function readable(file: string): boolean {
  let opened;
  try {
    opened = openBackupReadonly(file);
    const rows = opened.db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch (err) {
    if (isDamageError(err)) return false;
    throw err;
  } finally {
    opened?.close();
  }
}

export async function restoreLedger(
  ledger: Ledger,
  source: string,
  opts: { backupDir: string; now: Date },
): Promise<RestoreResult> {
  return withCheckedBackup(ledger.file, source, opts, async (staged, check) => {
    // 3. A safety copy of what is about to be replaced.
    const safety = await backupLedger(ledger, defaultBackupFile(opts.backupDir, opts.now, 'before-restore'), opts.now);
    // A copy of a damaged ledger is kept, but not among the backups one may pick to restore.
    const kept = readable(safety.file)
      ? safety.file
      : setDamagedAside(safety.file, opts.backupDir, backupStamp(opts.now));
    // 4. Copy the checked pages into the live file under SQLite's locks; other connections see the new content.
    await staged.db.backup(ledger.file);
    return {
      restoredFrom: path.resolve(source),
      safetyBackup: kept,
      schemaVersion: staged.schemaVersion,
      check,
    };
  });
}

/**
 * Restores over a ledger SQLite cannot read (so no safety backup can be taken through SQLite): the damaged file and
 * its WAL/SHM are moved aside into the backups folder — `safetyBackup` names where — and the checked copy takes
 * their place.
 */
export async function restoreOverDamaged(
  ledgerFile: string,
  source: string,
  opts: { backupDir: string; now: Date },
): Promise<RestoreResult> {
  return withCheckedBackup(ledgerFile, source, opts, async (staged, check, staging) => {
    staged.close();
    const aside = setDamagedAside(ledgerFile, opts.backupDir, backupStamp(opts.now));
    fs.renameSync(staging, ledgerFile);
    return { restoredFrom: path.resolve(source), safetyBackup: aside, schemaVersion: staged.schemaVersion, check };
  });
}
