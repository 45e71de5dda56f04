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

/**
 * The process-wide limiter adapters use unless a test injects one. Neither Kashier nor Paycashless publishes a
 * limit, so this is our own politeness budget (5 requests/s, bursts of 10 per account), well under the only
 * documented limit among our providers (Kaspa, 100/min ≈ 1.7/s, gets its own setting in its adapter).
 */
export const sharedLimiter: RequestLimiter = new TokenBucketLimiter({ ratePerSecond: 5, burst: 10 });
