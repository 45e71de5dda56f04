/** Owner of the `invoice_history` table: append-only (the schema rejects UPDATE and DELETE on it). */
import type { Database as Db } from 'better-sqlite3';
import type { Actor, HistoryEntry } from '../../../shared/contract/invoices';
import type { InvoiceStatus } from '../../../shared/domain';
import type { LedgerCtx } from '../context';
import { stmt } from '../sql';

export function appendHistory(
  ctx: LedgerCtx,
  invoiceId: string,
  action: string,
  from: InvoiceStatus | null,
  to: InvoiceStatus | null,
  details: Record<string, unknown> = {},
): number {
  const r = stmt(
    ctx.db,
    `INSERT INTO invoice_history (invoice_id, at, actor, action, from_status, to_status, details_json)
     VALUES (@invoiceId, @at, @actor, @action, @from, @to, @details)`,
  ).run({
    invoiceId,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    action,
    from,
    to,
    details: JSON.stringify(details),
  });
  return Number(r.lastInsertRowid);
}

export interface HistoryRow {
  id: number;
  invoice_id: string;
  at: string;
  actor: Actor;
  action: string;
  from_status: InvoiceStatus | null;
  to_status: InvoiceStatus | null;
  details_json: string;
}

function mapHistory(r: HistoryRow): HistoryEntry {
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
  };
}

export function listHistory(db: Db, invoiceId: string): HistoryEntry[] {
  return stmt<HistoryRow>(db, `SELECT * FROM invoice_history WHERE invoice_id = @invoiceId ORDER BY id`)
    .all({ invoiceId })
    .map(mapHistory);
}

/** The raw rows of these history entries (the record chain hashes them as stored). */
export function historyRowsByIds(db: Db, ids: readonly number[]): HistoryRow[] {
  return stmt<HistoryRow>(db, `SELECT * FROM invoice_history WHERE id IN (SELECT value FROM json_each(@ids))`).all({
    ids: JSON.stringify(ids),
  });
}
