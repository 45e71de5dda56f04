import type { Migration } from '../migrate';

/** Skeleton schema; the ledger issue replaces this file before the first release. */
export const m001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE invoices (id TEXT PRIMARY KEY, customer_id TEXT REFERENCES customers(id)) STRICT;
    `);
  },
};
