/**
 * Retry delays: exponential with "equal jitter" (half fixed, half random), so a crowd of rows that failed together
 * does not come back together, yet no retry is ever immediate.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const OUTBOX_RETRY: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };
/** Pause of an account that looks offline: starts short, grows while it stays unreachable. */
export const OFFLINE_PAUSE: BackoffPolicy = { baseMs: 30_000, maxMs: 10 * 60_000 };
/** An account that needs a person (wrong key, locked keychain): no point in asking often. */
export const ACCOUNT_PAUSE: BackoffPolicy = { baseMs: 5 * 60_000, maxMs: 30 * 60_000 };

/** Delay before attempt `n + 1` after `n` consecutive failures (n ≥ 1). */
export function backoffMs(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.min(failures, 30));
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (n - 1));
  const half = cap / 2;
  return Math.max(1, Math.round(half + random() * half));
}

/** `at` plus `ms`, as the ISO text the outbox stores. */
export function later(at: Date, ms: number): string {
  return new Date(at.getTime() + ms).toISOString();
}
