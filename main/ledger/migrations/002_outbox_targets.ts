import type { Migration } from '../migrate';

/**
 * The outbox delivers to a target that is either a provider account (as before) or a channel Kassa sends through
 * itself — today `email` (the user's own SMTP server). One table and one drainer for both, so a share made offline
 * gets the same claims, leases, write-ahead markers and back-off as a provider create.
 *
 * - `account_id` becomes nullable, `channel` is new, and exactly one of them is set;
 * - `target` (generated) is the key claims, pauses and counts use: the account id, or `channel:<name>`;
 * - `op` stays a closed list per kind of target: the provider operations for accounts, `send` for channels.
 * SQLite cannot relax NOT NULL in place, so the table is rebuilt under the same name (rows, ids and the
 * AUTOINCREMENT high-water mark kept).
 */
export const m002: Migration = {
  version: 2,
  name: 'outbox_targets',
  up(db) {
    const seq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as
      { seq: number } | undefined;
    db.exec(`
      ALTER TABLE outbox RENAME TO outbox_v1;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        account_id TEXT REFERENCES accounts(id),
        channel TEXT CHECK (channel IN ('email')),
        target TEXT GENERATED ALWAYS AS (coalesce(account_id, 'channel:' || channel)) VIRTUAL,
        op TEXT NOT NULL,
        payload_json TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed','needs_review','unknown','skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        last_error_json TEXT,
        result_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((account_id IS NULL) <> (channel IS NULL)),
        CHECK (account_id IS NULL OR op IN ('create','cancel','mark_paid','share','delete')),
        CHECK (channel IS NULL OR op IN ('send'))
      ) STRICT;

      INSERT INTO outbox (id, invoice_id, account_id, channel, op, payload_json, state, attempts, next_attempt_at,
        lease_owner, lease_until, last_error_json, result_json, created_at, updated_at)
      SELECT id, invoice_id, account_id, NULL, op, payload_json, state, attempts, next_attempt_at,
        lease_owner, lease_until, last_error_json, result_json, created_at, updated_at
      FROM outbox_v1 ORDER BY id;

      DROP TABLE outbox_v1;

      CREATE INDEX outbox_drain ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_invoice ON outbox (invoice_id, id);
      CREATE INDEX outbox_target ON outbox (target, state);
    `);
    if (seq) {
      db.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'`).run(seq.seq);
      db.prepare(
        `INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox')`,
      ).run(seq.seq);
    }
  },
};
