import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../../shared/errors';
import { MemorySecretStore } from '../../../main/secrets/memory-store';

test('the memory store behaves like the keychain store, including failures', async () => {
  const store = new MemorySecretStore();
  await store.set('a', 'apiKey', 'v1');
  await store.set('a', 'apiKey', 'v2');
  await store.set('b', 'apiKey', 'v3');
  assert.equal(await store.get('a', 'apiKey'), 'v2');
  assert.deepEqual(await store.listFields('a'), ['apiKey']);
  assert.equal(await store.deleteAll('a'), 1);
  assert.equal(await store.get('a', 'apiKey'), null);
  assert.equal(store.size, 1);
  store.failWith = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  await assert.rejects(
    store.get('b', 'apiKey'),
    (e: unknown) => e instanceof KassaError && e.code === 'keychain_unavailable',
  );
  const st = await store.status();
  assert.equal(st.available, false);
  assert.equal(st.reason, 'no_session_bus');
});
