/**
 * Owner of `closed_periods` (which months and quarters are closed now) and `period_history` (every close and
 * reopen, append-only). The rules are in main/ledger/periods.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Actor } from '../../../shared/contract/invoices';
import { stmt } from '../sql';

export interface ClosedPeriodRow {
  period: string;
  from_date: string;
  to_date: string;
  closed_at: string;
  actor: Actor;
  note: string | null;
}

export interface PeriodHistoryRow {
  id: number;
  period: string;
  from_date: string;
  to_date: string;
  action: 'closed' | 'reopened';
  at: string;
  actor: Actor;
  reason: string | null;
}

const CLOSED = 'period, from_date, to_date, closed_at, actor, note';
const HISTORY = 'id, period, from_date, to_date, action, at, actor, reason';

export function listClosedPeriods(db: Db): ClosedPeriodRow[] {
  return stmt<ClosedPeriodRow>(db, `SELECT ${CLOSED} FROM closed_periods ORDER BY from_date, to_date DESC`).all();
}

export function findClosedPeriod(db: Db, period: string): ClosedPeriodRow | undefined {
  return stmt<ClosedPeriodRow>(db, `SELECT ${CLOSED} FROM closed_periods WHERE period = @period`).get({ period });
}

/** The closed periods that contain the day `date` (a month and its quarter may both be closed). */
export function closedPeriodsOn(db: Db, date: string): ClosedPeriodRow[] {
  return stmt<ClosedPeriodRow>(
    db,
    `SELECT ${CLOSED} FROM closed_periods WHERE from_date <= @date AND to_date >= @date ORDER BY from_date, to_date DESC`,
  ).all({ date });
}

export function insertClosedPeriod(db: Db, r: ClosedPeriodRow): void {
  stmt(
    db,
    `INSERT INTO closed_periods (${CLOSED}) VALUES (@period, @from_date, @to_date, @closed_at, @actor, @note)`,
  ).run(r);
}

export function deleteClosedPeriod(db: Db, period: string): void {
  stmt(db, `DELETE FROM closed_periods WHERE period = @period`).run({ period });
}

/** Appends a close or reopen to the period history; returns the entry's id. */
export function appendPeriodHistory(db: Db, r: Omit<PeriodHistoryRow, 'id'>): number {
  return Number(
    stmt(
      db,
      `INSERT INTO period_history (period, from_date, to_date, action, at, actor, reason)
       VALUES (@period, @from_date, @to_date, @action, @at, @actor, @reason)`,
    ).run(r).lastInsertRowid,
  );
}

export function periodHistory(db: Db, limit: number): PeriodHistoryRow[] {
  return stmt<PeriodHistoryRow>(db, `SELECT ${HISTORY} FROM period_history ORDER BY id DESC LIMIT @limit`).all({
    limit,
  });
}

export function periodHistoryByIds(db: Db, ids: readonly number[]): PeriodHistoryRow[] {
  return stmt<PeriodHistoryRow>(
    db,
    `SELECT ${HISTORY} FROM period_history WHERE id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ids) });
}
