/**
 * The no-keychain paths, each in a child process with its own HOME, XDG dirs and data dir:
 * no D-Bus session, a bus pointing nowhere, a bus without a Secret Service, and a locked keyring.
 * Each must give the one clear keychain_unavailable error, keep offline work going (list, info),
 * leave no account row behind, and write the secret nowhere (no plaintext fallback file).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { listFiles, scanBytes, scanFiles, assertNoLeaks } from '../../helpers/leaks';
import { tempDir } from '../../helpers/tmp';
import { errorOf, runCli } from './run-cli';

const SECRET = 'liv_nokeychain_9f8e7d6c5b4a';
const onLinux =
  process.platform === 'linux' ? false : 'the no-D-Bus paths exist only on Linux (Secret Service over D-Bus)';
const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const withDbus =
  onLinux || (have('dbus-run-session') ? false : 'dbus-run-session is not installed (apt-get install dbus)');
const withKeyring =
  withDbus ||
  (have('gnome-keyring-daemon') ? false : 'gnome-keyring-daemon is not installed (apt-get install gnome-keyring)');

interface Sandbox {
  root: string;
  home: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

function sandbox(): Sandbox {
  const root = tempDir('kassa-nokc-');
  const home = path.join(root, 'home');
  const dataDir = path.join(root, 'data');
  const run = path.join(root, 'run');
  fs.mkdirSync(home);
  fs.mkdirSync(run, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: process.env.TMPDIR,
    XDG_RUNTIME_DIR: run,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    KASSA_DATA_DIR: dataDir,
  };
  return { root, home, dataDir, env };
}

/** Everything a fallback could have written: the data dir and HOME, scanned byte by byte. */
function assertNothingWritten(sb: Sandbox, outputs: string[]): void {
  assertNoLeaks(scanFiles([sb.dataDir, sb.home], [SECRET]), 'in the data dir or HOME');
  assertNoLeaks(
    outputs.flatMap((o, i) => scanBytes(`output #${i}`, o, [SECRET])),
    'in CLI output',
  );
  // No file besides the ledger and its log may appear in the data dir.
  const files = listFiles([sb.dataDir]).map((f) => path.relative(sb.dataDir, f));
  for (const f of files)
    assert.match(f, /^(kassa\.db(-wal|-shm)?|logs\/kassa\.log)$/, `unexpected file in the data dir: ${f}`);
}

async function addFails(
  sb: Sandbox,
  wrap: string[] = [],
): Promise<{ code: string; message: string; reason: unknown; outputs: string[] }> {
  const args = ['account', 'add', '--provider', 'kaspa', '--mode', 'live', '--name', 'Kaspa live'];
  const run = await runCli(args, { env: sb.env, input: JSON.stringify({ apiKey: SECRET }), wrap });
  assert.equal(run.code, 3, run.stderr);
  assert.equal(run.stdout, '');
  const err = errorOf(run);
  return { code: err.code, message: err.message, reason: err.details?.reason, outputs: [run.stdout, run.stderr] };
}

test(
  'no D-Bus session (DBUS_SESSION_BUS_ADDRESS and DISPLAY unset): clear message, offline work goes on, nothing written',
  { skip: onLinux },
  async () => {
    const sb = sandbox();
    const status = await runCli(['keychain', 'status'], { env: sb.env });
    assert.equal(status.code, 0, status.stderr);
    const st = JSON.parse(status.stdout) as { available: boolean; reason: string; message: string };
    assert.equal(st.available, false);
    assert.equal(st.reason, 'no_session_bus');
    assert.match(st.message, /D-Bus/);

    const add = await addFails(sb);
    assert.equal(add.code, 'keychain_unavailable');
    assert.equal(add.reason, 'no_session_bus');
    assert.match(add.message, /dbus-run-session|desktop session/);
    assert.match(add.message, /never stored anywhere else/);

    const list = await runCli(['account', 'list'], { env: sb.env });
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout), []);
    const info = await runCli(['info'], { env: sb.env });
    assert.equal(info.code, 0, info.stderr);
    assertNothingWritten(sb, [status.stdout, status.stderr, add.outputs.join('\n'), list.stdout, list.stderr]);
  },
);

test('a D-Bus address that points nowhere gives the same clear message', { skip: onLinux }, async () => {
  const sb = sandbox();
  sb.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(sb.root, 'no-such-bus')}`;
  const add = await addFails(sb);
  assert.equal(add.code, 'keychain_unavailable');
  assert.equal(add.reason, 'no_session_bus');
  assertNothingWritten(sb, add.outputs);
});

test('a D-Bus session without any Secret Service: install gnome-keyring or KWallet', { skip: withDbus }, async () => {
  const sb = sandbox();
  // A session bus that knows no activatable services, so org.freedesktop.secrets cannot be started.
  const conf = path.join(sb.root, 'session.conf');
  fs.writeFileSync(
    conf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${sb.root}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  const add = await addFails(sb, ['dbus-run-session', `--config-file=${conf}`, '--']);
  assert.equal(add.code, 'keychain_unavailable');
  assert.equal(add.reason, 'no_provider');
  assert.match(add.message, /gnome-keyring/);
  assert.match(add.message, /KWallet/);
  assertNothingWritten(sb, add.outputs);
});

test('a locked login keyring: unlock it', { skip: withKeyring }, async () => {
  const sb = sandbox();
  // First session creates the login keyring (password "pw") in this HOME, then stops its daemon so none
  // lingers; the second session starts a daemon that finds the keyring but is never given the password.
  const create = spawnSync(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      'printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 & pid=$!; ' +
        'for i in $(seq 100); do [ -f "$XDG_DATA_HOME/keyrings/login.keyring" ] && break; sleep 0.1; done; kill $pid; wait $pid; ' +
        'test -f "$XDG_DATA_HOME/keyrings/login.keyring"',
    ],
    { env: sb.env, encoding: 'utf8' },
  );
  assert.equal(create.status, 0, create.stderr);
  // A fresh runtime dir, so the second daemon cannot find a control socket left by the first.
  sb.env.XDG_RUNTIME_DIR = path.join(sb.root, 'run2');
  fs.mkdirSync(sb.env.XDG_RUNTIME_DIR, { mode: 0o700 });
  const add = await addFails(sb, [
    'dbus-run-session',
    '--',
    'sh',
    '-c',
    'gnome-keyring-daemon --start --components=secrets >/dev/null && exec "$@"',
    'sh',
  ]);
  assert.equal(add.code, 'keychain_unavailable');
  assert.equal(add.reason, 'locked');
  assert.match(add.message, /[Uu]nlock the login keyring/);
  // The keyring file itself is encrypted; the secret must not be anywhere in HOME or the data dir.
  assertNothingWritten(sb, add.outputs);
});
