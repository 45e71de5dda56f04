/**
 * Private by default: with the usual umask 022, the data folder is 0700 and every file Kassa writes is 0600
 * (ledger, WAL/SHM, backups, exports, logs, PDFs); an install made before is tightened on start; a bad --data-dir
 * is refused with a reason instead of falling back to the default, failing late, or hanging.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { resolveDataDir } from '../../../main/config';
import { projectRoot } from '../../../main/native/bindings';
import { KassaError } from '../../../shared/errors';
import { tempDir } from '../../helpers/tmp';

const posix = process.platform !== 'win32';

/** `kassa …` started from a shell with a loose umask, as on a default desktop. */
function kassa022(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    'sh',
    [
      '-c',
      'umask 022; exec "$0" --import tsx "$@"',
      process.execPath,
      path.join(projectRoot(), 'main', 'cli', 'main.ts'),
      ...args,
    ],
    { cwd: projectRoot(), input, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok<T>(args: string[], input?: string): T {
  const r = kassa022(args, input);
  assert.equal(r.code, 0, `kassa ${args.slice(0, 2).join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Every entry under `root` whose mode lets anyone but the owner in. */
function looseEntries(root: string): string[] {
  const loose: string[] = [];
  const walk = (p: string): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) loose.push(`${path.relative(root, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(root);
  return loose;
}

test(
  'a working day under umask 022 leaves only 0700 folders and 0600 files (ledger, WAL/SHM, logs, backups, exports, PDFs)',
  { skip: !posix && 'POSIX modes (Windows relies on the profile ACLs)' },
  () => {
    const root = tempDir();
    const dir = path.join(root, 'data');
    const d = ['--data-dir', dir];
    const cust = ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Nile Bakery"}', ...d]);
    const draft = ok<{ id: string }>([
      'invoice',
      'create',
      '--data',
      JSON.stringify({
        customerId: cust.id,
        currency: 'EUR',
        lines: [{ description: 'Bread', quantity: '2', unitPrice: 1250, taxRate: '14', taxCategory: 'S' }],
      }),
      ...d,
    ]);
    ok(['invoice', 'issue', draft.id, ...d]);
    ok(['backup', ...d]);
    ok(['export', 'csv', '--what', 'invoices', ...d]);
    const outside = path.join(root, 'mine');
    fs.mkdirSync(outside);
    ok(['export', 'csv', '--what', 'lines', '--out', path.join(outside, 'lines.csv'), ...d]);
    ok(['invoice', 'pdf', draft.id, '--out', path.join(outside, 'inv.pdf'), ...d]);
    ok(['export', 'pdf', '--out', path.join(dir, 'exports', 'pdf'), ...d]);
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    for (const expected of ['kassa.db', 'logs', 'backups', 'exports']) assert.ok(files.includes(expected), expected);
    assert.ok(files.some((f) => f.endsWith('.pdf')) && files.some((f) => f.endsWith('.csv')));
    assert.deepEqual(looseEntries(dir), []);
    for (const f of ['lines.csv', 'inv.pdf'])
      assert.equal(
        fs.statSync(path.join(outside, f)).mode & 0o777,
        0o600,
        `${f} written where the user asked is 0600 too`,
      );
    // The folder the user named for --out is theirs: left as it was.
    assert.equal(fs.statSync(outside).mode & 0o777, 0o755);
  },
);

test('an install made with a loose umask is tightened when Kassa starts', { skip: !posix && 'POSIX modes' }, () => {
  const dir = path.join(tempDir(), 'data');
  ok(['customer', 'create', '--data', '{"name":"Nile Bakery"}', '--data-dir', dir]);
  ok(['backup', '--data-dir', dir]);
  const loosen = (p: string): void => {
    const st = fs.lstatSync(p);
    fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) loosen(path.join(p, e));
  };
  loosen(dir);
  fs.writeFileSync(path.join(dir, 'kassa.db-wal'), '', { mode: 0o644 });
  assert.notDeepEqual(looseEntries(dir), []);
  ok(['info', '--data-dir', dir]);
  assert.deepEqual(looseEntries(dir), []);
});

test('--data-dir is checked: empty, a file, below a file, /proc or /sys are refused with the reason, quickly', () => {
  assert.throws(
    () => resolveDataDir({ flag: '', env: { KASSA_DATA_DIR: '/x' }, platform: 'linux', home: '/home/a' }),
    (e: unknown) => e instanceof KassaError && e.code === 'data_dir_empty' && e.kind === 'usage',
  );
  assert.throws(() => resolveDataDir({ flag: '  ', env: {}, platform: 'linux', home: '/home/a' }), KassaError);
  const file = path.join(tempDir(), 'a-file');
  fs.writeFileSync(file, 'x');
  const cases: Array<[string, number, string, string | undefined]> = [
    ['', 2, 'data_dir_empty', undefined],
    [file, 1, 'data_dir_unusable', 'not_a_folder'],
    [path.join(file, 'below'), 1, 'data_dir_unusable', 'not_a_folder'],
  ];
  if (process.platform === 'linux')
    cases.push(
      ['/proc/self', 1, 'data_dir_unusable', 'system_folder'],
      ['/proc/self/new-folder', 1, 'data_dir_unusable', 'system_folder'],
      ['/sys/kernel', 1, 'data_dir_unusable', 'system_folder'],
      ['/dev/shm/../null', 1, 'data_dir_unusable', 'system_folder'],
    );
  for (const [value, exit, code, reason] of cases) {
    const started = Date.now();
    const r = kassa022(['info', '--data-dir', value]);
    assert.equal(r.code, exit, `${value}: ${r.stderr}`);
    const err = (
      JSON.parse(r.stderr.trim().split('\n').pop()!) as {
        error: { code: string; params?: { reason?: string }; message: string; field: string };
      }
    ).error;
    assert.equal(err.code, code, value);
    assert.equal(err.params?.reason, reason, value);
    assert.equal(err.field, 'data-dir');
    assert.ok(Date.now() - started < 100_000, `${value} answered without hanging`);
  }
  // Nothing was created in the default folder instead.
  assert.equal(fs.existsSync(path.join(file, 'below')), false);
});

test(
  'a folder Kassa may not write in is refused (needs a non-root user)',
  { skip: process.getuid?.() === 0 ? 'SKIPPED: running as root, who may write anywhere' : !posix },
  () => {
    const dir = path.join(tempDir(), 'locked');
    fs.mkdirSync(dir, { mode: 0o500 });
    const r = kassa022(['info', '--data-dir', path.join(dir, 'data')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /"reason":"no_access"/);
  },
);
