/**
 * Provider accounts through the contract, over a real SQLite ledger and an in-memory secret store
 * (the real keychain is covered by keychain.test.ts): validation, uniqueness, resolving, the
 * keychain/row ordering on failures, removal rules and the "test connection" outcomes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountService } from '../../../main/accounts/service';
import { openDatabase } from '../../../main/ledger/connection';
import { createMemoryLogger } from '../../../main/log';
import type { AdapterDeps, ConnectionCheck, ProviderAdapter } from '../../../main/providers/types';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import type { Services } from '../../../main/services';
import { KassaError } from '../../../shared/errors';
import { caller, testServices } from '../../helpers/services';

const PAY = { apiKey: 'pk_test_1111aaaa2222', apiSecret: 'ps_test_3333bbbb4444' };

async function setup(): Promise<{ s: Services; store: MemorySecretStore; call: ReturnType<typeof caller> }> {
  const store = new MemorySecretStore();
  const s = await testServices({ secretStore: store });
  return { s, store, call: caller(s) };
}

async function rejectsWith(p: Promise<unknown>, code: string, field?: string): Promise<KassaError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof KassaError, String(err));
    assert.equal(err.code, code, err.message);
    if (field !== undefined) assert.equal(err.field, field);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('add stores non-secret fields in the ledger and secrets only in the store; responses say which are set', async () => {
  const { s, store, call } = await setup();
  const changed: unknown[] = [];
  s.events.subscribe((name, payload) => name === 'ledger.changed' && changed.push(payload));
  const a = await call('account.add', {
    provider: 'paycashless',
    name: ' Paycashless test ',
    mode: 'test',
    baseUrl: 'http://127.0.0.1:4010/',
    secrets: PAY,
  });
  assert.match(a.id, /^acc_[0-9a-f]{32}$/);
  assert.equal(a.name, 'Paycashless test');
  assert.equal(a.baseUrl, 'http://127.0.0.1:4010');
  assert.deepEqual(a.secretsSet, { apiKey: true, apiSecret: true });
  assert.deepEqual(a.settings, {});
  assert.equal(await store.get(a.id, 'apiKey'), PAY.apiKey);
  assert.deepEqual(await call('account.list', {}), [a]);
  assert.deepEqual(await call('account.get', { id: a.id }), a);
  assert.deepEqual(changed, [{ entity: 'account', id: a.id }]);
  const row = s.ledger.db.prepare('SELECT * FROM accounts WHERE id = ?').get(a.id) as Record<string, string>;
  assert.equal(row.secret_fields_json, '["apiKey","apiSecret"]');
  assert.ok(!JSON.stringify(row).includes(PAY.apiKey));
});

test('optional secrets are reported as not set; kashier needs its merchant id', async () => {
  const { call } = await setup();
  await rejectsWith(
    call('account.add', { provider: 'kashier', name: 'K', mode: 'test', secrets: { secretKey: 'ksk_abcdef123456' } }),
    'setting_required',
    'settings.merchantId',
  );
  const k = await call('account.add', {
    provider: 'kashier',
    name: 'K',
    mode: 'live',
    settings: { merchantId: 'MID-1234-567', defaultCurrency: 'egp' },
    secrets: { secretKey: 'ksk_abcdef123456' },
  });
  assert.deepEqual(k.secretsSet, { secretKey: true, paymentApiKey: false });
  assert.deepEqual(k.settings, { merchantId: 'MID-1234-567', defaultCurrency: 'EGP' });
});

test('names are unique ignoring case, on add and on update; resolve takes an id or a name', async () => {
  const { call } = await setup();
  const a = await call('account.add', {
    provider: 'kaspa',
    name: 'Crypto Shop',
    mode: 'live',
    secrets: { apiKey: 'liv_aaaabbbbcccc' },
  });
  const b = await call('account.add', {
    provider: 'simplecash',
    name: 'BCH',
    mode: 'live',
    secrets: { apiKey: 'abcdef0123456789' },
  });
  await rejectsWith(
    call('account.add', {
      provider: 'kaspa',
      name: 'crypto SHOP',
      mode: 'live',
      secrets: { apiKey: 'liv_ddddeeeeffff' },
    }),
    'account_name_taken',
    'name',
  );
  await rejectsWith(call('account.update', { id: b.id, name: 'CRYPTO shop' }), 'account_name_taken', 'name');
  assert.equal((await call('account.update', { id: a.id, name: 'crypto shop' })).name, 'crypto shop');
  assert.equal((await call('account.resolve', { ref: a.id })).id, a.id);
  assert.equal((await call('account.resolve', { ref: 'CRYPTO SHOP' })).id, a.id);
  assert.equal((await call('account.resolve', { ref: ' bch ' })).id, b.id);
  const nf = await rejectsWith(call('account.resolve', { ref: 'nope' }), 'account_not_found', 'account');
  assert.match(nf.message, /Known accounts: /);
  await rejectsWith(call('account.get', { id: 'acc_missing' }), 'account_not_found');
});

test('update changes only non-secret fields and validates them', async () => {
  const { call, store } = await setup();
  const a = await call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  const u = await call('account.update', { id: a.id, mode: 'live', settings: { defaultCurrency: 'NGN' } });
  assert.equal(u.mode, 'live');
  assert.deepEqual(u.settings, { defaultCurrency: 'NGN' });
  assert.deepEqual(u.secretsSet, a.secretsSet);
  assert.equal((await call('account.update', { id: a.id, baseUrl: '' })).baseUrl, null);
  await rejectsWith(
    call('account.update', { id: a.id, baseUrl: 'http://proxy.example.com' }),
    'base_url_insecure',
    'baseUrl',
  );
  await rejectsWith(
    call('account.update', { id: a.id, settings: { merchantId: 'MID-1' } }),
    'unknown_setting',
    'settings.merchantId',
  );
  // The schema refuses secrets and unknown fields on update.
  await rejectsWith(call('account.update', { id: a.id, secrets: PAY } as never), 'invalid_input');
  assert.equal(await store.get(a.id, 'apiKey'), PAY.apiKey);
  assert.equal((await call('account.get', { id: a.id })).mode, 'live');
  // A new server is accepted (its keys are then entered again: see the next-but-one test).
  assert.equal(
    (await call('account.update', { id: a.id, baseUrl: 'https://proxy.example.com' })).baseUrl,
    'https://proxy.example.com',
  );
});

test('setSecrets overwrites and adds fields; deleteSecret removes one', async () => {
  const { call, store } = await setup();
  const k = await call('account.add', {
    provider: 'kashier',
    name: 'K',
    mode: 'test',
    settings: { merchantId: 'MID-1' },
    secrets: { secretKey: 'ksk_old_0000000' },
  });
  const after = await call('account.setSecrets', {
    id: k.id,
    secrets: { secretKey: 'ksk_new_1111111', paymentApiKey: 'kpa_2222222222' },
  });
  assert.deepEqual(after.secretsSet, { secretKey: true, paymentApiKey: true });
  assert.equal(await store.get(k.id, 'secretKey'), 'ksk_new_1111111');
  await rejectsWith(
    call('account.setSecrets', { id: k.id, secrets: { apiKey: 'x-value-123' } }),
    'unknown_secret_field',
    'secrets.apiKey',
  );
  await rejectsWith(call('account.setSecrets', { id: k.id, secrets: {} }), 'secrets_empty', 'secrets');
  const del = await call('account.deleteSecret', { id: k.id, field: 'paymentApiKey' });
  assert.deepEqual(del.secretsSet, { secretKey: true, paymentApiKey: false });
  assert.equal(await store.get(k.id, 'paymentApiKey'), null);
  await rejectsWith(call('account.deleteSecret', { id: k.id, field: 'apiSecret' }), 'unknown_secret_field', 'field');
});

test('keychain failure on add leaves no row and no partial secrets', async () => {
  const { call, store, s } = await setup();
  // Fails on the second write, after the first secret went in.
  let writes = 0;
  const origSet = store.set.bind(store);
  store.set = async (id, field, value) => {
    if (++writes === 2) store.failWith = new Error('Cannot create an item in a locked collection');
    try {
      return await origSet(id, field, value);
    } finally {
      store.failWith = null;
    }
  };
  const err = await rejectsWith(
    call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY }),
    'keychain_unavailable',
  );
  assert.equal(err.kind, 'keychain');
  assert.match(err.message, /[Uu]nlock the login keyring/);
  assert.equal(store.size, 0);
  assert.equal((s.ledger.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n, 0);
});

test('row insert failure removes the secrets just written', async () => {
  const { call, store, s } = await setup();
  s.ledger.db.exec(
    "CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
  );
  await assert.rejects(call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY }));
  assert.equal(store.size, 0);
  s.ledger.db.exec('DROP TRIGGER fail_insert');
  await call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  assert.equal(store.size, 2);
});

test('a failed setSecrets puts the previous values back', async () => {
  const { call, store } = await setup();
  const a = await call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  const origSet = store.set.bind(store);
  let n = 0;
  store.set = async (id, field, value) => {
    if (++n === 2)
      throw KassaError.withCode('keychain', 'keychain_unavailable', { problem: { key: 'keychain.reason.locked' } });
    return origSet(id, field, value);
  };
  await rejectsWith(
    call('account.setSecrets', {
      id: a.id,
      secrets: { apiKey: 'pk_new_555566667777', apiSecret: 'ps_new_888899990000' },
    }),
    'keychain_unavailable',
  );
  store.set = origSet;
  assert.equal(await store.get(a.id, 'apiKey'), PAY.apiKey);
  assert.equal(await store.get(a.id, 'apiSecret'), PAY.apiSecret);
});

test('remove deletes the row and every keychain entry of the account, including strays', async () => {
  const { call, store } = await setup();
  const a = await call('account.add', { provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  const b = await call('account.add', {
    provider: 'kaspa',
    name: 'K',
    mode: 'live',
    secrets: { apiKey: 'liv_keepme_12345' },
  });
  await store.set(a.id, 'legacyField', 'stray-value');
  const r = await call('account.remove', { id: a.id });
  assert.deepEqual(r, { id: a.id, removed: true, secretsRemoved: 3 });
  assert.deepEqual(await store.listFields(a.id), []);
  assert.deepEqual(await store.listFields(b.id), ['apiKey']);
  assert.deepEqual(
    (await call('account.list', {})).map((x) => x.id),
    [b.id],
  );
  await rejectsWith(call('account.remove', { id: a.id }), 'account_not_found');
});

test('remove with the keychain unavailable: refused, unless explicitly forced', async () => {
  const { call, store } = await setup();
  const a = await call('account.add', {
    provider: 'kaspa',
    name: 'K',
    mode: 'live',
    secrets: { apiKey: 'liv_keepme_12345' },
  });
  store.failWith = new Error('The name org.freedesktop.secrets was not provided by any .service files');
  const err = await rejectsWith(call('account.remove', { id: a.id }), 'keychain_unavailable');
  assert.match(err.message, /gnome-keyring/);
  assert.equal((await call('account.list', {})).length, 1);
  assert.deepEqual(await call('account.remove', { id: a.id, evenIfKeychainUnavailable: true }), {
    id: a.id,
    removed: true,
    secretsRemoved: null,
  });
  assert.equal((await call('account.list', {})).length, 0);
});

test('list and get work without a keychain (offline, no Secret Service)', async () => {
  const { call, store } = await setup();
  const a = await call('account.add', {
    provider: 'kaspa',
    name: 'K',
    mode: 'live',
    secrets: { apiKey: 'liv_keepme_12345' },
  });
  store.failWith = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  assert.equal((await call('account.list', {}))[0]?.secretsSet.apiKey, true);
  assert.equal((await call('account.update', { id: a.id, name: 'K2' })).name, 'K2');
  const st = await call('keychain.status', {});
  assert.equal(st.available, false);
  assert.equal(st.reason, 'no_session_bus');
  await rejectsWith(call('account.test', { id: a.id }), 'keychain_unavailable');
  await rejectsWith(
    call('account.add', { provider: 'kaspa', name: 'K3', mode: 'live', secrets: { apiKey: 'liv_other_12345' } }),
    'keychain_unavailable',
  );
  store.failWith = null;
  assert.equal((await call('account.list', {})).length, 1);
});

/** A ledger with only what the removal rule reads: the accounts table and (optionally) invoice_links. */
function bareLedger(withLinks: boolean): { svc: AccountService; db: ReturnType<typeof openDatabase> } {
  const db = openDatabase(':memory:');
  db.exec(`CREATE TABLE accounts (
      id TEXT PRIMARY KEY, provider TEXT NOT NULL, name TEXT NOT NULL UNIQUE COLLATE NOCASE, mode TEXT NOT NULL,
      base_url TEXT, settings_json TEXT NOT NULL DEFAULT '{}', secret_fields_json TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`);
  if (withLinks) db.exec('CREATE TABLE invoice_links (invoice_id TEXT NOT NULL, account_id TEXT NOT NULL)');
  const svc = new AccountService({
    db,
    secrets: new MemorySecretStore(),
    log: createMemoryLogger(),
    now: () => new Date(),
    fetch: globalThis.fetch,
  });
  return { svc, db };
}

