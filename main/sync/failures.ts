/**
 * What a failed provider call means for the outbox. The HTTP client already decided whether a write may have
 * reached the provider (`outcome: 'unknown'`); here we decide what the drainer does next:
 * - offline:   the network or the provider is unreachable → retry later, and pause the account after a few in a row;
 * - transient: the provider had a bad moment (5xx, 429, unreadable answer) or the ledger was busy → retry later;
 * - account:   the account itself is unusable until a person acts (wrong key, keychain locked, merchant id missing)
 *              → retry later with a long back-off, and show the error on the account;
 * - permanent: the provider refused this request (4xx) or the invoice cannot be expressed there, or the mail server
 *              refused the recipient or the message → failed, a person decides (retry after fixing, or mark resolved).
 * The e-mail channel's failures (smtp_*) fall in the same classes: no network → offline, a busy server → transient,
 * wrong password / certificate / TLS → account (fixed in Settings).
 */
import { englishText } from '../../shared/i18n/english';
import { KassaError, toErrorBody, type ErrorBody } from '../../shared/errors';
import type { SyncError } from '../../shared/contract/sync';

export type FailureClass = 'offline' | 'transient' | 'account' | 'permanent';

const OFFLINE = new Set([
  'provider_unreachable',
  'provider_timeout',
  'provider_network_error',
  'smtp_unreachable',
  'smtp_host_not_found',
  'smtp_timeout',
]);
const TRANSIENT = new Set([
  'provider_server_error',
  'provider_rate_limited',
  'provider_malformed_response',
  'provider_unexpected_response',
  'ledger_busy',
  'ledger_io',
  'smtp_temporary',
  'smtp_connection_lost',
]);
/** The mail server's settings are the e-mail channel's "account": a person fixes them in Settings. */
const ACCOUNT = new Set([
  'provider_auth_failed',
  'secret_missing',
  'merchant_id_missing',
  'smtp_not_configured',
  'smtp_password_missing',
  'smtp_auth_failed',
  'smtp_auth_unavailable',
  'smtp_tls_certificate',
  'smtp_tls_handshake',
  'smtp_starttls_unavailable',
  'smtp_sender_refused',
]);

export function classifyFailure(body: ErrorBody): FailureClass {
  if (body.code === 'outcome_unknown') {
    const reason = body.details?.reason;
    return reason === 'timeout' || reason === 'connection_lost' ? 'offline' : 'transient';
  }
  if (OFFLINE.has(body.code)) return 'offline';
  if (TRANSIENT.has(body.code)) return 'transient';
  if (body.kind === 'keychain' || ACCOUNT.has(body.code)) return 'account';
  if (body.kind === 'io') return 'transient';
  return 'permanent';
}

/** Any thrown value as an ErrorBody; bugs (non-KassaErrors) keep their message for the log only. */
export function bodyOf(err: unknown): ErrorBody {
  if (err instanceof KassaError) return err.toBody();
  return toErrorBody(err);
}

/** The part of an error body the sync panel shows: never a stack, never a secret (bodies are already scrubbed). */
export function syncErrorOf(body: ErrorBody, at: string | null): SyncError {
  const d = body.details ?? {};
  return {
    code: body.code,
    params: body.params ?? {},
    message: body.message,
    ...(body.params ? { params: body.params } : {}),
    providerMessage: typeof d.providerMessage === 'string' ? d.providerMessage : null,
    httpStatus: typeof d.httpStatus === 'number' ? d.httpStatus : null,
    at,
  };
}

/** A sync error as the ledger keeps it: no English text (made again from code + params when read). */
export type StoredSyncError = Omit<SyncError, 'message'> & { message?: string };

export function storableSyncError(e: SyncError | null): StoredSyncError | null {
  if (!e) return null;
  const { message: _english, ...kept } = e;
  return kept;
}

/** A kept sync error with its English text again (rows from before messages were codes keep their old text). */
export function readSyncError(e: StoredSyncError | null | undefined): SyncError | null {
  if (!e) return null;
  const params = e.params ?? {};
  return { ...e, params, message: englishText(`error.${e.code}`, params, e.message ?? e.code) };
}
