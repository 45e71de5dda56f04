/**
 * The parts of Electron's security checklist that can be checked without the Electron binary: what the app://
 * protocol serves, which external URLs may be opened, the fuses the packaged app is built with, and a static
 * check of every window, IPC handler, the preload and the Content-Security-Policy (docs/security.md lists the
 * checklist item by item).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
import { installFakeElectron } from '../helpers/fake-electron';
import type * as ProtocolModule from '../../main/electron/protocol';
import type * as SecurityModule from '../../main/electron/security';
import { smsLink, whatsappLink } from '../../shared/share/links';
import { tempDir } from '../helpers/tmp';
import {
  auditCsp,
  auditElectronSource,
  auditElectronSources,
  htmlPolicy,
  parseCsp,
  REQUIRED_HANDLERS,
  type Finding,
} from '../helpers/electron-audit';
import { CONTENT_SECURITY_POLICY } from '../../main/host/static';

installFakeElectron();
/* eslint-disable @typescript-eslint/no-require-imports */
const { rendererResponse } = require('../../main/electron/protocol') as typeof ProtocolModule;
const { isSafeExternalUrl } = require('../../main/electron/security') as typeof SecurityModule;
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<Record<string | number, unknown>> } };
};
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };
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

test('only http(s), mailto and the exact share links (sms:, wa.me) may be handed to the OS', () => {
  const message = 'فاتورة INV-1 & #2? +3';
  for (const ok of [smsLink('+201001234567', message), whatsappLink('+2348031234567', message)])
    assert.equal(isSafeExternalUrl(ok), true, ok);
  for (const bad of [
    'sms:+201001234567?body=hi&x=1',
    'sms:+201001234567?body=a b',
    'sms:0100?body=hi',
    'sms://evil',
    'https://wa.me/201001234567?text=hi&phone=1',
    'https://wa.me/send?text=hi',
    'https://wa.me/201001234567?text=hi#x',
    'https://WA.ME/201001234567?text=a b',
  ]) {
    assert.equal(isSafeExternalUrl(bad), false, bad);
  }

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

test('the fuses electron-builder writes into the packaged binary are the safe ones, and every fuse is decided', async () => {
  const config = yaml.load(fs.readFileSync(path.join(projectRoot(), 'electron-builder.yml'), 'utf8'));
  // What electron-builder itself makes of our config (a misspelled or unmapped key would simply be dropped here).
  const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
  const fuse = (name: string): unknown => wire[FuseV1Options[name] as number];
  // Electron's security checklist: no Node through ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; the app only
  // from a checked asar; cookies encrypted; file:// pages without extra powers (the UI is served from app://).
  assert.equal(fuse('RunAsNode'), false);
  assert.equal(fuse('EnableNodeOptionsEnvironmentVariable'), false);
  assert.equal(fuse('EnableNodeCliInspectArguments'), false);
  assert.equal(fuse('OnlyLoadAppFromAsar'), true);
  assert.equal(fuse('EnableEmbeddedAsarIntegrityValidation'), true);
  assert.equal(fuse('EnableCookieEncryption'), true);
  assert.equal(fuse('GrantFileProtocolExtraPrivileges'), false);
  // A fuse added by an Electron upgrade must be decided, not left at Electron's default; the V8 snapshot fuse only
  // matters to apps that ship their own snapshot.
  const undecided = Object.keys(FuseV1Options)
    .filter((k) => Number.isNaN(Number(k)) && k !== 'LoadBrowserProcessSpecificV8Snapshot')
    .filter((k) => typeof fuse(k) !== 'boolean');
  assert.deepEqual(undecided, []);
});

// --- Static checks of the checklist (test/helpers/electron-audit.ts) over the real sources and the CSP ---

const electronDir = path.join(projectRoot(), 'main', 'electron');
const electronSources = (): Array<{ file: string; text: string }> =>
  fs
    .readdirSync(electronDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `main/electron/${f}`, text: fs.readFileSync(path.join(electronDir, f), 'utf8') }));

