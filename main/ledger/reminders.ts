/**
 * Payment reminders: the rule sets, each invoice's plan, which step is due, and taking a step.
 *
 * - A step is a number of days from the due date (−3, 0, 7, 14). An invoice follows its own steps when it has them,
 *   else the default rule set when that is enabled.
 * - A step is due from its date on, if that date is after the issue date (a reminder on the day the invoice went out
 *   would only repeat it) and the invoice is still owed. Only the latest due step is sent: earlier ones not sent yet
 *   (the app was closed, reminders were just enabled) are recorded as skipped, so a customer never gets a burst.
 * - The unit of work is (invoice, step). `takeStep` runs inside the share's own transaction — the one that queues
 *   the e-mail or provider send, or records the prepared SMS/WhatsApp text, with its history entry — and refuses when
 *   the step is taken or the invoice is no longer owed, which rolls that transaction back: a step is sent once, and
 *   never once the invoice is paid, credited or cancelled.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../shared/contract/dates';
import {
  DEFAULT_REMINDER_RULES,
  REMINDER_STEP_RANGE,
  templateOfStep,
  type InvoiceReminders,
  type ReminderPlanStep,
  type ReminderRules,
} from '../../shared/contract/reminders';
import type { ShareRoute } from '../../shared/contract/share';
import { refused, type ErrorBody } from '../../shared/errors';
import type { ShareTemplate } from '../../shared/share/templates';
import { todayOf, type LedgerCtx } from './context';
import { getInvoiceRow } from './tables/invoices';
import { readMeta, writeMeta } from './tables/meta';
import {
  claimStep,
  deleteOverride,
  failStep,
  mapSend,
  overrideOf,
  reminderCandidates,
  sendsOf,
  setOverride,
  skipStep,
  stillOwed,
  type SendRow,
  type StepRecord,
} from './tables/reminders';

const RULES_KEY = 'reminders.rules';
/** A failed attempt (no mail server yet, no address) is tried again after this long, or at a manual run. */
export const RETRY_AFTER_MS = 60 * 60_000;

export function readRules(db: Db): ReminderRules {
  const raw = readMeta(db, RULES_KEY);
  if (!raw) return { ...DEFAULT_REMINDER_RULES, steps: [...DEFAULT_REMINDER_RULES.steps] };
  const v = JSON.parse(raw) as Partial<ReminderRules>;
  return {
    enabled: v.enabled ?? DEFAULT_REMINDER_RULES.enabled,
    route: v.route ?? DEFAULT_REMINDER_RULES.route,
    steps: v.steps ?? [...DEFAULT_REMINDER_RULES.steps],
  };
}

