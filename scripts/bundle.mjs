#!/usr/bin/env node
/**
 * Part of `npm run build` (after tsc): the `kassa` CLI, the browser host and the PDF export worker as one file each
 * in dist/bundle/, for start-up cost (issue 11). Run from tsc's output, a `kassa info` spent more time having Node
 * find, read and compile ~250 modules (95 of them zod's, 40 of those its locale files) than doing its work. The bundle
 * is one file; zod keeps only its English messages (Kassa words validation messages from its own catalogue); and a
 * V8 code cache made by running `kassa info` once (NAME.js.cache, loaded by bin/bundle-loader.js) spares compiling it.
 *
 * Packages stay outside the bundle, loaded from node_modules as before, except the pure-JavaScript ones every start
 * needs (zod, intl-messageformat): native code (better-sqlite3, keytar), packages that read files beside their own
 * code (pdfkit, fontkit), and the rest, which load on first use. libphonenumber-js is loaded on first use too: the
 * contract's phone check (shared/phone.ts) is imported by every ledger command but called by few.
 *
 * dist/main (tsc) stays what the Electron shell runs; the bundles are for the command line and the browser host.
 * Usage: node scripts/bundle.mjs [OUTDIR]   (default dist/bundle)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  kassa: 'main/cli/main.ts',
  host: 'main/host/main.ts',
  // main/pdf/export-run.ts starts its workers from the file next to itself: in a bundle, next to the bundle.
  'export-worker': 'main/pdf/export-worker.ts',
};

/** Packages compiled into the bundle; every other package is required from node_modules at run time. */
const BUNDLED = /^(zod|intl-messageformat|@formatjs\/[^/]+|tslib)(\/|$)/;

/** Packages loaded on first call: the named functions are all the bundle imports from each (a new one fails the build). */
const ON_FIRST_USE = { 'libphonenumber-js/max': ['parsePhoneNumberFromString'] };

/** @type {import('esbuild').Plugin} */
const packages = {
  name: 'kassa-packages',
  setup(build) {
    // zod's locale index imports every language it has; Kassa needs English only (zod's own default).
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? { path: path.join(args.resolveDir, args.path), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      resolveDir: path.dirname(args.path),
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === 'on-first-use') return { path: args.path, external: true };
      if (Object.hasOwn(ON_FIRST_USE, args.path)) return { path: args.path, namespace: 'on-first-use' };
      return BUNDLED.test(args.path) ? undefined : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
      contents: [
        `let loaded;`,
        `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        ...ON_FIRST_USE[args.path].map((name) => `export function ${name}(...a) { return load().${name}(...a); }`),
      ].join('\n'),
      resolveDir: root,
    }));
  },
};

/** Builds the bundles into `outdir`; returns esbuild's metafile (which inputs went into which output). */
export async function bundle(outdir = path.join(root, 'dist', 'bundle'), { codeCache = true } = {}) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // import() of a package (keytar) as require: the loader's vm.Script has no ES module loader behind it.
    supported: { 'dynamic-import': false },
    plugins: [packages],
    metafile: true,
    logLevel: 'warning',
  });
  if (codeCache) makeCodeCache(path.join(outdir, 'kassa.js'));
  return result.metafile;
}

/** Runs `kassa info` once on an empty data folder with the loader writing what V8 compiled to FILE.cache. */
function makeCodeCache(file) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-code-cache-'));
  try {
    const loader = path.join(root, 'bin', 'bundle-loader.js');
    const code = `require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(file)}, { cacheOut: ${JSON.stringify(`${file}.cache`)} })`;
    // argv[1] is the bundle, as when Node runs it: the CLI reads its arguments from argv[2].
    // Without NODE_OPTIONS: V8 accepts a cache only from a process started with the same flags as plain `kassa`.
    const env = { ...process.env, NODE_OPTIONS: '' };
    const r = spawnSync(process.execPath, ['-e', code, file, 'info', '--data-dir', dataDir], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`making the code cache: kassa info exited ${r.status}: ${r.stderr}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
