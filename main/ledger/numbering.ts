/**
 * Gapless numbering: INV-2026-0001, CN-2026-0001… per series and year, with a settable first number.
 * A number is taken only inside the caller's BEGIN IMMEDIATE transaction (writeTx) together with the
 * invoice that uses it, so a crash or a rollback returns it and two processes can never take the same one.
 */
import type { Database as Db } from 'better-sqlite3';
import { yearOf } from '../../shared/contract/dates';
import type { NumberingRollback, NumberingStop, SeriesInfo } from '../../shared/contract/ledger';
import { KassaError, refused } from '../../shared/errors';
import type { LedgerCtx } from './context';
import { refuseIfWentBack } from './high-water';
import { countNumbered } from './tables/invoices';
import { countQuotesNumbered } from './tables/quotes';
import {
  advanceCounter,
  allCounters,
  allSeries,
  counterOf,
  ensureExternalSeriesRow,
  findSeries,
  setCounterStart,
  setPrefix,
  type SeriesRow,
} from './tables/series';

export function formatNumber(prefix: string, year: number, seq: number, digits: number): string {
  return `${prefix}-${year}-${String(seq).padStart(digits, '0')}`;
}

function seriesRow(db: Db, code: string): SeriesRow {
  const s = findSeries(db, code);
  if (!s) throw new KassaError('not_found', 'series_not_found', { id: code });
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
  refuseIfWentBack(ctx.db);
  const s = seriesRow(ctx.db, code);
  if (s.kind === 'external' || !s.prefix) throw new Error(`series ${code} is not a numbering series`);
  const year = yearOf(issueDate);
  const counter = counterOf(ctx.db, code, year);
  if (counter.last_issue_date && issueDate < counter.last_issue_date) {
    // Numbers must follow dates (a later number never carries an earlier date), as tax authorities expect.
    throw refused(
      'issue_date_out_of_order',
      { date: issueDate, last: counter.last_issue_date, series: code, year },
      'issueDate',
    );
  }
  const seq = advanceCounter(ctx.db, code, year, issueDate);
  return { number: formatNumber(s.prefix, year, seq, s.digits), year, seq };
}

export function setSeriesStart(ctx: LedgerCtx, code: string, year: number, start: number): void {
  const s = seriesRow(ctx.db, code);
  if (numberedIn(ctx.db, s, year) > 0) {
    throw refused('series_in_use', { series: code, year }, 'start');
  }
  setCounterStart(ctx.db, code, year, start);
}

/** Documents numbered in a series: in one year, or in any. */
function numberedIn(db: Db, s: SeriesRow, year?: number): number {
  return s.kind === 'quote' ? countQuotesNumbered(db, year) : countNumbered(db, s.code, year);
}

/**
 * A series' prefix can change only while nothing was ever numbered in it (every number of a series is its prefix,
 * year and sequence: `check` reads them so), and no two series share one (their numbers would look alike).
 */
export function setSeriesPrefix(ctx: LedgerCtx, code: string, prefix: string): void {
  const s = seriesRow(ctx.db, code);
  if (s.prefix === prefix) return;
  if (numberedIn(ctx.db, s) > 0) throw refused('series_prefix_in_use', { series: code }, 'prefix');
  const other = allSeries(ctx.db).find((x) => x.code !== code && x.prefix === prefix);
  if (other) throw refused('series_prefix_taken', { prefix, series: other.code }, 'prefix');
  setPrefix(ctx.db, code, prefix);
}

export function listSeries(db: Db, currentYear: number): SeriesInfo[] {
  const series = allSeries(db);
  const counters = allCounters(db);
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

/** The stop of a ledger that went back, with formatted numbers (the series code stands in for a missing prefix). */
export function describeStop(db: Db, r: NumberingRollback): NumberingStop {
  const counters = allCounters(db);
  return {
    freshBesideBackups: r.freshBesideBackups,
    series: r.series.map((x) => {
      const s = findSeries(db, x.series);
      const fmt = (n: number): string => formatNumber(s?.prefix ?? x.series, x.year, n, s?.digits ?? 4);
      const start = counters.find((c) => c.series === x.series && c.year === x.year)?.start_number ?? x.next;
      return {
        ...x,
        lastIssued: fmt(x.mark - 1),
        lastKept: x.next > start ? fmt(x.next - 1) : null,
        nextNumber: fmt(x.next),
      };
    }),
  };
}

/** The external series of a provider account (created on first use): imported invoices keep the provider's number there. */
export function ensureExternalSeries(ctx: LedgerCtx, accountId: string): string {
  const code = `ext:${accountId}`;
  ensureExternalSeriesRow(ctx.db, code, accountId, ctx.now.toISOString());
  return code;
}
