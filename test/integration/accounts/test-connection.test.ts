/**
 * `account.test` with the real adapter registry against the provider simulators in test/fakes/ over real
 * HTTP on 127.0.0.1: ok, wrong key, unreachable, provider error, and providers without an adapter.
 * Secrets come from an in-memory store here (the keychain itself is covered by keychain.test.ts and leaks.test.ts);
 * every result is scanned for the secrets used.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { isProviderSupported } from '../../../main/providers/registry';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { PROVIDER_IDS } from '../../../shared/domain';
import { KASHIER_FAKE_KEYS, startKashierFake } from '../../fakes/kashier';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake } from '../../fakes/paycashless';
import { assertNoLeaks, ResponseLog } from '../../helpers/leaks';
import { caller, testServices } from '../../helpers/services';

const ALL_SECRETS = [
  PAYCASHLESS_FAKE_KEYS.sandbox.apiKey,
  PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret,
  KASHIER_FAKE_KEYS.test,
  'pk_sandbox_WRONG_key_000000001',
  'sk_sandbox_WRONG_secret_0000001',
  'WRONGkashierKEY_000000000000000',
];

/** A port that was free a moment ago and now has nothing listening. */
async function closedPort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('paycashless: ok with the sandbox keys; wrong key; wrong secret; unreachable; provider error', async () => {
  const fake = await startPaycashlessFake();
  const s = await testServices({ secretStore: new MemorySecretStore() });
  const call = caller(s);
  const seen = new ResponseLog();
  try {
    const a = await call('account.add', {
      provider: 'paycashless',
      name: 'Paycashless sandbox',
      mode: 'test',
      baseUrl: fake.url,
      secrets: { ...PAYCASHLESS_FAKE_KEYS.sandbox },
    });
    const ok = seen.record('ok', await call('account.test', { id: a.id }));
    assert.equal(ok.result, 'ok', ok.message);
    assert.equal(ok.ok, true);

    await call('account.setSecrets', { id: a.id, secrets: { apiKey: 'pk_sandbox_WRONG_key_000000001' } });
    const wrongKey = seen.record('wrong key', await call('account.test', { id: a.id }));
    assert.equal(wrongKey.result, 'wrong_key', wrongKey.message);
    assert.equal(wrongKey.httpStatus, 401);

    await call('account.setSecrets', {
      id: a.id,
      secrets: { apiKey: PAYCASHLESS_FAKE_KEYS.sandbox.apiKey, apiSecret: 'sk_sandbox_WRONG_secret_0000001' },
    });
    const wrongSecret = seen.record('wrong secret', await call('account.test', { id: a.id }));
    assert.equal(wrongSecret.ok, false);
    assert.ok(['wrong_key', 'provider_error'].includes(wrongSecret.result), wrongSecret.result);

    await call('account.setSecrets', { id: a.id, secrets: { apiSecret: PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret } });
    fake.server.inject({ kind: 'status', status: 500, times: 20 });
    const down = seen.record('500', await call('account.test', { id: a.id }));
    assert.equal(down.result, 'provider_error', down.message);
    fake.server.clearFaults();

    await call('account.update', { id: a.id, baseUrl: `http://127.0.0.1:${await closedPort()}` });
    // A new server means entering the keys again (they are bound to the server they were entered for).
    await call('account.setSecrets', { id: a.id, secrets: PAYCASHLESS_FAKE_KEYS.sandbox });
    const unreachable = seen.record('unreachable', await call('account.test', { id: a.id }));
    assert.equal(unreachable.result, 'unreachable', unreachable.message);
  } finally {
    await fake.close();
  }
  assertNoLeaks(seen.scan(ALL_SECRETS), 'in account.test results');
});

test('kashier: ok with the merchant id and test key; wrong key', async () => {
  const fake = await startKashierFake();
  const s = await testServices({ secretStore: new MemorySecretStore() });
  const call = caller(s);
  const seen = new ResponseLog();
  try {
    const a = await call('account.add', {
      provider: 'kashier',
      name: 'Kashier test',
      mode: 'test',
      baseUrl: fake.url,
      settings: { merchantId: KASHIER_FAKE_KEYS.merchantId },
      secrets: { secretKey: KASHIER_FAKE_KEYS.test },
    });
    const ok = seen.record('ok', await call('account.test', { id: a.id }));
    assert.equal(ok.result, 'ok', ok.message);
    await call('account.setSecrets', { id: a.id, secrets: { secretKey: 'WRONGkashierKEY_000000000000000' } });
    const wrong = seen.record('wrong', await call('account.test', { id: a.id }));
    assert.equal(wrong.result, 'wrong_key', wrong.message);
  } finally {
    await fake.close();
  }
  assertNoLeaks(seen.scan(ALL_SECRETS), 'in account.test results');
});

test('providers without an adapter answer provider_not_supported, without a network call', async (t) => {
  const unsupported = PROVIDER_IDS.filter((p) => !isProviderSupported(p));
  if (unsupported.length === 0) return t.skip('every provider has an adapter now');
  const s = await testServices({
    secretStore: new MemorySecretStore(),
    fetch: () => Promise.reject(new Error('no network expected')),
  });
  const call = caller(s);
  const secretsFor = {
    kashio: { secretKey: 'sk_test_abcdef123456' },
    kaspa: { apiKey: 'liv_abcdef123456' },
    simplecash: { apiKey: '0123456789abcdef' },
  } as const;
  for (const provider of unsupported) {
    const secrets = (secretsFor as Record<string, Record<string, string>>)[provider];
    assert.ok(secrets, `add test secrets for ${provider}`);
    const a = await call('account.add', { provider, name: `${provider} acc`, mode: 'live', secrets });
    const r = await call('account.test', { id: a.id });
    assert.equal(r.result, 'provider_not_supported');
    assert.equal(r.ok, false);
  }
});
