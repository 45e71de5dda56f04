import type { Migration } from '../migrate';

/**
 * Refunds: money paid back to a customer, so a paid invoice that was credited afterwards (or overpaid) can
 * settle to zero instead of showing a negative balance for ever.
 *
 * Why it looks like this:
 * - A table of its own rather than negative payments: payments stay "money received" (amount > 0, the
 *   dashboard's "paid this month"), refunds are "money paid back", each with its own id, void-only like
 *   payments (triggers), and an optional link to the credit note it pays out.
 * - invoices.refunded is stored next to paid and credited so lists and the dashboard never sum rows; the
 *   immutability trigger of migration 001 lists the columns an issued invoice must keep, and refunded is not
 *   one of them, so it may change like paid and credited do.
 * - The dashboard's covering index gains refunded (open invoices' balances), and a second partial index
 *   covers the invoices on which a refund is owed (paid, with more received and credited than charged).
 */
export const m004: Migration = {
  version: 4,
  name: 'refunds',
  up(db) {
    db.exec(`
      ALTER TABLE invoices ADD COLUMN refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0);

      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        credit_note_id TEXT REFERENCES invoices(id),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount INTEGER NOT NULL CHECK (amount > 0),
        method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 50),
        note TEXT CHECK (length(note) <= 500),
        created_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT CHECK (length(void_reason) <= 500),
        CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      ) STRICT;
      CREATE INDEX refunds_invoice ON refunds (invoice_id, date, id);
      CREATE INDEX refunds_by_month ON refunds (date, currency, amount) WHERE voided_at IS NULL;
      CREATE TRIGGER refunds_undeletable BEFORE DELETE ON refunds BEGIN
        SELECT RAISE(ABORT, 'kassa:refund_undeletable');
      END;
      CREATE TRIGGER refunds_void_only BEFORE UPDATE ON refunds
      WHEN old.voided_at IS NOT NULL OR new.voided_at IS NULL
        OR new.id IS NOT old.id OR new.invoice_id IS NOT old.invoice_id OR new.credit_note_id IS NOT old.credit_note_id
        OR new.currency IS NOT old.currency OR new.date IS NOT old.date OR new.amount IS NOT old.amount
        OR new.method IS NOT old.method OR new.note IS NOT old.note OR new.created_at IS NOT old.created_at
      BEGIN
        SELECT RAISE(ABORT, 'kassa:refund_immutable');
      END;

      DROP INDEX invoices_open;
      CREATE INDEX invoices_open ON invoices (currency, status, due_key, total, paid, credited, refunded)
        WHERE kind = 'invoice' AND status IN ('issued','partially_paid','expired');
      CREATE INDEX invoices_refund_owed ON invoices (currency, status, total, paid, credited, refunded)
        WHERE kind = 'invoice' AND status = 'paid' AND paid + credited > total + refunded;
    `);
  },
};
