/**
 * Per-account health, learned from failures rather than assumed: consecutive network failures pause an account
 * (its rows are not claimed and it is not polled until the pause ends, with a growing back-off), an account-level
 * failure (wrong key, locked keychain) pauses it longer, and any success clears it. The pause is this process's
 * decision; the facts (last success, last error, paused until) are written to the shared account state so every
 * process and the sync panel see them. A manual "Sync now" clears the pause and tries at once.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ErrorBody } from '../../shared/errors';
import type { Logger } from '../log';
import { updateAccountState } from './account-state';
import { ACCOUNT_PAUSE, backoffMs, OFFLINE_PAUSE, type BackoffPolicy } from './backoff';
import { syncErrorOf, type FailureClass } from './failures';

export interface HealthOptions {
  /** Consecutive offline failures before the account pauses. */
  pauseAfter?: number;
  offlinePause?: BackoffPolicy;
  accountPause?: BackoffPolicy;
}

interface Pending {
  success: string | null;
  attempt: string | null;
  error: ErrorBody | null;
  errorAt: string | null;
}

export class AccountHealth {
  private readonly failures = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  private readonly pauseAfter: number;
  private readonly offline: BackoffPolicy;
  private readonly account: BackoffPolicy;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly random: () => number,
    private readonly log: Logger,
    opts: HealthOptions = {},
  ) {
    this.pauseAfter = Math.max(1, opts.pauseAfter ?? 2);
    this.offline = opts.offlinePause ?? OFFLINE_PAUSE;
    this.account = opts.accountPause ?? ACCOUNT_PAUSE;
  }

  isPaused(accountId: string): boolean {
    return (this.pausedUntil.get(accountId) ?? 0) > this.now().getTime();
  }

  pausedIds(): string[] {
    const t = this.now().getTime();
    return [...this.pausedUntil].filter(([, until]) => until > t).map(([id]) => id);
  }

  pauseEnds(accountId: string): Date | null {
    const until = this.pausedUntil.get(accountId);
    return until !== undefined && until > this.now().getTime() ? new Date(until) : null;
  }

  /** Manual sync: forget the pause (the failure count stays, so a still-offline account pauses again quickly). */
  clearPause(accountId?: string): void {
    if (accountId === undefined) this.pausedUntil.clear();
    else this.pausedUntil.delete(accountId);
  }

  private slot(accountId: string): Pending {
    let p = this.pending.get(accountId);
    if (!p) {
      p = { success: null, attempt: null, error: null, errorAt: null };
      this.pending.set(accountId, p);
    }
    return p;
  }

  success(accountId: string): void {
    const at = this.now().toISOString();
    this.failures.set(accountId, 0);
    this.pausedUntil.delete(accountId);
    const p = this.slot(accountId);
    p.success = at;
    p.attempt = at;
    p.error = null;
  }

  failure(accountId: string, cls: FailureClass, error: ErrorBody): void {
    const now = this.now();
    const p = this.slot(accountId);
    p.attempt = now.toISOString();
    p.error = error;
    p.errorAt = now.toISOString();
    if (cls === 'permanent') return; // one request was refused; the account itself is fine
    const n = (this.failures.get(accountId) ?? 0) + 1;
    this.failures.set(accountId, n);
    let pauseMs = 0;
    if (cls === 'account') pauseMs = backoffMs(this.account, n, this.random);
    else if (cls === 'offline' && n >= this.pauseAfter)
      pauseMs = backoffMs(this.offline, n - this.pauseAfter + 1, this.random);
    if (pauseMs > 0) {
      this.pausedUntil.set(accountId, now.getTime() + pauseMs);
      this.log.warn('sync.account_paused', { account: accountId, reason: cls, failures: n, pauseMs, code: error.code });
    }
  }

  /** Writes what was learned since the last flush to the shared account state, one transaction for all accounts. */
  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    const run = (): void => {
      for (const [accountId, p] of entries) {
        updateAccountState(this.db, accountId, (s) => {
          const next = { ...s };
          if (p.attempt) next.lastAttemptAt = p.attempt;
          if (p.success) next.lastSuccessAt = p.success;
          // The latest outcome wins: an error after a success in the same batch stays visible.
          if (p.error) next.lastError = syncErrorOf(p.error, p.errorAt);
          else if (p.success) next.lastError = null;
          next.failures = this.failures.get(accountId) ?? 0;
          next.pausedUntil = this.pauseEnds(accountId)?.toISOString() ?? null;
          return next;
        });
      }
    };
    try {
      this.db.transaction(run).immediate();
    } catch (err) {
      // Status bookkeeping must never stop the sync; it is written again at the next flush.
      this.log.warn('sync.state_write_failed', { code: (err as { code?: string }).code ?? 'unknown' });
    }
  }
}
