/**
 * The Windows ACL command (main/windows-acl.ts), checked as built: this machine cannot run Windows or icacls, so
 * these tests are about the exact arguments, their quoting and how a failure is answered — not about icacls itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tightenTree } from '../../main/private-files';
import {
  currentWindowsUser,
  icaclsCommand,
  quoteWindowsArg,
  restrictToCurrentUser,
  type AclCommand,
} from '../../main/windows-acl';

/** How the Microsoft C runtime splits a command line into arguments (the rules quoteWindowsArg must satisfy). */
function splitLikeWindows(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length; i++) {
      const ch = line[i];
      if (!quoted && (ch === ' ' || ch === '\t')) break;
      if (ch === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) arg += '"';
          else quoted = !quoted;
        } else {
          arg += '\\'.repeat(n);
          i--;
        }
      } else if (ch === '"') quoted = !quoted;
      else arg += ch;
    }
    out.push(arg);
  }
  return out;
}

const ENV = { SystemRoot: 'C:\\Windows', USERDOMAIN: 'DESKTOP-7Q2', USERNAME: 'ana' };

test('icacls: inheritance removed, full control granted to the current user only, on folders and files inside', () => {
  const cmd = icaclsCommand('C:\\Users\\ana\\AppData\\Roaming\\Kassa', 'DESKTOP-7Q2\\ana', ENV);
  assert.equal(cmd.file, 'C:\\Windows\\System32\\icacls.exe');
  assert.deepEqual(cmd.args, [
    'C:\\Users\\ana\\AppData\\Roaming\\Kassa',
    '/inheritance:r',
    '/grant:r',
    'DESKTOP-7Q2\\ana:(OI)(CI)F',
  ]);
  assert.equal(currentWindowsUser(ENV, 'ignored'), 'DESKTOP-7Q2\\ana');
  assert.equal(currentWindowsUser({}, 'ana'), 'ana');
});

test('icacls: a path and a user name with spaces stay one argument each, a trailing backslash is kept', () => {
  const cmd = icaclsCommand('C:\\Users\\Ana Lopez\\AppData\\Roaming\\Kassa', 'ACME\\Ana Lopez', ENV);
  assert.deepEqual(cmd.args, [
    '"C:\\Users\\Ana Lopez\\AppData\\Roaming\\Kassa"',
    '/inheritance:r',
    '/grant:r',
    '"ACME\\Ana Lopez:(OI)(CI)F"',
  ]);
  // What icacls receives once Windows splits the command line again.
  assert.deepEqual(splitLikeWindows(cmd.args.join(' ')), [
    'C:\\Users\\Ana Lopez\\AppData\\Roaming\\Kassa',
    '/inheritance:r',
    '/grant:r',
    'ACME\\Ana Lopez:(OI)(CI)F',
  ]);
  for (const arg of ['D:\\Kassa data\\', 'E:\\', '\\\\server\\share\\My Kassa', 'x "y" z\\\\', '', 'tab\there']) {
    assert.deepEqual(splitLikeWindows(quoteWindowsArg(arg)), [arg], `round trip of ${JSON.stringify(arg)}`);
  }
  assert.equal(quoteWindowsArg('D:\\Kassa data\\'), '"D:\\Kassa data\\\\"');
});

test('restrictToCurrentUser runs the command once and answers a failure instead of throwing', () => {
  const ran: AclCommand[] = [];
  const ok = restrictToCurrentUser('C:\\K', {
    env: ENV,
    run: (c) => {
      ran.push(c);
      return { status: 0, output: 'processed file: C:\\K' };
    },
  });
  assert.deepEqual(ok, { ok: true });
  assert.deepEqual(ran, [icaclsCommand('C:\\K', 'DESKTOP-7Q2\\ana', ENV)]);

  const denied = restrictToCurrentUser('C:\\K', {
    env: ENV,
    run: () => ({ status: 5, output: 'C:\\K: Access is denied.\r\nSuccessfully processed 0 files' }),
  });
  assert.deepEqual(denied, { ok: false, reason: 'icacls exited with 5: C:\\K: Access is denied.' });
  const missing = restrictToCurrentUser('C:\\K', {
    env: ENV,
    run: () => ({ status: null, output: '', error: new Error('spawn icacls.exe ENOENT') }),
  });
  assert.deepEqual(missing, { ok: false, reason: 'spawn icacls.exe ENOENT' });
  const thrown = restrictToCurrentUser('C:\\K', {
    env: ENV,
    run: () => {
      throw new Error('EPERM');
    },
  });
  assert.deepEqual(thrown, { ok: false, reason: 'EPERM' });
});

test('on Windows the start-up tightening sets the ACL of the data folder instead of POSIX modes', () => {
  const asked: string[] = [];
  const report = tightenTree('C:\\Users\\ana\\AppData\\Roaming\\Kassa', true, (dir) => {
    asked.push(dir);
    return { ok: false, reason: 'icacls exited with 5' };
  });
  assert.deepEqual(asked, ['C:\\Users\\ana\\AppData\\Roaming\\Kassa']);
  assert.deepEqual(report, { changed: 0, failed: 0, acl: { ok: false, reason: 'icacls exited with 5' } });
});
