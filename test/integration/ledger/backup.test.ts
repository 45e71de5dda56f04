import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openLedger } from '../../../main/ledger/connection';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { PAGE_CALLER } from '../../../main/handlers/types';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { customer, dumpLedger, expectError, issued, ledgerServices } from './helpers';

test('backup and restore while the ledger is open in this and another connection', async () => {
  const { call, db, s } = await ledgerServices();
  const c = await customer(call);
  const first = await issued(call, c);
  const other = await openLedger(s.ledger.file); // another process's connection
  try {
    // A backup while another connection is in the middle of reading.
    const reading = other.db.prepare('SELECT id FROM invoices').iterate();
    reading.next();
    const dir = tempDir();
    const backup = await call('ledger.backup', { file: path.join(dir, 'b1.db') });
    reading.return?.();
    assert.ok(backup.bytes > 0);
    await expectError(call('ledger.backup', { file: backup.file }), 'file_exists', 'file');
    const inBackup = new Database(backup.file, { readonly: true });
    assert.equal((inBackup.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n, 1);
    inBackup.close();

    // Later work that the restore will undo.
    const second = await issued(call, c);
    assert.equal(second.number, 'INV-2026-0002');
    const restored = await call('ledger.restore', { file: backup.file });
    assert.equal(restored.check.ok, true);
    assert.ok(fs.existsSync(restored.safetyBackup));
    // Both open connections now see the restored ledger.
    assert.deepEqual(
      (await call('invoice.list', {})).items.map((i) => i.id),
      [first.id],
    );
    assert.equal((other.db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n, 1);
    // INV-2026-0002 was issued after that backup: numbering stops until the user decides (issue 16), then
    // continues from the restored counter once they accept it; the safety copy has what was replaced.
    await expectError(issued(call, c), 'ledger_went_back');
    await call('series.acceptNumbering', {});
    assert.equal((await issued(call, c)).number, 'INV-2026-0002');
    const safety = new Database(restored.safetyBackup, { readonly: true });
    assert.deepEqual(safety.prepare('SELECT number FROM invoices ORDER BY number').all(), [
      { number: 'INV-2026-0001' },
      { number: 'INV-2026-0002' },
    ]);
    safety.close();
    assert.equal((await call('ledger.check', {})).ok, true);
    assert.ok((await call('ledger.backups', {})).some((b) => b.file === restored.safetyBackup));
    void db;
  } finally {
    other.close();
  }
});

test('restore refuses what is not a healthy Kassa ledger and leaves the current one untouched', async () => {
  const { call, db } = await ledgerServices();
  await issued(call, await customer(call));
  const dir = tempDir();
  const before = dumpLedger(db);

  await expectError(call('ledger.restore', { file: path.join(dir, 'missing.db') }), 'backup_not_found', 'file');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello, not a database at all '.repeat(200));
  await expectError(call('ledger.restore', { file: path.join(dir, 'notes.txt') }), 'not_a_ledger', 'file');
  const foreign = new Database(path.join(dir, 'foreign.db'));
  foreign.exec('CREATE TABLE t (x)');
  foreign.close();
  await expectError(call('ledger.restore', { file: path.join(dir, 'foreign.db') }), 'not_a_ledger', 'file');

  // A backup from a newer Kassa.
  const newer = await call('ledger.backup', { file: path.join(dir, 'newer.db') });
  const n = new Database(newer.file);
  n.pragma('user_version = 99');
  n.close();
  await expectError(call('ledger.restore', { file: newer.file }), 'ledger_too_new');

  // A backup whose totals were tampered with (triggers dropped to do it) fails the ledger check.
  const tampered = await call('ledger.backup', { file: path.join(dir, 'tampered.db') });
  const t = new Database(tampered.file);
  t.exec('DROP TRIGGER invoices_issued_immutable');
  t.exec('UPDATE invoices SET lines_net = lines_net + 1, total = total + 1');
  t.close();
  const e = await expectError(call('ledger.restore', { file: tampered.file }), 'backup_damaged', 'file');
  assert.match(e.message, /left as it is/);
  assert.deepEqual(dumpLedger(db), before);
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('the app may only restore files from its backups folder and never choose backup paths', async () => {
  const { s, call } = await ledgerServices();
  const h = buildHandlers(s);
  const denied = await dispatch(h, 'ledger.backup', { file: path.join(tempDir(), 'x.db') }, PAGE_CALLER);
  assert.equal(!denied.ok && denied.error.code, 'path_not_allowed');
  const made = await dispatch(h, 'ledger.backup', {}, PAGE_CALLER);
  assert.ok(made.ok);
  const file = (made.result as { file: string }).file;
  assert.equal(path.dirname(file), path.join(s.config.dataDir, 'backups'));
  // A path outside is reduced to its name inside the backups folder.
  const outside = await dispatch(h, 'ledger.restore', { file: `/etc/../${path.basename(file)}` }, PAGE_CALLER);
  assert.ok(outside.ok, JSON.stringify(outside));
  const traversal = await dispatch(h, 'ledger.restore', { file: '../kassa.db' }, PAGE_CALLER);
  assert.equal(!traversal.ok && traversal.error.code, 'backup_not_found');
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('restore, the refused restore and the automatic copy leave no -wal or -shm beside any backup; ones already there stay', async () => {
  const { s, call, clock } = await ledgerServices();
  await issued(call, await customer(call));
  const dir = path.join(s.config.dataDir, 'backups');
  const sidecars = (): string[] => fs.readdirSync(dir).filter((f) => /-(wal|shm|journal)$/.test(f));
  const made = await call('ledger.backup', {});
  const restored = await call('ledger.restore', { file: made.file });
  assert.equal(restored.check.ok, true);
  clock.set('2026-03-11T12:00:00Z');
  const auto = await call('ledger.autoBackup', { force: true });
  assert.ok(auto.made);
  // A refused restore (a damaged copy) tidies up too.
  const broken = path.join(dir, 'kassa-broken.db');
  fs.copyFileSync(made.file, broken);
  const fd = fs.openSync(broken, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, 4096);
  fs.closeSync(fd);
  await assert.rejects(call('ledger.restore', { file: broken }));
  assert.deepEqual(sidecars(), [], 'SQLite files left beside the backups');
  // A -wal already beside a backup (someone else's) is not ours to delete.
  fs.writeFileSync(`${made.file}-wal`, '');
  await call('ledger.restore', { file: made.file });
  assert.deepEqual(sidecars(), [`${path.basename(made.file)}-wal`]);
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('work files of a killed restore or backup are never listed as backups and are removed by the next one', async () => {
  const { s, call, clock } = await ledgerServices();
  await issued(call, await customer(call));
  const dir = path.join(s.config.dataDir, 'backups');
  const made = await call('ledger.backup', {});
  // A process that is gone (as SIGKILL leaves it) and this one, which is alive.
  const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
  const dead = [`.restore-2026-03-10T12-00-00-000Z-${gone}.db`, `.restore-2026-03-10T12-00-00-000Z-${gone}.db-wal`];
  const deadPart = `.kassa-backup-2026-03-10T12-00-00-000Z.db.${gone}.0a1b2c3d.part`;
  const live = `.restore-2026-03-09T08-00-00-000Z-${process.pid}.db`;
  for (const f of [...dead, deadPart, live]) fs.copyFileSync(made.file, path.join(dir, f));
  assert.deepEqual(
    (await call('ledger.backups', {})).map((b) => path.basename(b.file)),
    [path.basename(made.file)],
  );
  await call('ledger.restore', { file: made.file });
  const hidden = fs.readdirSync(dir).filter((f) => f.startsWith('.'));
  assert.deepEqual(hidden, [live]);
  fs.copyFileSync(made.file, path.join(dir, deadPart));
  clock.set('2026-03-10T13:00:00Z');
  await call('ledger.backup', {});
  assert.deepEqual(
    fs.readdirSync(dir).filter((f) => f.startsWith('.')),
    [live],
  );
});

test('the app sweeps the work files of a killed restore or backup when it starts, not only at the next backup', async () => {
  const { s } = await ledgerServices();
  const dir = path.join(s.config.dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
  const dead = [
    `.restore-2026-03-10T12-00-00-000Z-${gone}.db`,
    `.kassa-backup-2026-03-10T12-00-00-000Z.db.${gone}.0a1b2c3d.part`,
  ];
  const live = `.restore-2026-03-09T08-00-00-000Z-${process.pid}.db`;
  for (const f of [...dead, live]) fs.writeFileSync(path.join(dir, f), 'work');
  // A CLI command leaves them (it is not the app starting); the app (browser host or Electron) removes them.
  await testServices({ dataDir: s.config.dataDir, runtime: 'cli' });
  assert.deepEqual(
    fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('.'))
      .sort(),
    [...dead, live].sort(),
  );
  await testServices({ dataDir: s.config.dataDir, runtime: 'browser-host', scheduler: { startDelayMs: 3_600_000 } });
  assert.deepEqual(
    fs.readdirSync(dir).filter((f) => f.startsWith('.')),
    [live],
  );
});
