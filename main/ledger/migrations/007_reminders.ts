import type { Migration } from '../migrate';

/**
 * Payment reminders. The default rule set lives in `meta` (reminders.rules); these tables hold the per-invoice
 * overrides and what was done.
 *
 * - reminder_sends' primary key (invoice, step) is the unit of work's key: a step is the number of days from the due
 *   date (−3, 0, 7, 14), whichever rule set it came from, so editing the rules never sends the same reminder twice.
 *   The row is written inside the very transaction that queues the message (or prepares the SMS/WhatsApp text),
 *   so a crash leaves both or neither, and a second process finds the step taken.
 * - A failed attempt (no mail server yet, no address) is a row too, retried later; a step passed over because a
 *   later one was due is recorded as skipped.
 */
export const m007: Migration = {
  version: 7,
  name: 'reminders',
  up(db) {
    db.exec(`
      CREATE TABLE reminder_overrides (
        invoice_id TEXT PRIMARY KEY REFERENCES invoices(id) ON DELETE CASCADE,
        -- JSON array of steps (days from the due date); [] = no reminders for this invoice
        steps_json TEXT NOT NULL CHECK (json_valid(steps_json) AND json_type(steps_json) = 'array'),
        -- NULL = the default rule set's route
        route TEXT CHECK (route IN ('email','provider','sms','whatsapp')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reminder_sends (
        invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        step INTEGER NOT NULL CHECK (step BETWEEN -365 AND 365),
        -- sent: queued or sent by e-mail / the provider (the share's outbox item says which);
        -- prepared: an SMS/WhatsApp text made for the user to send; skipped: passed over; failed: to retry
        state TEXT NOT NULL CHECK (state IN ('sent','prepared','skipped','failed')),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        route TEXT CHECK (route IN ('email','provider','sms','whatsapp')),
        template TEXT,
        outbox_id INTEGER,
        -- failed: the error (code + params); prepared: {to, url}; sent: {status, to}
        detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
        attempts INTEGER NOT NULL DEFAULT 0,
        retry_at TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (invoice_id, step),
        CHECK ((state = 'failed') = (retry_at IS NOT NULL))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX reminder_sends_recent ON reminder_sends (at DESC);
      CREATE INDEX reminder_sends_retry ON reminder_sends (retry_at) WHERE state = 'failed';
    `);
  },
};
