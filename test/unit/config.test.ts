import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { resolveDataDir } from '../../main/config';

const home = '/home/ada';

test('--data-dir wins over KASSA_DATA_DIR and the OS default', () => {
  assert.equal(
    resolveDataDir({ flag: '/x/flag', env: { KASSA_DATA_DIR: '/x/env' }, platform: 'linux', home }),
    path.resolve('/x/flag'),
  );
  assert.equal(resolveDataDir({ env: { KASSA_DATA_DIR: '/x/env' }, platform: 'linux', home }), path.resolve('/x/env'));
});

test('OS defaults', () => {
  assert.equal(resolveDataDir({ env: {}, platform: 'linux', home }), path.join(home, '.config', 'Kassa'));
  assert.equal(
    resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home }),
    path.join('/cfg', 'Kassa'),
  );
  assert.equal(
    resolveDataDir({ env: {}, platform: 'darwin', home }),
    path.join(home, 'Library', 'Application Support', 'Kassa'),
  );
  assert.equal(
    resolveDataDir({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home }),
    path.join('C:\\Users\\ada\\AppData\\Roaming', 'Kassa'),
  );
});
