/**
 * Owner of the `meta` table: the ledger's small key/value store (one JSON or text value per key), for state that
 * needs no table of its own, e.g. sync's per-account state under `sync.account:<id>`.
 */
import type { Database as Db } from 'better-sqlite3';
import { stmt } from '../sql';

export function readMeta(db: Db, key: string): string | undefined {
  return stmt<{ value: string }>(db, `SELECT value FROM meta WHERE key = @key`).get({ key })?.value;
}

/** Every key that starts with `prefix`, with its value. */
export function readMetaPrefix(db: Db, prefix: string): Array<{ key: string; value: string }> {
  // GLOB with the prefix's own wildcards escaped as one-character classes.
  const pattern = `${prefix.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
  return stmt<{ key: string; value: string }>(db, `SELECT key, value FROM meta WHERE key GLOB @pattern`).all({
    pattern,
  });
}

export function writeMeta(db: Db, key: string, value: string): void {
  stmt(
    db,
    `INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run({
    key,
    value,
  });
}
