/**
 * Owner of the `recurring_schedules` and `recurring_runs` tables. The rules (what is due, what a run does, pausing)
 * live in main/ledger/recurring.ts, which calls these functions inside its writeTx.
 */
import type { Database as Db } from 'better-sqlite3';
import type { RecurringRun, RecurringSchedule, RunOutcome } from '../../../shared/contract/recurring';
import type { InvoiceDiscount, LineItem } from '../../../shared/domain';
import type { ParamValues } from '../../../shared/i18n/params';
import { upcomingDates, type Frequency, type Recurrence, type RecurrenceEnd } from '../../../shared/recurrence';
import { notFound } from '../../../shared/errors';
import { computeTotals } from '../../../shared/totals';
import { stmt } from '../sql';

/** What a schedule bills each period: the template's content when the schedule was made. */
export interface ScheduleContent {
  lines: LineItem[];
  discount: InvoiceDiscount | null;
  notes: string | null;
  terms: string | null;
}

export interface ScheduleRow {
  id: string;
  template_id: string;
  customer_id: string;
  currency: string;
  content_json: string;
  frequency: Frequency;
  start_date: string;
  first_date: string;
  month_day: number;
  end_kind: RecurrenceEnd['kind'];
  end_count: number | null;
  end_date: string | null;
  action: 'draft' | 'issue';
  account_id: string | null;
  due_days: number | null;
  share_json: string | null;
  paused: 0 | 1;
  next_period: number;
  next_date: string | null;
  created_at: string;
  updated_at: string;
}

interface RunRow {
  schedule_id: string;
  period: number;
  period_date: string;
  outcome: RunOutcome;
  invoice_id: string | null;
  error_json: string | null;
  at: string;
  number: string | null;
}

const SCHEDULE_COLUMNS =
  'id, template_id, customer_id, currency, content_json, frequency, start_date, first_date, month_day, end_kind, end_count, end_date, ' +
  'action, account_id, due_days, share_json, paused, next_period, next_date, created_at, updated_at';

export function endOf(r: Pick<ScheduleRow, 'end_kind' | 'end_count' | 'end_date'>): RecurrenceEnd {
  if (r.end_kind === 'after') return { kind: 'after', count: r.end_count ?? 1 };
  if (r.end_kind === 'on') return { kind: 'on', date: r.end_date ?? '' };
  return { kind: 'never' };
}

export function recurrenceOf(r: ScheduleRow): Recurrence {
  return { frequency: r.frequency, firstDate: r.first_date, monthDay: r.month_day, end: endOf(r) };
}

export const contentOf = (r: ScheduleRow): ScheduleContent => JSON.parse(r.content_json) as ScheduleContent;

// ---- reading ----

export function findScheduleRow(db: Db, id: string): ScheduleRow | undefined {
  return stmt<ScheduleRow>(db, `SELECT ${SCHEDULE_COLUMNS} FROM recurring_schedules WHERE id = @id`).get({ id });
}

export function getScheduleRow(db: Db, id: string): ScheduleRow {
  const r = findScheduleRow(db, id);
  if (!r) throw notFound('schedule', id);
  return r;
}

/** The schedule whose next period is the earliest one due on `today` (ties: the older schedule first). */
export function earliestDueSchedule(db: Db, today: string): ScheduleRow | undefined {
  return stmt<ScheduleRow>(
    db,
    `SELECT ${SCHEDULE_COLUMNS} FROM recurring_schedules
     WHERE paused = 0 AND next_date IS NOT NULL AND next_date <= @today
     ORDER BY next_date, created_at, id LIMIT 1`,
  ).get({ today });
}

/** The date of the earliest period not yet run of any active schedule; null when none will ever be due. */
export function nextScheduledDate(db: Db): string | null {
  return (
    stmt<{ d: string | null }>(
      db,
      `SELECT min(next_date) AS d FROM recurring_schedules WHERE paused = 0 AND next_date IS NOT NULL`,
    ).get()?.d ?? null
  );
}

const LIST_SQL = `SELECT s.*, c.name AS customer_name FROM recurring_schedules s JOIN customers c ON c.id = s.customer_id`;

interface ListedRow extends ScheduleRow {
  customer_name: string;
}

