/**
 * Provider errors: one KassaError shape for every adapter (kind 'provider', details {provider, operation,
 * httpStatus, providerMessage, providerCode, retryable}), plus the helpers that keep secrets and personal data
 * out of them. Every text that came from outside (provider messages, raw bodies) is scrubbed before it is kept.
 */
import { KassaError } from '../../shared/errors';
import { isMessageKey } from '../../shared/i18n/keys';
import type { ParamValue, ParamValues } from '../../shared/i18n/params';
import { providerName } from '../../shared/providers';
import type { ProviderId } from '../../shared/domain';
import { redactString } from '../log';
import { redactSecrets, secretPattern } from './secret-forms';

/** Every code a provider call can end with (each has an `error.<code>` message; the catalogue test walks them). */
export const PROVIDER_ERROR_CODES = [
  'provider_auth_failed',
  'provider_not_found',
  'provider_rejected',
  'provider_rate_limited',
  'provider_server_error',
  'provider_timeout',
  'provider_unreachable',
  'provider_network_error',
  'provider_malformed_response',
  'provider_unexpected_response',
  'outcome_unknown',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export interface ProviderErrorFacts {
  provider: ProviderId;
  operation: string;
  code: ProviderErrorCode;
  /** The catalogue message's own parameters (`provider` and `operation` are added here). */
  params?: ParamValues;
  httpStatus?: number | null;
  providerMessage?: string | null;
  providerCode?: string | null;
  retryable: boolean;
  /** Extra non-secret facts (e.g. retryAfterSeconds, a truncated raw body). */
  extra?: Record<string, unknown>;
}

export function providerError(f: ProviderErrorFacts): KassaError {
  const details: Record<string, unknown> = {
    provider: f.provider,
    operation: f.operation,
    httpStatus: f.httpStatus ?? null,
    providerMessage: f.providerMessage ?? null,
    retryable: f.retryable,
  };
  if (f.providerCode) details.providerCode = f.providerCode;
  if (f.extra) Object.assign(details, f.extra);
  const params: ParamValues = {
    provider: providerName(f.provider),
    operation: operationParam(f.operation),
    ...(f.params ?? {}),
  };
  return KassaError.withCode('provider', f.code, params, { details });
}

/** The operation in the reader's words (providers.operation.<op>); an operation without one is named as it is. */
function operationParam(operation: string): ParamValue {
  const key = `providers.operation.${operation}`;
  return isMessageKey(key) ? { key } : operation;
}

/** A provider's own words as a message parameter ('none' when it said nothing). */
export const saidParam = (message: string | null | undefined): string => message || 'none';

// Bounded parts (RFC 5321 lengths): an unbounded local part made a long run of letters cost quadratic time.
const EMAIL_RE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}/g;
const PHONE_RE = /\+\d[\d\s-]{7,}\d/g;

/**
 * Removes every known secret value in every form a provider might echo it back (secret-forms.ts), bearer tokens,
 * api_key query values, and e-mail addresses / phone numbers (customer personal data) from an outside text.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  return redactString(redactSecrets(text, secrets)).replace(EMAIL_RE, '[email]').replace(PHONE_RE, '[phone]');
}

/**
 * A provider's JSON with every occurrence of the call's secrets replaced: what the ledger keeps as the raw
 * payload must never hold a key a provider echoed back (e.g. a URL with `?api_key=`).
 */
export function withoutSecrets(value: unknown, secrets: readonly string[]): unknown {
  const re = secretPattern(secrets);
  if (re === null) return value;
  const clean = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactSecrets(v, re);
    if (depth > 64 || typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map((x) => clean(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k, depth + 1) as string, clean(x, depth + 1)]));
  };
  return clean(value, 0);
}

export function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** Longer than any form of a secret (a 4,096-character key, URL-encoded): one starting in the kept part is whole. */
const SCRUB_MARGIN = 16_384;

/**
 * An outside text (a body, a provider's message) cut to `max` characters and scrubbed, scrubbing only what is kept
 * plus a margin: a body of megabytes costs no more than a short one.
 */
export function scrubbedExcerpt(text: string, secrets: readonly string[], max: number): string {
  const head = scrub(text.slice(0, max + SCRUB_MARGIN), secrets);
  return head.length > max || text.length > max + SCRUB_MARGIN ? `${head.slice(0, max)}… (${text.length} chars)` : head;
}

/** What went wrong below HTTP, and whether the request can have reached the provider. */
export type NetworkFailure =
  | { kind: 'timeout' }
  /** Refused / DNS / connect timeout: the request never left this machine, so repeating it cannot bill twice. */
  | { kind: 'never_sent'; code: string }
  /** Reset or closed after connecting: the provider may have received and processed the request. */
  | { kind: 'maybe_sent'; code: string };

const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Walks `cause` chains and AggregateError members (undici reports per-address failures that way). */
function errorCodes(err: unknown, depth = 0): string[] {
  if (depth > 5 || typeof err !== 'object' || err === null) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const members = Array.isArray(e.errors) ? e.errors.flatMap((m) => errorCodes(m, depth + 1)) : [];
  return [...own, ...members, ...errorCodes(e.cause, depth + 1)];
}

export function classifyNetworkError(err: unknown, timedOut: boolean): NetworkFailure {
  if (timedOut) return { kind: 'timeout' };
  const codes = errorCodes(err);
  // Only when every reported code says "never connected" is it safe to call the request unsent.
  if (codes.length > 0 && codes.every((c) => NEVER_SENT.has(c)))
    return { kind: 'never_sent', code: codes[0] ?? 'unknown' };
  return { kind: 'maybe_sent', code: codes.find((c) => !NEVER_SENT.has(c)) ?? 'unknown' };
}
