import type { Migration } from '../migrate';

/**
 * The business's document choices: the language of documents for customers without one (NULL: the locale's
 * language, as before), the bilingual Arabic + English layout, and the digits of Arabic documents (Latin unless the
 * business chooses Arabic-Indic).
 */
export const m011: Migration = {
  version: 11,
  name: 'document_language',
  up(db) {
    db.exec(`
      ALTER TABLE profile ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'ar', 'es'));
      ALTER TABLE profile ADD COLUMN document_layout TEXT NOT NULL DEFAULT 'single' CHECK (document_layout IN ('single', 'bilingual'));
      ALTER TABLE profile ADD COLUMN document_digits TEXT NOT NULL DEFAULT 'latn' CHECK (document_digits IN ('latn', 'arab'));
    `);
  },
};
