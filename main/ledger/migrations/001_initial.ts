import type { Migration } from '../migrate';

/** Skeleton schema; the ledger issue replaces this file before the first release. Keep the accounts table as is. */
export const m001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE invoices (id TEXT PRIMARY KEY, customer_id TEXT REFERENCES customers(id)) STRICT;
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
    `);
  },
};
