/**
 * A ledger file SQLite cannot read (a damaged header or page, a truncated file or WAL): named as such
 * (`ledger_damaged`) instead of an internal error, reported by the check instead of thrown, and set aside — never
 * deleted — when a backup replaces it.
 */
import { checkProblem } from './check-problem';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { makePrivateDir } from '../private-files';

// NOTADB: header unreadable; CORRUPT: a page or the schema; IOERR_SHORT_READ: the file ends before a page it lists.
const DAMAGE_CODE_RE = /^SQLITE_(NOTADB|CORRUPT|IOERR_SHORT_READ)/;

export function isDamageError(err: unknown): boolean {
  if (err instanceof KassaError) return err.code === 'ledger_damaged';
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODE_RE.test(code);
}

/** SQLite's own words for what it could not read (no secrets: they never reach the ledger). */
export function damageText(err: unknown): string {
  const e = err instanceof KassaError && err.cause !== undefined ? err.cause : err;
  const code = (e as { code?: unknown } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  return typeof code === 'string' ? `${code}: ${msg}` : msg;
}

export function ledgerDamaged(file: string, cause: unknown): KassaError {
  if (cause instanceof KassaError && cause.code === 'ledger_damaged') return cause;
  return new KassaError('io', 'ledger_damaged', { file }, { cause, details: { sqlite: damageText(cause) } });
}

/** The check's answer for a ledger it could not read at all (or stopped reading part-way). */
export function unreadableReport(err: unknown): CheckReport {
  const text = damageText(err);
  return {
    ok: false,
    integrity: [text],
    foreignKeyViolations: 0,
    problems: [checkProblem('ledger_unreadable', { error: text })],
    counts: { invoices: 0, issued: 0, drafts: 0, creditNotes: 0, payments: 0, customers: 0 },
    record: { length: 0, head: '0'.repeat(64) },
    checked: ['sqlite_readable'],
  };
}

/**
 * Moves the ledger file and its WAL/SHM into `<backupDir>/damaged-<stamp>/` (a folder, so it is never offered as a
 * backup to restore) and returns the moved ledger's path.
 */
export function setDamagedAside(file: string, backupDir: string, stamp: string): string {
  const dir = path.join(backupDir, `damaged-${stamp}`);
  makePrivateDir(dir);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = `${file}${suffix}`;
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, `${path.basename(file)}${suffix}`));
  }
  return path.join(dir, path.basename(file));
}
