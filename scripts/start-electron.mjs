#!/usr/bin/env node
/**
 * `npm start`: fetch the Electron binary on first start (needs internet), build the Electron copy of the
 * SQLite module beside — not over — the Node one, build the app, and launch the window.
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const electronDir = path.join(root, 'node_modules', 'electron');
if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('Fetching the Electron binary (first start)…');
  step(process.execPath, [path.join(electronDir, 'install.js')]);
}
step(process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')]);
step(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent']);

const electronPath = require('electron');
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
