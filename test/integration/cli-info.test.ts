import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { kassa } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

test('kassa info prints the facts as JSON, with --data-dir over KASSA_DATA_DIR', () => {
  const dir = tempDir();
  const other = tempDir();
  const r = kassa(['info', '--data-dir', dir], { env: { KASSA_DATA_DIR: other } });
  assert.equal(r.code, 0, r.stderr);
  const info = JSON.parse(r.stdout) as { dataDir: string; ledgerFile: string; invoiceCount: number; runtime: string };
  assert.equal(info.dataDir, dir);
  assert.equal(info.ledgerFile, path.join(dir, 'kassa.db'));
  assert.equal(info.invoiceCount, 0);
  assert.equal(info.runtime, 'cli');
  const optionsFirst = kassa(['--data-dir', dir, 'info']);
  assert.equal(optionsFirst.code, 0, optionsFirst.stderr);
  assert.equal((JSON.parse(optionsFirst.stdout) as { dataDir: string }).dataDir, dir);
  const viaEnv = JSON.parse(kassa(['info'], { env: { KASSA_DATA_DIR: other } }).stdout) as { dataDir: string };
  assert.equal(viaEnv.dataDir, other);
});

test('usage errors exit 2 with a JSON error on stderr and nothing on stdout', () => {
  const r = kassa(['info', '--no-such-flag', '--data-dir', tempDir()]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const err = JSON.parse(r.stderr) as { error: { code: string; message: string } };
  assert.equal(err.error.code, 'usage');
  assert.match(err.error.message, /no-such-flag/);
  const unknown = kassa(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.equal((JSON.parse(unknown.stderr) as { error: { code: string } }).error.code, 'usage');
});

test('a ledger written by a newer Kassa is refused with exit 3 and left unchanged', async () => {
  const dir = tempDir();
  assert.equal(kassa(['info', '--data-dir', dir]).code, 0);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(dir, 'kassa.db'));
  db.pragma('user_version = 999');
  db.close();
  const r = kassa(['info', '--data-dir', dir]);
  assert.equal(r.code, 3);
  const err = JSON.parse(r.stderr) as { error: { code: string; message: string } };
  assert.equal(err.error.code, 'ledger_too_new');
  assert.match(err.error.message, /newer Kassa/);
  const again = new Database(path.join(dir, 'kassa.db'));
  assert.equal(again.pragma('user_version', { simple: true }), 999);
  again.close();
});
