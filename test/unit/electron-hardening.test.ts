/**
 * The parts of Electron's security checklist that can be checked without the Electron binary: what the app://
 * protocol serves, which external URLs may be opened, and the fuses the packaged app is built with.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
import { installFakeElectron } from '../helpers/fake-electron';
import type * as ProtocolModule from '../../main/electron/protocol';
import type * as SecurityModule from '../../main/electron/security';
import { tempDir } from '../helpers/tmp';

installFakeElectron();
/* eslint-disable @typescript-eslint/no-require-imports */
const { rendererResponse } = require('../../main/electron/protocol') as typeof ProtocolModule;
const { isSafeExternalUrl } = require('../../main/electron/security') as typeof SecurityModule;
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

function rendererFixture(): string {
  const root = tempDir();
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Kassa</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
  return dir;
}

test('app:// serves the renderer with the CSP, and answers 404 (never a rejected handler) for anything else', async () => {
  const dir = rendererFixture();
  const index = await rendererResponse(dir, 'app://kassa/index.html');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.equal(await index.text(), '<!doctype html><title>Kassa</title>');

  const js = await rendererResponse(dir, 'app://kassa/assets/index.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);

  for (const url of [
    'app://kassa/missing.js', // a missing file used to reject the handler (net.fetch of a file:// URL)
    'app://kassa/assets', // a folder
    'app://kassa/%2e%2e/secret.txt',
    'app://kassa/..%2fsecret.txt',
    'app://other/index.html',
    'not a url',
  ]) {
    const r = await rendererResponse(dir, url);
    assert.equal(r.status, 404, url);
    assert.notEqual(await r.text(), 'outside', url);
  }
});

test('only http(s), mailto and sms URLs may be handed to the OS', () => {
  for (const ok of ['https://pay.example/i/1', 'http://example.com/', 'mailto:a@b.example', 'sms:+201001234567'])
    assert.equal(isSafeExternalUrl(ok), true, ok);
  for (const bad of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://kassa/index.html',
    'smb://host/share',
    'https://user:pw@evil.example/',
    'not a url',
    `https://x.example/${'a'.repeat(3000)}`,
  ]) {
    assert.equal(isSafeExternalUrl(bad), false, bad);
  }
});

test('the packaged app is built with the security fuses Electron recommends', () => {
  const config = yaml.load(fs.readFileSync(path.join(projectRoot(), 'electron-builder.yml'), 'utf8'));
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});
