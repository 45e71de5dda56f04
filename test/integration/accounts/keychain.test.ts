/**
 * Against the real OS keychain: gnome-keyring in the private D-Bus session that `npm test` starts
 * (it sets KASSA_KEYCHAIN_TESTS=run there). Anywhere else these tests report themselves skipped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KEYCHAIN_SERVICE,
  KeytarSecretStore,
  findCredentialsSettled,
  loadKeytar,
} from '../../../main/secrets/keytar-store';
import { caller, testServices } from '../../helpers/services';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs a real keychain: run through "npm test -- keychain" (private D-Bus session + gnome-keyring, KASSA_KEYCHAIN_TESTS=run)';

const uniq = (): string => `acc_kt${process.pid}${Math.random().toString(36).slice(2, 10)}`;

test('keychain status: available', { skip }, async () => {
  assert.deepEqual(await new KeytarSecretStore().status(), { available: true, backend: 'keytar' });
});

test('real keychain: set, overwrite, get, list, delete, deleteAll', { skip }, async () => {
  const store = new KeytarSecretStore();
  const id = uniq();
  const other = uniq();
  await store.set(id, 'apiKey', 'first-value-111');
  await store.set(id, 'apiKey', 'second-value-222');
  await store.set(id, 'apiSecret', 'secret-value-333');
  await store.set(other, 'apiKey', 'other-value-444');
  assert.equal(await store.get(id, 'apiKey'), 'second-value-222');
  assert.deepEqual(await store.listFields(id), ['apiKey', 'apiSecret']);

  // One entry per secret, service "Kassa", account "<id>:<field>" — as seen by keytar directly.
  const kt = await loadKeytar();
  assert.equal(await kt.getPassword(KEYCHAIN_SERVICE, `${id}:apiSecret`), 'secret-value-333');
  const mine = (await findCredentialsSettled(kt, KEYCHAIN_SERVICE)).filter((c) => c.account.startsWith(`${id}:`));
  assert.deepEqual(mine.map((c) => c.account).sort(), [`${id}:apiKey`, `${id}:apiSecret`]);

  assert.equal(await store.delete(id, 'apiKey'), true);
  assert.equal(await store.delete(id, 'apiKey'), false);
  assert.equal(await store.get(id, 'apiKey'), null);
  assert.deepEqual(await store.listFields(id), ['apiSecret']);
  assert.equal(await store.deleteAll(id), 1);
  assert.deepEqual(await store.listFields(id), []);
  assert.equal(await store.get(other, 'apiKey'), 'other-value-444');
  await store.deleteAll(other);
});

test(
  'real keychain: an account lifecycle through the contract; removing the account removes its secrets',
  { skip },
  async () => {
    const s = await testServices();
    assert.equal(s.secrets.backend, 'keytar');
    const call = caller(s);
    const kt = await loadKeytar();
    const entriesOf = async (id: string): Promise<Record<string, string>> =>
      Object.fromEntries(
        (await findCredentialsSettled(kt, KEYCHAIN_SERVICE))
          .filter((c) => c.account.startsWith(`${id}:`))
          .map((c) => [c.account.slice(id.length + 1), c.password]),
      );

    const a = await call('account.add', {
      provider: 'kashier',
      name: 'Kashier test',
      mode: 'test',
      settings: { merchantId: 'MID-1234-567' },
      secrets: { secretKey: 'kashier-secret-key-1' },
    });
    assert.deepEqual(await entriesOf(a.id), { secretKey: 'kashier-secret-key-1' });

    const set = await call('account.setSecrets', {
      id: a.id,
      secrets: { secretKey: 'kashier-secret-key-2', paymentApiKey: 'kashier-payment-key-3' },
    });
    assert.deepEqual(set.secretsSet, { secretKey: true, paymentApiKey: true });
    assert.deepEqual(await entriesOf(a.id), {
      secretKey: 'kashier-secret-key-2',
      paymentApiKey: 'kashier-payment-key-3',
    });

    const del = await call('account.deleteSecret', { id: a.id, field: 'paymentApiKey' });
    assert.deepEqual(del.secretsSet, { secretKey: true, paymentApiKey: false });
    assert.deepEqual(await entriesOf(a.id), { secretKey: 'kashier-secret-key-2' });

    const b = await call('account.add', {
      provider: 'kaspa',
      name: 'Kaspa',
      mode: 'live',
      secrets: { apiKey: 'liv_kaspa_key_4444' },
    });
    assert.deepEqual(await call('account.remove', { id: a.id }), { id: a.id, removed: true, secretsRemoved: 1 });
    assert.deepEqual(await entriesOf(a.id), {});
    assert.deepEqual(await entriesOf(b.id), { apiKey: 'liv_kaspa_key_4444' });
    assert.deepEqual(
      (await call('account.list', {})).map((x) => x.id),
      [b.id],
    );
    await call('account.remove', { id: b.id });
    assert.deepEqual(await entriesOf(b.id), {});
  },
);
