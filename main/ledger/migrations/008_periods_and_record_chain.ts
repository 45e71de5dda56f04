import type { Migration } from '../migrate';
import { backfillRecordChain } from '../chain';

/**
 * Closed periods and the tamper-evident record.
 *
 * - closed_periods: the months and quarters a bookkeeper closed; nothing is issued, credited, paid or cancelled
 *   with a date in one (main/ledger/periods.ts). period_history records every close and reopen, append-only.
 * - record_chain: one entry per issued document and per money or period event, in the order they happened.
 *   Each entry holds the SHA-256 of the document's canonical form and the hash of the entry before it
 *   (main/ledger/chain.ts), so an edit made outside Kassa — even one that bypasses the triggers below — is found
 *   by `kassa check`, which recomputes both. The triggers make the chain append-only and contiguous.
 * - Existing ledgers get their chain built here, in the order things happened.
 */
export const m008: Migration = {
  version: 8,
  name: 'periods_and_record_chain',
  up(db) {
    db.exec(`
      CREATE TABLE closed_periods (
        period TEXT PRIMARY KEY
          CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
        from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        to_date TEXT NOT NULL CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        closed_at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('user','cli','provider','system')),
        note TEXT CHECK (length(note) <= 500),
        CHECK (to_date >= from_date)
      ) STRICT;
      CREATE INDEX closed_periods_dates ON closed_periods (from_date, to_date);

      CREATE TABLE period_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        period TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('closed','reopened')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('user','cli','provider','system')),
        reason TEXT CHECK (length(reason) <= 500)
      ) STRICT;
      CREATE INDEX period_history_period ON period_history (period, id);
      CREATE TRIGGER period_history_no_update BEFORE UPDATE ON period_history BEGIN
        SELECT RAISE(ABORT, 'kassa:history_append_only');
      END;
      CREATE TRIGGER period_history_no_delete BEFORE DELETE ON period_history BEGIN
        SELECT RAISE(ABORT, 'kassa:history_append_only');
      END;

      CREATE TABLE record_chain (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-z_]*'),
        -- where the canonical form is read from: an invoice, payment, invoice_history or period_history id
        ref_id TEXT NOT NULL,
        -- the invoice the entry concerns (null for periods), and a label that names it for people
        invoice_id TEXT,
        label TEXT NOT NULL,
        at TEXT NOT NULL,
        doc_hash TEXT NOT NULL CHECK (length(doc_hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
        UNIQUE (kind, ref_id)
      ) STRICT;
      CREATE INDEX record_chain_invoice ON record_chain (invoice_id, seq) WHERE invoice_id IS NOT NULL;
      CREATE TRIGGER record_chain_contiguous BEFORE INSERT ON record_chain
      WHEN new.seq IS NOT ifnull((SELECT max(seq) FROM record_chain), 0) + 1
        OR new.prev_hash IS NOT ifnull((SELECT hash FROM record_chain WHERE seq = new.seq - 1), '${'0'.repeat(64)}')
      BEGIN
        SELECT RAISE(ABORT, 'kassa:record_chain_append_only');
      END;
      CREATE TRIGGER record_chain_no_update BEFORE UPDATE ON record_chain BEGIN
        SELECT RAISE(ABORT, 'kassa:record_chain_append_only');
      END;
      CREATE TRIGGER record_chain_no_delete BEFORE DELETE ON record_chain BEGIN
        SELECT RAISE(ABORT, 'kassa:record_chain_append_only');
      END;
    `);
    backfillRecordChain(db);
  },
};
