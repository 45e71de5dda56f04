/**
 * Writing to the outbox: a change that must reach a provider is queued in the same transaction as the change
 * itself, so a crash can never record one without the other. Draining (leases, retries) belongs to main/sync.
 */
import type { LedgerCtx } from './context';
import { stmt } from './sql';

export type OutboxOp = 'create' | 'cancel' | 'mark_paid' | 'share' | 'delete';

export function enqueueOutbox(
  ctx: LedgerCtx,
  invoiceId: string,
  accountId: string,
  op: OutboxOp,
  payload: Record<string, unknown> = {},
): number {
  const at = ctx.now.toISOString();
  const r = stmt(
    ctx.db,
    `INSERT INTO outbox (invoice_id, account_id, op, payload_json, state, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
  ).run(invoiceId, accountId, op, JSON.stringify(payload), at, at, at);
  return Number(r.lastInsertRowid);
}

/** Accounts an invoice is linked to (where cancel / mark_paid must be sent). */
export function linkedAccounts(ctx: LedgerCtx, invoiceId: string): string[] {
  return stmt<{ account_id: string }>(
    ctx.db,
    `SELECT account_id FROM invoice_links WHERE invoice_id = ? ORDER BY account_id`,
  )
    .all(invoiceId)
    .map((r) => r.account_id);
}
