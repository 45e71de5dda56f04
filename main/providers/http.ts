/**
 * The HTTP client every adapter uses. Its one rule: repeat a request only when repeating cannot bill twice.
 * - `read` (GET): retried with exponential backoff and full jitter on timeouts, network failures, 408/5xx and 429.
 * - `write` (POST/PUT/PATCH/DELETE): retried only on 429 (the provider refused it) and when the request never left
 *   this machine (connection refused, DNS failure). A write that timed out, was reset, got a 408/5xx, or got a 2xx we
 *   cannot parse returns `{ outcome: 'unknown' }`: the provider may have acted on it, so the outbox must reconcile
 *   before anyone sends it again.
 * Every attempt passes the account's rate limiter and is logged (ids, paths and statuses; never headers' values,
 * bodies, keys or customer data). Errors are KassaError kind 'provider' built in http-errors.ts.
 */
import type { ProviderId } from '../../shared/domain';
import type { KassaError } from '../../shared/errors';
import type { Logger } from '../log';
import {
  classifyNetworkError,
  providerError,
  saidParam,
  scrub,
  scrubbedExcerpt,
  type NetworkFailure,
} from './http-errors';
import { DEFAULT_RATE, realSleep, sharedLimiterFor, TokenBucketLimiter, type Rate } from './rate-limit';
import { exhaustedUntilMs, retryWaitMs } from './retry-after';
import type { HttpTuning, RequestLimiter, WriteOutcome } from './types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a provider said in an error body, extracted by the adapter that knows the provider's error shape. */
export interface ProviderErrorInfo {
  message: string | null;
  code: string | null;
}
export type ErrorDescriber = (status: number, json: unknown, text: string) => ProviderErrorInfo;

export interface HttpClientOptions {
  provider: ProviderId;
  accountId: string;
  fetch: typeof fetch;
  log: Logger;
  now: () => Date;
  tuning?: HttpTuning | undefined;
  describeError: ErrorDescriber;
  /** The account's request budget (the provider's documented limit, or our default). */
  rate?: Rate | undefined;
}

export interface HttpCall {
  /** Names the operation in logs and errors: 'create', 'get', 'list', 'cancel', ... */
  operation: string;
  method: HttpMethod;
  url: URL;
  /** Called before every attempt, so a signed request carries a fresh timestamp on each retry. */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  /** The exact bytes to send (adapters that sign a body sign these bytes). */
  body?: string;
  /** The account's secret values, scrubbed from anything that is logged or thrown. */
  secrets: readonly string[];
}

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON; null for an empty body. */
  json: unknown;
}

/** Header values worth seeing in a log; every other header (Authorization, signatures, ...) is logged by name only. */
const LOGGABLE_HEADERS = new Set(['accept', 'content-type', 'request-timestamp', 'user-agent']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = LOGGABLE_HEADERS.has(name.toLowerCase()) ? value : '[redacted]';
  return out;
}

const DEFAULTS = { timeoutMs: 20_000, maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryWaitMs: 60_000 };

/**
 * The most of one answer Kassa reads: far above any documented page of invoices, far below what would hurt memory.
 * A longer body is not read to its end (the download is cancelled); its reply has no text.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The body as text, or null once it is longer than `max` bytes (declared or counted while reading). */
