import type { Migration } from '../migrate';

/**
 * The initial ledger schema.
 *
 * Why it looks like this:
 * - STRICT tables and CHECKs so a bug in any process (app, CLI, worker) cannot store a float amount or a
 *   half-formed invoice; triggers make issued invoices, their lines, payments and history tamper-evident.
 * - invoices has an INTEGER rowid alias (`seq`) besides its public text id: the FTS5 search index is keyed by
 *   it, and a declared alias keeps rowids stable across VACUUM.
 * - Totals are stored (lines_net … total, paid, credited) so lists and dashboards never recompute; `kassa check`
 *   verifies them against shared/totals.ts.
 * - Sort keys are generated columns without NULLs (drafts have no dates/numbers) so keyset pagination can use
 *   row-value comparisons on composite indexes.
 */
export const m001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- Provider accounts: non-secret settings only. Secrets live in the OS keychain; secret_fields lists
      -- which keychain entries exist for the account (names only, never values).
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL CHECK (provider IN ('kashio','kashier','paycashless','kaspa','simplecash')),
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        mode TEXT NOT NULL CHECK (mode IN ('test','live')),
        base_url TEXT,
        settings_json TEXT NOT NULL DEFAULT '{}',
        secret_fields_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The business profile: exactly one row, created here with defaults.
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
        address_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(address_json)),
        email TEXT CHECK (length(email) <= 254),
        phone TEXT CHECK (phone GLOB '+[1-9]*'),
        tax_id TEXT CHECK (length(tax_id) <= 64),
        vat_id TEXT CHECK (length(vat_id) <= 64),
        locale TEXT NOT NULL DEFAULT 'en-US',
        default_currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(default_currency) = 3),
        payment_terms_days INTEGER NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),
        logo_mime TEXT CHECK (logo_mime IN ('image/png','image/jpeg')),
        logo BLOB CHECK (length(logo) <= 524288),
        updated_at TEXT NOT NULL,
        CHECK ((logo IS NULL) = (logo_mime IS NULL))
      ) STRICT;
      INSERT INTO profile (id, updated_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email TEXT CHECK (length(email) <= 254),
        phone TEXT CHECK (phone GLOB '+[1-9]*' AND length(phone) <= 16),
        address_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(address_json)),
        tax_id TEXT CHECK (length(tax_id) <= 64),
        vat_id TEXT CHECK (length(vat_id) <= 64),
        notes TEXT CHECK (length(notes) <= 5000),
        -- lower-cased, accent-stripped name/email/phone/ids for search
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE, id);

      CREATE TABLE tax_rates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        rate TEXT NOT NULL CHECK (rate GLOB '[0-9]*' AND rate NOT GLOB '*[^0-9.]*'),
        category TEXT NOT NULL CHECK (category IN ('S','Z','E','AE','K','G','O','L','M')),
        exemption_reason TEXT CHECK (length(exemption_reason) <= 500),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (category NOT IN ('E','AE','K','G','O') OR exemption_reason IS NOT NULL)
      ) STRICT;

      -- Numbering series. INV and CN are gapless and reset yearly; 'ext:<accountId>' series hold invoices
      -- imported from a provider, which keep the provider's number and never consume ours.
      CREATE TABLE series (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit_note','external')),
        prefix TEXT,
        digits INTEGER NOT NULL DEFAULT 4 CHECK (digits BETWEEN 1 AND 10),
        account_id TEXT REFERENCES accounts(id),
        created_at TEXT NOT NULL,
        CHECK ((kind = 'external') = (code GLOB 'ext:*')),
        CHECK (kind = 'external' OR prefix IS NOT NULL)
      ) STRICT;
      INSERT INTO series (code, kind, prefix, created_at) VALUES
        ('INV', 'invoice', 'INV', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        ('CN', 'credit_note', 'CN', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      -- One counter per gapless series and year; the UPDATE … RETURNING inside BEGIN IMMEDIATE is the
      -- only way a number is taken, so numbers cannot race between processes.
      CREATE TABLE series_counters (
        series TEXT NOT NULL REFERENCES series(code),
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),
        start_number INTEGER NOT NULL DEFAULT 1 CHECK (start_number >= 1),
        next_number INTEGER NOT NULL CHECK (next_number >= start_number),
        -- numbers follow issue dates: nothing is issued with a date before the series' last one
        last_issue_date TEXT,
        PRIMARY KEY (series, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE invoices (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice','credit_note')),
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','issued','partially_paid','paid','cancelled','expired')),
        series TEXT REFERENCES series(code),
        number TEXT CHECK (length(number) BETWEEN 1 AND 100),
        number_year INTEGER,
        number_seq INTEGER CHECK (number_seq >= 1),
        customer_id TEXT REFERENCES customers(id),
        -- the customer's name (live for drafts, the snapshot's once issued): listing and search
        customer_name TEXT NOT NULL DEFAULT '',
        -- CustomerSnapshot: live copy for drafts, frozen at issue time
        customer_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(customer_json)),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        issue_date TEXT CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        due_date TEXT CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        notes TEXT CHECK (length(notes) <= 5000),
        terms TEXT CHECK (length(terms) <= 2000),
        discount_json TEXT CHECK (json_valid(discount_json)),
        lines_net INTEGER NOT NULL DEFAULT 0,
        allowance_total INTEGER NOT NULL DEFAULT 0,
        tax_total INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
        credited INTEGER NOT NULL DEFAULT 0 CHECK (credited >= 0),
        corrects_invoice_id TEXT REFERENCES invoices(id),
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        issued_at TEXT,
        issue_key TEXT GENERATED ALWAYS AS (ifnull(issue_date, '')) VIRTUAL,
        due_key TEXT GENERATED ALWAYS AS (ifnull(due_date, '')) VIRTUAL,
        number_key TEXT GENERATED ALWAYS AS (ifnull(number, '')) VIRTUAL,
        CHECK ((status = 'draft') = (number IS NULL)),
        CHECK (status = 'draft' OR (series IS NOT NULL AND issue_date IS NOT NULL AND issued_at IS NOT NULL)),
        CHECK ((number_year IS NULL) = (number_seq IS NULL)),
        CHECK (number_seq IS NULL OR series NOT GLOB 'ext:*'),
        CHECK ((kind = 'credit_note') = (corrects_invoice_id IS NOT NULL)),
        CHECK (due_date IS NULL OR issue_date IS NULL OR due_date >= issue_date),
        CHECK (total = lines_net - allowance_total + tax_total)
      ) STRICT;
      -- gapless numbers are unique per series and year; every number is unique in its series
      CREATE UNIQUE INDEX invoices_series_seq ON invoices (series, number_year, number_seq) WHERE number_seq IS NOT NULL;
      CREATE UNIQUE INDEX invoices_series_number ON invoices (series, number) WHERE number IS NOT NULL;
      -- list pages: filter by status (or customer) and walk a sort key with keyset pagination
      CREATE INDEX invoices_status_due ON invoices (status, due_key, id);
      CREATE INDEX invoices_status_issue ON invoices (status, issue_key, id);
      CREATE INDEX invoices_status_created ON invoices (status, created_at, id);
      CREATE INDEX invoices_due ON invoices (due_key, id);
      CREATE INDEX invoices_issue ON invoices (issue_key, id);
      CREATE INDEX invoices_created ON invoices (created_at, id);
      CREATE INDEX invoices_number ON invoices (number_key, id);
      CREATE INDEX invoices_customer ON invoices (customer_id, issue_key, id);
      CREATE INDEX invoices_corrects ON invoices (corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL;
      -- dashboard: open invoices per currency, covering (no table lookups)
      CREATE INDEX invoices_open ON invoices (currency, status, due_key, total, paid, credited)
        WHERE kind = 'invoice' AND status IN ('issued','partially_paid','expired');

      -- Substring search on number and customer name (trigram FTS5 over the normalized search_text).
      CREATE VIRTUAL TABLE invoice_search USING fts5(
        search_text, content='invoices', content_rowid='seq', tokenize='trigram', columnsize=0
      );
      CREATE TRIGGER invoices_search_insert AFTER INSERT ON invoices BEGIN
        INSERT INTO invoice_search (rowid, search_text) VALUES (new.seq, new.search_text);
      END;
      CREATE TRIGGER invoices_search_delete AFTER DELETE ON invoices BEGIN
        INSERT INTO invoice_search (invoice_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
      END;
      CREATE TRIGGER invoices_search_update AFTER UPDATE OF search_text ON invoices
      WHEN old.search_text IS NOT new.search_text BEGIN
        INSERT INTO invoice_search (invoice_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
        INSERT INTO invoice_search (rowid, search_text) VALUES (new.seq, new.search_text);
      END;

      -- Issued invoices are immutable: only status, paid, credited, updated_at (and the search text) may change.
      CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE ON invoices
      WHEN old.status <> 'draft' AND (
        new.status = 'draft' OR new.id IS NOT old.id OR new.kind IS NOT old.kind OR new.series IS NOT old.series
        OR new.number IS NOT old.number OR new.number_year IS NOT old.number_year OR new.number_seq IS NOT old.number_seq
        OR new.customer_id IS NOT old.customer_id OR new.customer_name IS NOT old.customer_name
        OR new.customer_json IS NOT old.customer_json OR new.currency IS NOT old.currency
        OR new.issue_date IS NOT old.issue_date OR new.due_date IS NOT old.due_date
        OR new.notes IS NOT old.notes OR new.terms IS NOT old.terms OR new.discount_json IS NOT old.discount_json
        OR new.lines_net IS NOT old.lines_net OR new.allowance_total IS NOT old.allowance_total
        OR new.tax_total IS NOT old.tax_total OR new.total IS NOT old.total
        OR new.corrects_invoice_id IS NOT old.corrects_invoice_id OR new.created_at IS NOT old.created_at
        OR new.issued_at IS NOT old.issued_at)
      BEGIN
        SELECT RAISE(ABORT, 'kassa:issued_invoice_immutable');
      END;
      CREATE TRIGGER invoices_issued_undeletable BEFORE DELETE ON invoices WHEN old.status <> 'draft' BEGIN
        SELECT RAISE(ABORT, 'kassa:issued_invoice_undeletable');
      END;

      CREATE TABLE invoice_lines (
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
        quantity TEXT NOT NULL CHECK (quantity GLOB '[0-9]*' AND quantity NOT GLOB '*[^0-9.]*'),
        unit_code TEXT NOT NULL DEFAULT 'C62',
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
        tax_rate TEXT NOT NULL CHECK (tax_rate GLOB '[0-9]*' AND tax_rate NOT GLOB '*[^0-9.]*'),
        tax_category TEXT NOT NULL CHECK (tax_category IN ('S','Z','E','AE','K','G','O','L','M')),
        exemption_reason TEXT CHECK (length(exemption_reason) <= 500),
        net INTEGER NOT NULL,
        PRIMARY KEY (invoice_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
      WHEN (SELECT status <> 'draft' AND series NOT GLOB 'ext:*' FROM invoices WHERE id = new.invoice_id) BEGIN
        SELECT RAISE(ABORT, 'kassa:issued_invoice_immutable');
      END;
      CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
      WHEN (SELECT status <> 'draft' FROM invoices WHERE id = old.invoice_id) BEGIN
        SELECT RAISE(ABORT, 'kassa:issued_invoice_immutable');
      END;
      CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
      WHEN (SELECT status <> 'draft' FROM invoices WHERE id = old.invoice_id) BEGIN
        SELECT RAISE(ABORT, 'kassa:issued_invoice_immutable');
      END;

      -- Payments are voided, never deleted or edited.
      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount INTEGER NOT NULL CHECK (amount > 0),
        method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 50),
        note TEXT CHECK (length(note) <= 500),
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','provider')),
        account_id TEXT REFERENCES accounts(id),
        remote_id TEXT,
        created_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT CHECK (length(void_reason) <= 500),
        CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      ) STRICT;
      CREATE INDEX payments_invoice ON payments (invoice_id, date, id);
      CREATE INDEX payments_by_month ON payments (date, currency, amount) WHERE voided_at IS NULL;
      CREATE UNIQUE INDEX payments_remote ON payments (account_id, remote_id) WHERE remote_id IS NOT NULL;
      CREATE TRIGGER payments_undeletable BEFORE DELETE ON payments BEGIN
        SELECT RAISE(ABORT, 'kassa:payment_undeletable');
      END;
      CREATE TRIGGER payments_void_only BEFORE UPDATE ON payments
      WHEN old.voided_at IS NOT NULL OR new.voided_at IS NULL
        OR new.id IS NOT old.id OR new.invoice_id IS NOT old.invoice_id OR new.currency IS NOT old.currency
        OR new.date IS NOT old.date OR new.amount IS NOT old.amount OR new.method IS NOT old.method
        OR new.note IS NOT old.note OR new.source IS NOT old.source OR new.account_id IS NOT old.account_id
        OR new.remote_id IS NOT old.remote_id OR new.created_at IS NOT old.created_at
      BEGIN
        SELECT RAISE(ABORT, 'kassa:payment_immutable');
      END;

      -- Append-only history of every change. No foreign key: a deleted draft's history outlives it.
      CREATE TABLE invoice_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        invoice_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('user','cli','provider','system')),
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        details_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details_json))
      ) STRICT;
      CREATE INDEX invoice_history_invoice ON invoice_history (invoice_id, id);
      CREATE TRIGGER invoice_history_no_update BEFORE UPDATE ON invoice_history BEGIN
        SELECT RAISE(ABORT, 'kassa:history_append_only');
      END;
      CREATE TRIGGER invoice_history_no_delete BEFORE DELETE ON invoice_history BEGIN
        SELECT RAISE(ABORT, 'kassa:history_append_only');
      END;

      -- An invoice's copy at a provider account. raw_json is the provider's payload verbatim.
      CREATE TABLE invoice_links (
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        account_id TEXT NOT NULL REFERENCES accounts(id),
        remote_id TEXT,
        reference TEXT NOT NULL,
        remote_status TEXT,
        payment_url TEXT,
        payment_url_observed INTEGER NOT NULL DEFAULT 0 CHECK (payment_url_observed IN (0,1)),
        raw_json TEXT,
        last_synced_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (invoice_id, account_id),
        UNIQUE (account_id, remote_id),
        UNIQUE (account_id, reference)
      ) STRICT;

      -- Changes that must reach a provider, written in the same transaction as the change (Sync drains it).
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        account_id TEXT NOT NULL REFERENCES accounts(id),
        op TEXT NOT NULL CHECK (op IN ('create','cancel','mark_paid','share','delete')),
        payload_json TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed','needs_review','unknown','skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        last_error_json TEXT,
        result_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_drain ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_invoice ON outbox (invoice_id, id);
    `);
  },
};