export function mapSchedule(
  r: ScheduleRow & { customer_name: string },
  counts: Map<string, RunCounts>,
): RecurringSchedule {
  const rec = recurrenceOf(r);
  const content = contentOf(r);
  return {
    id: r.id,
    templateId: r.template_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    currency: r.currency,
    lines: content.lines,
    discount: content.discount,
    total: computeTotals(content.lines, content.discount).total,
    frequency: r.frequency,
    startDate: r.start_date,
    firstDate: r.first_date,
    monthDay: r.month_day,
    end: rec.end,
    action: r.action,
    accountId: r.account_id,
    dueDays: r.due_days,
    status: r.paused ? 'paused' : r.next_date === null ? 'ended' : 'active',
    nextDate: r.next_date,
    upcoming: r.paused ? [] : upcomingDates(rec, r.next_period, 3),
    periodsDone: r.next_period,
    runs: counts.get(r.id) ?? { draft: 0, issued: 0, held: 0, skipped: 0 },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type RunCounts = Record<RunOutcome, number>;

function runCounts(db: Db, ids: readonly string[]): Map<string, RunCounts> {
  const out = new Map<string, RunCounts>();
  const rows = stmt<{ schedule_id: string; outcome: RunOutcome; n: number }>(
    db,
    `SELECT schedule_id, outcome, count(*) AS n FROM recurring_runs
     WHERE schedule_id IN (SELECT value FROM json_each(@ids)) GROUP BY schedule_id, outcome`,
  ).all({ ids: JSON.stringify(ids) });
  for (const r of rows) {
    const c = out.get(r.schedule_id) ?? { draft: 0, issued: 0, held: 0, skipped: 0 };
    c[r.outcome] = r.n;
    out.set(r.schedule_id, c);
  }
  return out;
}

/** Every schedule, newest first (a business has tens, not thousands), with its run counts. */
export function listSchedules(db: Db): RecurringSchedule[] {
  const rows = stmt<ListedRow>(db, `${LIST_SQL} ORDER BY s.created_at DESC, s.id DESC`).all();
  const counts = runCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => mapSchedule(r, counts));
}

export function readSchedule(db: Db, id: string): RecurringSchedule {
  const r = stmt<ListedRow>(db, `${LIST_SQL} WHERE s.id = @id`).get({ id });
  if (!r) throw notFound('schedule', id);
  return mapSchedule(r, runCounts(db, [id]));
}

/** The runs of a schedule, latest period first, with the number of the invoice each made (if it still exists). */
export function runsOf(db: Db, scheduleId: string, limit: number): RecurringRun[] {
  return stmt<RunRow>(
    db,
    `SELECT r.schedule_id, r.period, r.period_date, r.outcome, r.invoice_id, r.error_json, r.at, i.number
     FROM recurring_runs r LEFT JOIN invoices i ON i.id = r.invoice_id
     WHERE r.schedule_id = @scheduleId ORDER BY r.period DESC LIMIT @limit`,
  )
    .all({ scheduleId, limit })
    .map(mapRun);
}

function mapRun(r: RunRow): RecurringRun {
  const run: RecurringRun = {
    scheduleId: r.schedule_id,
    period: r.period,
    date: r.period_date,
    outcome: r.outcome,
    invoiceId: r.invoice_id,
    number: r.number,
    at: r.at,
  };
  if (r.error_json) run.error = JSON.parse(r.error_json) as { code: string; params: ParamValues };
  return run;
}

/** The schedule that made each of these invoices (invoice id → schedule id). */
export function schedulesOfInvoices(db: Db, invoiceIds: readonly string[]): Map<string, string> {
  const rows = stmt<{ invoice_id: string; schedule_id: string }>(
    db,
    `SELECT invoice_id, schedule_id FROM recurring_runs WHERE invoice_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(invoiceIds) });
  return new Map(rows.map((r) => [r.invoice_id, r.schedule_id]));
}

// ---- writing ----

export interface NewSchedule {
  id: string;
  templateId: string;
  customerId: string;
  currency: string;
  content: ScheduleContent;
  frequency: Frequency;
  startDate: string;
  firstDate: string;
  monthDay: number;
  end: RecurrenceEnd;
  action: 'draft' | 'issue';
  accountId: string | null;
  dueDays: number | null;
  nextDate: string | null;
  at: string;
}

export function insertSchedule(db: Db, x: NewSchedule): void {
  stmt(
    db,
    `INSERT INTO recurring_schedules (id, template_id, customer_id, currency, content_json, frequency, start_date, first_date, month_day,
       end_kind, end_count, end_date, action, account_id, due_days, next_period, next_date, created_at, updated_at)
     VALUES (@id, @template_id, @customer_id, @currency, @content_json, @frequency, @start_date, @first_date, @month_day,
       @end_kind, @end_count, @end_date, @action, @account_id, @due_days, 0, @next_date, @at, @at)`,
  ).run({
    id: x.id,
    template_id: x.templateId,
    customer_id: x.customerId,
    currency: x.currency,
    content_json: JSON.stringify(x.content),
    frequency: x.frequency,
    start_date: x.startDate,
    first_date: x.firstDate,
    month_day: x.monthDay,
    end_kind: x.end.kind,
    end_count: x.end.kind === 'after' ? x.end.count : null,
    end_date: x.end.kind === 'on' ? x.end.date : null,
    action: x.action,
    account_id: x.accountId,
    due_days: x.dueDays,
    next_date: x.nextDate,
    at: x.at,
  });
}

/**
 * Records period `period` of a schedule as done (the unit's claim: the primary key refuses a second one) and
 * moves the schedule on to the next period; false when that period was not the schedule's next one.
 */
export function recordRun(
  db: Db,
  run: {
    scheduleId: string;
    period: number;
    date: string;
    outcome: RunOutcome;
    invoiceId: string | null;
    error: { code: string; params: ParamValues } | null;
    at: string;
  },
  next: { period: number; date: string | null },
): boolean {
  const moved = stmt(
    db,
    `UPDATE recurring_schedules SET next_period = @nextPeriod, next_date = @nextDate, updated_at = @at
     WHERE id = @scheduleId AND next_period = @period`,
  ).run({ scheduleId: run.scheduleId, period: run.period, nextPeriod: next.period, nextDate: next.date, at: run.at });
  if (moved.changes !== 1) return false;
  stmt(
    db,
    `INSERT INTO recurring_runs (schedule_id, period, period_date, outcome, invoice_id, error_json, at)
     VALUES (@schedule_id, @period, @period_date, @outcome, @invoice_id, @error_json, @at)`,
  ).run({
    schedule_id: run.scheduleId,
    period: run.period,
    period_date: run.date,
    outcome: run.outcome,
    invoice_id: run.invoiceId,
    error_json: run.error ? JSON.stringify(run.error) : null,
    at: run.at,
  });
  return true;
}

export function setPaused(db: Db, id: string, paused: boolean, at: string): void {
  stmt(db, `UPDATE recurring_schedules SET paused = @paused, updated_at = @at WHERE id = @id`).run({
    id,
    paused: paused ? 1 : 0,
    at,
  });
}
