/**
 * The `accounts` table: non-secret account data plus the NAMES of the secret fields stored in the
 * keychain (secret_fields_json). Values never reach this module.
 */
import type { Db } from '../ledger/connection';
import type { AccountMode, ProviderAccount, ProviderId } from '../../shared/domain';
import { linkCountOfAccount } from '../ledger/tables/invoice-links';
import { secretFieldsOf } from './validate';

export interface StoredAccount {
  id: string;
  provider: ProviderId;
  name: string;
  mode: AccountMode;
  baseUrl: string | null;
  settings: Record<string, string>;
  /** Names of the secret fields present in the keychain. */
  secretFields: string[];
  createdAt: string;
  updatedAt: string;
}

interface AccountRow {
  id: string;
  provider: ProviderId;
  name: string;
  mode: AccountMode;
  base_url: string | null;
  settings_json: string;
  secret_fields_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, provider, name, mode, base_url, settings_json, secret_fields_json, created_at, updated_at';

function fromRow(r: AccountRow): StoredAccount {
  return {
    id: r.id,
    provider: r.provider,
    name: r.name,
    mode: r.mode,
    baseUrl: r.base_url,
    settings: JSON.parse(r.settings_json) as Record<string, string>,
    secretFields: JSON.parse(r.secret_fields_json) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toParams(a: StoredAccount): AccountRow {
  return {
    id: a.id,
    provider: a.provider,
    name: a.name,
    mode: a.mode,
    base_url: a.baseUrl,
    settings_json: JSON.stringify(a.settings),
    secret_fields_json: JSON.stringify([...new Set(a.secretFields)].sort()),
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

/** The contract shape: every secret field the provider knows, true where the keychain holds it. */
export function toProviderAccount(a: StoredAccount): ProviderAccount {
  const secretsSet: Record<string, boolean> = {};
  for (const f of secretFieldsOf(a.provider).all) secretsSet[f] = a.secretFields.includes(f);
  return {
    id: a.id,
    provider: a.provider,
    name: a.name,
    mode: a.mode,
    baseUrl: a.baseUrl,
    settings: { ...a.settings },
    secretsSet,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export class AccountRepository {
  constructor(private readonly db: Db) {}

  list(): StoredAccount[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY name COLLATE NOCASE, id`)
      .all() as AccountRow[];
    return rows.map(fromRow);
  }

  get(id: string): StoredAccount | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = @id`).get({ id }) as AccountRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** id and name of every account (the table is small: one row per provider account). */
  names(): Array<{ id: string; name: string }> {
    return this.db.prepare('SELECT id, name FROM accounts').all() as Array<{ id: string; name: string }>;
  }

  insert(a: StoredAccount): void {
    this.db
      .prepare(
        `INSERT INTO accounts (${COLUMNS}) VALUES (@id, @provider, @name, @mode, @base_url, @settings_json, @secret_fields_json, @created_at, @updated_at)`,
      )
      .run(toParams(a));
  }

  update(a: StoredAccount): void {
    this.db
      .prepare(
        `UPDATE accounts SET name = @name, mode = @mode, base_url = @base_url, settings_json = @settings_json,
           secret_fields_json = @secret_fields_json, updated_at = @updated_at WHERE id = @id`,
      )
      .run(toParams(a));
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE id = @id').run({ id }).changes > 0;
  }

  /**
   * How many invoices are linked to the account at its provider. The `invoice_links` table belongs to
   * the ledger schema and may not exist (older or partial schemas): then nothing can be linked.
   */
  linkedInvoiceCount(id: string): number {
    const table = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoice_links'").get();
    if (!table) return 0;
    const cols = this.db.prepare("SELECT name FROM pragma_table_info('invoice_links')").all() as Array<{
      name: string;
    }>;
    if (!cols.some((c) => c.name === 'account_id')) return 0;
    return linkCountOfAccount(this.db, id);
  }

  /**
   * Rows in other tables that point at the account through a declared foreign key (series of imported
   * invoices, payments, outbox, …), by table. Read from the schema so new tables are covered without
   * changes here; invoice_links is counted separately by linkedInvoiceCount.
   */
  references(id: string): Array<{ table: string; count: number }> {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>;
    const out: Array<{ table: string; count: number }> = [];
    for (const { name } of tables) {
      if (name === 'invoice_links') continue;
      const fks = this.db
        .prepare('SELECT "from" AS col FROM pragma_foreign_key_list(?) WHERE "table" = ?')
        .all(name, 'accounts') as Array<{ col: string }>;
      if (fks.length === 0) continue;
      const where = fks.map((f) => `"${f.col.replace(/"/g, '""')}" = @id`).join(' OR ');
      const n = (
        this.db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}" WHERE ${where}`).get({ id }) as {
          n: number;
        }
      ).n;
      if (n > 0) out.push({ table: name, count: n });
    }
    return out;
  }
}