export function writeRules(db: Db, patch: Partial<ReminderRules>): ReminderRules {
  const next = { ...readRules(db), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  writeMeta(db, RULES_KEY, JSON.stringify(next));
  return next;
}

type Effective = { steps: number[]; route: ShareRoute };

function effectiveOf(
  rules: ReminderRules,
  own: { steps_json: string; route: ShareRoute | null } | undefined | null,
): Effective | null {
  if (own) {
    const steps = JSON.parse(own.steps_json) as number[];
    return steps.length > 0 ? { steps, route: own.route ?? rules.route } : null;
  }
  return rules.enabled && rules.steps.length > 0 ? { steps: rules.steps, route: rules.route } : null;
}

const stepDate = (dueDate: string, step: number): string => addDays(dueDate, step);
/** A step dated on or before the issue date is not sent (see the module comment). */
const applies = (issueDate: string, date: string): boolean => date > issueDate;

/** A reminder due now: the step to send and the steps it passes over. */
export interface DueReminder extends StepRecord {
  invoiceNumber: string | null;
  customerName: string;
  superseded: StepRecord[];
}

function record(invoiceId: string, step: number, dueDate: string, route: ShareRoute, at: string): StepRecord {
  return { invoiceId, step, dueOn: stepDate(dueDate, step), route, template: templateOfStep(step), at };
}

/**
 * Every reminder due at `now`, earliest first: for each open invoice its latest due step, unless that step is
 * taken (or failed and not yet to be retried; `retryNow` retries failed ones at once).
 */
export function dueReminders(db: Db, now: Date, opts: { retryNow: boolean }): DueReminder[] {
  const today = todayOf({ now });
  const rules = readRules(db);
  const candidates = reminderCandidates(db, addDays(today, -REMINDER_STEP_RANGE.min), rules.enabled);
  const sends = new Map<string, Map<number, SendRow>>();
  for (const s of sendsOf(
    db,
    candidates.map((c) => c.id),
  )) {
    const m = sends.get(s.invoice_id) ?? new Map<number, SendRow>();
    m.set(s.step, s);
    sends.set(s.invoice_id, m);
  }
  const at = now.toISOString();
  const out: DueReminder[] = [];
  for (const c of candidates) {
    const eff = effectiveOf(rules, c.steps_json === null ? null : { steps_json: c.steps_json, route: c.route });
    if (!eff) continue;
    const due = eff.steps
      .map((step) => ({ step, date: stepDate(c.due_date, step) }))
      .filter((s) => applies(c.issue_date, s.date) && s.date <= today)
      .sort((a, b) => a.step - b.step);
    const latest = due[due.length - 1];
    if (!latest) continue;
    const done = sends.get(c.id);
    const prior = done?.get(latest.step);
    if (prior && (prior.state !== 'failed' || (!opts.retryNow && (prior.retry_at ?? '') > at))) continue;
    out.push({
      ...record(c.id, latest.step, c.due_date, eff.route, at),
      invoiceNumber: c.number,
      customerName: c.customer_name,
      superseded: due
        .slice(0, -1)
        .filter((s) => !done?.has(s.step))
        .map((s) => record(c.id, s.step, c.due_date, eff.route, at)),
    });
  }
  // The candidates come in due-date then number order; a stable sort on the step's date keeps that within a day.
  return out.sort((a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn < b.dueOn ? -1 : 1));
}

/**
 * Takes a due step inside the transaction that sends it (see the module comment); throws `reminder_taken` or
 * `reminder_not_owed` to roll that transaction back.
 */
export function takeStep(ctx: LedgerCtx, r: DueReminder, state: 'sent' | 'prepared'): void {
  if (!stillOwed(ctx.db, r.invoiceId)) throw refused('reminder_not_owed', { number: r.invoiceNumber ?? '' }, 'id');
  const at = ctx.now.toISOString();
  if (!claimStep(ctx.db, { ...r, at }, state))
    throw refused('reminder_taken', { number: r.invoiceNumber ?? '', step: r.step }, 'id');
  for (const s of r.superseded) skipStep(ctx.db, { ...s, at }, 'superseded');
}

/**
 * A reminder queued while the invoice was owed but paid, credited or cancelled before its turn to go out (offline,
 * a busy mail server) is not sent: the e-mail sender asks this just before sending.
 */
export function reminderObsolete(db: Db, invoiceId: string, template: ShareTemplate): boolean {
  return template !== 'invoice' && !stillOwed(db, invoiceId);
}

/** Records an attempt that failed before anything was queued (no mail server, no address), to try again later. */
export function failReminder(ctx: LedgerCtx, r: DueReminder, error: ErrorBody): void {
  failStep(
    ctx.db,
    { ...r, at: ctx.now.toISOString() },
    error,
    new Date(ctx.now.getTime() + RETRY_AFTER_MS).toISOString(),
  );
}

export function invoiceReminders(db: Db, invoiceId: string): InvoiceReminders {
  const row = getInvoiceRow(db, invoiceId);
  const own = overrideOf(db, invoiceId);
  const eff = effectiveOf(readRules(db), own);
  const open = stillOwed(db, invoiceId);
  const sent = new Map(sendsOf(db, [invoiceId]).map((s) => [s.step, s]));
  const customerName = (JSON.parse(row.customer_json) as { name?: string }).name ?? '';
  const steps = [...new Set([...(eff?.steps ?? []), ...sent.keys()])].sort((a, b) => a - b);
  const plan: ReminderPlanStep[] =
    row.due_date === null
      ? []
      : steps.map((step) => {
          const date = stepDate(row.due_date as string, step);
          const s = sent.get(step);
          const template: ShareTemplate = templateOfStep(step);
          const state: ReminderPlanStep['state'] = s
            ? s.state
            : !applies(row.issue_date ?? '', date)
              ? 'not_applicable'
              : open
                ? 'planned'
                : 'stopped';
          return {
            step,
            date,
            template,
            state,
            send: s ? mapSend({ ...s, number: row.number, customer_name: customerName }) : null,
          };
        });
  return {
    invoiceId,
    override: own ? { steps: JSON.parse(own.steps_json) as number[], route: own.route } : null,
    effective: eff,
    open,
    plan,
  };
}

export function setInvoiceReminders(
  ctx: LedgerCtx,
  input: { id: string; steps: number[] | null; route?: ShareRoute | null | undefined },
): void {
  const row = getInvoiceRow(ctx.db, input.id);
  if (row.kind !== 'invoice') throw refused('reminders_invoice_only', {}, 'id');
  if (input.steps === null) deleteOverride(ctx.db, input.id);
  else setOverride(ctx.db, input.id, input.steps, input.route ?? null, ctx.now.toISOString());
}
