import assert from 'node:assert/strict';
import { test } from 'node:test';
import { methodNames } from '../../shared/api';
import { buildHandlers } from '../../main/handlers';
import type { DispatchResult } from '../../main/dispatch';
import { installFakeElectron } from '../helpers/fake-electron';
import type * as IpcModule from '../../main/electron/ipc';
import { testServices } from '../helpers/services';

const electron = installFakeElectron();
// Loaded after the stand-in is installed, as Electron would load it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ipc = require('../../main/electron/ipc') as typeof IpcModule;

const trusted = { senderFrame: { url: 'app://kassa/index.html', parent: null } };

test('ipc.ts registers exactly one handler per contract method', async () => {
  const s = await testServices();
  const unregister = ipc.registerIpc(buildHandlers(s), s.log);
  assert.deepEqual([...electron.handlers.keys()].sort(), methodNames.map(ipc.channelFor).sort());
  assert.ok(methodNames.length > 0);

  const info = (await electron.handlers.get('kassa:app.info')!(trusted, {})) as DispatchResult;
  assert.equal(info.ok, true);

  for (const name of methodNames) {
    // A string is never a valid input object: every method must refuse it with a clear error.
    const r = (await electron.handlers.get(ipc.channelFor(name))!(trusted, 'not an object')) as DispatchResult;
    assert.equal(r.ok, false, name);
    if (!r.ok) {
      assert.equal(r.error.kind, 'invalid_input', name);
      assert.ok(r.error.message.length > 5, name);
    }
  }
  unregister();
  assert.equal(electron.handlers.size, 0);
});

test('calls from other pages or from subframes are refused', async () => {
  const s = await testServices();
  ipc.registerIpc(buildHandlers(s), s.log);
  const handler = electron.handlers.get('kassa:app.info')!;
  for (const event of [
    { senderFrame: { url: 'https://evil.example/', parent: null } },
    { senderFrame: { url: 'file:///tmp/x.html', parent: null } },
    { senderFrame: { url: 'app://kassa/index.html', parent: {} } },
    { senderFrame: null },
  ]) {
    const r = (await handler(event, {})) as DispatchResult;
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'untrusted_sender');
  }
});
