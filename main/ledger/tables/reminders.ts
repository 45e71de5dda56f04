/**
 * Owner of the `reminder_overrides` and `reminder_sends` tables. The rules (which step is due, when reminders stop,
 * claiming a step with the message it sends) live in main/ledger/reminders.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ReminderSend, ReminderState } from '../../../shared/contract/reminders';
import type { ShareRoute, ShareStatus } from '../../../shared/contract/share';
import { errorFromStored, isStoredError, storedError, type ErrorBody } from '../../../shared/errors';
import type { ShareTemplate } from '../../../shared/share/templates';
import { stmt } from '../sql';

export interface OverrideRow {
  invoice_id: string;
  steps_json: string;
  route: ShareRoute | null;
}

export interface SendRow {
  invoice_id: string;
  step: number;
  state: ReminderState;
  due_on: string;
  route: ShareRoute | null;
  template: ShareTemplate | null;
  outbox_id: number | null;
  detail_json: string | null;
  attempts: number;
  retry_at: string | null;
  at: string;
}

/** An open invoice that may have a reminder due, with its own steps when it has them. */
export interface CandidateRow {
  id: string;
  number: string | null;
  customer_name: string;
  issue_date: string;
  due_date: string;
  steps_json: string | null;
  route: ShareRoute | null;
}

const IDS = `(SELECT value FROM json_each(@ids))`;
const SEND_COLUMNS = 'invoice_id, step, state, due_on, route, template, outbox_id, detail_json, attempts, retry_at, at';

/**
 * Reminders go only to what is still owed: an issued invoice with a due date, not paid, fully credited or cancelled
 * (its status says so: ledger/status.ts settles it whenever money moves). The one statement of that rule.
 */
const STILL_OWED = `kind = 'invoice' AND status IN ('issued','partially_paid') AND due_date IS NOT NULL`;

// ---- reading ----

export function overrideOf(db: Db, invoiceId: string): OverrideRow | undefined {
  return stmt<OverrideRow>(
    db,
    `SELECT invoice_id, steps_json, route FROM reminder_overrides WHERE invoice_id = @invoiceId`,
  ).get({ invoiceId });
}

export function sendsOf(db: Db, invoiceIds: readonly string[]): SendRow[] {
  return stmt<SendRow>(
    db,
    `SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE invoice_id IN ${IDS} ORDER BY invoice_id, step`,
  ).all({ ids: JSON.stringify(invoiceIds) });
}

export function sendOf(db: Db, invoiceId: string, step: number): SendRow | undefined {
  return stmt<SendRow>(
    db,
    `SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE invoice_id = @invoiceId AND step = @step`,
  ).get({ invoiceId, step });
}

/**
 * Open invoices whose due date is on or before `horizon` (today minus the earliest step), with their overrides;
 * without `everyInvoice` only those that have steps of their own. In due-date then number order, so a run reports
 * its sends the same way every time.
 */
export function reminderCandidates(db: Db, horizon: string, everyInvoice: boolean): CandidateRow[] {
  return stmt<CandidateRow>(
    db,
    `SELECT i.id, i.number, i.customer_name, i.issue_date, i.due_date, o.steps_json, o.route
     FROM (SELECT * FROM invoices WHERE ${STILL_OWED} AND due_key <= @horizon) i
       ${everyInvoice ? 'LEFT' : ''} JOIN reminder_overrides o ON o.invoice_id = i.id
     ORDER BY i.due_key, i.number, i.id`,
  ).all({ horizon });
}

/** Whether the invoice is still owed (see STILL_OWED); read inside the transaction that takes a step. */
export function stillOwed(db: Db, invoiceId: string): boolean {
  return stmt(db, `SELECT 1 FROM invoices WHERE id = @invoiceId AND ${STILL_OWED}`).get({ invoiceId }) !== undefined;
}

/** The earliest retry of a failed reminder, if any. */
export function nextRetryAt(db: Db): string | null {
  return (
    stmt<{ t: string | null }>(db, `SELECT min(retry_at) AS t FROM reminder_sends WHERE state = 'failed'`).get()?.t ??
    null
  );
}

interface ListedRow extends SendRow {
  number: string | null;
  customer_name: string;
}

export function mapSend(r: SendRow & { number: string | null; customer_name: string }): ReminderSend {
  const detail = r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : {};
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    invoiceId: r.invoice_id,
    invoiceNumber: r.number,
    customerName: r.customer_name,
    step: r.step,
    date: r.due_on,
    state: r.state,
    route: r.route,
    template: r.template ?? 'reminder_overdue',
    status: (str(detail.status) as ShareStatus | null) ?? null,
    to: str(detail.to),
    url: str(detail.url),
    outboxId: r.outbox_id,
    error: r.state === 'failed' && isStoredError(detail.error) ? errorFromStored(detail.error) : null,
    retryAt: r.retry_at,
    at: r.at,
  };
}

