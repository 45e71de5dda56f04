/**
 * The bundles `npm run build` makes for start-up cost (scripts/bundle.mjs, issue 11), built afresh from this source
 * into a folder of their own under dist/, and run as the installed `kassa` runs them (bin/bundle-loader.js): the
 * commands work, V8 takes the build's code cache, packages outside the bundle load only when a command uses them
 * (seen by the same module probe as test/integration/start-up-modules.test.ts), and the PDF export's worker threads
 * start from the bundle's folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
import { startHostProcess } from '../helpers/host-process';
import { tempDir } from '../helpers/tmp';

const root = projectRoot();
const PROBE = path.join(root, 'test', 'helpers', 'loaded-modules.cjs');
const LOADER = path.join(root, 'bin', 'bundle-loader.js');
/* eslint-disable @typescript-eslint/no-require-imports */
const loader = require(LOADER) as { compileBundle(file: string): { cache: 'accepted' | 'rejected' | 'none' } };
/* eslint-enable @typescript-eslint/no-require-imports */

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

// Inside the project, so the bundle finds node_modules and package.json by walking up, as dist/bundle does.
const outDir = fs.mkdtempSync(path.join(root, 'dist', '.bundle-test-'));
after(() => fs.rmSync(outDir, { recursive: true, force: true }));
let meta: Metafile;

before(async () => {
  const { bundle } = (await import(path.join(root, 'scripts', 'bundle.mjs'))) as {
    bundle(outdir: string): Promise<Metafile>;
  };
  meta = await bundle(outDir);
});

/** An entry file that runs the bundle the way bin/kassa.js does (argv[2] onwards are the command line). */
function entryFor(bundleFile: string): string {
  const entry = path.join(tempDir(), 'run.js');
  fs.writeFileSync(entry, `require(${JSON.stringify(LOADER)}).runBundle(${JSON.stringify(bundleFile)});\n`);
  return entry;
}

function kassa(args: string[], dataDir: string, bundleFile = path.join(outDir, 'kassa.js')) {
  const list = path.join(tempDir(), 'modules.txt');
  const r = spawnSync(process.execPath, ['-r', PROBE, entryFor(bundleFile), ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KASSA_LOADED_MODULES: list },
    input: '',
  });
  const modules = fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) : [];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules };
}

const pkg = (name: string): RegExp => new RegExp(`[/\\\\]node_modules[/\\\\]${name}[/\\\\]`);
const OUTSIDE = ['libphonenumber-js', 'csv-parse', 'pdfkit', 'fontkit', 'keytar', 'nodemailer', 'yauzl', 'yazl'];
const loadedOf = (modules: string[]): string[] => OUTSIDE.filter((n) => modules.some((m) => pkg(n).test(m)));

test('the bundles hold zod with its English messages only, and leave native and file-reading packages outside', () => {
  const inputs = Object.keys(meta.outputs[path.relative(root, path.join(outDir, 'kassa.js'))]?.inputs ?? {});
  assert.ok(inputs.length > 100, `${inputs.length} inputs`);
  const locales = inputs.filter((f) => /^node_modules\/zod\/.*\/locales\//.test(f));
  assert.deepEqual(locales, ['node_modules/zod/v4/locales/en.js']);
  assert.ok(
    inputs.some((f) => f.startsWith('node_modules/zod/')),
    'zod is compiled in',
  );
  for (const p of ['better-sqlite3', 'keytar', 'pdfkit', 'fontkit', 'libphonenumber-js', 'nodemailer']) {
    assert.ok(!inputs.some((f) => f.includes(`node_modules/${p}/`)), `${p} stays in node_modules`);
  }
  for (const name of ['kassa.js', 'host.js', 'export-worker.js', 'kassa.js.cache']) {
    assert.ok(fs.existsSync(path.join(outDir, name)), name);
  }
});

test("V8 takes the build's code cache, and a cache made for other source is refused without harm", () => {
  assert.equal(loader.compileBundle(path.join(outDir, 'kassa.js')).cache, 'accepted');
  // The same cache beside a changed bundle: V8 checks the source and refuses it; the command still works.
  const changed = path.join(outDir, 'changed.js');
  fs.writeFileSync(changed, `${fs.readFileSync(path.join(outDir, 'kassa.js'), 'utf8')}\n// changed\n`);
  fs.copyFileSync(path.join(outDir, 'kassa.js.cache'), `${changed}.cache`);
  assert.equal(loader.compileBundle(changed).cache, 'rejected');
  const r = kassa(['info'], tempDir(), changed);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { name: string }).name, 'Kassa');
});

