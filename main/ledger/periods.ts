/**
 * Closed periods. A bookkeeper closes a month or a quarter once its VAT return is filed; from then on nothing
 * may be issued, credited, paid, voided or cancelled with a date in it, whoever asks (app, CLI, a provider's
 * report through Sync). Reopening is explicit, takes a reason, and is recorded in the period history and in
 * the record chain, like the close.
 *
 * A day is closed when any closed period contains it: a month inside a closed quarter stays closed until the
 * quarter is reopened.
 */
import type { Database as Db } from 'better-sqlite3';
import { parsePeriod, type ClosedPeriod, type PeriodEvent, type PeriodsOverview } from '../../shared/contract/books';
import { invalid, refused } from '../../shared/errors';
import { appendRecord } from './chain';
import { todayOf, type LedgerCtx } from './context';
import {
  appendPeriodHistory,
  closedPeriodsOn,
  deleteClosedPeriod,
  findClosedPeriod,
  insertClosedPeriod,
  listClosedPeriods,
  periodHistory,
  type ClosedPeriodRow,
  type PeriodHistoryRow,
} from './tables/periods';

const HISTORY_SHOWN = 100;

function resolve(text: string): { period: string; from: string; to: string } {
  const p = parsePeriod(text);
  if (!p) throw invalid('invalid_period', { text: text.slice(0, 20) }, 'period');
  return p;
}

const toClosed = (r: ClosedPeriodRow): ClosedPeriod => ({
  period: r.period,
  from: r.from_date,
  to: r.to_date,
  closedAt: r.closed_at,
  actor: r.actor,
  note: r.note,
});

const toEvent = (r: PeriodHistoryRow): PeriodEvent => ({
  id: r.id,
  period: r.period,
  from: r.from_date,
  to: r.to_date,
  action: r.action,
  at: r.at,
  actor: r.actor,
  reason: r.reason,
});

export function periodsOverview(db: Db): PeriodsOverview {
  return { closed: listClosedPeriods(db).map(toClosed), history: periodHistory(db, HISTORY_SHOWN).map(toEvent) };
}

/** The closed period containing `date`, if any (the widest one when a month and its quarter both are). */
export function closedPeriodOn(db: Db, date: string): string | null {
  return closedPeriodsOn(db, date)[0]?.period ?? null;
}

/** Refuses a change dated `date` when a closed period contains it; names the period and the date. */
export function assertDateOpen(db: Db, date: string, field: string): void {
  const period = closedPeriodOn(db, date);
  if (period) throw refused('period_closed', { period, date }, field);
}

export function closePeriod(ctx: LedgerCtx, text: string, note: string | null | undefined): ClosedPeriod {
  const p = resolve(text);
  if (findClosedPeriod(ctx.db, p.period)) throw refused('period_already_closed', { period: p.period }, 'period');
  if (p.to > todayOf(ctx)) throw refused('period_not_over', { period: p.period, end: p.to }, 'period');
  const at = ctx.now.toISOString();
  const row: ClosedPeriodRow = {
    period: p.period,
    from_date: p.from,
    to_date: p.to,
    closed_at: at,
    actor: ctx.actor,
    note: note || null,
  };
  insertClosedPeriod(ctx.db, row);
  const id = appendPeriodHistory(ctx.db, {
    period: p.period,
    from_date: p.from,
    to_date: p.to,
    action: 'closed',
    at,
    actor: ctx.actor,
    reason: note || null,
  });
  appendRecord(ctx, { kind: 'period_closed', refId: String(id), invoiceId: null, label: p.period });
  return toClosed(row);
}

export function reopenPeriod(ctx: LedgerCtx, text: string, reason: string): PeriodEvent {
  const p = resolve(text);
  if (!findClosedPeriod(ctx.db, p.period)) throw refused('period_not_closed', { period: p.period }, 'period');
  // Reopening a month of a closed quarter would change nothing: its days stay closed by the quarter.
  const wider = closedPeriodsOn(ctx.db, p.from).find(
    (r) => r.period !== p.period && r.from_date <= p.from && r.to_date >= p.to,
  );
  if (wider) throw refused('period_inside_closed', { period: p.period, closedBy: wider.period }, 'period');
  const at = ctx.now.toISOString();
  deleteClosedPeriod(ctx.db, p.period);
  const row = {
    period: p.period,
    from_date: p.from,
    to_date: p.to,
    action: 'reopened' as const,
    at,
    actor: ctx.actor,
    reason,
  };
  const id = appendPeriodHistory(ctx.db, row);
  appendRecord(ctx, { kind: 'period_reopened', refId: String(id), invoiceId: null, label: p.period });
  return toEvent({ id, ...row });
}
