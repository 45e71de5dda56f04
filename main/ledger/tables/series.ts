/**
 * Owner of the `series` and `series_counters` tables (numbering series and their per-year counters). The
 * numbering rules (gapless, numbers follow dates, the first number of a year) are in numbering.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import { stmt } from '../sql';

export interface SeriesRow {
  code: string;
  kind: 'invoice' | 'credit_note' | 'external' | 'quote';
  prefix: string | null;
  digits: number;
}

export interface CounterRow {
  series: string;
  year: number;
  start_number: number;
  next_number: number;
  last_issue_date: string | null;
}

export function findSeries(db: Db, code: string): SeriesRow | undefined {
  return stmt<SeriesRow>(db, `SELECT code, kind, prefix, digits FROM series WHERE code = @code`).get({ code });
}

export function allSeries(db: Db): SeriesRow[] {
  return stmt<SeriesRow>(db, `SELECT code, kind, prefix, digits FROM series ORDER BY kind, code`).all();
}

export function allCounters(db: Db): CounterRow[] {
  return stmt<CounterRow>(db, `SELECT * FROM series_counters ORDER BY series, year`).all();
}

/** The counter of a series' year, created at 1 when the year has none yet. */
export function counterOf(db: Db, series: string, year: number): CounterRow {
  stmt(
    db,
    `INSERT INTO series_counters (series, year, start_number, next_number) VALUES (@series, @year, 1, 1) ON CONFLICT DO NOTHING`,
  ).run({ series, year });
  const counter = stmt<CounterRow>(db, `SELECT * FROM series_counters WHERE series = @series AND year = @year`).get({
    series,
    year,
  });
  if (!counter) throw new Error('series counter missing');
  return counter;
}

/** Takes the counter's next number, remembering the issue date it went to; the number taken. */
export function advanceCounter(db: Db, series: string, year: number, issueDate: string): number {
  const r = stmt<{ seq: number }>(
    db,
    `UPDATE series_counters SET next_number = next_number + 1, last_issue_date = @issueDate
     WHERE series = @series AND year = @year RETURNING next_number - 1 AS seq`,
  ).get({ series, year, issueDate });
  if (!r) throw new Error('series counter vanished');
  return r.seq;
}

/** Changes the prefix of a series' numbers (numbering.ts decides when that is allowed). */
export function setPrefix(db: Db, code: string, prefix: string): void {
  stmt(db, `UPDATE series SET prefix = @prefix WHERE code = @code`).run({ code, prefix });
}

/** Sets where a year of a series starts counting. */
export function setCounterStart(db: Db, series: string, year: number, start: number): void {
  stmt(
    db,
    `INSERT INTO series_counters (series, year, start_number, next_number) VALUES (@series, @year, @start, @start)
     ON CONFLICT (series, year) DO UPDATE SET start_number = excluded.start_number, next_number = excluded.next_number`,
  ).run({ series, year, start });
}

/** Creates the external series of a provider account if it does not exist yet. */
export function ensureExternalSeriesRow(db: Db, code: string, accountId: string, at: string): void {
  stmt(
    db,
    `INSERT INTO series (code, kind, prefix, account_id, created_at) VALUES (@code, 'external', NULL, @accountId, @at) ON CONFLICT DO NOTHING`,
  ).run({ code, accountId, at });
}
