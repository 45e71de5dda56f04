import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../../shared/errors';
import {
  assertNoSecretInSettings,
  nameKey,
  validateBaseUrl,
  validateName,
  validateSecrets,
  validateSettings,
} from '../../../main/accounts/validate';
import { isLoopbackHost } from '../../../main/loopback';

function rejects(fn: () => unknown, code: string, field: string): KassaError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof KassaError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.field, field);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('base URL override: https anywhere, http only on loopback, origin only', () => {
  assert.equal(validateBaseUrl('https://sandbox.example.com'), 'https://sandbox.example.com');
  assert.equal(validateBaseUrl('https://sandbox.example.com/'), 'https://sandbox.example.com');
  assert.equal(validateBaseUrl('https://Sandbox.Example.com:8443'), 'https://sandbox.example.com:8443');
  assert.equal(validateBaseUrl('http://127.0.0.1:4010'), 'http://127.0.0.1:4010');
  assert.equal(validateBaseUrl('http://127.9.8.7'), 'http://127.9.8.7');
  assert.equal(validateBaseUrl('http://[::1]:9000'), 'http://[::1]:9000');
  assert.equal(validateBaseUrl('http://localhost:3000'), 'http://localhost:3000');
  assert.equal(validateBaseUrl(' '), null);
  assert.equal(validateBaseUrl(null), null);
  assert.equal(validateBaseUrl(undefined), null);
  rejects(() => validateBaseUrl('http://example.com'), 'base_url_insecure', 'baseUrl');
  rejects(() => validateBaseUrl('http://10.0.0.1'), 'base_url_insecure', 'baseUrl');
  rejects(() => validateBaseUrl('http://localhost.evil.com'), 'base_url_insecure', 'baseUrl');
  rejects(() => validateBaseUrl('http://128.0.0.1'), 'base_url_insecure', 'baseUrl');
  rejects(() => validateBaseUrl('ftp://127.0.0.1'), 'base_url_scheme', 'baseUrl');
  rejects(() => validateBaseUrl('javascript:alert(1)'), 'base_url_scheme', 'baseUrl');
  rejects(() => validateBaseUrl('sandbox.example.com'), 'base_url_invalid', 'baseUrl');
  rejects(() => validateBaseUrl('https://api.example.com/v1'), 'base_url_has_path', 'baseUrl');
  rejects(() => validateBaseUrl('https://api.example.com/?x=1'), 'base_url_has_path', 'baseUrl');
  rejects(() => validateBaseUrl('https://api.example.com#frag'), 'base_url_has_path', 'baseUrl');
  const err = rejects(
    () => validateBaseUrl('https://me:hunter2secret@api.example.com'),
    'base_url_credentials',
    'baseUrl',
  );
  assert.ok(!err.message.includes('hunter2secret'));
});

test('loopback hosts', () => {
  assert.ok(isLoopbackHost('127.0.0.1'));
  assert.ok(isLoopbackHost('localhost'));
  assert.ok(isLoopbackHost('[::1]'));
  assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
  assert.ok(!isLoopbackHost('0.0.0.0'));
});

test('names: trimmed, required, bounded; compared without case', () => {
  assert.equal(validateName('  Paycashless test '), 'Paycashless test');
  rejects(() => validateName('   '), 'account_name_required', 'name');
  rejects(() => validateName('x'.repeat(81)), 'account_name_too_long', 'name');
  rejects(() => validateName('a\nb'), 'account_name_invalid', 'name');
  assert.equal(nameKey('ÉTÉ Shop'), nameKey('été shop'));
});

test('settings: Kashier needs a MID-… merchant id; unknown keys refused; currency normalised', () => {
  assert.deepEqual(validateSettings('kashier', { merchantId: ' MID-1234-567 ', defaultCurrency: 'egp' }), {
    merchantId: 'MID-1234-567',
    defaultCurrency: 'EGP',
  });
  rejects(() => validateSettings('kashier', {}), 'setting_required', 'settings.merchantId');
  rejects(() => validateSettings('kashier', { merchantId: '1234' }), 'merchant_id_invalid', 'settings.merchantId');
  rejects(
    () => validateSettings('kashier', { merchantId: 'MID-1', defaultCurrency: 'XXY' }),
    'unknown_currency',
    'settings.defaultCurrency',
  );
  rejects(() => validateSettings('paycashless', { merchantId: 'MID-1' }), 'unknown_setting', 'settings.merchantId');
  assert.deepEqual(validateSettings('kaspa', { defaultCurrency: '' }), {});
  assert.deepEqual(validateSettings('simplecash', undefined), {});
});

test('secrets: provider fields only, required ones on add, one trimmed line each, values never in messages', () => {
  assert.deepEqual(validateSecrets('paycashless', { apiKey: ' k-123\n', apiSecret: 's-456' }, { requireAll: true }), {
    apiKey: 'k-123',
    apiSecret: 's-456',
  });
  assert.deepEqual(validateSecrets('kashier', { secretKey: 'sk', paymentApiKey: '' }, { requireAll: true }), {
    secretKey: 'sk',
  });
  rejects(
    () => validateSecrets('paycashless', { apiKey: 'k' }, { requireAll: true }),
    'secret_required',
    'secrets.apiSecret',
  );
  const unknown = rejects(
    () => validateSecrets('kaspa', { apiKey: 'k', token: 'tok-value-xyz' }, { requireAll: true }),
    'unknown_secret_field',
    'secrets.token',
  );
  assert.ok(!unknown.message.includes('tok-value-xyz'));
  const multi = rejects(
    () => validateSecrets('kaspa', { apiKey: 'line-one-abc\nline-two-def' }, { requireAll: true }),
    'secret_invalid',
    'secrets.apiKey',
  );
  assert.ok(!multi.message.includes('line-one-abc'));
  rejects(() => validateSecrets('kaspa', { apiKey: '  ' }, { requireAll: false }), 'secret_empty', 'secrets.apiKey');
  rejects(() => validateSecrets('kaspa', {}, { requireAll: false }), 'secrets_empty', 'secrets');
  assert.deepEqual(validateSecrets('kashier', { paymentApiKey: 'p' }, { requireAll: false }), { paymentApiKey: 'p' });
});

test('a key pasted into a setting is refused', () => {
  const err = rejects(
    () => assertNoSecretInSettings({ storeName: 'my sk_live_abcdef123 shop' }, ['sk_live_abcdef123']),
    'secret_in_settings',
    'settings.storeName',
  );
  assert.ok(!err.message.includes('sk_live_abcdef123'));
});