test('remove is refused while invoices are linked to the account; a missing invoice_links table is tolerated', async () => {
  const { svc, db } = bareLedger(true);
  const a = await svc.add({ provider: 'kaspa', name: 'K', mode: 'live', secrets: { apiKey: 'liv_keepme_12345' } });
  db.prepare('INSERT INTO invoice_links VALUES (?, ?), (?, ?)').run('inv_1', a.id, 'inv_2', a.id);
  const err = await rejectsWith(svc.remove(a.id), 'account_in_use', 'id');
  assert.match(err.message, /2 invoices are linked/);
  assert.deepEqual((await svc.keychainStatus()).available, true);
  assert.equal(svc.list().length, 1);
  db.exec('DELETE FROM invoice_links');
  assert.equal((await svc.remove(a.id)).removed, true);

  const { svc: bare } = bareLedger(false);
  const b = await bare.add({ provider: 'kaspa', name: 'K', mode: 'live', secrets: { apiKey: 'liv_keepme_12345' } });
  assert.equal((await bare.remove(b.id)).secretsRemoved, 1);
});

// ---- test connection -------------------------------------------------------------------------------

function scriptedAdapter(
  check: (deps: AdapterDeps) => Promise<ConnectionCheck>,
): (deps: AdapterDeps) => ProviderAdapter {
  return (deps) => {
    const unused = (): never => {
      throw new Error('not used in these tests');
    };
    return {
      capabilities: {
        operations: [],
        currencies: 'any',
        lookupRoute: null,
        shareChannels: [],
        paymentUrlObserved: false,
        rateLimitPerMinute: null,
        caveats: [],
      },
      testConnection: () => check(deps),
      validateForCreate: unused,
      referenceFor: unused,
      create: unused,
      listPage: unused,
    };
  };
}

