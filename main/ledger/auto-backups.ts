/**
 * Automatic backups: one a day while the app is open (the first soon after start), each copy checked with SQLite's
 * integrity check before it counts, and kept 7 daily + 4 weekly. Only automatic copies are ever removed here: a
 * backup the user made, the safety copy made before a restore and the copies made before a schema upgrade stay.
 *
 * The day a copy belongs to is the local calendar day it was made on, written into its name
 * (kassa-auto-YYYY-MM-DD-<UTC stamp>.db), so "one a day" and the retention follow the user's days, not UTC's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../../shared/contract/dates';
import { AUTO_NAME, backupStamp, openBackupReadonly } from './backup';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export function autoBackupFile(dir: string, day: string, now: Date): string {
  return path.join(dir, `kassa-auto-${day}-${backupStamp(now)}.db`);
}

export interface AutoBackup {
  file: string;
  /** The local day it was made on. */
  day: string;
}

export function autoBackupsIn(dir: string): AutoBackup[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: AUTO_NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({ file: path.join(dir, name), day: m[1] as string }))
    .sort((a, b) => (a.file < b.file ? 1 : -1)); // newest first (the names sort by day, then UTC stamp)
}

/** Monday of the ISO week a day falls in: the key weekly copies are grouped by. */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/**
 * Which automatic copies stay: the newest copy of each of the last 7 days that have one, and the newest copy of
 * each of the 4 most recent weeks before those (weeks the daily copies reach into are covered already). Everything
 * else may go.
 */
export function retention(backups: readonly AutoBackup[]): { keep: AutoBackup[]; remove: AutoBackup[] } {
  const newestFirst = [...backups].sort((a, b) => (a.file < b.file ? 1 : -1));
  const keep = new Set<AutoBackup>();
  const days = new Set<string>();
  for (const b of newestFirst) {
    if (days.has(b.day)) continue;
    if (days.size >= KEEP_DAILY) break;
    days.add(b.day);
    keep.add(b);
  }
  const weeks = new Set<string>();
  const dailyWeeks = new Set([...days].map(weekOf));
  for (const b of newestFirst) {
    if (days.has(b.day)) continue;
    const week = weekOf(b.day);
    // A week the daily copies already reach into needs no weekly copy of its own.
    if (weeks.has(week) || dailyWeeks.has(week)) continue;
    if (weeks.size >= KEEP_WEEKLY) break;
    weeks.add(week);
    keep.add(b);
  }
  return { keep: newestFirst.filter((b) => keep.has(b)), remove: newestFirst.filter((b) => !keep.has(b)) };
}

export interface Verification {
  ok: boolean;
  /** PRAGMA integrity_check's answer ("ok" when sound), or why the file could not be read. */
  integrity: string[];
}

/** Opens the copy read-only and runs SQLite's integrity check on it; also makes sure it is a Kassa ledger. */
export function verifyBackup(file: string): Verification {
  let opened;
  try {
    opened = openBackupReadonly(file);
    const db = opened.db;
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
      (r) => r.integrity_check,
    );
    const tables = db
      .prepare(
        `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('invoices','customers','profile')`,
      )
      .get() as { n: number };
    const ok = integrity.length === 1 && integrity[0] === 'ok' && tables.n === 3;
    return { ok, integrity: tables.n === 3 ? integrity : [...integrity, 'not a Kassa ledger'] };
  } catch (err) {
    return { ok: false, integrity: [(err as Error).message] };
  } finally {
    opened?.close();
  }
}
