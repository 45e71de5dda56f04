/**
 * Start-up cost (issue 11): a command loads only what it uses. Each case runs a real child process (the CLI or the
 * browser host, from source) with a probe preloaded (test/helpers/loaded-modules.cjs) that lists every module the
 * process loaded, and checks the list — by what was loaded, not by timing. The controls show the probe sees each
 * kind of module when a command does use it, so an empty answer for `kassa info` means something.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
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
};

const heavyIn = (modules: readonly string[]): string[] =>
  Object.entries(HEAVY)
    .filter(([, re]) => modules.some((m) => re.test(m)))
    .map(([name]) => name);

function loadedBy(args: string[], dataDir: string): { code: number | null; stderr: string; modules: string[] } {
  const list = path.join(tempDir(), 'modules.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-r', PROBE, path.join(root, 'main', 'cli', 'main.ts'), ...args, '--data-dir', dataDir],
    { cwd: root, encoding: 'utf8', env: { ...process.env, KASSA_LOADED_MODULES: list }, input: '' },
  );
  return { code: r.status, stderr: r.stderr, modules: fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) };
}

test('kassa info loads no PDF, keychain, e-mail, provider, sync or phone-number code', () => {
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
  const sync = loadedBy(['sync', 'status'], dir);
  assert.equal(sync.code, 0, sync.stderr);
  assert.ok(heavyIn(sync.modules).includes('provider adapters'), 'sync status loads the provider adapters');
});

test('the browser host starts without the PDF renderer, keytar or the e-mail client', async () => {
  const dir = tempDir();
  const list = path.join(tempDir(), 'modules.txt');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-r', PROBE, path.join(root, 'main', 'host', 'main.ts'), '--port', '0', '--data-dir', dir],
    { cwd: root, env: { ...process.env, KASSA_LOADED_MODULES: list }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Started: it prints its URL once it listens (after the services, sync and the scheduler are up).
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('close', () => reject(new Error(`host exited before it listened: ${stderr}`)));
  });
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//);
  child.kill('SIGTERM');
  assert.equal(await exited, 0, stderr);
  const modules = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  assert.ok(
    modules.some((m) => /[/\\]main[/\\]sync[/\\]service\.ts$/.test(m)),
    'sync started',
  );
  const heavy = heavyIn(modules);
  for (const name of ['pdfkit', 'fontkit', 'keytar', 'nodemailer', 'PDF renderer', 'e-mail client']) {
    assert.ok(!heavy.includes(name), `${name} is not loaded at start (loaded: ${heavy.join(', ')})`);
  }
});