async function serviceWith(createAdapter: ((deps: AdapterDeps) => ProviderAdapter) | undefined) {
  const { s, store, call } = await setup();
  const svc = new AccountService({
    db: s.ledger.db,
    secrets: store,
    log: s.log,
    now: s.now,
    fetch: s.fetch,
    createAdapter,
  });
  return { svc, store, call };
}

test('test connection: no adapter yet gives provider_not_supported', async () => {
  for (const factory of [
    undefined,
    () => {
      throw new KassaError('refused', 'provider_not_supported', { provider: 'Paycashless' });
    },
  ]) {
    const { svc } = await serviceWith(factory);
    const a = await svc.add({
      provider: 'simplecash',
      name: 'S',
      mode: 'live',
      secrets: { apiKey: 'abcdef0123456789' },
    });
    const r = await svc.test(a.id);
    assert.equal(r.result, 'provider_not_supported');
    assert.equal(r.ok, false);
    assert.match(r.message, /SimpleCash/);
  }
});

test('test connection: the adapter reads the keychain for the call; outcomes are passed on with secrets scrubbed', async () => {
  const seen: Array<Record<string, string>> = [];
  let next: ConnectionCheck = { ok: true, result: 'ok', message: 'Connected.' };
  const { svc } = await serviceWith(
    scriptedAdapter(async (deps) => {
      seen.push(await deps.secrets());
      return next;
    }),
  );
  const a = await svc.add({ provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  assert.deepEqual(await svc.test(a.id), {
    accountId: a.id,
    provider: 'paycashless',
    ok: true,
    result: 'ok',
    message: 'Connected.',
    // An adapter that gives no catalogue message: its own words are shown as they are.
    detail: { key: 'accounts.test.provider_said', params: { message: 'Connected.' } },
  });
  assert.deepEqual(seen[0], PAY);
  next = { ok: false, result: 'wrong_key', message: `Invalid API key ${PAY.apiKey}`, httpStatus: 401 };
  const wrong = await svc.test(a.id);
  assert.equal(wrong.result, 'wrong_key');
  assert.equal(wrong.httpStatus, 401);
  assert.equal(wrong.message, 'Invalid API key [redacted]');
  assert.ok(!JSON.stringify(wrong.detail).includes(PAY.apiKey), 'the message for the app is scrubbed too');
  next = { ok: false, result: 'provider_error', message: 'Service temporarily unavailable', httpStatus: 503 };
  assert.equal((await svc.test(a.id)).message, 'Service temporarily unavailable');
});

test('test connection: thrown errors are classified (unreachable, wrong key, provider error); keychain errors are thrown', async () => {
  let thrower: () => never = () => {
    throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
  };
  const { svc, store } = await serviceWith(scriptedAdapter(async () => thrower()));
  const a = await svc.add({ provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  assert.equal((await svc.test(a.id)).result, 'unreachable');
  thrower = () => {
    throw KassaError.withCode(
      'provider',
      'provider_rejected',
      {
        provider: 'Paycashless',
        hasStatus: 'yes',
        status: '401',
        hasSaid: 'yes',
        said: `rejected key ${PAY.apiSecret}`,
      },
      { details: { httpStatus: 401 } },
    );
  };
  const r = await svc.test(a.id);
  assert.equal(r.result, 'wrong_key');
  assert.ok(!r.message.includes(PAY.apiSecret));
  thrower = () => {
    throw KassaError.withCode(
      'provider',
      'provider_rejected',
      { provider: 'Paycashless', hasStatus: 'yes', status: '400', hasSaid: 'yes', said: 'limit' },
      { details: { httpStatus: 400 } },
    );
  };
  assert.deepEqual(await svc.test(a.id), {
    accountId: a.id,
    provider: 'paycashless',
    ok: false,
    result: 'provider_error',
    message: 'Paycashless rejected  (HTTP 400): limit',
    detail: {
      key: 'error.provider_rejected',
      params: { provider: 'Paycashless', hasStatus: 'yes', status: '400', hasSaid: 'yes', said: 'limit' },
    },
    httpStatus: 400,
  });
  store.failWith = new Error('Cannot create an item in a locked collection');
  await rejectsWith(svc.test(a.id), 'keychain_unavailable');
});

test('test connection: a deleted required secret is reported by name without calling the provider', async () => {
  let called = 0;
  const { svc } = await serviceWith(
    scriptedAdapter(async () => {
      called++;
      return { ok: true, result: 'ok', message: 'ok' };
    }),
  );
  const a = await svc.add({ provider: 'paycashless', name: 'P', mode: 'test', secrets: PAY });
  await svc.deleteSecret(a.id, 'apiSecret');
  const r = await svc.test(a.id);
  assert.equal(r.result, 'missing_secret');
  assert.deepEqual(r.missingFields, ['apiSecret']);
  assert.equal(called, 0);
});

test('remove is refused, before any key is deleted, while other ledger rows reference the account by foreign key', async () => {
  const { svc, db } = bareLedger(false);
  db.exec('CREATE TABLE outbox (id INTEGER PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id))');
  db.exec('CREATE TABLE series (code TEXT PRIMARY KEY, account_id TEXT REFERENCES accounts(id))');
  const a = await svc.add({ provider: 'kaspa', name: 'K', mode: 'live', secrets: { apiKey: 'liv_keepme_12345' } });
  db.prepare('INSERT INTO outbox (account_id) VALUES (?), (?)').run(a.id, a.id);
  db.prepare('INSERT INTO series VALUES (?, ?)').run(`ext:${a.id}`, a.id);
  const err = await rejectsWith(svc.remove(a.id), 'account_in_use', 'id');
  assert.match(err.message, /outbox: 2, series: 1/);
  assert.equal(svc.get(a.id).secretsSet.apiKey, true);
  assert.equal((await svc.adapterDeps(a.id).secrets()).apiKey, 'liv_keepme_12345', 'the key is still in the keychain');
  db.exec('DELETE FROM outbox; DELETE FROM series');
  assert.equal((await svc.remove(a.id)).secretsRemoved, 1);
});

test('keys stay with the server they were entered for: a new base URL from the app removes them; the CLI keeps them', async () => {
  const { s, store, call } = await setup();
  const a = await call('account.add', {
    provider: 'paycashless',
    name: 'Pay',
    mode: 'test',
    baseUrl: 'http://127.0.0.1:4010',
    secrets: PAY,
  });

  const renamed = await call('account.update', { id: a.id, name: 'Pay renamed' });
  assert.deepEqual(renamed.secretsSet, { apiKey: true, apiSecret: true }, 'other edits keep the keys');
  assert.equal(await store.get(a.id, 'apiKey'), PAY.apiKey);

  const moved = await call('account.update', { id: a.id, baseUrl: 'https://attacker.example' });
  assert.equal(moved.baseUrl, 'https://attacker.example');
  assert.deepEqual(moved.secretsSet, { apiKey: false, apiSecret: false });
  assert.equal(await store.get(a.id, 'apiKey'), null);
  assert.equal(await store.get(a.id, 'apiSecret'), null);
  const tested = await call('account.test', { id: a.id });
  assert.equal(tested.ok, false, 'nothing to send: the keys are gone');

  await call('account.setSecrets', { id: a.id, secrets: PAY });
  const viaCli = await s.accounts.update({ id: a.id, baseUrl: 'http://127.0.0.1:4011' }, { keysFollowHost: true });
  assert.deepEqual(viaCli.secretsSet, { apiKey: true, apiSecret: true });
  assert.equal(await store.get(a.id, 'apiKey'), PAY.apiKey);
});
