/**
 * A ledger that went backwards — replaced by an older copy, emptied, or its WAL lost after a crash — would hand out
 * numbers customers already have. The highest counter of every series and year is therefore also written outside
 * the database, in the backups folder, after each commit; when the ledger's counters are lower than that mark (or a
 * new, empty ledger appears beside earlier backups), numbering stops until the user decides: restore a backup that
 * has those numbers, or accept the ledger as it is (`series.acceptNumbering`), which lowers the marks.
 */
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { NumberingRollback } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { afterCommit } from './connection';
import { allCounters } from './tables/series';

export const HIGH_WATER_FILE = 'numbering-high-water.json';

type Marks = Record<string, number>; // "INV/2026" → the counter's next number

const keyOf = (series: string, year: number): string => `${series}/${year}`;

function counters(db: Db): Marks {
  const out: Marks = {};
  for (const c of allCounters(db)) out[keyOf(c.series, c.year)] = c.next_number;
  return out;
}

interface State {
  marks: Marks;
  /** Kept until the user decides: the ledger started over beside earlier backups (no marks to compare with). */
  freshBesideBackups?: true;
}

function readState(file: string): State {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { marks?: unknown; freshBesideBackups?: unknown } | null;
    const marks = raw?.marks;
    if (typeof marks !== 'object' || marks === null) return { marks: {} };
    return {
      marks: Object.fromEntries(
        Object.entries(marks).filter((e): e is [string, number] => Number.isSafeInteger(e[1]) && e[1] > 0),
      ),
      ...(raw?.freshBesideBackups === true ? { freshBesideBackups: true as const } : {}),
    };
  } catch {
    return { marks: {} };
  }
}

const writeState = (file: string, state: State): void => writeFileAtomic(file, `${JSON.stringify(state)}\n`);

const blocked = new WeakMap<Db, NumberingRollback>();

/** Numbering refuses while the ledger is behind its marks (takeNumber calls this). */
export function refuseIfWentBack(db: Db): void {
  const r = blocked.get(db);
  if (r) {
    throw new KassaError('refused', 'ledger_went_back', wentBackParams(r), { details: { ...r } });
  }
}

/** What a went-back ledger's message says: the first series behind, its next number and the last one issued before. */
export function wentBackParams(r: NumberingRollback): { series: string; next: number; mark: number } {
  const first = r.series[0];
  // With no marks (a new ledger beside backups) the ledger's own next number is all there is to say.
  return {
    series: first ? `${first.series} ${first.year}` : '*',
    next: first?.next ?? 1,
    mark: (first?.mark ?? 1) - 1,
  };
}

export function rollbackOf(db: Db): NumberingRollback | null {
  return blocked.get(db) ?? null;
}

/**
 * Compares the ledger with its marks (blocking numbering if it is behind), then keeps the marks up to date after
 * every commit. `freshBesideBackups`: the ledger file was missing or empty while backups exist.
 */
export function watchHighWater(db: Db, backupDir: string, freshBesideBackups: boolean): NumberingRollback | null {
  const file = path.join(backupDir, HIGH_WATER_FILE);
  const state = readState(file);
  let marks = state.marks;
  const now = counters(db);
  const behind = Object.entries(marks)
    .filter(([k, mark]) => (now[k] ?? 1) < mark)
    .map(([k, mark]) => {
      const [series = '', year = '0'] = k.split('/');
      return { series, year: Number(year), next: now[k] ?? 1, mark };
    });
  const startedOver = state.freshBesideBackups === true || (freshBesideBackups && Object.keys(marks).length === 0);
  blocked.delete(db);
  if (behind.length > 0 || startedOver) blocked.set(db, { series: behind, freshBesideBackups: startedOver });
  // Said again by every process until the user decides (the next start sees a non-empty file).
  if (startedOver && state.freshBesideBackups !== true) writeState(file, { marks, freshBesideBackups: true });
  const record = (): void => {
    const current = counters(db);
    if (!Object.entries(current).some(([k, n]) => n > (marks[k] ?? 0))) return;
    const latest = readState(file);
    const merged = { ...latest.marks };
    for (const [k, n] of Object.entries(current)) merged[k] = Math.max(merged[k] ?? 0, n);
    marks = merged;
    try {
      writeState(file, { ...latest, marks });
    } catch {
      // A full disk here must not fail the commit that already happened; the next commit tries again.
    }
  };
  afterCommit(db, record);
  if (!blocked.has(db)) record();
  return blocked.get(db) ?? null;
}

/** The ledger file is missing or empty while the backups folder holds copies: a ledger that started over. */
export function freshBesideBackups(ledgerFile: string, backupDir: string): boolean {
  const empty = !fs.existsSync(ledgerFile) || fs.statSync(ledgerFile).size === 0;
  return empty && fs.existsSync(backupDir) && fs.readdirSync(backupDir).some((f) => f.endsWith('.db'));
}

/** The user accepts the ledger as it is: the marks become its counters and numbering resumes. */
export function acceptNumbering(db: Db, backupDir: string): void {
  writeState(path.join(backupDir, HIGH_WATER_FILE), { marks: counters(db) });
  watchHighWater(db, backupDir, false);
}
