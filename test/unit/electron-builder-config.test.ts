import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';

// Packaging cannot run here (no Electron zip), so the config is checked with electron-builder's own validator.
type Validate = (config: unknown, logger: unknown) => Promise<void>;
/* eslint-disable @typescript-eslint/no-require-imports */
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

const root = projectRoot();
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

test('electron-builder.yml passes electron-builder schema validation', async () => {
  await validateConfiguration(config, new DebugLogger(false));
});

test('the validator does reject a broken config (so the check above can fail)', async () => {
  await assert.rejects(validateConfiguration({ ...config, mac: { target: 42 } }, new DebugLogger(false)));
});

test('targets, native modules and icons are as the release needs', () => {
  const targets = (k: string) => ((config[k] as { target: string[] }).target ?? []).join(',');
  assert.equal(targets('mac'), 'dmg,zip');
  assert.equal(targets('win'), 'nsis');
  assert.equal(targets('linux'), 'AppImage,deb');
  assert.equal(config.asar, true);
  assert.ok((config.asarUnpack as string[]).some((p) => p.includes('native')));
  assert.equal(config.npmRebuild, false, 'electron-builder must not rebuild node_modules over the Node build');
  for (const k of ['mac', 'win', 'linux'])
    assert.ok(fs.existsSync(path.join(root, (config[k] as { icon: string }).icon)), k);
});
