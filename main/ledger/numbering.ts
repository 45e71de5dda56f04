/**
 * Gapless numbering: INV-2026-0001, CN-2026-0001… per series and year, with a settable first number.
 * A number is taken only inside the caller's BEGIN IMMEDIATE transaction (writeTx) together with the
 * invoice that uses it, so a crash or a rollback returns it and two processes can never take the same one.
 */
import type { Database as Db } from 'better-sqlite3';
import { yearOf } from '../../shared/contract/dates';
import type { SeriesInfo } from '../../shared/contract/ledger';
import { KassaError, refused } from '../../shared/errors';
import type { LedgerCtx } from './context';
import { stmt } from './sql';

interface SeriesRow {
  code: string;
  kind: 'invoice' | 'credit_note' | 'external';
  prefix: string | null;
  digits: number;
}
interface CounterRow {
  series: string;
  year: number;
  start_number: number;
  next_number: number;
  last_issue_date: string | null;
}

export function formatNumber(prefix: string, year: number, seq: number, digits: number): string {
  return `${prefix}-${year}-${String(seq).padStart(digits, '0')}`;
}

function seriesRow(db: Db, code: string): SeriesRow {
  const s = stmt<SeriesRow>(db, `SELECT code, kind, prefix, digits FROM series WHERE code = ?`).get(code);
  if (!s) throw new KassaError('not_found', 'series_not_found', `No numbering series "${code}".`);
  return s;
}

export interface TakenNumber {
  number: string;
  year: number;
  seq: number;
}

/** Takes the next number of a gapless series for the year of `issueDate`. Call inside writeTx only. */
export function takeNumber(ctx: LedgerCtx, code: string, issueDate: string): TakenNumber {
  if (!ctx.db.inTransaction) throw new Error('takeNumber must run inside writeTx');
  const s = seriesRow(ctx.db, code);
  if (s.kind === 'external' || !s.prefix) throw new Error(`series ${code} is not a numbering series`);
  const year = yearOf(issueDate);
  stmt(
    ctx.db,
    `INSERT INTO series_counters (series, year, start_number, next_number) VALUES (?, ?, 1, 1) ON CONFLICT DO NOTHING`,
  ).run(code, year);
  const counter = stmt<CounterRow>(ctx.db, `SELECT * FROM series_counters WHERE series = ? AND year = ?`).get(
    code,
    year,
  );
  if (!counter) throw new Error('series counter missing');
  if (counter.last_issue_date && issueDate < counter.last_issue_date) {
    // Numbers must follow dates (a later number never carries an earlier date), as tax authorities expect.
    throw refused(
      'issue_date_out_of_order',
      `issueDate ${issueDate} is before ${counter.last_issue_date}, the date of the last ${code} document of ${year}; numbers must follow issue dates.`,
      'issueDate',
    );
  }
  const r = stmt<{ seq: number }>(
    ctx.db,
    `UPDATE series_counters SET next_number = next_number + 1, last_issue_date = ? WHERE series = ? AND year = ? RETURNING next_number - 1 AS seq`,
  ).get(issueDate, code, year);
  if (!r) throw new Error('series counter vanished');
  return { number: formatNumber(s.prefix, year, r.seq, s.digits), year, seq: r.seq };
}

export function setSeriesStart(ctx: LedgerCtx, code: string, year: number, start: number): void {
  seriesRow(ctx.db, code);
  const used = stmt<{ n: number }>(
    ctx.db,
    `SELECT count(*) AS n FROM invoices WHERE series = ? AND number_year = ?`,
  ).get(code, year);
  if ((used?.n ?? 0) > 0) {
    throw refused(
      'series_in_use',
      `${code} already has numbers in ${year}; the first number of a year can only be set before the first document.`,
      'start',
    );
  }
  stmt(
    ctx.db,
    `INSERT INTO series_counters (series, year, start_number, next_number) VALUES (?, ?, ?, ?)
     ON CONFLICT (series, year) DO UPDATE SET start_number = excluded.start_number, next_number = excluded.next_number`,
  ).run(code, year, start, start);
}

export function listSeries(db: Db, currentYear: number): SeriesInfo[] {
  const series = stmt<SeriesRow>(db, `SELECT code, kind, prefix, digits FROM series ORDER BY kind, code`).all();
  const counters = stmt<CounterRow>(db, `SELECT * FROM series_counters ORDER BY series, year`).all();
  return series.map((s) => {
    const mine = counters.filter((c) => c.series === s.code);
    const current = mine.find((c) => c.year === currentYear);
    return {
      code: s.code,
      kind: s.kind,
      prefix: s.prefix,
      example: s.prefix ? formatNumber(s.prefix, currentYear, current?.next_number ?? 1, s.digits) : null,
      counters: mine.map((c) => ({
        year: c.year,
        start: c.start_number,
        next: c.next_number,
        lastIssueDate: c.last_issue_date,
      })),
    };
  });
}

/** The external series of a provider account (created on first use): imported invoices keep the provider's number there. */
export function ensureExternalSeries(ctx: LedgerCtx, accountId: string): string {
  const code = `ext:${accountId}`;
  stmt(
    ctx.db,
    `INSERT INTO series (code, kind, prefix, account_id, created_at) VALUES (?, 'external', NULL, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(code, accountId, ctx.now.toISOString());
  return code;
}
