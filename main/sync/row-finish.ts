/**
 * Ending work on a claimed outbox row, for provider rows (push.ts) and channel rows (main/share) alike: the state,
 * when it is tried next (back-off by its attempts), the error or result, and the invoice history entry — written
 * in one transaction and only while the lease is still ours (another drainer decides otherwise).
 */
import type { Database as Db } from 'better-sqlite3';
import type { OutboxState } from '../../shared/contract/sync';
import type { ErrorBody } from '../../shared/errors';
import { writeTx } from '../ledger/connection';
import { translateSqliteError } from '../ledger/sql';
import { finishRow, holdsLease, type ClaimedRow } from '../ledger/tables/outbox';
import { backoffMs, later } from './backoff';
import { bodyOf, classifyFailure, type FailureClass } from './failures';
import { noteHistory } from './ledger-apply';
import type { PushDeps, PushKind, PushResult } from './push';

export interface FinishOptions {
  error?: ErrorBody;
  result?: Record<string, unknown>;
  history?: { action: string; details: Record<string, unknown> };
  retryClass?: FailureClass;
}

/** Runs fn in a write transaction, retrying a busy ledger a few times (the provider or server already acted). */
export async function ledgerTx<T>(db: Db, fn: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return writeTx(db, fn);
    } catch (err) {
      const e = translateSqliteError(err);
      if (attempt >= 5 || bodyOf(e).code !== 'ledger_busy') throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Where a row goes, as its history entries name it. */
export function targetDetails(row: ClaimedRow): Record<string, unknown> {
  return row.account_id !== null ? { accountId: row.account_id } : { channel: row.channel };
}

/** Ends the row in `state`; the history entry (when given) is written in the same transaction. */
export async function finishClaimed(
  d: PushDeps,
  row: ClaimedRow,
  kind: PushKind,
  state: OutboxState,
  opts: FinishOptions,
): Promise<PushResult> {
  const now = d.now();
  let nextAttemptAt: string | null = null;
  if (state === 'pending' || state === 'unknown') {
    // An account-level failure waits for the account's pause; the row itself backs off by its attempts.
    nextAttemptAt = later(now, backoffMs(d.retry, row.attempts, d.random));
  }
  const owned = await ledgerTx(d.db, () => {
    if (!holdsLease(d.db, row.id, d.owner)) return false;
    if (opts.history)
      noteHistory({ db: d.db, now, actor: 'system' }, row.invoice_id, opts.history.action, {
        ...targetDetails(row),
        outboxId: row.id,
        op: row.op,
        ...opts.history.details,
      });
    return finishRow(d.db, row.id, d.owner, now, {
      state,
      nextAttemptAt,
      error: opts.error ?? null,
      result: opts.result ?? null,
    });
  });
  if (!owned) {
    d.log.warn('sync.lease_lost', { outboxId: row.id, target: row.target, op: row.op });
    return { kind: 'lease_lost', signal: null };
  }
  const signal = opts.retryClass ?? (opts.error ? classifyFailure(opts.error) : 'success');
  // Skipping or parking a row says nothing about the target's health.
  const out: PushResult = { kind, signal: kind === 'skipped' || kind === 'needs_review' ? null : signal };
  if (opts.error) out.error = opts.error;
  return out;
}
