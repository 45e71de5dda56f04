/**
 * Looking after the ledger file: online backups into <data dir>/backups (or a chosen file), the automatic daily
 * copies (auto-backups.ts), the list of them, restoring one, and the full check. Built once per process in main/services.ts.
 */
import path from 'node:path';
import fs from 'node:fs';
import { addDays, localDate } from '../../shared/contract/dates';
import type { AutoBackupResult, AutoBackupStatus, BackupInfo, CheckReport } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { backupDir } from '../config';
import type { EventHub } from '../events';
import type { Logger } from '../log';
import { autoBackupFile, autoBackupsIn, retention, verifyBackup, type Verification } from './auto-backups';
import {
  backupLedger,
  defaultBackupFile,
  listBackups,
  restoreLedger,
  sweepWorkFiles,
  type RestoreResult,
} from './backup';
import { checkLedger } from './check';
import { checkProblem } from './check-problem';
import { openDatabase, type Ledger } from './connection';
import { isDamageError, unreadableReport } from './damage';
import { rollbackOf, watchHighWater, wentBackParams } from './high-water';
import { translateSqliteError } from './sql';

export interface BackupServiceDeps {
  ledger: Ledger;
  dataDir: string;
  events: EventHub;
  log: Logger;
  now: () => Date;
  /** How a fresh automatic copy is checked; SQLite's integrity check unless a test makes it fail. */
  verify?: (file: string) => Verification;
}

/** The check on a connection of its own (its read transaction must not hold up writes on the app's connection). */
export async function checkLedgerFile(file: string): Promise<CheckReport> {
  let db;
  try {
    db = openDatabase(file);
  } catch (err) {
    if (isDamageError(err)) return unreadableReport(err);
    throw err;
  }
  try {
    return await checkLedger(db);
  } catch (err) {
    throw translateSqliteError(err);
  } finally {
    db.close();
  }
}

/** Without `anyPath` only a file of the backups folder can be named (its base name is taken: "../x" stays inside). */
export const restoreSource = (dir: string, file: string, anyPath: boolean): string =>
  anyPath ? file : path.join(dir, path.basename(file));

export class BackupService {
  constructor(private readonly d: BackupServiceDeps) {}

  get dir(): string {
    return backupDir(this.d.dataDir);
  }

  /** A consistent copy while the ledger is in use; into the backups folder unless `file` is given. */
  async backup(file?: string): Promise<BackupInfo> {
    const now = this.d.now();
    sweepWorkFiles(this.dir);
    const info = await backupLedger(this.d.ledger, file ?? defaultBackupFile(this.dir, now), now);
    this.d.log.info('ledger.backup', { bytes: info.bytes });
    return info;
  }

  /** At app start: the work files a killed restore or backup left (their process is gone) go at once. */
  sweepLeftovers(): void {
    const removed = sweepWorkFiles(this.dir);
    if (removed > 0) this.d.log.info('ledger.backup.swept', { removed });
  }

  list(): BackupInfo[] {
    return listBackups(this.dir);
  }

  /** Whether today's automatic copy is still to be made (the scheduler asks this every minute). */
  autoBackupDue(): boolean {
    const today = localDate(this.d.now());
    return !autoBackupsIn(this.dir).some((b) => b.day === today);
  }

  /**
   * The automatic copies and when the next one is made: the backup job (main/scheduler/backup-job.ts) makes one per
   * local day while `enabled`, as soon as autoBackupDue() says so (it looks every minute), so the next is "soon"
   * while today's is missing and tomorrow once it exists.
   */
  autoBackupStatus(enabled: boolean): AutoBackupStatus {
    const autos = this.list().filter((b) => b.kind === 'auto');
    const next = !enabled
      ? null
      : this.autoBackupDue()
        ? { soon: true as const }
        : { day: addDays(localDate(this.d.now()), 1) };
    return { enabled, last: autos[0] ?? null, copies: autos.length, next };
  }

  /**
   * Today's automatic copy (unless made already, or `force`): written like any backup, then checked with SQLite's
   * integrity check — a copy that fails is deleted and reported, never kept as if it were good — and then the
   * automatic copies beyond 7 daily + 4 weekly are removed.
   */
  async autoBackup(opts: { force?: boolean } = {}): Promise<AutoBackupResult> {
    const now = this.d.now();
    const day = localDate(now);
    if (!opts.force && !this.autoBackupDue()) return { made: null, removed: [] };
    sweepWorkFiles(this.dir);
    const info = await backupLedger(this.d.ledger, autoBackupFile(this.dir, day, now), now);
    const check = (this.d.verify ?? verifyBackup)(info.file);
    if (!check.ok) {
      fs.rmSync(info.file, { force: true });
      this.d.log.error('ledger.auto_backup_unsound', { integrity: check.integrity.slice(0, 5) });
      throw new KassaError('io', 'backup_unsound', {}, { details: { integrity: check.integrity.slice(0, 5) } });
    }
    const { remove } = retention(autoBackupsIn(this.dir));
    for (const b of remove) fs.rmSync(b.file, { force: true });
    this.d.log.info('ledger.auto_backup', { bytes: info.bytes, removed: remove.length });
    return { made: { ...info, integrity: check.integrity }, removed: remove.map((b) => b.file) };
  }

  /** Replaces the ledger with a checked backup (see restoreSource for `anyPath`). */
  async restore(file: string, opts: { anyPath: boolean }): Promise<RestoreResult> {
    const source = restoreSource(this.dir, file, opts.anyPath);
    const result = await restoreLedger(this.d.ledger, source, { backupDir: this.dir, now: this.d.now() });
    this.d.log.warn('ledger.restored', { schemaVersion: result.schemaVersion });
    // The restored copy may be older than numbers already issued: compared with the marks again.
    watchHighWater(this.d.ledger.db, this.dir, false);
    for (const entity of ['invoice', 'customer', 'profile', 'account'] as const)
      this.d.events.emit('ledger.changed', { entity });
    return result;
  }

  /** SQLite's integrity check plus the ledger's invariants. */
  async check(): Promise<CheckReport> {
    const report = await checkLedgerFile(this.d.ledger.file);
    const back = rollbackOf(this.d.ledger.db);
    if (back) {
      report.ok = false;
      const fresh = back.freshBesideBackups ? 'yes' : 'no';
      report.problems.unshift(checkProblem('ledger_went_back', { ...wentBackParams(back), fresh }, null, { ...back }));
    }
    report.checked.push('numbering_marks');
    return report;
  }
}
