import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { minimatch } from 'minimatch';
import { betterSqliteBindingPath, projectRoot } from '../../main/native/bindings';
import { FACE_NAMES, fontFile } from '../../main/pdf/fonts';

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

/** electron-builder's `files` semantics: included when a pattern matches and no later "!" pattern excludes it. */
function packaged(file: string): boolean {
  let inside = false;
  for (const p of config.files as string[]) {
    if (p.startsWith('!')) {
      if (minimatch(file, p.slice(1), { dot: true, matchBase: !p.includes('/') })) inside = false;
    } else if (minimatch(file, p, { dot: true })) inside = true;
  }
  return inside;
}
const unpacked = (file: string): boolean =>
  (config.asarUnpack as string[]).some((p) => minimatch(file, p, { dot: true }));

test('what the packaged app loads at run time is in the package, and native code outside the asar', () => {
  const main = (config.extraMetadata as { main: string }).main;
  assert.ok(packaged(main), `the entry point ${main}`);
  assert.ok(packaged('dist/renderer/index.html'), 'the renderer (main/electron/main.ts serves dist/renderer)');
  for (const face of FACE_NAMES) {
    const font = `resources/fonts/${fontFile(face)}`;
    assert.ok(fs.existsSync(path.join(root, font)), font);
    assert.ok(packaged(font), `${font} (the PDF renderer loads it)`);
  }
  assert.ok(!packaged('dist/main/ledger/connection.js.map'), 'source maps stay out');
  // The window runs tsc's output (dist/main), not the CLI's bundle: the bundle stays out, and what the entry point
  // requires of our own code is packaged beside it (the export's worker thread too, started from dist/main/pdf).
  assert.ok(!packaged('dist/bundle/kassa.js') && !packaged('dist/bundle/host.js'), 'the CLI bundles stay out');
  for (const f of ['dist/main/electron/preload.js', 'dist/main/pdf/export-worker.js']) assert.ok(packaged(f), f);
  // Where main/native/bindings.ts looks for the Electron build of better-sqlite3 in a packaged app, and keytar's
  // binding: a .node file cannot be loaded from inside an asar archive.
  const rt = {
    electron: '45.0.0',
    modules: '140',
    platform: 'linux',
    arch: 'x64',
    resourcesPath: '/opt/Kassa/resources',
  };
  const looked = betterSqliteBindingPath(rt, '/nowhere', (p) => p.startsWith(rt.resourcesPath));
  assert.ok(looked);
  const inApp = path.relative(path.join(rt.resourcesPath, 'app.asar.unpacked'), looked).split(path.sep).join('/');
  assert.ok(packaged(inApp) && unpacked(inApp), `${inApp} is packaged and unpacked`);
  assert.ok(unpacked('node_modules/keytar/build/Release/keytar.node'));
  for (const k of ['mac', 'win', 'linux']) {
    const icon = (config[k] as { icon: string }).icon;
    assert.ok(fs.existsSync(path.join(root, icon)), `${k} icon ${icon}`);
  }
});

test('every module of ours the Electron entry point can load (now or on first use) is packaged as tsc emits it', async () => {
  // esbuild follows every import and require() from the entry (packages left out); its metafile lists the sources.
  const esbuild = await import('esbuild');
  const entry = (config.extraMetadata as { main: string }).main;
  const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
  const r = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [source],
    bundle: true,
    write: false,
    platform: 'node',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  });
  const ours = Object.keys(r.metafile.inputs).filter((f) => /^(main|shared)\//.test(f));
  assert.ok(ours.length > 150, `${ours.length} modules reached from ${source}`);
  assert.ok(ours.includes('main/pdf/render.ts') && ours.includes('main/providers/kashio/adapter.ts'), 'lazy ones too');
  const missing = ours.map((f) => `dist/${f.replace(/\.ts$/, '.js')}`).filter((f) => !packaged(f));
  assert.deepEqual(missing, []);
});
