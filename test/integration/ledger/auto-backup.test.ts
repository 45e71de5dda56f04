/**
 * Automatic backups: made on start and daily while the app is open (the scheduler's backup job), each copy checked
 * with SQLite's integrity check, kept 7 daily + 4 weekly; a user's own backups and safety copies are never removed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { autoBackupsIn, verifyBackup } from '../../../main/ledger/auto-backups';
import { BackupService } from '../../../main/ledger/backup-service';
import { createMemoryLogger } from '../../../main/log';
import { KassaError, toErrorBody } from '../../../shared/errors';
import { backupJob } from '../../../main/scheduler/backup-job';
import { Scheduler } from '../../../main/scheduler/scheduler';
import { kassa } from '../../helpers/cli';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { customer, issued, ledgerServices } from './helpers';

test('one checked copy a day, 7 daily + 4 weekly kept, manual backups untouched, and the copies restore', async () => {
  const { s, call, clock } = await ledgerServices('2026-01-01T10:00:00Z');
  const c = await customer(call);
  await issued(call, c);
  const manual = await call('ledger.backup', {});
  assert.equal(manual.kind, 'manual');

  const first = await call('ledger.autoBackup', {});
  assert.equal(first.made?.kind, 'auto');
  assert.deepEqual(first.made?.integrity, ['ok']);
  assert.match(path.basename(first.made!.file), /^kassa-auto-2026-01-01-/);
  // Once a day: the second call on the same day makes nothing, unless forced.
  assert.deepEqual(await call('ledger.autoBackup', {}), { made: null, removed: [] });
  clock.set('2026-01-01T10:00:05Z');
  assert.ok((await call('ledger.autoBackup', { force: true })).made);

  for (let day = 2; day <= 60; day++) {
    clock.set(new Date(Date.UTC(2026, 0, day, 10)).toISOString());
    const r = await call('ledger.autoBackup', {});
    assert.ok(r.made, `day ${day}`);
  }
  const left = autoBackupsIn(s.backups.dir).map((b) => b.day);
  assert.equal(left.length, 11, left.join(' '));
  assert.deepEqual(left.slice(0, 7), [
    '2026-03-01',
    '2026-02-28',
    '2026-02-27',
    '2026-02-26',
    '2026-02-25',
    '2026-02-24',
    '2026-02-23',
  ]);
  const listed = await call('ledger.backups', {});
  assert.ok(
    listed.some((b) => b.file === manual.file && b.kind === 'manual'),
    'the manual backup stays',
  );
  assert.equal(listed.filter((b) => b.kind === 'auto').length, 11);

  // An automatic copy is a real, restorable ledger.
  const newest = listed.find((b) => b.kind === 'auto')!;
  const restored = await call('ledger.restore', { file: newest.file });
  assert.equal(restored.check.ok, true);
});

test('the check catches a damaged copy', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  for (let i = 0; i < 30; i++) await issued(call, c);
  const made = (await call('ledger.autoBackup', {})).made!;
  assert.equal(verifyBackup(made.file).ok, true);
  // Flip bytes in the middle of the file: SQLite's integrity check (or opening it) must notice.
  const bytes = fs.readFileSync(made.file);
  for (let i = 4096 * 3; i < 4096 * 3 + 2048; i++) bytes[i] = 0xa5;
  fs.writeFileSync(made.file, bytes);
  const v = verifyBackup(made.file);
  assert.equal(v.ok, false, v.integrity.join('\n'));
  assert.notDeepEqual(v.integrity, ['ok']);
});

test('the scheduler makes the copy on start and then daily, unless automatic backups are off', async () => {
  const { s, call, clock } = await ledgerServices('2026-05-04T08:00:00Z');
  const job = backupJob({ db: s.ledger.db, backups: s.backups });
  const scheduler = new Scheduler([job], s.log, { startDelayMs: 5, tickMs: 20 });
  scheduler.start();
  try {
    const waitFor = async (pred: () => boolean) => {
      for (let i = 0; i < 500 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(pred());
    };
    await waitFor(() => autoBackupsIn(s.backups.dir).length === 1);
    clock.set('2026-05-05T08:00:00Z');
    await waitFor(() => autoBackupsIn(s.backups.dir).length === 2);
    await call('app.setPreferences', { autoBackups: false });
    clock.set('2026-05-06T08:00:00Z');
    assert.equal(job.due(), false);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(autoBackupsIn(s.backups.dir).length, 2);
    assert.equal((await call('app.preferences', {})).autoBackups, false);
  } finally {
    scheduler.stop();
  }
});

test('CLI: kassa backup --auto makes the same checked copy (for cron)', async () => {
  const { s } = await ledgerServices();
  s.close();
  const r = kassa(['--data-dir', s.config.dataDir, 'backup', '--auto']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { made: { kind: string; integrity: string[] } };
  assert.deepEqual([out.made.kind, out.made.integrity], ['auto', ['ok']]);
});

test('a copy that fails its integrity check is deleted and reported; the good copies and manual ones stay', async () => {
  const { s, call, clock } = await ledgerServices('2026-02-02T09:00:00Z');
  await issued(call, await customer(call));
  const manual = await call('ledger.backup', {});
  const good = (await call('ledger.autoBackup', {})).made!;
  const log = createMemoryLogger();
  let failNext = true;
  const service = new BackupService({
    ledger: s.ledger,
    dataDir: s.config.dataDir,
    events: s.events,
    log,
    now: () => clock.now,
    verify: (file) =>
      failNext ? { ok: false, integrity: ['*** in database main ***', 'Page 7: btree broken'] } : verifyBackup(file),
  });
  clock.set('2026-02-03T09:00:00Z');
  const before = fs.readdirSync(service.dir).sort();
  await assert.rejects(service.autoBackup(), (err: unknown) => {
    assert.ok(err instanceof KassaError);
    assert.equal(err.code, 'backup_unsound');
    assert.deepEqual(toErrorBody(err).details, { integrity: ['*** in database main ***', 'Page 7: btree broken'] });
    return true;
  });
  // Nothing of the failed copy is left; the earlier good copy and the manual backup are untouched.
  assert.deepEqual(fs.readdirSync(service.dir).sort(), before);
  assert.ok(fs.existsSync(good.file) && fs.existsSync(manual.file));
  assert.ok(log.lines.some((l) => l.level === 'error' && l.event === 'ledger.auto_backup_unsound'));
  // The day is still due: a bad copy does not count as today's backup, the next try makes one.
  assert.equal(service.autoBackupDue(), true);
  failNext = false;
  const retried = await service.autoBackup();
  assert.match(path.basename(retried.made!.file), /^kassa-auto-2026-02-03-/);
});

test('manual, before-restore and before-upgrade copies are never pruned, however many automatic ones come', async () => {
  const { s, call, clock } = await ledgerServices('2026-01-01T10:00:00Z');
  await issued(call, await customer(call));
  const manual = await call('ledger.backup', {});
  const first = (await call('ledger.autoBackup', {})).made!;
  await call('ledger.restore', { file: first.file }); // leaves a before-restore safety copy
  const upgrade = path.join(s.backups.dir, 'kassa-v5-before-v6-2025-12-01T00-00-00-000Z.db');
  fs.copyFileSync(manual.file, upgrade);
  const others = (await call('ledger.backups', {})).filter((b) => b.kind !== 'auto');
  assert.deepEqual(others.map((b) => b.kind).sort(), ['before-restore', 'before-upgrade', 'manual']);
  for (let day = 2; day <= 90; day++) {
    clock.set(new Date(Date.UTC(2026, 0, day, 10)).toISOString());
    await call('ledger.autoBackup', {});
  }
  const after = await call('ledger.backups', {});
  assert.equal(after.filter((b) => b.kind === 'auto').length, 11);
  for (const b of others) assert.ok(fs.existsSync(b.file), `${b.kind} copy kept`);
  assert.deepEqual(
    after
      .filter((b) => b.kind !== 'auto')
      .map((b) => b.file)
      .sort(),
    others.map((b) => b.file).sort(),
  );
});

test("when the next automatic copy is made is main's answer: soon while today's is missing, tomorrow once made, none while off", async () => {
  const { s, call, clock } = await ledgerServices('2026-01-05T10:00:00Z');
  await issued(call, await customer(call));
  const before = await call('ledger.autoBackupStatus', {});
  assert.deepEqual(before, { enabled: true, last: null, copies: 0, next: { soon: true } });

  const made = (await call('ledger.autoBackup', {})).made!;
  const after = await call('ledger.autoBackupStatus', {});
  assert.deepEqual(after.next, { day: '2026-01-06' });
  assert.equal(after.last?.file, made.file);
  assert.equal(after.copies, 1);
  // A manual backup is not an automatic copy: it changes neither the newest copy nor the schedule.
  await call('ledger.backup', {});
  assert.deepEqual(await call('ledger.autoBackupStatus', {}), after);

  // The next day, that day's copy is due again; on the last day of a month the next is the 1st.
  clock.set('2026-01-06T10:00:00Z');
  assert.deepEqual((await call('ledger.autoBackupStatus', {})).next, { soon: true });
  clock.set('2026-01-31T10:00:00Z');
  await call('ledger.autoBackup', {});
  assert.deepEqual((await call('ledger.autoBackupStatus', {})).next, { day: '2026-02-01' });

  await call('app.setPreferences', { autoBackups: false });
  const off = await call('ledger.autoBackupStatus', {});
  assert.equal(off.enabled, false);
  assert.equal(off.next, null);
  assert.equal(off.copies, 2);

  // The CLI answers the same (while off, the schedule does not depend on its clock).
  const cli = await kassaInProcess(['--data-dir', s.config.dataDir, 'backup', 'status']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), off);
});
