/** Provider accounts and the keychain. */
export default {
  'accounts.mode.test': 'Test',
  'accounts.mode.live': 'Live',
  'keychain.reason.no_session_bus':
    'Kassa cannot reach the OS keychain: there is no D-Bus session. Start Kassa from a desktop session, or run it under "dbus-run-session" with gnome-keyring-daemon started and unlocked. Keys are never stored anywhere else.',
  'keychain.reason.no_provider':
    'Kassa cannot reach the OS keychain: no Secret Service provider is installed or running. Install gnome-keyring (Debian/Ubuntu: "sudo apt install gnome-keyring") or KWallet with its Secret Service enabled, then restart Kassa. Keys are never stored anywhere else.',
  'keychain.reason.locked':
    '{platform, select, darwin {The macOS keychain is locked. Unlock the login keychain in Keychain Access and try again. Keys are never stored anywhere else.} other {The OS keychain is locked or has no login keyring. Unlock the login keyring (Passwords and Keys / Seahorse, KWallet Manager, or "gnome-keyring-daemon --unlock") and try again. Keys are never stored anywhere else.}}',
  'keychain.reason.module_missing':
    'The keychain module could not be loaded. On Linux install libsecret ("sudo apt install libsecret-1-0"), then reinstall Kassa. Keys are never stored anywhere else.',
  'keychain.reason.failed':
    'The OS keychain refused the operation. Check that it is installed and unlocked, then try again. Keys are never stored anywhere else.',
  'error.account_name_required': 'Give the account a name.',
  'error.account_name_too_long': 'The account name is longer than {max, number} characters.',
  'error.account_name_invalid': 'The account name contains control characters.',
  'error.base_url_invalid': 'The base URL is not a valid absolute URL (e.g. https://sandbox.example.com).',
  'error.base_url_credentials': 'The base URL must not contain a user name or password; keys go in the secret fields.',
  'error.base_url_scheme': 'The base URL must start with https:// (or http:// for a loopback address).',
  'error.base_url_insecure':
    'Plain http:// is allowed only for loopback addresses (127.0.0.1, ::1, localhost); use https://.',
  'error.base_url_has_path':
    'The base URL replaces only the origin (scheme, host and port): remove the path, query and fragment; Kassa appends the documented path.',
  'error.unknown_setting': '{provider} accounts have no setting "{name}". Known: {known}.',
  'error.setting_invalid': 'The setting {setting} must be one line of at most {max, number} characters.',
  'error.setting_required': '{provider} accounts need the setting {setting}.',
  'error.merchant_id_invalid':
    'The Kashier merchant id looks like MID-xxxx-xxx (shown under your name in the Kashier dashboard).',
  'error.unknown_secret_field': '{provider} accounts have no secret "{name}". Known: {known}.',
  'error.secret_empty': 'The secret {secret} is empty.',
  'error.secret_invalid': 'The secret {secret} must be a single line (check for a stray line break when pasting).',
  'error.secret_required': '{provider} accounts need the secret {secret}.',
  'error.secrets_empty': 'Give at least one secret to set.',
  'error.secret_in_settings':
    "The setting {setting} contains one of the account's keys; keys go only in the secret fields.",
  'error.account_ambiguous': 'More than one account is named "{name}"; use its id instead.',
  'error.account_name_taken': 'An account named "{name}" already exists; names are unique (ignoring case).',
  'error.account_in_use':
    '{links, plural, =0 {{uses, select, none {The account is still used by other ledger records; it cannot be removed.} other {Ledger records still use this account ({uses}); it cannot be removed while they do.}}} one {# invoice is linked to this account; it cannot be removed while it is.} other {# invoices are linked to this account; it cannot be removed while they are.}} Keep the account (you can delete its keys instead), or remove those links first.',
  'accounts.test.accepted': '{provider} accepted the key.',
  'accounts.test.wrong_key':
    "{problem} {provider} test and live keys are separate: use the key for the account's mode.",
  'accounts.test.missing_secret':
    'The keychain holds no {fields} for this account. Set {count, plural, one {it} other {them}} and test again.',
  'accounts.test.provider_said': '{message}',
  'error.keychain_unavailable': '{problem}',
} as const;
