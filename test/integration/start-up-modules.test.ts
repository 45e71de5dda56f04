/**
 * Start-up cost (issue 11): a command loads only what it uses. Each case runs a real child process (the CLI or the
 * browser host, from source) with a probe preloaded (test/helpers/loaded-modules.cjs) that lists every module the
 * process loaded, and checks the list — by what was loaded, not by timing. The controls show the probe sees each
 * kind of module when a command does use it, so an empty answer for `kassa info` means something.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
import { startHostProcess } from '../helpers/host-process';
import { tempDir } from '../helpers/tmp';

const root = projectRoot();
const PROBE = path.join(root, 'test', 'helpers', 'loaded-modules.cjs');

/** Code a command pays for only when it uses it: each a pattern over a loaded module's path. */
const HEAVY: Record<string, RegExp> = {
  pdfkit: /[/\\]node_modules[/\\]pdfkit[/\\]/,
  fontkit: /[/\\]node_modules[/\\]fontkit[/\\]/,
  keytar: /[/\\]node_modules[/\\]keytar[/\\]/,
  nodemailer: /[/\\]node_modules[/\\]nodemailer[/\\]/,
  'libphonenumber-js': /[/\\]node_modules[/\\]libphonenumber-js[/\\]/,
  'provider adapters': /[/\\]main[/\\]providers[/\\][a-z]+[/\\]adapter\.ts$/,
  'PDF renderer': /[/\\]main[/\\]pdf[/\\]/,
  'e-mail client': /[/\\]main[/\\]share[/\\](smtp-client|message)\.ts$/,
  sync: /[/\\]main[/\\]sync[/\\]/,
  'Arabic and Spanish catalogues': /[/\\]shared[/\\]i18n[/\\](ar|es)[/\\]/,
  'CSV parser': /[/\\]node_modules[/\\]csv-parse[/\\]/,
};

const heavyIn = (modules: readonly string[]): string[] =>
  Object.entries(HEAVY)
    .filter(([, re]) => modules.some((m) => re.test(m)))
    .map(([name]) => name);

function loadedBy(
  args: string[],
  dataDir: string,
  input = '',
): { code: number | null; stderr: string; modules: string[] } {
  const list = path.join(tempDir(), 'modules.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-r', PROBE, path.join(root, 'main', 'cli', 'main.ts'), ...args, '--data-dir', dataDir],
    { cwd: root, encoding: 'utf8', env: { ...process.env, KASSA_LOADED_MODULES: list }, input },
  );
  return { code: r.status, stderr: r.stderr, modules: fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) };
}

test('kassa info loads no PDF, keychain, e-mail, provider, sync, phone-number or CSV code, nor other languages', () => {
  const dir = tempDir();
  const r = loadedBy(['info'], dir);
  assert.equal(r.code, 0, r.stderr);
  // The probe saw the command do its work: the ledger opened through better-sqlite3.
  assert.ok(
    r.modules.some((m) => /[/\\]node_modules[/\\]better-sqlite3[/\\]/.test(m)),
    'better-sqlite3 is in the list',
  );
  assert.deepEqual(heavyIn(r.modules), []);
});

test('controls: the probe sees keytar, pdfkit and the provider adapters when a command uses them', () => {
  const dir = tempDir();
  assert.equal(loadedBy(['info'], dir).code, 0);
  const keychain = loadedBy(['keychain', 'status'], dir);
  assert.equal(keychain.code, 0, keychain.stderr);
  assert.ok(heavyIn(keychain.modules).includes('keytar'), 'keychain status loads keytar');
  // A PDF of an invoice that does not exist: the renderer is loaded before the ledger says "not found".
  const pdf = loadedBy(['invoice', 'pdf', 'inv_abcdefghijkl'], dir);
  assert.equal(pdf.code, 1, pdf.stderr);
  assert.ok(heavyIn(pdf.modules).includes('pdfkit'), 'invoice pdf loads pdfkit');
  assert.ok(heavyIn(pdf.modules).includes('PDF renderer'));
  assert.ok(heavyIn(pdf.modules).includes('Arabic and Spanish catalogues'), 'a PDF may be in any language');
  // An account's connection test makes its provider's adapter (port 9 on loopback refuses: nothing leaves).
  const account = [
    '--provider',
    'paycashless',
    '--mode',
    'test',
    '--name',
    'Probe',
    '--base-url',
    'http://127.0.0.1:9',
  ];
  const added = loadedBy(['account', 'add', ...account], dir, '{"apiKey":"k","apiSecret":"s"}');
  assert.equal(added.code, 0, added.stderr);
  assert.ok(!heavyIn(added.modules).includes('provider adapters'), 'adding an account makes no adapter');
  const tested = loadedBy(['account', 'test', 'Probe'], dir);
  assert.equal(tested.code, 3, tested.stderr);
  assert.ok(heavyIn(tested.modules).includes('provider adapters'), 'account test loads the provider adapter');
});

test('kassa invoice list loads neither the PDF, share nor bookkeeping commands, nor the CSV parser', () => {
  const dir = tempDir();
  const r = loadedBy(['invoice', 'list'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(
    r.modules.some((m) => /[/\\]main[/\\]cli[/\\]commands[/\\]invoice\.ts$/.test(m)),
    'the invoice commands',
  );
  for (const group of ['pdf', 'share', 'books']) {
    const re = new RegExp(`[/\\\\]main[/\\\\]cli[/\\\\]commands[/\\\\]${group}\\.ts$`);
    assert.ok(!r.modules.some((m) => re.test(m)), `main/cli/commands/${group}.ts is not loaded`);
  }
  const heavy = heavyIn(r.modules);
  for (const name of ['pdfkit', 'PDF renderer', 'nodemailer', 'CSV parser', 'Arabic and Spanish catalogues']) {
    assert.ok(!heavy.includes(name), `${name} is not loaded (loaded: ${heavy.join(', ')})`);
  }
});

test('the browser host starts without the PDF renderer, keytar, the e-mail client or the provider adapters', async () => {
  const dir = tempDir();
  const list = path.join(tempDir(), 'modules.txt');
  const host = await startHostProcess(
    ['--import', 'tsx', '-r', PROBE, path.join(root, 'main', 'host', 'main.ts'), '--data-dir', dir],
    { ...process.env, KASSA_LOADED_MODULES: list },
  );
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\//);
  const stopped = await host.stop();
  assert.equal(stopped.code, 0, stopped.stderr);
  const modules = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  assert.ok(
    modules.some((m) => /[/\\]main[/\\]sync[/\\]service\.ts$/.test(m)),
    'sync started',
  );
  const heavy = heavyIn(modules);
  for (const name of [
    'pdfkit',
    'fontkit',
    'keytar',
    'nodemailer',
    'PDF renderer',
    'e-mail client',
    'provider adapters',
  ]) {
    assert.ok(!heavy.includes(name), `${name} is not loaded at start (loaded: ${heavy.join(', ')})`);
  }
});
