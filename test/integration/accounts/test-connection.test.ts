/**
 * `account.test` with the real adapter registry against the provider simulators in test/fakes/ over real
 * HTTP on 127.0.0.1: ok, wrong key, unreachable, provider error; and every provider of the registry has an adapter.
 * Secrets come from an in-memory store here (the keychain itself is covered by keychain.test.ts and leaks.test.ts);
 * every result is scanned for the secrets used.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { isProviderSupported } from '../../../main/providers/registry';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/domain';
import { secretFieldNames } from '../../../shared/providers';
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

test('every provider of the registry has an adapter: account.test reaches its server, never provider_not_supported', async () => {
  // (A provider without an adapter answering provider_not_supported is covered in accounts.test.ts.)
  const asked: string[] = [];
  const s = await testServices({
    secretStore: new MemorySecretStore(),
    fetch: (url) => {
      asked.push(String(url instanceof Request ? url.url : url));
      return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    },
  });
  const call = caller(s);
  const seen = new ResponseLog();
  const used: string[] = [];
  const settingsFor: Partial<Record<ProviderId, Record<string, string>>> = { kashier: { merchantId: 'MID-1234-567' } };
  assert.equal(PROVIDER_IDS.length, 5);
  for (const provider of PROVIDER_IDS) {
    assert.equal(isProviderSupported(provider), true, `${provider} has an adapter`);
    const secrets = Object.fromEntries(secretFieldNames(provider).required.map((f) => [f, `${f}_abcdef123456`]));
    used.push(...Object.values(secrets));
    const a = await call('account.add', {
      provider,
      name: `${provider} acc`,
      mode: 'test',
      secrets,
      settings: settingsFor[provider] ?? {},
    });
    const before = asked.length;
    const r = seen.record(provider, await call('account.test', { id: a.id }));
    assert.equal(r.result, 'unreachable', `${provider}: ${r.message}`);
    assert.ok(asked.length > before, `${provider}: the adapter called its server`);
  }
  assertNoLeaks(seen.scan(used), 'in account.test results');
});
