/**
 * Turns whatever keytar throws into one KassaError: kind 'keychain', code 'keychain_unavailable',
 * with a message that says what to install or unlock. The raw keychain message is kept in details
 * (it comes from libsecret / Security.framework / Credential Manager, which do not echo secrets),
 * after scrubbing any value we were handling, so no secret can leak through an error.
 */
import { KassaError } from '../../shared/errors';
import { englishMessage } from '../../shared/i18n/english';
import type { Message } from '../../shared/i18n/params';
import type { KeychainFailureReason } from './store';

interface Rule {
  reason: KeychainFailureReason;
  test: RegExp;
}

// Order matters: "org.freedesktop.DBus.Error.ServiceUnknown" mentions D-Bus but means "no provider".
const RULES: readonly Rule[] = [
  {
    reason: 'module_missing',
    test: /Cannot find module|libsecret-1\.so|cannot open shared object|NODE_MODULE_VERSION|was compiled against/i,
  },
  { reason: 'no_provider', test: /not provided by any \.service files|ServiceUnknown|org\.freedesktop\.secrets/i },
  {
    reason: 'locked',
    test: /locked|collection\/login|Object does not exist at path|prompt|dismissed|User interaction is not allowed|user canceled|interaction not allowed/i,
  },
  {
    reason: 'no_session_bus',
    test: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|unsupported transport|Failed to connect to socket|NoServer|D-?Bus/i,
  },
];

export function classifyKeychainFailure(rawMessage: string): KeychainFailureReason {
  return RULES.find((r) => r.test.test(rawMessage))?.reason ?? 'failed';
}

/** The reason as a catalogue message (the app shows it in the reader's language). */
export function keychainProblem(reason: KeychainFailureReason, platform: NodeJS.Platform = process.platform): Message {
  return { key: `keychain.reason.${reason}`, params: { platform: platform === 'darwin' ? 'darwin' : 'other' } };
}

/** The same in English, for the CLI and logs. */
export function keychainMessage(reason: KeychainFailureReason, platform: NodeJS.Platform = process.platform): string {
  return englishMessage(keychainProblem(reason, platform));
}

/** Replaces every occurrence of the given values (secrets being handled) in `text`. */
export function scrub(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) if (v.length > 0) out = out.split(v).join('[redacted]');
  return out;
}

/** The one error for every keychain failure. `values` are secrets in flight, scrubbed from the raw message. */
export function keychainUnavailable(cause: unknown, values: readonly string[] = []): KassaError {
  if (cause instanceof KassaError && cause.kind === 'keychain') return cause;
  const raw = scrub(cause instanceof Error ? cause.message : String(cause), values).slice(0, 300);
  const reason = classifyKeychainFailure(raw);
  return new KassaError(
    'keychain',
    'keychain_unavailable',
    { problem: keychainProblem(reason) },
    { details: { reason, keychainMessage: raw } },
  );
}
