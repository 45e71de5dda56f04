/**
 * Recurring schedules: an invoice template billed every week / 2 weeks / month / quarter / year, each period once.
 * The scheduler (main/scheduler/) runs due periods when the app starts and while it is open; `recurring.run` (and
 * `kassa recurring run`, for cron) runs the same work on demand.
 */
import { z } from 'zod';
import type { InvoiceDiscount, LineItem } from '../domain';
import type { Minor } from '../money';
import type { ErrorBody } from '../errors';
import type { ParamValues } from '../i18n/params';
import { FREQUENCIES, isWeekly, type Frequency, type RecurrenceEnd } from '../recurrence';
import { event, method } from './define';
import { addProblem, foreignId, isoDate, ledgerId, wholeNumber } from './fields';
import { says } from './validation';

export const RUN_OUTCOMES = ['draft', 'issued', 'held', 'skipped'] as const;
/**
 * draft: the period's invoice was made as a draft; issued: made and issued; held: made as a draft because issuing it
 * was refused (the error says why: e.g. a later invoice already exists in the series, or the period is closed) —
 * the user issues or deletes it; skipped: the period fell while the schedule was paused.
 */
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface RecurringSchedule {
  id: string;
  /** The invoice the schedule was made from (its content was copied then). */
  templateId: string;
  customerId: string;
  customerName: string;
  currency: string;
  lines: LineItem[];
  discount: InvoiceDiscount | null;
  /** What each period bills (shared/totals.ts over the lines and discount). */
  total: Minor;
  frequency: Frequency;
  startDate: string;
  /** The date of the first period. */
  firstDate: string;
  /** Month-based frequencies: the day of the month periods fall on (31 = the last day of shorter months). */
  monthDay: number;
  end: RecurrenceEnd;
  action: 'draft' | 'issue';
  /** Issued invoices are also sent to this provider account. */
  accountId: string | null;
  /** Days from issue to due date; null = the business profile's payment terms. */
  dueDays: number | null;
  status: 'active' | 'paused' | 'ended';
  /** The next period's date (null once ended). */
  nextDate: string | null;
  /** The next few period dates (empty while paused or ended). */
  upcoming: string[];
  /** How many periods have been run (or skipped). */
  periodsDone: number;
  runs: Record<RunOutcome, number>;
  createdAt: string;
  updatedAt: string;
}

export interface RecurringRun {
  scheduleId: string;
  period: number;
  /** The period's date: the invoice's issue date. */
  date: string;
  outcome: RunOutcome;
  /** Null when nothing was made (skipped) or the draft was deleted since. */
  invoiceId: string | null;
  number: string | null;
  /** Why issuing was refused (held): a catalogue error code and its parameters. */
  error?: { code: string; params: ParamValues };
  at: string;
}

export interface RecurringDetail {
  schedule: RecurringSchedule;
  /** Latest period first. */
  runs: RecurringRun[];
}

export interface RecurringRunSummary {
  /** The periods run now, in the order they were run (date order). */
  runs: RecurringRun[];
  /** The number of runs of each outcome. */
  counts: Record<RunOutcome, number>;
  /** A failure that stopped the run (the period it hit stays due and is tried again next time). */
  error: ErrorBody | null;
  /** The earliest period still to come, if any. */
  nextDate: string | null;
}

const end = z.union(
  [
    z.literal('never').transform((): RecurrenceEnd => ({ kind: 'never' })),
    z
      .object({ after: wholeNumber().min(1).max(10_000) })
      .strict()
      .transform((v): RecurrenceEnd => ({ kind: 'after', count: v.after })),
    z
      .object({ on: isoDate() })
      .strict()
      .transform((v): RecurrenceEnd => ({ kind: 'on', date: v.on })),
  ],
  { error: says('validation.schedule_end') },
);

export const recurringCreateInput = z
  .object({
    /** The invoice (draft or issued) whose customer, currency, lines, discount, notes and terms are billed. */
    templateId: ledgerId(),
    frequency: z.enum(FREQUENCIES),
    /** The first period is on or after this date; a date in the past is backfilled from it. */
    startDate: isoDate(),
    /** The day periods fall on: ISO weekday 1 (Monday) – 7 for week/2weeks, day of month 1–31 otherwise. Default: the start date's. */
    day: wholeNumber().min(1).max(31).optional(),
    end: end.prefault('never'),
    /** draft: each period makes a draft; issue: each period is issued with the period's date as its issue date. */
    action: z.enum(['draft', 'issue']),
    /** Issue only: also send each invoice to this provider account. */
    accountId: foreignId().optional(),
    /** Days from issue to due date; default: the template's, else the business profile's payment terms. */
    dueDays: wholeNumber().min(0).max(365).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.day !== undefined && isWeekly(v.frequency) && v.day > 7)
      addProblem(ctx, { key: 'validation.weekday' }, ['day']);
    if (v.accountId !== undefined && v.action !== 'issue')
      addProblem(ctx, { key: 'validation.account_needs_issue' }, ['accountId']);
    if (v.end.kind === 'on' && v.end.date < v.startDate)
      addProblem(ctx, { key: 'validation.end_before_start' }, ['end']);
  });
export type RecurringCreateInput = z.output<typeof recurringCreateInput>;

const idOnly = z.object({ id: ledgerId() }).strict();

export const recurringMethods = {
  'recurring.create': method<RecurringSchedule>()(
    recurringCreateInput,
    'Creates a recurring schedule from an invoice template; due periods (a start in the past) run at the next run.',
  ),
  'recurring.list': method<RecurringSchedule[]>()(z.object({}).strict(), 'Every recurring schedule, newest first.'),
  'recurring.get': method<RecurringDetail>()(idOnly, 'One schedule with its latest runs.'),
  'recurring.pause': method<RecurringDetail>()(idOnly, 'Stops making invoices until resumed.'),
  'recurring.resume': method<RecurringDetail>()(
    idOnly,
    'Resumes a paused schedule; periods that fell while it was paused are skipped, not billed.',
  ),
  'recurring.run': method<RecurringRunSummary>()(
    z.object({}).strict(),
    'Runs every due period of every schedule now, in date order, each exactly once (also what the app does on its own).',
  ),
};

export const recurringEvents = {
  'recurring.changed': event<{ id?: string }>('A recurring schedule changed or ran a period; its screen refreshes.'),
};
