import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openLedger } from '../../../main/ledger/connection';
import type { Migration } from '../../../main/ledger/migrate';
import { migrations } from '../../../main/ledger/migrations';
import { tempDir } from '../../helpers/tmp';

test('a fresh ledger gets the whole schema: tables, profile row, INV/CN/QUO series, WAL, foreign keys', async () => {
  const dir = tempDir();
  const ledger = await openLedger(path.join(dir, 'kassa.db'));
  try {
    assert.equal(ledger.schemaVersion, migrations.length);
    const tables = (
      ledger.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const t of [
      'accounts',
      'customers',
      'invoice_history',
      'invoice_lines',
      'invoice_links',
      'invoices',
      'outbox',
      'payments',
      'profile',
      'series',
      'series_counters',
      'tax_rates',
      'invoice_search',
      'closed_periods',
      'period_history',
      'record_chain',
    ]) {
      assert.ok(tables.includes(t), `missing table ${t}`);
    }
    const strict = ledger.db
      .prepare(
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'invoice_search%'`,
      )
      .all();
    assert.deepEqual(strict, [], 'every ledger table is STRICT');
    assert.equal((ledger.db.prepare('SELECT count(*) AS n FROM profile').get() as { n: number }).n, 1);
    assert.deepEqual(ledger.db.prepare('SELECT code, kind FROM series ORDER BY code').all(), [
      { code: 'CN', kind: 'credit_note' },
      { code: 'INV', kind: 'invoice' },
      { code: 'QUO', kind: 'quote' },
    ]);
    assert.equal(ledger.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(ledger.db.pragma('foreign_keys', { simple: true }), 1);
    const outboxCols = (
      ledger.db.prepare(`SELECT name FROM pragma_table_info('outbox') ORDER BY cid`).all() as Array<{ name: string }>
    ).map((r) => r.name);
    assert.deepEqual(outboxCols, [
      'id',
      'invoice_id',
      'account_id',
      'channel',
      'op',
      'payload_json',
      'state',
      'attempts',
      'next_attempt_at',
      'lease_owner',
      'lease_until',
      'last_error_json',
      'result_json',
      'created_at',
      'updated_at',
    ]);
    // The profile row cannot be duplicated.
    assert.throws(() => ledger.db.prepare(`INSERT INTO profile (id, updated_at) VALUES (2, 'x')`).run(), /CHECK/);
  } finally {
    ledger.close();
  }
  // No backup for a brand-new file: there was nothing to lose.
  assert.equal(fs.existsSync(path.join(dir, 'backups')), false);
});

test('a ledger newer than this app is refused and left untouched', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'kassa.db');
  (await openLedger(file)).close();
  const raw = new Database(file);
  raw.pragma('user_version = 42');
  raw.close();
  const before = fs.readFileSync(file);
  await assert.rejects(
    openLedger(file),
    (e: Error & { code?: string }) => e.code === 'ledger_too_new' && /newer Kassa/.test(e.message),
  );
  assert.deepEqual(fs.readFileSync(file), before);
});

test('migrating an existing ledger first makes an online backup of the old version, then applies all steps in one transaction', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'kassa.db');
  const backupDir = path.join(dir, 'backups');
  const v1 = await openLedger(file, { backupDir });
  v1.db
    .prepare(
      `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('cus_before01', 'Before', 'before', 'x', 'x')`,
    )
    .run();
  v1.close();

  const latest = migrations.length;
  const m2: Migration = {
    version: latest + 1,
    name: 'add_color',
    up: (db) => db.exec(`ALTER TABLE customers ADD COLUMN color TEXT`),
  };
  const broken: Migration = {
    version: latest + 2,
    name: 'broken',
    up: (db) => db.exec(`ALTER TABLE nope ADD COLUMN x TEXT`),
  };
  // A failing step rolls back every step of the run: the file stays as it was (the backup is still made first).
  await assert.rejects(openLedger(file, { backupDir, migrations: [...migrations, m2, broken] }));
  const still = new Database(file);
  assert.equal(still.pragma('user_version', { simple: true }), latest);
  assert.equal(
    (
      still.prepare(`SELECT count(*) AS n FROM pragma_table_info('customers') WHERE name = 'color'`).get() as {
        n: number;
      }
    ).n,
    0,
  );
  still.close();

  const upgraded = await openLedger(file, { backupDir, migrations: [...migrations, m2] });
  assert.equal(upgraded.schemaVersion, latest + 1);
  upgraded.close();
  const backups = fs.readdirSync(backupDir).filter((f) => f.includes(`-v${latest}-before-v${latest + 1}-`));
  assert.ok(backups.length >= 1, `no v${latest} backup in ${fs.readdirSync(backupDir).join(', ')}`);
  const old = new Database(path.join(backupDir, backups[0]!), { readonly: true });
  assert.equal(old.pragma('user_version', { simple: true }), latest);
  assert.deepEqual(old.prepare('SELECT name FROM customers').all(), [{ name: 'Before' }]);
  old.close();
});
