/**
 * Migration 002 (outbox targets): a version-1 ledger with queued, leased and finished provider rows keeps every row,
 * id and the AUTOINCREMENT high-water mark; afterwards a row targets exactly one of an account or a channel, with
 * the operations of its kind.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../../main/ledger/connection';
import { migrations } from '../../../main/ledger/migrations';
import { tempDir } from '../../helpers/tmp';

const AT = '2026-03-01T10:00:00.000Z';

test('002 keeps every outbox row and id, and a row targets exactly one account or channel', async () => {
  const file = path.join(tempDir(), 'kassa.db');
  const v1 = await openLedger(file, { migrations: migrations.slice(0, 1) });
  assert.equal(v1.schemaVersion, 1);
  const db1 = v1.db;
  db1
    .prepare(
      `INSERT INTO accounts (id, provider, name, mode, created_at, updated_at) VALUES ('acc_1', 'kashier', 'K', 'test', ?, ?)`,
    )
    .run(AT, AT);
  db1
    .prepare(`INSERT INTO invoices (id, currency, created_at, updated_at) VALUES ('inv_000001', 'EGP', ?, ?)`)
    .run(AT, AT);
  const insert = db1.prepare(
    `INSERT INTO outbox (id, invoice_id, account_id, op, payload_json, state, attempts, lease_owner, lease_until, created_at, updated_at)
     VALUES (?, 'inv_000001', 'acc_1', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insert.run(1, 'create', '{"reference":"INV-1"}', 'done', 1, null, null, AT, AT);
  insert.run(7, 'share', '{"channel":"sms","address":"+201001234567"}', 'unknown', 2, 'h/1/x', AT, AT, AT);
  // A row that was written and later removed by hand: the next id must still be above it.
  insert.run(40, 'cancel', '{}', 'pending', 0, null, null, AT, AT);
  db1.prepare(`DELETE FROM outbox WHERE id = 40`).run();
  const before = db1.prepare(`SELECT * FROM outbox ORDER BY id`).all() as Array<Record<string, unknown>>;
  v1.close();

  const v2 = await openLedger(file);
  try {
    assert.equal(v2.schemaVersion, migrations.length);
    const db = v2.db;
    const after = db.prepare(`SELECT * FROM outbox ORDER BY id`).all() as Array<Record<string, unknown>>;
    assert.deepEqual(
      after.map(({ channel, target, ...rest }) => {
        assert.equal(channel, null);
        assert.equal(target, rest.account_id, 'an account row targets its account');
        return rest;
      }),
      before,
    );
    const channelRow = db
      .prepare(
        `INSERT INTO outbox (invoice_id, channel, op, payload_json, created_at, updated_at)
         VALUES ('inv_000001', 'email', 'send', '{}', ?, ?) RETURNING id, target`,
      )
      .get(AT, AT) as { id: number; target: string };
    assert.equal(channelRow.id, 41, 'ids continue above every id ever used');
    assert.equal(channelRow.target, 'channel:email');

    const bad = (sql: string): void => assert.throws(() => db.prepare(sql).run(AT, AT), /CHECK constraint failed/, sql);
    bad(`INSERT INTO outbox (invoice_id, op, created_at, updated_at) VALUES ('inv_000001', 'send', ?, ?)`);
    bad(
      `INSERT INTO outbox (invoice_id, account_id, channel, op, created_at, updated_at) VALUES ('inv_000001', 'acc_1', 'email', 'send', ?, ?)`,
    );
    bad(
      `INSERT INTO outbox (invoice_id, channel, op, created_at, updated_at) VALUES ('inv_000001', 'email', 'create', ?, ?)`,
    );
    bad(
      `INSERT INTO outbox (invoice_id, account_id, op, created_at, updated_at) VALUES ('inv_000001', 'acc_1', 'send', ?, ?)`,
    );
    bad(
      `INSERT INTO outbox (invoice_id, channel, op, created_at, updated_at) VALUES ('inv_000001', 'fax', 'send', ?, ?)`,
    );
    assert.throws(
      () =>
        db
          .prepare(
            `INSERT INTO outbox (invoice_id, account_id, op, created_at, updated_at) VALUES ('inv_000001', 'acc_nope', 'create', ?, ?)`,
          )
          .run(AT, AT),
      /FOREIGN KEY/,
    );
    const indexes = (
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name`)
        .all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    assert.deepEqual(
      indexes.filter((n) => !n.startsWith('sqlite_')),
      ['outbox_drain', 'outbox_invoice', 'outbox_target'],
    );
    assert.deepEqual(db.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE 'outbox_v1%'`).all(), []);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
  } finally {
    v2.close();
  }
});
