/**
 * Versioned migrations tracked with PRAGMA user_version. All pending migrations run in one
 * IMMEDIATE transaction after an online backup of the file; a ledger newer than this app refuses to open.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { KassaError } from '../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is not contiguous at index ${i} (version ${m.version}).`);
  });
}

export async function runMigrations(
  db: Db,
  migrations: readonly Migration[],
  opts: { file: string; backupDir: string; readonly: boolean },
): Promise<number> {
  assertMigrationList(migrations);
  const latest = latestVersion(migrations);
  const current = schemaVersionOf(db);
  if (current > latest) {
    throw new KassaError(
      'io',
      'ledger_too_new',
      { file: opts.file, version: current, latest },
      { details: { schemaVersion: current, supported: latest } },
    );
  }
  if (current === latest) return current;
  if (opts.readonly) {
    throw new KassaError('io', 'ledger_needs_migration', { file: opts.file });
  }
  if (current > 0 && opts.file !== ':memory:') {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dest = path.join(
      opts.backupDir,
      `${path.basename(opts.file, '.db')}-v${current}-before-v${latest}-${stamp}.db`,
    );
    await db.backup(dest);
  }
  const apply = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated while we waited.
    const now = schemaVersionOf(db);
    for (const m of migrations) {
      if (m.version <= now) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply.immediate();
  return schemaVersionOf(db);
}
