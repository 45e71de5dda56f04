#!/usr/bin/env node
/**
 * `npm test`: unit, integration and end-to-end tests in one run of Node's test runner.
 *
 * On Linux the run always happens inside a private D-Bus session with its own unlocked gnome-keyring,
 * a temporary HOME, XDG dirs, TMPDIR and data dir, so a test never touches the user's keychain or ledger.
 * Usage: npm test [-- <file or folder filters>...]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const inner = args[0] === '--inner';
const filters = inner ? args.slice(1) : args;

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return findTests(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const needsRenderer = filters.length === 0 || filters.some((f) => f.includes('e2e'));
if (!inner && needsRenderer) {
  // The e2e tests load the built renderer; build it so they never test stale files.
  const built = run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'renderer/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
  if (built !== 0) process.exit(built);
}

if (!inner) {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-test-'));
  const runtimeDir = path.join(sandbox, 'run');
  fs.mkdirSync(runtimeDir, { mode: 0o700 });
  for (const d of ['home', 'tmp', 'data', 'config', 'cache', 'share']) fs.mkdirSync(path.join(sandbox, d));
  const env = {
    ...process.env,
    HOME: path.join(sandbox, 'home'),
    TMPDIR: path.join(sandbox, 'tmp'),
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_CONFIG_HOME: path.join(sandbox, 'config'),
    XDG_CACHE_HOME: path.join(sandbox, 'cache'),
    XDG_DATA_HOME: path.join(sandbox, 'share'),
    KASSA_DATA_DIR: path.join(sandbox, 'data'),
    KASSA_TEST_SANDBOX: sandbox,
    npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  let status;
  if (process.platform === 'linux') {
    if (!have('dbus-run-session') || !have('gnome-keyring-daemon')) {
      console.error(
        'npm test needs dbus-run-session and gnome-keyring-daemon on Linux: apt-get install dbus gnome-keyring',
      );
      process.exit(1);
    }
    status = run('dbus-run-session', ['--', process.execPath, fileURLToPath(import.meta.url), '--inner', ...filters], {
      env,
    });
  } else {
    status = run(process.execPath, [fileURLToPath(import.meta.url), '--inner', ...filters], {
      env: { ...env, KASSA_KEYCHAIN_TESTS: 'skip' },
    });
  }
  fs.rmSync(sandbox, { recursive: true, force: true });
  process.exit(status);
}

// Inside the session: start and unlock a keyring that only this run can see.
if (process.platform === 'linux' && process.env.DBUS_SESSION_BUS_ADDRESS) {
  const unlock = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'kassa-test-keyring',
    encoding: 'utf8',
  });
  if (unlock.status !== 0) {
    console.error('Could not start gnome-keyring-daemon:', unlock.stderr);
    process.exit(1);
  }
  for (const line of unlock.stdout.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) process.env[m[1]] = m[2];
  }
  process.env.KASSA_KEYCHAIN_TESTS = 'run';
}

const all = ['unit', 'integration', 'e2e'].flatMap((k) => findTests(path.join(root, 'test', k)).sort());
const files = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
const status = run(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', '--test-reporter=spec', ...files],
  {
    env: process.env,
  },
);
process.exit(status);
