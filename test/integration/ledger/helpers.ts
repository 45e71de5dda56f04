/** Shared set-up for ledger tests: real services on a temp data dir, a movable clock, quick fixtures. */
import type { Database as Db } from 'better-sqlite3';
import type { MethodInput } from '../../../shared/api';
import type { Invoice } from '../../../shared/domain';
import { MemorySecretStore } from '../../../main/secrets';
import type { Services } from '../../../main/services';
import { caller, testServices } from '../../helpers/services';

export interface Clock {
  now: Date;
  set(iso: string): void;
}

export async function ledgerServices(start = '2026-03-10T12:00:00Z') {
  const clock: Clock = {
    now: new Date(start),
    set(iso) {
      this.now = new Date(iso);
    },
  };
  const s = await testServices({ now: () => clock.now, secretStore: new MemorySecretStore() });
  const call = caller(s);
  return { s, call, clock, db: s.ledger.db };
}

export type Call = ReturnType<typeof caller>;

export const line = (
  over: Partial<MethodInput<'invoice.create'>['lines'] extends Array<infer L> | undefined ? L : never> = {},
) => ({
  description: 'Consulting',
  quantity: '1',
  unitPrice: 10_000,
  taxRate: '14',
  taxCategory: 'S' as const,
  ...over,
});

export async function customer(call: Call, name = 'Nile Bakery'): Promise<string> {
  return (await call('customer.create', { name })).id;
}

export async function draft(
  call: Call,
  customerId: string,
  over: Partial<MethodInput<'invoice.create'>> = {},
): Promise<Invoice> {
  return call('invoice.create', { customerId, currency: 'EUR', lines: [line()], ...over });
}

export async function issued(
  call: Call,
  customerId: string,
  over: Partial<MethodInput<'invoice.create'>> = {},
  issue: Partial<MethodInput<'invoice.issue'>> = {},
): Promise<Invoice> {
  const d = await draft(call, customerId, over);
  return call('invoice.issue', { id: d.id, ...issue });
}

/** A provider account row, inserted directly (the accounts service needs the keychain; the ledger does not). */
export function insertAccount(db: Db, id = 'acc_test1', provider = 'kashier'): string {
  db.prepare(
    `INSERT INTO accounts (id, provider, name, mode, created_at, updated_at) VALUES (?, ?, ?, 'test', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  ).run(id, provider, `Account ${id}`);
  return id;
}

/** Every row of every ledger table: compare before/after to prove a refused call changed nothing. */
export function dumpLedger(db: Db): Record<string, unknown[]> {
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'invoice_search%' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables)
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return out;
}

export async function expectError(
  p: Promise<unknown>,
  code: string,
  field?: string,
): Promise<{ code: string; field?: string | undefined; message: string; kind: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: string; field?: string; message: string; kind: string };
    if (e.code !== code) throw new Error(`expected error ${code}, got ${e.code}: ${e.message}`);
    if (field !== undefined && e.field !== field)
      throw new Error(`expected field ${field}, got ${String(e.field)} (${e.message})`);
    return e;
  }
  throw new Error(`expected error ${code}, but the call succeeded`);
}

/** Every item of a paged list, walked page by page with the cursor each page gives. */
export async function walkPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.nextCursor) return out;
    cursor = p.nextCursor;
  }
  throw new Error('pagination did not end');
}

export type { Services };
