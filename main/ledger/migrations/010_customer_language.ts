import type { Migration } from '../migrate';

/**
 * The language a customer reads (en, ar, es): their documents — PDF, e-mail and reminder texts — are written in it,
 * whatever language the app is shown in. NULL: the business's language (its locale's).
 */
export const m010: Migration = {
  version: 10,
  name: 'customer_language',
  up(db) {
    db.exec(
      `ALTER TABLE customers ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'ar', 'es'));`,
    );
  },
};
