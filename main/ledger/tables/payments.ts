/**
 * Owner of the `payments` table. Payments are inserted and voided, never edited or deleted (the schema enforces
 * it); the rules for recording them are in payments.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Payment } from '../../../shared/domain';
import { stmt } from '../sql';

export interface PaymentRow {
  id: string;
  invoice_id: string;
  date: string;
  amount: number;
  method: string;
  note: string | null;
  source: 'manual' | 'provider';
  voided_at: string | null;
  void_reason: string | null;
}

export function mapPayment(r: PaymentRow): Payment {
  const p: Payment = {
    id: r.id,
    date: r.date,
    amount: r.amount,
    method: r.method,
    source: r.source,
    voidedAt: r.voided_at,
  };
  if (r.note) p.note = r.note;
  if (r.void_reason) p.voidReason = r.void_reason;
  return p;
}

/** The payments of these invoices (voided ones too), by invoice, date and id. */
export function paymentsOf(db: Db, invoiceIds: readonly string[]): PaymentRow[] {
  return stmt<PaymentRow>(
    db,
    `SELECT id, invoice_id, date, amount, method, note, source, voided_at, void_reason
     FROM payments WHERE invoice_id IN (SELECT value FROM json_each(@ids)) ORDER BY invoice_id, date, id`,
  ).all({ ids: JSON.stringify(invoiceIds) });
}

/** The payment a provider reported under this remote key, if it was recorded already. */
export function paymentIdOfRemote(db: Db, accountId: string, remoteId: string): string | undefined {
  return stmt<{ id: string }>(
    db,
    `SELECT id FROM payments WHERE account_id = @accountId AND remote_id = @remoteId`,
  ).get({
    accountId,
    remoteId,
  })?.id;
}

export function findPaymentOn(
  db: Db,
  invoiceId: string,
  paymentId: string,
): { amount: number; date: string; voided_at: string | null } | undefined {
  return stmt<{ amount: number; date: string; voided_at: string | null }>(
    db,
    `SELECT amount, date, voided_at FROM payments WHERE id = @paymentId AND invoice_id = @invoiceId`,
  ).get({ invoiceId, paymentId });
}

/** Sum of the payments one account reported for an invoice (voided ones left out). */
export function providerPaidSum(db: Db, invoiceId: string, accountId: string): number {
  return (
    stmt<{ s: number | null }>(
      db,
      `SELECT sum(amount) AS s FROM payments
       WHERE invoice_id = @invoiceId AND account_id = @accountId AND source = 'provider' AND voided_at IS NULL`,
    ).get({ invoiceId, accountId })?.s ?? 0
  );
}

export interface NewPayment {
  id: string;
  invoiceId: string;
  currency: string;
  date: string;
  amount: number;
  method: string;
  note: string | null;
  /** Set when a provider reported it. */
  provider: { accountId: string; remoteId: string } | null;
  at: string;
}

export function insertPayment(db: Db, p: NewPayment): void {
  stmt(
    db,
    `INSERT INTO payments (id, invoice_id, currency, date, amount, method, note, source, account_id, remote_id, created_at)
     VALUES (@id, @invoice_id, @currency, @date, @amount, @method, @note, @source, @account_id, @remote_id, @at)`,
  ).run({
    id: p.id,
    invoice_id: p.invoiceId,
    currency: p.currency,
    date: p.date,
    amount: p.amount,
    method: p.method,
    note: p.note,
    source: p.provider ? 'provider' : 'manual',
    account_id: p.provider?.accountId ?? null,
    remote_id: p.provider?.remoteId ?? null,
    at: p.at,
  });
}

export function voidPaymentRow(db: Db, paymentId: string, reason: string, at: string): void {
  stmt(db, `UPDATE payments SET voided_at = @at, void_reason = @reason WHERE id = @paymentId`).run({
    paymentId,
    reason,
    at,
  });
}

/** Every column of a payment, as stored (the record chain hashes it). */
export interface PaymentRecordRow extends PaymentRow {
  currency: string;
  account_id: string | null;
  remote_id: string | null;
  created_at: string;
}

export function paymentRecordsByIds(db: Db, ids: readonly string[]): PaymentRecordRow[] {
  return stmt<PaymentRecordRow>(
    db,
    `SELECT id, invoice_id, currency, date, amount, method, note, source, account_id, remote_id, created_at, voided_at, void_reason
     FROM payments WHERE id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ids) });
}
