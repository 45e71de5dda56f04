/** KeytarSecretStore logic against a scripted keytar: lazy loading, entry naming, error mapping. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../../shared/errors';
import { KeytarSecretStore, type KeytarApi } from '../../../main/secrets/keytar-store';

function fakeKeytar(): KeytarApi & { entries: Map<string, string>; failWith: Error | null } {
  const entries = new Map<string, string>();
  const api = {
    entries,
    failWith: null as Error | null,
    async getPassword(service: string, account: string) {
      if (api.failWith) throw api.failWith;
      return entries.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service: string, account: string, password: string) {
      if (api.failWith) throw api.failWith;
      entries.set(`${service}/${account}`, password);
    },
    async deletePassword(service: string, account: string) {
      if (api.failWith) throw api.failWith;
      return entries.delete(`${service}/${account}`);
    },
    async findCredentials(service: string) {
      if (api.failWith) throw api.failWith;
      return [...entries]
        .filter(([k]) => k.startsWith(`${service}/`))
        .map(([k, password]) => ({ account: k.slice(service.length + 1), password }));
    },
  };
  return api;
}

test('keytar is not loaded until a secret is used', async () => {
  let loads = 0;
  const kt = fakeKeytar();
  const store = new KeytarSecretStore('Kassa', async () => {
    loads++;
    return kt;
  });
  assert.equal(loads, 0);
  await store.set('acc_1', 'apiKey', 'value-1');
  await store.get('acc_1', 'apiKey');
  assert.equal(loads, 1);
  assert.equal(kt.entries.get('Kassa/acc_1:apiKey'), 'value-1');
});

test('one entry per field named <accountId>:<field>; list and deleteAll stay within the account', async () => {
  const kt = fakeKeytar();
  const store = new KeytarSecretStore('Kassa', async () => kt);
  await store.set('acc_1', 'apiSecret', 's1');
  await store.set('acc_1', 'apiKey', 'k1');
  await store.set('acc_10', 'apiKey', 'k10'); // prefix of another account id must not match
  await store.set('acc_1', 'apiKey', 'k1b');
  assert.equal(await store.get('acc_1', 'apiKey'), 'k1b');
  assert.deepEqual(await store.listFields('acc_1'), ['apiKey', 'apiSecret']);
  assert.equal(await store.deleteAll('acc_1'), 2);
  assert.deepEqual(await store.listFields('acc_1'), []);
  assert.deepEqual(await store.listFields('acc_10'), ['apiKey']);
  assert.equal(await store.delete('acc_10', 'apiKey'), true);
  assert.equal(await store.delete('acc_10', 'apiKey'), false);
});

test('keytar failures become keychain_unavailable, without the value being written', async () => {
  const kt = fakeKeytar();
  const store = new KeytarSecretStore('Kassa', async () => kt);
  kt.failWith = new Error('Cannot create an item in a locked collection (value: very-secret-value)');
  await assert.rejects(store.set('acc_1', 'apiKey', 'very-secret-value'), (err: unknown) => {
    assert.ok(err instanceof KassaError);
    assert.equal(err.code, 'keychain_unavailable');
    assert.equal(err.details?.reason, 'locked');
    assert.ok(!JSON.stringify(err.toBody()).includes('very-secret-value'));
    return true;
  });
  const status = await store.status();
  assert.equal(status.available, false);
  assert.equal(status.reason, 'locked');
  kt.failWith = null;
  assert.deepEqual(await store.status(), { available: true, backend: 'keytar' });
  assert.equal(kt.entries.size, 0, 'the status probe leaves no entry behind');
});

test('a module that cannot load is reported, and loading is retried later', async () => {
  let attempt = 0;
  const kt = fakeKeytar();
  const store = new KeytarSecretStore('Kassa', async () => {
    attempt++;
    if (attempt === 1) throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    return kt;
  });
  await assert.rejects(
    store.get('acc_1', 'apiKey'),
    (err: unknown) => err instanceof KassaError && err.details?.reason === 'module_missing',
  );
  assert.equal(await store.get('acc_1', 'apiKey'), null);
  assert.equal(attempt, 2);
});

test('an entry deleted by another process while the listing reads it: the listing is taken again, other errors are not retried', async () => {
  const kt = fakeKeytar();
  const store = new KeytarSecretStore('Kassa', async () => kt);
  await store.set('acc_1', 'apiKey', 'k1');
  const list = kt.findCredentials.bind(kt);
  let calls = 0;
  kt.findCredentials = async (service: string) => {
    calls++;
    if (calls <= 2) throw new Error('No such secret item at path: /org/freedesktop/secrets/collection/login/11');
    return list(service);
  };
  assert.deepEqual(await store.listFields('acc_1'), ['apiKey']);
  assert.equal(calls, 3);

  calls = 0;
  kt.findCredentials = async () => {
    calls++;
    throw new Error('Cannot create an item in a locked collection');
  };
  await assert.rejects(
    store.listFields('acc_1'),
    (err: unknown) => err instanceof KassaError && err.code === 'keychain_unavailable',
  );
  assert.equal(calls, 1);
});
