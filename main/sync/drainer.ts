/**
 * The outbox drainer — the only one, for provider accounts and for Kassa's own channels (e-mail) alike: claims due
 * rows under a lease, carries them out a few at a time (the rows of one invoice in the order the claim enforces),
 * renews its leases while a slow provider or mail server answers, records each result, and stops when nothing is
 * due. Targets that look offline are paused (health.ts) and their rows left for later. Safe to run in several
 * processes at once: a row is only ever held by one drainer.
 *
 * A provider row is carried out by a RowPusher (push.ts); a channel row by the channel's sender, which the
 * composition root hands in (main/share/ for e-mail), so the drainer knows no channel's internals.
 */
import type { DrainSummary, OutboxChannel } from '../../shared/contract/sync';
import { KassaError, type ErrorBody } from '../../shared/errors';
import { writeTx } from '../ledger/connection';
import { bodyOf, classifyFailure } from './failures';
import type { AccountHealth } from './health';
import {
  claimRows,
  finishRow,
  giveBackRow,
  isChannelRow,
  renewLeases,
  stillHeld,
  type ClaimedAccountRow,
  type ClaimedChannelRow,
  type ClaimedRow,
} from '../ledger/tables/outbox';
import { RowPusher, type PushDeps, type PushResult } from './push';
import type { SyncTarget } from './target';

/** Carries out one claimed channel row and records its result (through the outbox owner), like a RowPusher. */
export type ChannelSender = (row: ClaimedChannelRow, deps: PushDeps) => Promise<PushResult>;
export type ChannelSenders = Readonly<Partial<Record<OutboxChannel, ChannelSender>>>;

export interface DrainerDeps extends PushDeps {
  leaseMs: number;
  /** Rows worked on at once (across invoices and targets). */
  concurrency: number;
  health: AccountHealth;
  /** The account's adapter; throws when there is none (unsupported provider, account gone). */
  target(accountId: string): SyncTarget;
  /** How each of Kassa's own channels sends a row. */
  channels: ChannelSenders;
  /** Called after each row whose state changed, e.g. to refresh screens. */
  onRowDone?(row: ClaimedRow, result: PushResult): void;
}

export interface DrainOptions {
  /** Only these targets (account ids, channelTarget()s); all when omitted. */
  targets?: readonly string[] | undefined;
  /** Only the rows of these invoices; all when omitted. */
  invoiceIds?: readonly string[] | undefined;
  signal?: AbortSignal | undefined;
  /** Safety bound on claim rounds (a row that keeps failing is backed off, so this is rarely reached). */
  maxPasses?: number;
}

export const emptyDrain = (): DrainSummary => ({
  claimed: 0,
  done: 0,
  reconciled: 0,
  resent: 0,
  failed: 0,
  needsReview: 0,
  skipped: 0,
  retryLater: 0,
  leaseLost: 0,
});

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

export class OutboxDrainer {
  constructor(private readonly d: DrainerDeps) {}

  async drain(opts: DrainOptions = {}): Promise<DrainSummary> {
    const summary = emptyDrain();
    const held = new Set<number>();
    // Heartbeat: keep our leases alive while a provider is slow (a third of the lease, so two beats may be missed).
    const beat = setInterval(
      () => {
        try {
          renewLeases(this.d.db, this.d.owner, [...held], new Date(this.d.now().getTime() + this.d.leaseMs));
        } catch (err) {
          this.d.log.warn('sync.lease_renew_failed', { code: bodyOf(err).code });
        }
      },
      Math.max(50, Math.floor(this.d.leaseMs / 3)),
    );
    beat.unref();
    try {
      const maxPasses = opts.maxPasses ?? 10_000;
      for (let pass = 0; pass < maxPasses && !opts.signal?.aborted; pass++) {
        let rows: ClaimedRow[];
        try {
          rows = claimRows(this.d.db, {
            owner: this.d.owner,
            now: this.d.now(),
            leaseMs: this.d.leaseMs,
            limit: this.d.concurrency * 4,
            targets: opts.targets,
            invoiceIds: opts.invoiceIds,
            excludeTargets: this.d.health.pausedIds(),
          });
        } catch (err) {
          // A busy ledger (another process writing for >10 s) is not an error of any row: try at the next round.
          this.d.log.warn('sync.claim_failed', { code: bodyOf(err).code });
          break;
        }
        if (rows.length === 0) break;
        summary.claimed += rows.length;
        // Every claimed row is ours from now on, including those still waiting for a free lane: the heartbeat must
        // renew them too, or their leases run out while they wait and another drainer takes and sends them as well.
        for (const row of rows) held.add(row.id);
        await pool(rows, this.d.concurrency, async (row) => {
          try {
            this.tally(summary, await this.one(row, opts.signal));
          } finally {
            held.delete(row.id);
          }
        });
        this.d.health.flush();
      }
    } finally {
      clearInterval(beat);
      this.d.health.flush();
    }
    return summary;
  }