export async function readCapped(res: Response, max = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

type Attempt =
  | { kind: 'reply'; reply: HttpReply; parseError: boolean; tooLarge: boolean }
  | { kind: 'network'; failure: NetworkFailure };

export class HttpClient {
  private readonly o: HttpClientOptions;
  private readonly t: typeof DEFAULTS;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly limiter: RequestLimiter;
  private readonly limiterKey: string;

  constructor(opts: HttpClientOptions) {
    this.o = opts;
    const tuning = opts.tuning ?? {};
    this.t = {
      timeoutMs: tuning.timeoutMs ?? DEFAULTS.timeoutMs,
      maxAttempts: Math.max(1, tuning.maxAttempts ?? DEFAULTS.maxAttempts),
      baseDelayMs: tuning.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: tuning.maxDelayMs ?? DEFAULTS.maxDelayMs,
      maxRetryWaitMs: tuning.maxRetryWaitMs ?? DEFAULTS.maxRetryWaitMs,
    };
    this.sleep = tuning.sleep ?? realSleep;
    this.random = tuning.random ?? Math.random;
    // A test that controls sleep also controls time, so it gets a limiter on the same clock; everyone else shares
    // the process-wide limiter so the per-account budget holds across adapter instances.
    const rate = opts.rate ?? DEFAULT_RATE;
    this.limiter =
      tuning.limiter ??
      (tuning.sleep
        ? new TokenBucketLimiter({ ...rate, nowMs: () => opts.now().getTime(), sleep: tuning.sleep })
        : sharedLimiterFor(rate));
    this.limiterKey = `${opts.provider}:${opts.accountId}`;
  }

  /** A GET: repeated on transient failures; throws a provider KassaError when it finally fails. */
  async read(call: HttpCall): Promise<HttpReply> {
    for (let attempt = 1; ; attempt++) {
      const a = await this.attempt(call, attempt);
      const last = attempt >= this.t.maxAttempts;
      if (a.kind === 'network') {
        if (last) throw this.networkError(call, a.failure);
        await this.backoff(call, attempt, a.failure.kind === 'timeout' ? 'timeout' : a.failure.code);
        continue;
      }
      const { reply } = a;
      if (reply.status === 429) {
        await this.honour429(call, reply, attempt);
        continue;
      }
      if (reply.status >= 500 || reply.status === 408) {
        if (last) throw this.statusError(call, reply);
        await this.backoff(call, attempt, `http_${reply.status}`);
        continue;
      }
      if (reply.status >= 200 && reply.status < 300) {
        if (a.tooLarge) throw this.tooLarge(call, reply);
        if (a.parseError) throw this.malformed(call, reply);
        return reply;
      }
      throw this.statusError(call, reply);
    }
  }

  /** A write: never repeated once it may have reached the provider. */
  async write(call: HttpCall): Promise<WriteOutcome<HttpReply>> {
    for (let attempt = 1; ; attempt++) {
      const a = await this.attempt(call, attempt);
      const last = attempt >= this.t.maxAttempts;
      if (a.kind === 'network') {
        if (a.failure.kind === 'never_sent') {
          if (last) throw this.networkError(call, a.failure);
          await this.backoff(call, attempt, a.failure.code);
          continue;
        }
        return this.unknown(call, a.failure.kind === 'timeout' ? 'timeout' : 'connection_lost', null, null);
      }
      const { reply } = a;
      if (reply.status === 429) {
        await this.honour429(call, reply, attempt);
        continue;
      }
      if (reply.status >= 500 || reply.status === 408) {
        return this.unknown(call, 'server_error', reply, null);
      }
      if (reply.status >= 200 && reply.status < 300) {
        if (a.tooLarge) return this.unknown(call, 'too_large', reply, null);
        if (a.parseError)
          return this.unknown(call, 'malformed_response', reply, scrubbedExcerpt(reply.text, call.secrets, 200));
        return { outcome: 'ok', value: reply };
      }
      throw this.statusError(call, reply);
    }
  }

  /** Builds the `unknown` outcome for a write whose 2xx answer the adapter could not interpret. */
  unknownFromReply(call: Pick<HttpCall, 'operation' | 'secrets'>, reply: HttpReply, why: string): WriteOutcome<never> {
    return this.unknown(call, why, reply, scrubbedExcerpt(reply.text, call.secrets, 200));
  }

  private async attempt(call: HttpCall, attempt: number): Promise<Attempt> {
    await this.limiter.acquire(this.limiterKey);
    const headers = await call.headers();
    const logFields = this.logFields(call, attempt);
    this.o.log.debug('provider.http.request', { ...logFields, headers: redactHeaders(headers) });
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.t.timeoutMs);
    try {
      const init: RequestInit = { method: call.method, headers, signal: controller.signal, redirect: 'manual' };
      if (call.body !== undefined) init.body = call.body;
      const res = await this.o.fetch(call.url, init);
      // Inside the timeout: a body that never ends is a timeout too. One longer than the cap is not read on.
      const capped = await readCapped(res);
      const tooLarge = capped === null;
      const text = capped ?? '';
      this.o.log.info('provider.http.response', {
        ...logFields,
        status: res.status,
        ms: Date.now() - started,
        ...(tooLarge ? { tooLarge: MAX_BODY_BYTES } : {}),
      });
      // The provider says its window is used up: every request of this account waits for the reset.
      const until = exhaustedUntilMs(res.headers, this.o.now().getTime());
      if (until !== null) this.limiter.blockUntil(this.limiterKey, until);
      let json: unknown = null;
      let parseError = false;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          parseError = true;
        }
      }
      return {
        kind: 'reply',
        reply: { status: res.status, headers: res.headers, text, json },
        parseError,
        tooLarge,
      };
    } catch (err) {
      const failure = classifyNetworkError(err, timedOut);
      this.o.log.warn('provider.http.network_failure', {
        ...logFields,
        failure: failure.kind,
        code: failure.kind === 'timeout' ? 'timeout' : failure.code,
        ms: Date.now() - started,
      });
      return { kind: 'network', failure };
    } finally {
      clearTimeout(timer);
    }
  }

  private async backoff(call: HttpCall, attempt: number, reason: string): Promise<void> {
    const cap = Math.min(this.t.maxDelayMs, this.t.baseDelayMs * 2 ** (attempt - 1));
    const waitMs = Math.floor(this.random() * cap); // full jitter
    this.o.log.warn('provider.http.retry', { ...this.logFields(call, attempt), reason, waitMs });
    await this.sleep(waitMs);
  }

  /** Waits as the 429 asks (or backs off when it says nothing), or throws when we should not wait in-process. */
  private async honour429(call: HttpCall, reply: HttpReply, attempt: number): Promise<void> {
    const nowMs = this.o.now().getTime();
    const asked = retryWaitMs(reply.headers, nowMs);
    if (attempt >= this.t.maxAttempts || (asked !== null && asked > this.t.maxRetryWaitMs)) {
      const info = this.describe(call, reply);
      throw providerError({
        provider: this.o.provider,
        operation: call.operation,
        code: 'provider_rate_limited',
        params: { seconds: asked === null ? 0 : Math.ceil(asked / 1000) },
        httpStatus: 429,
        providerMessage: info.message,
        providerCode: info.code,
        retryable: true,
        extra: asked === null ? {} : { retryAfterSeconds: Math.ceil(asked / 1000) },
      });
    }
    if (asked === null) {
      await this.backoff(call, attempt, 'http_429');
      return;
    }
    // The wait happens in the limiter's next acquire, so every request of this account waits with us.
    this.limiter.blockUntil(this.limiterKey, nowMs + asked);
    this.o.log.warn('provider.http.retry', { ...this.logFields(call, attempt), reason: 'http_429', waitMs: asked });
  }

  private describe(call: Pick<HttpCall, 'secrets'>, reply: HttpReply): { message: string | null; code: string | null } {
    let info: ProviderErrorInfo = { message: null, code: null };
    try {
      info = this.o.describeError(reply.status, reply.json, reply.text);
    } catch {
      // An error body we cannot read still yields a clear error below.
    }
    const message = info.message === null ? null : scrubbedExcerpt(info.message, call.secrets, 500);
    const code = info.code === null ? null : scrubbedExcerpt(info.code, call.secrets, 100);
    return { message, code };
  }

  private statusError(call: HttpCall, reply: HttpReply): KassaError {
    const info = this.describe(call, reply);
    const s = reply.status;
    const said = saidParam(info.message);
    const base = {
      provider: this.o.provider,
      operation: call.operation,
      httpStatus: s,
      providerMessage: info.message,
      providerCode: info.code,
    };
    if (s === 401 || s === 403) {
      return providerError({
        ...base,
        code: 'provider_auth_failed',
        params: { status: s, said, hint: 'key' },
        retryable: false,
      });
    }
    if (s === 404) {
      return providerError({
        ...base,
        code: 'provider_not_found',
        params: { said },
        retryable: false,
      });
    }
    if (s >= 500 || s === 408) {
      return providerError({
        ...base,
        code: 'provider_server_error',
        params: { status: s, said },
        retryable: true,
      });
    }
    if (s >= 300 && s < 400) {
      return providerError({
        ...base,
        code: 'provider_unexpected_response',
        params: { what: 'redirect' },
        retryable: false,
      });
    }
    return providerError({
      ...base,
      code: 'provider_rejected',
      params: { status: String(s), said },
      retryable: false,
    });
  }

  private malformed(call: HttpCall, reply: HttpReply): KassaError {
    return providerError({
      provider: this.o.provider,
      operation: call.operation,
      code: 'provider_malformed_response',
      params: { status: reply.status },
      httpStatus: reply.status,
      retryable: true,
      extra: {
        rawText: scrubbedExcerpt(reply.text, call.secrets, 200),
        contentType: reply.headers.get('content-type'),
      },
    });
  }

  private tooLarge(call: HttpCall, reply: HttpReply): KassaError {
    return providerError({
      provider: this.o.provider,
      operation: call.operation,
      code: 'provider_unexpected_response',
      params: { what: 'too_large' },
      httpStatus: reply.status,
      retryable: false,
      extra: { maxBytes: MAX_BODY_BYTES },
    });
  }

  private networkError(call: HttpCall, failure: NetworkFailure): KassaError {
    const base = { provider: this.o.provider, operation: call.operation, httpStatus: null, retryable: true };
    if (failure.kind === 'timeout') {
      return providerError({
        ...base,
        code: 'provider_timeout',
        params: { seconds: Math.round(this.t.timeoutMs / 1000) },
      });
    }
    if (failure.kind === 'never_sent') {
      return providerError({
        ...base,
        code: 'provider_unreachable',
        params: { networkCode: failure.code },
        extra: { networkCode: failure.code },
      });
    }
    return providerError({
      ...base,
      code: 'provider_network_error',
      params: { networkCode: failure.code },
      extra: { networkCode: failure.code },
    });
  }

  private unknown(
    call: Pick<HttpCall, 'operation' | 'secrets'>,
    reason: string,
    reply: HttpReply | null,
    rawText: string | null,
  ): WriteOutcome<never> {
    const info = reply ? this.describe(call, reply) : { message: null, code: null };
    const err = providerError({
      provider: this.o.provider,
      operation: call.operation,
      code: 'outcome_unknown',
      params: { reason },
      httpStatus: reply?.status ?? null,
      providerMessage: info.message,
      providerCode: info.code,
      retryable: false,
      extra: rawText === null ? { reason } : { reason, rawText },
    });
    this.o.log.warn('provider.http.outcome_unknown', {
      provider: this.o.provider,
      account: this.o.accountId,
      operation: call.operation,
      reason,
      status: reply?.status ?? null,
    });
    return { outcome: 'unknown', error: err.toBody() };
  }

  private logFields(call: HttpCall, attempt: number): Record<string, unknown> {
    const query = call.url.search ? scrub(call.url.search, call.secrets) : '';
    return {
      provider: this.o.provider,
      account: this.o.accountId,
      operation: call.operation,
      method: call.method,
      path: `${call.url.pathname}${query}`,
      attempt,
    };
  }
}
