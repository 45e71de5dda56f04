/**
 * The reminders job: sends every due reminder through the share routes (main/share), each (invoice, step) once —
 * the step is taken inside the share's own transaction (main/ledger/reminders.ts) — and records failures to try
 * again later. E-mails and provider sends go out at once when the network is there and wait in the outbox when not.
 */
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import {
  REMINDER_STATES,
  type ReminderRunSummary,
  type ReminderSend,
  type ReminderState,
} from '../../shared/contract/reminders';
import { toErrorBody } from '../../shared/errors';
import type { EventHub } from '../events';
import { writeTx } from '../ledger/connection';
import { dueReminders, failReminder, takeStep, type DueReminder } from '../ledger/reminders';
import { translateSqliteError } from '../ledger/sql';
import { mapSend, nextRetryAt, noteStepOutcome, sendOf } from '../ledger/tables/reminders';
import type { Logger } from '../log';
import type { ShareService } from '../share/service';
import type { ScheduledJob } from './scheduler';

export interface RemindersJobDeps {
  db: Db;
  now: () => Date;
  log: Logger;
  events: EventHub;
  share: ShareService;
}

/** Outcomes that mean "not this time, and nothing to record": another process took the step, or it stopped being owed. */
const NOT_MINE = new Set(['reminder_taken', 'reminder_not_owed']);
/** Failures of the ledger itself: nothing is recorded, the step stays due and the next run tries it. */
const TRANSIENT = new Set(['ledger_busy', 'ledger_io']);

function readBack(db: Db, r: DueReminder): ReminderSend | null {
  const row = sendOf(db, r.invoiceId, r.step);
  return row ? mapSend({ ...row, number: r.invoiceNumber, customer_name: r.customerName }) : null;
}

async function sendOne(d: RemindersJobDeps, r: DueReminder): Promise<ReminderSend | null> {
  const link = r.route === 'sms' || r.route === 'whatsapp';
  try {
    const outcome = await d.share.share(
      { id: r.invoiceId, route: r.route ?? 'email', template: r.template, copyToSelf: false },
      'system',
      { within: (ctx) => takeStep(ctx, r, link ? 'prepared' : 'sent') },
    );
    const detail =
      outcome.route === 'sms' || outcome.route === 'whatsapp'
        ? { to: outcome.to, url: outcome.url }
        : { to: outcome.to, status: outcome.status };
    const outboxId = 'itemId' in outcome ? outcome.itemId : null;
    writeTx(d.db, () => noteStepOutcome(d.db, r.invoiceId, r.step, outboxId, detail));
  } catch (err) {
    const e = toErrorBody(translateSqliteError(err));
    if (NOT_MINE.has(e.code)) return null;
    if (TRANSIENT.has(e.code) || e.kind === 'internal') {
      d.log.warn('reminders.send_failed', { invoiceId: r.invoiceId, step: r.step, code: e.code, kind: e.kind });
      return null;
    }
    // Refused before anything was queued (no mail server, no address, a provider that cannot send): kept as failed,
    // with the reason, and tried again later.
    writeTx(d.db, () => failReminder({ db: d.db, now: d.now(), actor: 'system' }, r, e));
  }
  d.events.emit('ledger.changed', { entity: 'invoice', id: r.invoiceId });
  return readBack(d.db, r);
}

export async function runDueReminders(d: RemindersJobDeps, opts: { retryNow: boolean }): Promise<ReminderRunSummary> {
  const sends: ReminderSend[] = [];
  for (const r of dueReminders(d.db, d.now(), opts)) {
    const s = await sendOne(d, r);
    if (!s) continue;
    sends.push(s);
    d.log.info('reminders.step', { invoiceId: r.invoiceId, step: r.step, state: s.state, route: s.route });
  }
  if (sends.length > 0) d.events.emit('reminders.changed', {});
  const counts = Object.fromEntries(REMINDER_STATES.map((st) => [st, 0])) as Record<ReminderState, number>;
  for (const s of sends) counts[s.state]++;
  return { sends, counts };
}

/** How often the job looks again without a reason to (a ledger change in another process, a new day). */
const RECHECK_MS = 60 * 60_000;

export function remindersJob(d: RemindersJobDeps): ScheduledJob<ReminderRunSummary> {
  let lastDay = '';
  let lastRun = 0;
  let dirty = true;
  // A ledger change in this process (an invoice issued, a payment, new rules) may make a reminder due or stop one.
  d.events.subscribe((name) => {
    if (name === 'ledger.changed' || name === 'reminders.changed') dirty = true;
  });
  const run = async (retryNow: boolean): Promise<ReminderRunSummary> => {
    dirty = false;
    lastDay = localDate(d.now());
    lastRun = Date.now();
    const summary = await runDueReminders(d, { retryNow });
    // Its own events do not make the next tick run again.
    dirty = false;
    return summary;
  };
  return {
    name: 'reminders',
    due() {
      if (dirty || localDate(d.now()) !== lastDay || Date.now() - lastRun > RECHECK_MS) return true;
      const retry = nextRetryAt(d.db);
      return retry !== null && retry <= d.now().toISOString();
    },
    run: (opts) => run(opts?.manual === true),
  };
}
