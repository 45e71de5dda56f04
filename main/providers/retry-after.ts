/**
 * How long a 429 asks us to wait. Neither Kashier nor Paycashless documents its rate-limit headers, so this reads
 * every common form and never trusts one blindly:
 * - `Retry-After`: delta seconds ("120", tolerated "1.5") or an HTTP-date.
 * - `X-RateLimit-Reset`: epoch seconds (Kaspa's documented form), epoch milliseconds, or delta seconds; told apart
 *   by magnitude. An ISO date is tolerated too.
 * Returns null when no header gives a usable, non-negative wait; the caller falls back to its own backoff.
 */

const EPOCH_SECONDS_MIN = 1_000_000_000; // 2001-09-09: smaller numbers are deltas
const EPOCH_MS_MIN = 1_000_000_000_000;

function parseRetryAfter(value: string, nowMs: number): number | null {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

function parseRateLimitReset(value: string, nowMs: number): number | null {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (n >= EPOCH_MS_MIN) return Math.max(0, Math.round(n - nowMs));
    if (n >= EPOCH_SECONDS_MIN) return Math.max(0, Math.round(n * 1000 - nowMs));
    return Math.round(n * 1000);
  }
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

export function retryWaitMs(headers: Pick<Headers, 'get'>, nowMs: number): number | null {
  const ra = headers.get('retry-after');
  if (ra !== null) {
    const ms = parseRetryAfter(ra, nowMs);
    if (ms !== null) return ms;
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const ms = parseRateLimitReset(reset, nowMs);
    if (ms !== null) return ms;
  }
  return null;
}

/**
 * When the provider's window resets, from `X-RateLimit-Remaining: 0` + `X-RateLimit-Reset` (Kaspa documents both);
 * null while requests remain or when the headers are absent or unreadable.
 */
export function exhaustedUntilMs(headers: Pick<Headers, 'get'>, nowMs: number): number | null {
  const remaining = headers.get('x-ratelimit-remaining');
  if (remaining === null || !/^\s*0+\s*$/.test(remaining)) return null;
  const reset = headers.get('x-ratelimit-reset');
  const wait = reset === null ? null : parseRateLimitReset(reset, nowMs);
  return wait === null ? null : nowMs + wait;
}
