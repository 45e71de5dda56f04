import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost } from '../../../main/loopback';
import { resolveBaseUrl, validateBaseUrlOverride } from '../../../main/providers/base-url';

test('loopback hosts', () => {
  for (const h of ['localhost', '127.0.0.1', '127.10.20.30', '[::1]', '::1', 'LOCALHOST'])
    assert.equal(isLoopbackHost(h), true, h);
  for (const h of [
    '10.0.0.1',
    '128.0.0.1',
    'example.com',
    '127.0.0.1.example.com',
    '0.0.0.0',
    '[::2]',
    '127.0.0.256',
    'api.localhost',
  ])
    assert.equal(isLoopbackHost(h), false, h);
});

test('an override replaces only the origin; the documented path stays', () => {
  assert.equal(resolveBaseUrl('https://api.paycashless.com/v1', null), 'https://api.paycashless.com/v1');
  assert.equal(resolveBaseUrl('https://api.paycashless.com/v1', 'http://127.0.0.1:4010'), 'http://127.0.0.1:4010/v1');
  assert.equal(
    resolveBaseUrl('https://api.paycashless.com/v1', 'https://proxy.example.com:8443/'),
    'https://proxy.example.com:8443/v1',
  );
  assert.equal(resolveBaseUrl('https://test-api.kashier.io', 'http://localhost:9'), 'http://localhost:9');
  assert.equal(resolveBaseUrl('https://test-api.kashier.io', 'http://[::1]:9'), 'http://[::1]:9');
});

test('plain http to another host, paths, credentials and other schemes are refused clearly', () => {
  assert.throws(() => validateBaseUrlOverride('http://sandbox.example.com'), {
    code: 'insecure_base_url',
    field: 'baseUrl',
  });
  assert.throws(() => validateBaseUrlOverride('http://192.168.1.5:8080'), { code: 'insecure_base_url' });
  assert.throws(() => validateBaseUrlOverride('https://proxy.example.com/v2'), { code: 'invalid_base_url' });
  assert.throws(() => validateBaseUrlOverride('https://u:p@proxy.example.com'), { code: 'invalid_base_url' });
  assert.throws(() => validateBaseUrlOverride('ftp://127.0.0.1'), { code: 'invalid_base_url' });
  assert.throws(() => validateBaseUrlOverride('not a url'), { code: 'invalid_base_url' });
});