test('no BrowserWindow in main/electron weakens contextIsolation, sandbox, nodeIntegration or webSecurity; IPC, preload, navigation and openExternal follow the checklist', () => {
  const sources = electronSources();
  assert.ok(
    sources.some((s) => /new BrowserWindow\(/.test(s.text)),
    'the window is created in main/electron',
  );
  const findings = auditElectronSources(sources);
  assert.deepEqual(findings, []);
});

test('the Content-Security-Policy (host, app://, index.html and the built page) lets scripts come only from the app', () => {
  const policies: Array<[string, string]> = [['main/host/static.ts', CONTENT_SECURITY_POLICY]];
  const pages = [path.join(projectRoot(), 'renderer', 'index.html')];
  const built = path.join(projectRoot(), 'dist', 'renderer', 'index.html');
  if (fs.existsSync(built)) pages.push(built);
  for (const page of pages) {
    const html = htmlPolicy(fs.readFileSync(page, 'utf8'));
    assert.ok(html.csp, `${page} has a CSP meta tag`);
    policies.push([path.relative(projectRoot(), page), html.csp]);
    assert.equal(html.inlineScripts, 0, `${page} has no inline script`);
    for (const src of html.scripts) assert.doesNotMatch(src, /^[a-z][a-z0-9+.-]*:|^\/\//i, `${page}: ${src} is local`);
  }
  for (const [where, policy] of policies) assert.deepEqual(auditCsp(where, policy), [], where);
  // Both deliveries say the same about scripts.
  const scriptSrc = (p: string): string | undefined => parseCsp(p).get('script-src')?.join(' ');
  for (const [where, policy] of policies) assert.equal(scriptSrc(policy), "'self'", where);
});

test('the static check fails on each way of weakening a window, the IPC, the preload or the CSP', () => {
  const audit = (text: string): Finding[] => auditElectronSource('fixture.ts', text);
  const good = `new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true } })`;
  assert.deepEqual(audit(good), []);
  const bad: Array<[string, number]> = [
    [good.replace('contextIsolation: true', 'contextIsolation: false'), 3],
    [good.replace('sandbox: true', 'sandbox: false'), 4],
    [good.replace('nodeIntegration: false', 'nodeIntegration: true'), 2],
    [good.replace('webSecurity: true', 'webSecurity: false'), 6],
    [good.replace('sandbox: true, ', ''), 4],
    [good.replace('webSecurity: true', 'webSecurity: true, allowRunningInsecureContent: true'), 8],
    [good.replace('webSecurity: true', 'webSecurity: true, experimentalFeatures: true'), 9],
    [good.replace('webSecurity: true', "webSecurity: true, enableBlinkFeatures: 'X'"), 10],
    [good.replace('webSecurity: true', 'webSecurity: true, nodeIntegrationInWorker: true'), 2],
    [good.replace('webSecurity: true', 'webSecurity: true, webviewTag: true'), 12],
    [good.replace('{ contextIsolation', '{ ...prefs, contextIsolation'), 3],
    ['new BrowserWindow(options)', 3],
    ['new BrowserView({})', 3],
    ["contents.on('will-attach-webview', (e, prefs) => { prefs.nodeIntegration = true; })", 2],
    [
      "contents.setWindowOpenHandler(() => ({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: { sandbox: false } } }))",
      4,
    ],
    ["win.loadURL('https://example.com')", 18],
    ['win.loadURL(url)', 18],
    ["win.loadFile('index.html')", 18],
    ['shell.openExternal(url)', 15],
    ["ipcMain.handle('x', (event, input) => run(input))", 17],
    ["ipcMain.on('x', (event) => reply(event))", 17],
    ["contextBridge.exposeInMainWorld('kassa', { ipcRenderer })", 20],
    ["contextBridge.exposeInMainWorld('kassa', { send: ipcRenderer.send })", 20],
    ["contextBridge.exposeInMainWorld('kassa', ipcRenderer)", 20],
    ["app.commandLine.appendSwitch('disable-web-security')", 4],
    ["app.commandLine.appendSwitch('no-sandbox')", 4],
    ["protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, bypassCSP: true } }])", 7],
    ["contents.setWindowOpenHandler(() => ({ action: 'allow' }))", 14],
  ];
  for (const [text, item] of bad) {
    const found = audit(text);
    assert.ok(
      found.some((f) => f.item === item),
      `expected a finding of item ${item} for: ${text}\n${JSON.stringify(found)}`,
    );
  }
  // A tree without the required handlers is reported.
  const missing = auditElectronSources([{ file: 'fixture.ts', text: good }]).map((f) => f.problem);
  for (const handler of Object.keys(REQUIRED_HANDLERS))
    assert.ok(
      missing.some((p) => p.includes(handler)),
      handler,
    );

  const csp = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
  assert.deepEqual(auditCsp('fixture', csp), []);
  for (const weak of [
    csp.replace("script-src 'self'", "script-src 'self' https://cdn.example"),
    csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    csp.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
    csp.replace("script-src 'self'", 'script-src *'),
    csp.replace("script-src 'self'", "script-src 'self' data:"),
    csp.replace("script-src 'self'; ", '').replace("default-src 'self'", 'default-src https:'),
    `${csp}; script-src-elem 'self' http://evil.example`,
    csp.replace("object-src 'none'", "object-src 'self'"),
    csp.replace("; base-uri 'none'", ''),
  ]) {
    assert.notDeepEqual(auditCsp('fixture', weak), [], weak);
  }
  assert.deepEqual(htmlPolicy('<script src="https://cdn.example/x.js"></script><script>alert(1)</script>'), {
    csp: null,
    scripts: ['https://cdn.example/x.js'],
    inlineScripts: 1,
  });
});
