/**
 * Recurring schedules: making one from an invoice template, running its periods, pausing and resuming.
 *
 * A unit of work is one period of one schedule; its key is (schedule, period). `runNextPeriod` runs inside the
 * caller's BEGIN IMMEDIATE and does the whole unit there — re-reads which period of which schedule is the earliest
 * due, makes its invoice, records the run under its key and moves the schedule on — so a crash leaves the unit
 * wholly done or not started, and a second process (or a second run) finds it done and never does it again.
 *
 * Numbering rule (why "earliest due of all schedules"): issued invoices take gapless numbers per series and year,
 * and numbers follow issue dates. Every period is issued with its own date, and periods are run strictly in date
 * order across all schedules, so a catch-up after the app was closed issues them in date order. A period whose
 * date is before an invoice already issued in the series (e.g. a schedule created today with a start in the past
 * while later invoices exist, or an invoice issued by hand with a later date before the catch-up ran), or that
 * falls in a closed period, cannot be issued without breaking that rule: it is not back-dated out of order, not
 * re-dated and not skipped — it is kept as a draft with the period's dates and recorded as "held" with the
 * refusal, for the user to issue (with today's date) or delete.
 */
import { AccountRepository } from '../accounts/repository';
import { addDays } from '../../shared/contract/dates';
import type { RecurringCreateInput, RecurringRun } from '../../shared/contract/recurring';
import type { InvoiceDiscount } from '../../shared/domain';
import { KassaError, notFound, refused } from '../../shared/errors';
import { firstPeriod, scheduledDate } from '../../shared/recurrence';
import { todayOf, type LedgerCtx } from './context';
import { checkedTotals, createDraft } from './drafts';
import { newId } from './ids';
import { issueInvoice } from './lifecycle';
import { translateSqliteError } from './sql';
import { appendHistory } from './tables/history';
import { getInvoiceRow, linesOf } from './tables/invoices';
import { getProfile } from './tables/profile';
import {
  contentOf,
  earliestDueSchedule,
  getScheduleRow,
  insertSchedule,
  recordRun,
  recurrenceOf,
  setPaused,
  type ScheduleRow,
} from './tables/recurring';

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function createSchedule(ctx: LedgerCtx, input: RecurringCreateInput): string {
  const t = getInvoiceRow(ctx.db, input.templateId);
  if (t.kind !== 'invoice') throw refused('template_not_invoice', {}, 'templateId');
  if (!t.customer_id) throw refused('template_customer_required', {}, 'templateId');
  const lines = linesOf(ctx.db, t.id);
  if (lines.length === 0) throw refused('template_lines_required', {}, 'templateId');
  const discount = t.discount_json ? (JSON.parse(t.discount_json) as InvoiceDiscount) : null;
  checkedTotals(lines, discount);
  if (input.accountId !== undefined && !new AccountRepository(ctx.db).get(input.accountId))
    throw notFound('account', input.accountId);
  const { firstDate, monthDay } = firstPeriod(input.frequency, input.startDate, input.day);
  const rec = { frequency: input.frequency, firstDate, monthDay, end: input.end };
  const nextDate = scheduledDate(rec, 0);
  if (nextDate === null) throw refused('schedule_empty', { firstDate }, 'end');
  const templateTerms = t.issue_date && t.due_date ? daysBetween(t.issue_date, t.due_date) : null;
  const id = newId('rec', ctx.now);
  insertSchedule(ctx.db, {
    id,
    templateId: t.id,
    customerId: t.customer_id,
    currency: t.currency,
    content: { lines, discount, notes: t.notes, terms: t.terms },
    frequency: input.frequency,
    startDate: input.startDate,
    firstDate,
    monthDay,
    end: input.end,
    action: input.action,
    accountId: input.accountId ?? null,
    dueDays: input.dueDays ?? templateTerms,
    nextDate,
    at: ctx.now.toISOString(),
  });
  return id;
}

