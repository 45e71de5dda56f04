#!/usr/bin/env node
/**
 * Builds a second copy of better-sqlite3 for Electron into native/electron-v<abi>-<platform>-<arch>/,
 * leaving node_modules' Node build untouched (see main/native/bindings.ts for why).
 * Needs the Electron headers, which node-gyp downloads: run it on a machine with internet.
 * keytar is N-API and needs no second build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const electronDir = path.join(root, 'node_modules', 'electron');
const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
const outDir = path.join(root, 'native', `electron-v${abi}-${process.platform}-${process.arch}`);
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target) && !force) {
  console.log(`Electron build of better-sqlite3 present: ${path.relative(root, target)}`);
  process.exit(0);
}

const work = path.join(root, '.tmp', 'electron-native', 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
console.log(`Building better-sqlite3 for Electron ${version} (ABI ${abi})…`);
const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const r = spawnSync(
  process.execPath,
  [
    gyp,
    'rebuild',
    '--release',
    `--target=${version}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
if (r.status !== 0) {
  console.error(
    'Building the Electron copy of better-sqlite3 failed (it needs the Electron headers from the internet).',
  );
  process.exit(r.status ?? 1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
console.log(`Wrote ${path.relative(root, target)}`);
