/** Provider accounts and the keychain. */
export default {
  'accounts.mode.test': 'Test',
  'accounts.mode.live': 'Live',
  'keychain.reason.no_session_bus':
    'Kassa cannot reach the OS keychain: there is no D-Bus session. Start Kassa from a desktop session, or run it under "dbus-run-session" with gnome-keyring-daemon started and unlocked. Keys are never stored anywhere else.',
  'keychain.reason.no_provider':
    'Kassa cannot reach the OS keychain: no Secret Service provider is installed or running. Install gnome-keyring (Debian/Ubuntu: "sudo apt install gnome-keyring") or KWallet with its Secret Service enabled, then restart Kassa. Keys are never stored anywhere else.',
  'keychain.reason.locked':
    'The OS keychain is locked. Unlock it (Keychain Access on macOS; Passwords and Keys, KWallet Manager or "gnome-keyring-daemon --unlock" on Linux) and try again. Keys are never stored anywhere else.',
  'keychain.reason.module_missing':
    'The keychain module could not be loaded. On Linux install libsecret ("sudo apt install libsecret-1-0"), then reinstall Kassa. Keys are never stored anywhere else.',
  'keychain.reason.failed':
    'The OS keychain refused the operation. Check that it is installed and unlocked, then try again. Keys are never stored anywhere else.',
} as const;
