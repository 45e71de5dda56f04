import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../../shared/errors';
import {
  classifyKeychainFailure,
  keychainMessage,
  keychainUnavailable,
  scrub,
} from '../../../main/secrets/keychain-errors';

// The exact strings keytar/libsecret produced on this machine (see shared/notes/environment.md and the probes).
const CASES = [
  ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_session_bus'],
  ['Could not connect: No such file or directory', 'no_session_bus'],
  ['Unknown or unsupported transport “disabled” for address “disabled:”', 'no_session_bus'],
  ['The name org.freedesktop.secrets was not provided by any .service files', 'no_provider'],
  ['Cannot create an item in a locked collection', 'locked'],
  ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
  ["Cannot find module 'keytar'", 'module_missing'],
  ['libsecret-1.so.0: cannot open shared object file: No such file or directory', 'module_missing'],
  ['Something else entirely', 'failed'],
] as const;

test('keytar failures are classified by reason', () => {
  for (const [raw, reason] of CASES) assert.equal(classifyKeychainFailure(raw), reason, raw);
});

test('every failure becomes one keychain_unavailable KassaError with an actionable message', () => {
  for (const [raw, reason] of CASES) {
    const err = keychainUnavailable(new Error(raw));
    assert.ok(err instanceof KassaError);
    assert.equal(err.kind, 'keychain');
    assert.equal(err.code, 'keychain_unavailable');
    assert.equal(err.details?.reason, reason);
    assert.equal(err.details?.keychainMessage, raw);
    assert.match(err.message, /never stored anywhere else/);
  }
  assert.match(keychainMessage('no_provider', 'linux'), /gnome-keyring/);
  assert.match(keychainMessage('no_provider', 'linux'), /KWallet/);
  assert.match(keychainMessage('locked', 'linux'), /[Uu]nlock the login keyring/);
  assert.match(keychainMessage('locked', 'darwin'), /Keychain Access/);
  assert.match(keychainMessage('no_session_bus', 'linux'), /D-Bus/);
});

test('a secret in the raw keychain message is scrubbed out of the error', () => {
  const secret = 'sk_test_4f9a8b7c6d5e';
  const err = keychainUnavailable(new Error(`failed to store ${secret} in a locked collection`), [secret]);
  assert.equal(err.details?.reason, 'locked');
  const body = JSON.stringify(err.toBody());
  assert.ok(!body.includes(secret));
  assert.ok(body.includes('[redacted]'));
  assert.equal(scrub(`a${secret}b${secret}`, [secret, '']), 'a[redacted]b[redacted]');
});

test('an existing keychain error passes through unchanged', () => {
  const first = keychainUnavailable(new Error('Cannot create an item in a locked collection'));
  assert.equal(keychainUnavailable(first), first);
});
