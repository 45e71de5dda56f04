/**
 * A damaged ledger says so and offers the way back, with Kassa alone: for a damaged header, a damaged table page
 * and a truncated file, `check` answers a report (never an internal error), every other command names the damage
 * (`ledger_damaged`), and `restore` puts a checked backup in place while the damaged file is kept aside.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { CheckReport } from '../../../shared/contract/ledger';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';

const PAGE = 4096;

async function ledgerWithBackup(): Promise<{ d: string[]; db: string; backup: string }> {
  const data = path.join(tempDir(), 'data');
  const d = ['--data-dir', data];
  for (const name of ['Nile Bakery', 'Cedar Books', 'Atlas Tiles']) {
    const r = await kassaInProcess(['customer', 'create', '--data', JSON.stringify({ name }), ...d]);
    assert.equal(r.code, 0, r.stderr);
  }
  const b = await kassaInProcess(['backup', ...d]);
  assert.equal(b.code, 0, b.stderr);
  return { d, db: path.join(data, 'kassa.db'), backup: (JSON.parse(b.stdout) as { file: string }).file };
}

function rootPage(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number })
      .rootpage;
  } finally {
    db.close();
  }
}

const DAMAGE: Record<string, (file: string) => void> = {
  'a damaged header': (file) => {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('not an sqlite file'), 0, 18, 0);
    fs.closeSync(fd);
  },
  'a damaged table page': (file) => {
    const page = rootPage(file, 'customers');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xff), 0, PAGE, (page - 1) * PAGE);
    fs.closeSync(fd);
  },
  'a truncated file': (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3)),
};

for (const [what, damage] of Object.entries(DAMAGE)) {
  test(`${what}: check reports it, other commands name it, restore brings the backup back and keeps the damaged file`, async () => {
    const { d, db, backup } = await ledgerWithBackup();
    damage(db);
    const damagedBytes = fs.readFileSync(db);

    const check = await kassaInProcess(['check', ...d]);
    assert.equal(check.code, 1, check.stderr);
    assert.equal(check.error?.code, 'check_failed');
    const report = JSON.parse(check.stdout) as CheckReport;
    assert.equal(report.ok, false);
    assert.ok(report.problems.length > 0 || report.integrity[0] !== 'ok', JSON.stringify(report));

    const list = await kassaInProcess(['customer', 'list', ...d]);
    assert.notEqual(list.code, 0);
    assert.notEqual(list.error?.code, 'internal_error', list.stderr);
    assert.equal(list.error?.code, 'ledger_damaged', list.stderr);
    assert.match(list.error?.message ?? '', /damaged.*restore/i);

    const restored = await kassaInProcess(['restore', backup, ...d]);
    assert.equal(restored.code, 0, restored.stderr);
    const r = JSON.parse(restored.stdout) as { safetyBackup: string; check: CheckReport };
    assert.equal(r.check.ok, true);
    // The damaged file is kept, outside the list of backups one may restore: moved as it is when SQLite cannot open
    // it, else copied through SQLite's backup (which copies the damaged page as it is).
    const kept = fs.readFileSync(r.safetyBackup);
    if (what === 'a damaged table page') assert.ok(kept.includes(Buffer.alloc(PAGE, 0xff)));
    else assert.deepEqual(kept, damagedBytes);
    const backups = JSON.parse((await kassaInProcess(['backup', 'list', ...d])).stdout) as Array<{ file: string }>;
    assert.ok(!backups.some((b) => b.file === r.safetyBackup || b.file.includes('damaged')), JSON.stringify(backups));

    const after = await kassaInProcess(['check', ...d]);
    assert.equal(after.code, 0, after.stdout + after.stderr);
    const names = (
      JSON.parse((await kassaInProcess(['customer', 'list', ...d])).stdout) as { items: Array<{ name: string }> }
    ).items.map((c) => c.name);
    assert.deepEqual(names.sort(), ['Atlas Tiles', 'Cedar Books', 'Nile Bakery']);
  });
}

test('a damaged backup is refused and the (damaged) ledger is left as it is', async () => {
  const { d, db, backup } = await ledgerWithBackup();
  DAMAGE['a damaged header']!(db);
  DAMAGE['a damaged table page']!(backup);
  const before = fs.readFileSync(db);
  const r = await kassaInProcess(['restore', backup, ...d]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.error?.code, 'backup_damaged');
  assert.deepEqual(fs.readFileSync(db), before);
});