/** The latest reminders of every invoice, newest first. */
export function recentSends(db: Db, limit: number): ReminderSend[] {
  return stmt<ListedRow>(
    db,
    `SELECT s.invoice_id, s.step, s.state, s.due_on, s.route, s.template, s.outbox_id, s.detail_json, s.attempts, s.retry_at, s.at,
            i.number, i.customer_name
     FROM reminder_sends s JOIN invoices i ON i.id = s.invoice_id
     ORDER BY s.at DESC, s.invoice_id, s.step LIMIT @limit`,
  )
    .all({ limit })
    .map(mapSend);
}

// ---- writing ----

export function setOverride(
  db: Db,
  invoiceId: string,
  steps: readonly number[],
  route: ShareRoute | null,
  at: string,
): void {
  stmt(
    db,
    `INSERT INTO reminder_overrides (invoice_id, steps_json, route, updated_at) VALUES (@invoiceId, @steps, @route, @at)
     ON CONFLICT (invoice_id) DO UPDATE SET steps_json = excluded.steps_json, route = excluded.route, updated_at = excluded.updated_at`,
  ).run({ invoiceId, steps: JSON.stringify(steps), route, at });
}

export function deleteOverride(db: Db, invoiceId: string): void {
  stmt(db, `DELETE FROM reminder_overrides WHERE invoice_id = @invoiceId`).run({ invoiceId });
}

export interface StepRecord {
  invoiceId: string;
  step: number;
  dueOn: string;
  route: ShareRoute | null;
  template: ShareTemplate;
  at: string;
}

/**
 * Takes a step for sending (state sent or prepared): the unit's claim. False when it is taken already — sent,
 * prepared or skipped (a failed attempt may be taken again).
 */
export function claimStep(db: Db, r: StepRecord, state: 'sent' | 'prepared'): boolean {
  return (
    stmt(
      db,
      `INSERT INTO reminder_sends (invoice_id, step, state, due_on, route, template, attempts, at)
       VALUES (@invoiceId, @step, @state, @dueOn, @route, @template, 1, @at)
       ON CONFLICT (invoice_id, step) DO UPDATE SET state = excluded.state, route = excluded.route,
         template = excluded.template, detail_json = NULL, retry_at = NULL, attempts = reminder_sends.attempts + 1, at = excluded.at
       WHERE reminder_sends.state = 'failed'`,
    ).run({ ...r, state }).changes === 1
  );
}

/** Records a step passed over (a later one was due); nothing when the step already has a row. */
export function skipStep(db: Db, r: StepRecord, reason: string): void {
  stmt(
    db,
    `INSERT INTO reminder_sends (invoice_id, step, state, due_on, route, template, detail_json, at)
     VALUES (@invoiceId, @step, 'skipped', @dueOn, @route, @template, @detail, @at) ON CONFLICT DO NOTHING`,
  ).run({ ...r, detail: JSON.stringify({ reason }) });
}

/** Records a failed attempt to be tried again at `retryAt`; nothing when the step was taken meanwhile. */
export function failStep(db: Db, r: StepRecord, error: ErrorBody, retryAt: string): void {
  stmt(
    db,
    `INSERT INTO reminder_sends (invoice_id, step, state, due_on, route, template, detail_json, attempts, retry_at, at)
     VALUES (@invoiceId, @step, 'failed', @dueOn, @route, @template, @detail, 1, @retryAt, @at)
     ON CONFLICT (invoice_id, step) DO UPDATE SET detail_json = excluded.detail_json, route = excluded.route,
       attempts = reminder_sends.attempts + 1, retry_at = excluded.retry_at, at = excluded.at
     WHERE reminder_sends.state = 'failed'`,
  ).run({ ...r, detail: JSON.stringify({ error: storedError(error) }), retryAt });
}

/** What the share answered, kept with the step (the outbox item, the recipient, the prepared link). */
export function noteStepOutcome(
  db: Db,
  invoiceId: string,
  step: number,
  outboxId: number | null,
  detail: Record<string, unknown>,
): void {
  stmt(
    db,
    `UPDATE reminder_sends SET outbox_id = @outboxId, detail_json = @detail WHERE invoice_id = @invoiceId AND step = @step
       AND state IN ('sent','prepared')`,
  ).run({ invoiceId, step, outboxId, detail: JSON.stringify(detail) });
}
