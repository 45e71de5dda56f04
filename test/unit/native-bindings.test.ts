import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { betterSqliteBindingPath, electronNativeDirName } from '../../main/native/bindings';

const root = '/proj';
const node = { modules: '115', platform: 'linux', arch: 'x64' };
const electron = { ...node, electron: '45.4.1', modules: '140' };

test('under Node the default (node_modules) build is used', () => {
  assert.equal(
    betterSqliteBindingPath(node, root, () => true),
    undefined,
  );
});

test('under Electron the Electron copy in native/ is chosen, never the Node build', () => {
  const expected = path.join(root, 'native', 'electron-v140-linux-x64', 'better_sqlite3.node');
  assert.equal(
    betterSqliteBindingPath(electron, root, (p) => p === expected),
    expected,
  );
});

test('a packaged app prefers the copy unpacked next to app.asar', () => {
  const rt = { ...electron, resourcesPath: '/opt/Kassa/resources' };
  const packed = path.join(
    '/opt/Kassa/resources',
    'app.asar.unpacked',
    'native',
    'electron-v140-linux-x64',
    'better_sqlite3.node',
  );
  assert.equal(
    betterSqliteBindingPath(rt, root, () => true),
    packed,
  );
});

test('a missing Electron build fails with the command that fixes it', () => {
  assert.throws(
    () => betterSqliteBindingPath(electron, root, () => false),
    (e: Error & { code?: string }) => e.code === 'native_module_missing' && /npm run rebuild:electron/.test(e.message),
  );
});

test('directory names carry ABI, platform and arch so builds never collide', () => {
  assert.equal(
    electronNativeDirName({ modules: '140', platform: 'darwin', arch: 'arm64' }),
    'electron-v140-darwin-arm64',
  );
});