test('kassa info, invoice list and invoice show from the bundle load no phone, CSV, PDF, keychain or mail package', () => {
  const dir = tempDir();
  const info = kassa(['info'], dir);
  assert.equal(info.code, 0, info.stderr);
  const facts = JSON.parse(info.stdout) as { name: string; schemaVersion: number; runtime: string };
  assert.equal(facts.name, 'Kassa');
  assert.equal(facts.runtime, 'cli');
  assert.ok(facts.schemaVersion >= 10);
  assert.ok(
    info.modules.some((m) => pkg('better-sqlite3').test(m)),
    'the probe saw the ledger open',
  );
  assert.deepEqual(loadedOf(info.modules), []);

  const list = kassa(['invoice', 'list'], dir);
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual(JSON.parse(list.stdout), { items: [], nextCursor: null });
  assert.deepEqual(loadedOf(list.modules), []);

  // Not found: an error in English from the catalogue, as JSON on stderr, exit 1.
  const show = kassa(['invoice', 'show', 'inv_abcdefghijkl'], dir);
  assert.equal(show.code, 1, show.stderr);
  const err = JSON.parse(show.stderr.trim().split('\n').pop() ?? '') as { error: { code: string; message: string } };
  assert.equal(err.error.code, 'invoice_not_found');
  assert.match(err.error.message, /inv_abcdefghijkl/);
  assert.deepEqual(loadedOf(show.modules), []);
});

test('controls: a phone number, a PDF export (in worker threads) and the keychain load their packages on use', () => {
  const dir = tempDir();
  const customer = kassa(
    [
      'customer',
      'create',
      '--data',
      JSON.stringify({ name: 'Nile Bakery', phone: '0100 123 4567', address: { country: 'EG' } }),
    ],
    dir,
  );
  assert.equal(customer.code, 0, customer.stderr);
  const c = JSON.parse(customer.stdout) as { id: string; phone: string };
  assert.equal(c.phone, '+201001234567', 'the phone check ran, through libphonenumber-js');
  assert.ok(loadedOf(customer.modules).includes('libphonenumber-js'));

  const lines = [{ description: 'Bread', quantity: '2', unitPrice: 1250, taxRate: '14', taxCategory: 'S' }];
  const draft = kassa(
    ['invoice', 'create', '--data', JSON.stringify({ customerId: c.id, currency: 'EUR', lines })],
    dir,
  );
  assert.equal(draft.code, 0, draft.stderr);
  const id = (JSON.parse(draft.stdout) as { id: string }).id;
  assert.equal(kassa(['invoice', 'issue', id], dir).code, 0);
  const out = path.join(tempDir(), 'pdf');
  const exported = kassa(['export', 'pdf', '--out', out], dir);
  assert.equal(exported.code, 0, exported.stderr);
  const pdfs = fs.readdirSync(out).filter((f) => f.endsWith('.pdf'));
  assert.equal(pdfs.length, 1, `one PDF written by the worker: ${fs.readdirSync(out).join(', ')}`);
  assert.equal(
    fs
      .readFileSync(path.join(out, pdfs[0] as string))
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );

  const keychain = kassa(['keychain', 'status'], dir);
  assert.equal(keychain.code, 0, keychain.stderr);
  assert.ok(loadedOf(keychain.modules).includes('keytar'), 'keychain status loads keytar');
});

test('the bundled browser host starts, prints its address and stops cleanly', async () => {
  const host = await startHostProcess([path.join(outDir, 'host.js'), '--data-dir', tempDir()]);
  const url = host.url;
  const token = new URL(url).hash.slice('#token='.length);
  const res = await fetch(new URL('/api/app.info', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as { result?: { name: string; runtime: string } };
  const stopped = await host.stop();
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.result?.name, 'Kassa');
  assert.equal(body.result?.runtime, 'browser-host');
});
