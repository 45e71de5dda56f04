import type { Migration } from '../migrate';

/**
 * The business's default tax rate: the one new lines use when they name none (the composer, the CLI, imports).
 * A reference to a tax rate rather than a copy, so "the default" is one of the rates the user manages (and
 * archiving it is refused while it is the default); lines still copy rate, category and reason when written.
 */
export const m006: Migration = {
  version: 6,
  name: 'default_tax_rate',
  up(db) {
    db.exec(`ALTER TABLE profile ADD COLUMN default_tax_rate_id TEXT REFERENCES tax_rates(id);`);
  },
};
