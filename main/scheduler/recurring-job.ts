/**
 * The recurring-invoices job: runs every due period of every schedule, earliest date first, one write
 * transaction per period (see main/ledger/recurring.ts for why that makes each period happen exactly once).
 */
import { msg } from '../../shared/i18n/keys';
import { randomUUID } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import {
  RUN_OUTCOMES,
  type RecurringRun,
  type RecurringRunSummary,
  type RunOutcome,
} from '../../shared/contract/recurring';
import { toErrorBody } from '../../shared/errors';
import type { EventHub } from '../events';
import { writeTx } from '../ledger/connection';
import { runNextPeriod } from '../ledger/recurring';
import { translateSqliteError } from '../ledger/sql';
import { nextScheduledDate } from '../ledger/tables/recurring';
import type { Logger } from '../log';
import type { ScheduledJob } from './scheduler';

export interface RecurringJobDeps {
  db: Db;
  now: () => Date;
  log: Logger;
  events: EventHub;
  /** Issued invoices linked to a provider account wait in the outbox: ask sync to send them soon. */
  kickSync?: () => void;
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SQLite's busy handler is not fair: a writer that commits and begins again at once keeps the lock while another
 * process sleeps in its busy handler (up to 100 ms at a time). A long catch-up therefore steps aside now and then,
 * long enough for a waiting process (the app, a second `kassa recurring run`) to get its turn.
 */
const STEP_ASIDE_AFTER_MS = 1_000;
const STEP_ASIDE_MS = 120;
/** How long a run keeps trying when other processes hold the ledger (their work may be this run's work). */
const BUSY_PATIENCE_MS = 120_000;

/** Progress is reported every this many periods (a long catch-up shows it is moving). */
const PROGRESS_EVERY = 10;

export async function runDueSchedules(d: RecurringJobDeps): Promise<RecurringRunSummary> {
  const runs: RecurringRun[] = [];
  let error: RecurringRunSummary['error'] = null;
  const jobId = randomUUID();
  const progress = (finished: boolean): void =>
    d.events.emit('progress', { jobId, label: msg('recurring.progress'), done: runs.length, total: null, finished });
  let busySince: number | null = null;
  let worked = Date.now();
  for (;;) {
    let run: RecurringRun | null;
    try {
      run = writeTx(d.db, () => runNextPeriod({ db: d.db, now: d.now(), actor: 'system' }));
      busySince = null;
    } catch (err) {
      const e = toErrorBody(translateSqliteError(err));
      if (e.code === 'ledger_busy') {
        // Another process holds the write lock (maybe doing these very periods): wait and look again.
        busySince ??= Date.now();
        if (Date.now() - busySince < BUSY_PATIENCE_MS) {
          await sleep(STEP_ASIDE_MS);
          continue;
        }
      }
      // The period stays due (its transaction rolled back whole) and is tried again at the next run; the
      // periods after it wait too, so numbers keep following dates.
      error = e;
      d.log.error('recurring.run_failed', { code: error.code, kind: error.kind, stack: (err as Error)?.stack });
      break;
    }
    if (!run) break;
    runs.push(run);
    d.log.info('recurring.period', {
      scheduleId: run.scheduleId,
      period: run.period,
      date: run.date,
      outcome: run.outcome,
      invoiceId: run.invoiceId,
      ...(run.error ? { code: run.error.code } : {}),
    });
    if (run.invoiceId) d.events.emit('ledger.changed', { entity: 'invoice', id: run.invoiceId });
    d.events.emit('recurring.changed', { id: run.scheduleId });
    if (runs.length % PROGRESS_EVERY === 0) progress(false);
    // Let the app answer between periods (a long catch-up must not freeze it), and other processes write.
    if (Date.now() - worked > STEP_ASIDE_AFTER_MS) {
      await sleep(STEP_ASIDE_MS);
      worked = Date.now();
    } else await breathe();
  }
  if (runs.length >= PROGRESS_EVERY) progress(true);
  if (runs.some((r) => r.outcome === 'issued') && d.kickSync) d.kickSync();
  const counts = Object.fromEntries(RUN_OUTCOMES.map((o) => [o, 0])) as Record<RunOutcome, number>;
  for (const r of runs) counts[r.outcome]++;
  return { runs, counts, error, nextDate: nextScheduledDate(d.db) };
}

export function recurringJob(d: RecurringJobDeps): ScheduledJob<RecurringRunSummary> {
  return {
    name: 'recurring',
    due() {
      const next = nextScheduledDate(d.db);
      return next !== null && next <= localDate(d.now());
    },
    run: () => runDueSchedules(d),
  };
}
