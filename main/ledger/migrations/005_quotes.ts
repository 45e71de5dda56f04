import type { Migration } from '../migrate';

/**
 * Quotes: their own number series (QUO-YYYY-NNNN, gapless per year like invoices, through the same counters), their
 * own tables, and the link to the invoice a quote became.
 *
 * - `series.kind` gains 'quote'. SQLite cannot change a CHECK in place and `series` is a parent table (invoices and
 *   series_counters reference it), so it is rebuilt under its own name with foreign keys deferred: dropping it
 *   counts the references it leaves dangling, inserting the same rows into the new table counts them back, and the
 *   commit fails unless every reference has its row again.
 * - A quote is numbered when it is made and never changes afterwards (a new quote replaces it); its status moves
 *   open → accepted | declined, and "expired" is read from valid_until, so nothing has to run for a quote to expire.
 * - invoice_id is the invoice the quote was converted to; the invoice finds its quote through it (both ways, one
 *   fact). A converted draft the user deletes frees the quote again (ON DELETE SET NULL).
 */
export const m005: Migration = {
  version: 5,
  name: 'quotes',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE series_before_quotes AS SELECT * FROM series;
      DROP TABLE series;
      CREATE TABLE series (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit_note','external','quote')),
        prefix TEXT,
        digits INTEGER NOT NULL DEFAULT 4 CHECK (digits BETWEEN 1 AND 10),
        account_id TEXT REFERENCES accounts(id),
        created_at TEXT NOT NULL,
        CHECK ((kind = 'external') = (code GLOB 'ext:*')),
        CHECK (kind = 'external' OR prefix IS NOT NULL)
      ) STRICT;
      INSERT INTO series (code, kind, prefix, digits, account_id, created_at)
        SELECT code, kind, prefix, digits, account_id, created_at FROM series_before_quotes;
      DROP TABLE series_before_quotes;
      INSERT INTO series (code, kind, prefix, created_at) VALUES ('QUO', 'quote', 'QUO', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 100),
        number_year INTEGER NOT NULL,
        number_seq INTEGER NOT NULL CHECK (number_seq >= 1),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','declined')),
        customer_id TEXT NOT NULL REFERENCES customers(id),
        -- CustomerSnapshot frozen when the quote was made
        customer_json TEXT NOT NULL CHECK (json_valid(customer_json)),
        customer_name TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        issue_date TEXT NOT NULL CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        valid_until TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        notes TEXT CHECK (length(notes) <= 5000),
        terms TEXT CHECK (length(terms) <= 2000),
        discount_json TEXT CHECK (json_valid(discount_json)),
        lines_net INTEGER NOT NULL,
        allowance_total INTEGER NOT NULL,
        tax_total INTEGER NOT NULL,
        total INTEGER NOT NULL,
        invoice_id TEXT REFERENCES invoices(id) ON DELETE SET NULL,
        decided_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (number_year, number_seq),
        CHECK (valid_until >= issue_date),
        CHECK ((status = 'open') = (decided_at IS NULL)),
        CHECK (invoice_id IS NULL OR status = 'accepted'),
        CHECK (total = lines_net - allowance_total + tax_total)
      ) STRICT;
      CREATE INDEX quotes_by_number ON quotes (number_year DESC, number_seq DESC);
      CREATE INDEX quotes_customer ON quotes (customer_id, number_year, number_seq);
      CREATE UNIQUE INDEX quotes_invoice ON quotes (invoice_id) WHERE invoice_id IS NOT NULL;

      CREATE TABLE quote_lines (
        quote_id TEXT NOT NULL REFERENCES quotes(id),
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
        PRIMARY KEY (quote_id, position)
      ) STRICT, WITHOUT ROWID;
      -- A quote's lines are written once, with the quote.
      CREATE TRIGGER quote_lines_frozen_update BEFORE UPDATE ON quote_lines BEGIN
        SELECT RAISE(ABORT, 'kassa:quote_immutable');
      END;
      CREATE TRIGGER quote_lines_frozen_delete BEFORE DELETE ON quote_lines BEGIN
        SELECT RAISE(ABORT, 'kassa:quote_immutable');
      END;
      CREATE TRIGGER quotes_undeletable BEFORE DELETE ON quotes BEGIN
        SELECT RAISE(ABORT, 'kassa:quote_immutable');
      END;
      -- Only the decision, the link to its invoice and updated_at may change.
      CREATE TRIGGER quotes_content_frozen BEFORE UPDATE ON quotes
      WHEN new.id IS NOT old.id OR new.number IS NOT old.number OR new.number_year IS NOT old.number_year
        OR new.number_seq IS NOT old.number_seq OR new.customer_id IS NOT old.customer_id
        OR new.customer_json IS NOT old.customer_json OR new.customer_name IS NOT old.customer_name
        OR new.currency IS NOT old.currency OR new.issue_date IS NOT old.issue_date
        OR new.valid_until IS NOT old.valid_until OR new.notes IS NOT old.notes OR new.terms IS NOT old.terms
        OR new.discount_json IS NOT old.discount_json OR new.lines_net IS NOT old.lines_net
        OR new.allowance_total IS NOT old.allowance_total OR new.tax_total IS NOT old.tax_total
        OR new.total IS NOT old.total OR new.created_at IS NOT old.created_at
      BEGIN
        SELECT RAISE(ABORT, 'kassa:quote_immutable');
      END;
    `);
  },
};