  private tally(s: DrainSummary, r: PushResult): void {
    switch (r.kind) {
      case 'done':
        s.done++;
        break;
      case 'reconciled':
        s.done++;
        s.reconciled++;
        break;
      case 'resent':
        s.done++;
        s.resent++;
        break;
      case 'failed':
        s.failed++;
        break;
      case 'needs_review':
        s.needsReview++;
        break;
      case 'skipped':
        s.skipped++;
        break;
      case 'retry':
        s.retryLater++;
        break;
      case 'lease_lost':
        s.leaseLost++;
        break;
    }
  }

  /** Gives a claimed row back untouched (account paused meanwhile, or shutting down), due again at `at`. */
  private release(row: ClaimedRow, at: Date, reason: ErrorBody): PushResult {
    const error: ErrorBody = row.previousSentAt
      ? { ...reason, details: { ...(reason.details ?? {}), sentAt: row.previousSentAt } }
      : reason;
    const owned = writeTx(this.d.db, () =>
      giveBackRow(this.d.db, row.id, this.d.owner, this.d.now(), {
        state: row.previousState,
        nextAttemptAt: at.toISOString(),
        error,
      }),
    );
    return { kind: owned ? 'retry' : 'lease_lost', signal: null };
  }

  private pushDeps(): PushDeps {
    return {
      db: this.d.db,
      owner: this.d.owner,
      now: this.d.now,
      log: this.d.log,
      random: this.d.random,
      retry: this.d.retry,
    };
  }

  private async push(row: ClaimedRow): Promise<PushResult> {
    if (isChannelRow(row)) {
      const send = this.d.channels[row.channel];
      // Only processes that can send through the channel claim its rows (SyncService.channelTargets).
      if (!send) return this.decide(row, new KassaError('internal', 'internal_error'), row.previousState);
      try {
        return await send(row, this.pushDeps());
      } catch (err) {
        // The sender failed to record its own outcome: whoever takes the row next decides from the write-ahead marker.
        return this.decide(row, err, 'unknown');
      }
    }
    return this.pushToAccount(row as ClaimedAccountRow);
  }

  private async pushToAccount(row: ClaimedAccountRow): Promise<PushResult> {
    let target: SyncTarget;
    try {
      target = this.d.target(row.account_id);
    } catch (err) {
      // No adapter for the account: nothing was sent.
      return this.decide(row, err, row.previousState);
    }
    try {
      return await new RowPusher(this.pushDeps(), target, row).run();
    } catch (err) {
      // Recording the outcome itself failed: a create may have reached the provider, so it is looked up next time.
      return this.decide(row, err, row.op === 'create' ? 'unknown' : row.previousState);
    }
  }

  /** Ends a row on an error that happened outside the pusher's own handling. */
  private decide(row: ClaimedRow, err: unknown, retryState: 'pending' | 'unknown'): PushResult {
    const error = bodyOf(err);
    const cls = classifyFailure(error);
    this.d.log.warn('sync.row_failed', { outboxId: row.id, target: row.target, op: row.op, code: error.code });
    let owned = false;
    try {
      owned = writeTx(this.d.db, () =>
        finishRow(this.d.db, row.id, this.d.owner, this.d.now(), {
          state: cls === 'permanent' ? 'failed' : retryState,
          nextAttemptAt:
            cls === 'permanent' ? null : new Date(this.d.now().getTime() + this.d.retry.baseMs).toISOString(),
          error,
        }),
      );
    } catch {
      // The lease runs out and another attempt decides.
    }
    return owned
      ? { kind: cls === 'permanent' ? 'failed' : 'retry', signal: cls, error }
      : { kind: 'lease_lost', signal: null };
  }

  private async one(row: ClaimedRow, signal: AbortSignal | undefined): Promise<PushResult> {
    const health = this.d.health;
    if (signal?.aborted) {
      return this.release(row, this.d.now(), new KassaError('io', 'sync_stopped').toBody());
    }
    const pausedUntil = health.pauseEnds(row.target);
    if (pausedUntil) {
      return this.release(
        row,
        pausedUntil,
        new KassaError('io', 'account_paused', {}, { details: { until: pausedUntil.toISOString() } }).toBody(),
      );
    }
    if (!stillHeld(this.d.db, row.id, this.d.owner, this.d.now())) {
      // The lease ran out before this row's turn (e.g. the heartbeat could not write): whoever claims it next
      // looks it up first; sending it from here could send it twice.
      this.d.log.warn('sync.lease_lost', { outboxId: row.id, target: row.target, op: row.op });
      return { kind: 'lease_lost', signal: null };
    }
    const result = await this.push(row);
    if (result.signal === 'success') health.success(row.target);
    else if (result.signal && result.error) health.failure(row.target, result.signal, result.error);
    this.d.onRowDone?.(row, result);
    return result;
  }
}
