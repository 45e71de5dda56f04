import type { Migration } from '../migrate';

/**
 * Recurring schedules and their runs.
 *
 * Why it looks like this:
 * - A schedule keeps its own copy of the template's content (customer, currency, lines, discount, notes, terms):
 *   editing or deleting the invoice it was made from never changes what it bills.
 * - `next_period` / `next_date` say which period is due next (next_date NULL = ended), so "the earliest due unit
 *   of all schedules" is one indexed query, re-read inside each BEGIN IMMEDIATE.
 * - recurring_runs' primary key (schedule, period) is the unit of work's unique key: a period is claimed in the
 *   same transaction that creates its invoice, so a crash leaves it either wholly done or not started, and a
 *   second process can never do it again.
 * - A run's invoice may be a draft the user deletes later: the run stays (the period was done) and forgets it.
 */
export const m003: Migration = {
  version: 3,
  name: 'recurring',
  up(db) {
    db.exec(`
      CREATE TABLE recurring_schedules (
        id TEXT PRIMARY KEY,
        -- the invoice it was made from (no foreign key: a draft template may be deleted afterwards)
        template_id TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        -- {lines, discount, notes, terms} as the template had them
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        frequency TEXT NOT NULL CHECK (frequency IN ('week','2weeks','month','quarter','year')),
        start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        first_date TEXT NOT NULL CHECK (first_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        month_day INTEGER NOT NULL CHECK (month_day BETWEEN 1 AND 31),
        end_kind TEXT NOT NULL CHECK (end_kind IN ('never','after','on')),
        end_count INTEGER CHECK (end_count >= 1),
        end_date TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        action TEXT NOT NULL CHECK (action IN ('draft','issue')),
        account_id TEXT REFERENCES accounts(id),
        -- days from issue to due date; NULL = the profile's payment terms at the time of each run
        due_days INTEGER CHECK (due_days BETWEEN 0 AND 365),
        share_json TEXT CHECK (share_json IS NULL OR json_valid(share_json)),
        paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0,1)),
        next_period INTEGER NOT NULL DEFAULT 0 CHECK (next_period >= 0),
        next_date TEXT CHECK (next_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((end_kind = 'after') = (end_count IS NOT NULL)),
        CHECK ((end_kind = 'on') = (end_date IS NOT NULL)),
        CHECK (account_id IS NULL OR action = 'issue')
      ) STRICT;
      CREATE INDEX recurring_due ON recurring_schedules (next_date, created_at, id) WHERE paused = 0 AND next_date IS NOT NULL;

      CREATE TABLE recurring_runs (
        schedule_id TEXT NOT NULL REFERENCES recurring_schedules(id),
        period INTEGER NOT NULL CHECK (period >= 0),
        period_date TEXT NOT NULL CHECK (period_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        -- draft: a draft was made; issued: made and issued; held: made as a draft because issuing was refused
        -- (error_json says why); skipped: the period fell while the schedule was paused
        outcome TEXT NOT NULL CHECK (outcome IN ('draft','issued','held','skipped')),
        invoice_id TEXT REFERENCES invoices(id) ON DELETE SET NULL,
        error_json TEXT CHECK (error_json IS NULL OR json_valid(error_json)),
        at TEXT NOT NULL,
        PRIMARY KEY (schedule_id, period),
        CHECK ((outcome = 'held') = (error_json IS NOT NULL))
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX recurring_runs_invoice ON recurring_runs (invoice_id) WHERE invoice_id IS NOT NULL;
    `);
  },
};
