/**
 * A token bucket per key (one key per provider account, because limits are per API key). Reservation style:
 * each caller takes a token immediately and the bucket may go negative, so concurrent callers queue up at
 * evenly spaced times without polling. `blockUntil` pauses a key after a 429 we decided to honour, so the other
 * requests of that account wait too instead of hammering the provider.
 */
import type { RequestLimiter } from './types';

export interface TokenBucketOptions {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Burst size (bucket capacity). */
  burst: number;
  nowMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
  blockedUntilMs: number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TokenBucketLimiter implements RequestLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rate: number;
  private readonly burst: number;
  private readonly nowMs: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: TokenBucketOptions) {
    if (!(opts.ratePerSecond > 0) || !(opts.burst >= 1)) throw new RangeError('rate must be > 0 and burst >= 1');
    this.rate = opts.ratePerSecond;
    this.burst = opts.burst;
    this.nowMs = opts.nowMs ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Milliseconds the caller must wait; the token is taken now. Exposed for tests. */
  reserve(key: string): number {
    const now = this.nowMs();
    const b = this.buckets.get(key) ?? { tokens: this.burst, updatedMs: now, blockedUntilMs: 0 };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.updatedMs) / 1000) * this.rate);
    b.updatedMs = now;
    b.tokens -= 1;
    this.buckets.set(key, b);
    const tokenWait = b.tokens >= 0 ? 0 : (-b.tokens / this.rate) * 1000;
    return Math.ceil(Math.max(tokenWait, b.blockedUntilMs - now));
  }

  async acquire(key: string): Promise<void> {
    const wait = this.reserve(key);
    if (wait > 0) await this.sleep(wait);
  }

  blockUntil(key: string, untilMs: number): void {
    const now = this.nowMs();
    const b = this.buckets.get(key) ?? { tokens: this.burst, updatedMs: now, blockedUntilMs: 0 };
    b.blockedUntilMs = Math.max(b.blockedUntilMs, untilMs);
    this.buckets.set(key, b);
  }
}

export interface Rate {
  ratePerSecond: number;
  burst: number;
}

/** Our own politeness budget where a provider publishes no limit: 5 requests/s, bursts of 10 per account. */
export const DEFAULT_RATE: Rate = { ratePerSecond: 5, burst: 10 };

/**
 * The budget for a documented per-minute limit: a burst plus a steady rate that together never exceed the limit in
 * any minute (e.g. 100/min → bursts of 5, then 95 per minute), so a fixed window at the provider is never
 * overrun by us alone.
 */
export function rateForLimit(perMinute: number | null): Rate {
  if (perMinute === null) return DEFAULT_RATE;
  const burst = Math.max(1, Math.min(10, Math.floor(perMinute / 20)));
  return { ratePerSecond: Math.max(perMinute - burst, 1) / 60, burst };
}

const shared = new Map<string, RequestLimiter>();

/**
 * The process-wide limiter for a rate (one bucket per account key inside it), unless a test injects one: every
 * adapter instance of an account shares the account's budget.
 */
export function sharedLimiterFor(rate: Rate): RequestLimiter {
  const key = `${rate.ratePerSecond}/${rate.burst}`;
  let l = shared.get(key);
  if (!l) {
    l = new TokenBucketLimiter(rate);
    shared.set(key, l);
  }
  return l;
}
