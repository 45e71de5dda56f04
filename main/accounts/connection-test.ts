/**
 * "Test connection": build the account's adapter and ask it for its cheapest authenticated call.
 * Whatever comes back — a ConnectionCheck or a thrown error — becomes one AccountTestResult whose
 * message has every secret value used in the call scrubbed out (a provider may echo the key it rejected).
 * Keychain failures are not a test result: they are thrown as the one `keychain_unavailable` error.
 */
import type { AccountTestOutcome, AccountTestResult } from '../../shared/contract/accounts';
import type { ProviderAccount } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/keys';
import { englishMessage } from '../../shared/i18n/english';
import type { Message, ParamValues } from '../../shared/i18n/params';
import { providerName } from '../../shared/providers';
import type { Logger } from '../log';
import { redactString } from '../log';
import type { AdapterFactory, ProviderAdapter } from '../providers/types';
import { scrub } from '../secrets/keychain-errors';
import type { SecretStore } from '../secrets/store';
import { readSecrets } from './account-secrets';
import { secretFieldsOf } from './validate';

export interface ConnectionTestDeps {
  account: ProviderAccount;
  secrets: SecretStore;
  createAdapter?: AdapterFactory | undefined;
  fetch: typeof fetch;
  log: Logger;
  now: () => Date;
}

const NOT_SUPPORTED_RE = /not_supported|not_implemented|unsupported/i;
const WRONG_KEY_RE = /auth|unauthori[sz]ed|forbidden|wrong_key|invalid_key|credential/i;
const UNREACHABLE_RE =
  /unreachable|timeout|timed_out|network|connect|dns|refused|reset|ENOTFOUND|ECONN|EAI_AGAIN|fetch failed/i;

export async function runConnectionTest(d: ConnectionTestDeps): Promise<AccountTestResult> {
  const { account } = d;
  const base = { accountId: account.id, provider: account.provider };
  const seen = new Set<string>();
  const clean = (text: string): string => redactString(scrub(text, [...seen])).slice(0, 500);
  const read = async (): Promise<Record<string, string>> => {
    const values = await readSecrets(d.secrets, account);
    for (const v of Object.values(values)) seen.add(v);
    return values;
  };

  // Read once up front: a keychain failure throws here, and a deleted key is reported by name.
  const initial = await read();
  const missing = secretFieldsOf(account.provider).required.filter((f) => initial[f] === undefined);
  if (missing.length > 0) {
    const detail = msg('accounts.test.missing_secret', { fields: missing.join(', '), count: missing.length });
    return {
      ...base,
      ok: false,
      result: 'missing_secret',
      message: englishMessage(detail),
      detail,
      missingFields: missing,
    };
  }

  const unsupported = msg('error.provider_not_supported', { provider: providerName(account.provider) });
  const notSupported: AccountTestResult = {
    ...base,
    ok: false,
    result: 'provider_not_supported',
    message: englishMessage(unsupported),
    detail: unsupported,
  };
  let adapter: ProviderAdapter | null;
  try {
    adapter = d.createAdapter
      ? d.createAdapter({ account, secrets: read, fetch: d.fetch, log: d.log, now: d.now })
      : null;
  } catch (err) {
    if (err instanceof KassaError && NOT_SUPPORTED_RE.test(err.code)) return notSupported;
    return fromThrown(err, base, clean);
  }
  if (!adapter) return notSupported;

  try {
    const check = await adapter.testConnection();
    const result: AccountTestResult = {
      ...base,
      ok: check.result === 'ok',
      result: check.result,
      message: clean(check.message),
      detail: check.detail ?? msg('accounts.test.provider_said', { message: clean(check.message) }),
    };
    if (check.httpStatus !== undefined) result.httpStatus = check.httpStatus;
    return result;
  } catch (err) {
    return fromThrown(err, base, clean);
  }
}

function fromThrown(
  err: unknown,
  base: Pick<AccountTestResult, 'accountId' | 'provider'>,
  clean: (s: string) => string,
): AccountTestResult {
  if (err instanceof KassaError && err.kind === 'keychain') throw err;
  const message = err instanceof Error ? err.message : String(err);
  const causeCode = String((err as { cause?: { code?: unknown } })?.cause?.code ?? '');
  const status = err instanceof KassaError ? numberOr(err.details?.httpStatus ?? err.details?.status) : undefined;
  const code = err instanceof KassaError ? err.code : `${(err as Error)?.name ?? ''} ${causeCode}`;
  let outcome: AccountTestOutcome;
  if (err instanceof KassaError && NOT_SUPPORTED_RE.test(err.code)) outcome = 'provider_not_supported';
  else if (status === 401 || status === 403 || WRONG_KEY_RE.test(code)) outcome = 'wrong_key';
  else if (
    (err instanceof KassaError && err.kind === 'io') ||
    UNREACHABLE_RE.test(code) ||
    UNREACHABLE_RE.test(message)
  )
    outcome = 'unreachable';
  else outcome = 'provider_error';
  const detail =
    err instanceof KassaError
      ? cleanMessage(err.toMessage(), clean)
      : msg('accounts.test.provider_said', { message: clean(message) });
  const result: AccountTestResult = { ...base, ok: false, result: outcome, message: clean(message), detail };
  if (status !== undefined) result.httpStatus = status;
  return result;
}

/** The message with every text parameter scrubbed like the English text (a provider may echo a key it rejected). */
function cleanMessage(m: Message, clean: (s: string) => string): Message {
  if (!m.params) return m;
  const params: ParamValues = {};
  for (const [k, v] of Object.entries(m.params))
    params[k] = typeof v === 'string' ? clean(v) : typeof v === 'object' && 'key' in v ? cleanMessage(v, clean) : v;
  return { key: m.key, params };
}

function numberOr(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
