/**
 * Turns whatever keytar throws into one KassaError: kind 'keychain', code 'keychain_unavailable',
 * with a message that says what to install or unlock. The raw keychain message is kept in details
 * (it comes from libsecret / Security.framework / Credential Manager, which do not echo secrets),
 * after scrubbing any value we were handling, so no secret can leak through an error.
 */
import { KassaError } from '../../shared/errors';
import type { KeychainFailureReason } from './store';

const NEVER_ELSEWHERE =
  'Provider keys are never stored anywhere else; everything that does not need a key keeps working.';

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

export function keychainMessage(reason: KeychainFailureReason, platform: NodeJS.Platform = process.platform): string {
  switch (reason) {
    case 'no_session_bus':
      return (
        'Kassa cannot reach the OS keychain: there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset or points nowhere). ' +
        'Start Kassa from a desktop session, or run it under "dbus-run-session" with gnome-keyring-daemon started and unlocked. ' +
        NEVER_ELSEWHERE
      );
    case 'no_provider':
      return (
        'Kassa cannot reach the OS keychain: no Secret Service provider is installed or running. ' +
        'Install gnome-keyring (Debian/Ubuntu: "sudo apt install gnome-keyring") or KWallet with its Secret Service enabled, then restart Kassa. ' +
        NEVER_ELSEWHERE
      );
    case 'locked':
      return platform === 'darwin'
        ? `The macOS keychain is locked. Unlock the login keychain in Keychain Access and try again. ${NEVER_ELSEWHERE}`
        : 'The OS keychain is locked or has no login keyring. Unlock the login keyring (Passwords and Keys / Seahorse, KWallet Manager, ' +
            `or "gnome-keyring-daemon --unlock") and try again. ${NEVER_ELSEWHERE}`;
    case 'module_missing':
      return (
        'The keychain module (keytar) could not be loaded. On Linux install libsecret ("sudo apt install libsecret-1-0"), ' +
        `then reinstall Kassa. ${NEVER_ELSEWHERE}`
      );
    case 'failed':
      return `The OS keychain refused the operation. Check that it is installed and unlocked, then try again. ${NEVER_ELSEWHERE}`;
  }
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
  return new KassaError('keychain', 'keychain_unavailable', keychainMessage(reason), {
    details: { reason, keychainMessage: raw },
  });
}