/** Errors that refuse one period's issue (the period is then held as a draft); anything else stops the run. */
const HOLDING_KINDS = new Set(['refused', 'invalid_input', 'not_found']);

function holdingError(err: unknown): KassaError | null {
  const e = translateSqliteError(err);
  return e instanceof KassaError && HOLDING_KINDS.has(e.kind) ? e : null;
}

function advance(
  ctx: LedgerCtx,
  s: ScheduleRow,
  run: Omit<RecurringRun, 'scheduleId' | 'period' | 'date' | 'at'>,
): RecurringRun {
  const at = ctx.now.toISOString();
  const date = s.next_date as string;
  const next = { period: s.next_period + 1, date: scheduledDate(recurrenceOf(s), s.next_period + 1) };
  const claimed = recordRun(
    ctx.db,
    {
      scheduleId: s.id,
      period: s.next_period,
      date,
      outcome: run.outcome,
      invoiceId: run.invoiceId,
      error: run.error ?? null,
      at,
    },
    next,
  );
  // Inside BEGIN IMMEDIATE the row was just read: nobody else can have moved it.
  if (!claimed) throw new Error(`schedule ${s.id} moved during its own transaction`);
  return { scheduleId: s.id, period: s.next_period, date, at, ...run };
}

/**
 * Runs the earliest due period of all schedules (call inside writeTx); null when nothing is due on the ctx's day.
 */
export function runNextPeriod(ctx: LedgerCtx): RecurringRun | null {
  const s = earliestDueSchedule(ctx.db, todayOf(ctx));
  if (!s || s.next_date === null) return null;
  const date = s.next_date;
  const content = contentOf(s);
  const dueDays = s.due_days ?? getProfile(ctx.db, { withLogo: false }).paymentTermsDays;
  const invoiceId = createDraft(ctx, {
    customerId: s.customer_id,
    currency: s.currency,
    issueDate: date,
    dueDate: addDays(date, dueDays),
    notes: content.notes,
    terms: content.terms,
    lines: content.lines,
    discount: content.discount,
  });
  appendHistory(ctx, invoiceId, 'recurring_created', 'draft', 'draft', {
    scheduleId: s.id,
    period: s.next_period,
    date,
  });
  if (s.action === 'draft') return advance(ctx, s, { outcome: 'draft', invoiceId, number: null });
  try {
    // A savepoint: a refused issue leaves the draft exactly as made.
    const { number } = ctx.db.transaction(() =>
      issueInvoice(ctx, invoiceId, s.account_id ? { accountId: s.account_id } : {}),
    )();
    return advance(ctx, s, { outcome: 'issued', invoiceId, number });
  } catch (err) {
    const e = holdingError(err);
    if (!e) throw err;
    const error = { code: e.code, params: e.params ?? {} };
    appendHistory(ctx, invoiceId, 'recurring_held', 'draft', 'draft', { scheduleId: s.id, code: e.code });
    return advance(ctx, s, { outcome: 'held', invoiceId, number: null, error });
  }
}

export function pauseSchedule(ctx: LedgerCtx, id: string): void {
  const s = getScheduleRow(ctx.db, id);
  if (s.next_date === null) throw refused('schedule_ended', {}, 'id');
  if (!s.paused) setPaused(ctx.db, id, true, ctx.now.toISOString());
}

/** Resumes a schedule; its periods dated before today fell in the pause and are recorded as skipped. */
export function resumeSchedule(ctx: LedgerCtx, id: string): number {
  let s = getScheduleRow(ctx.db, id);
  if (!s.paused) return 0;
  const today = todayOf(ctx);
  let skipped = 0;
  while (s.next_date !== null && s.next_date < today) {
    advance(ctx, s, { outcome: 'skipped', invoiceId: null, number: null });
    s = getScheduleRow(ctx.db, id);
    skipped++;
  }
  setPaused(ctx.db, id, false, ctx.now.toISOString());
  return skipped;
}
