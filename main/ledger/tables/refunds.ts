/**
 * Owner of the `refunds` table: money paid back to customers. Refunds are inserted and voided, never edited or
 * deleted (the schema enforces it); the rules for recording them are in refunds.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Refund } from '../../../shared/domain';
import { stmt } from '../sql';

export interface RefundRow {
  id: string;
  invoice_id: string;
  credit_note_id: string | null;
  date: string;
  amount: number;
  method: string;
  note: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

export function mapRefund(r: RefundRow): Refund {
  const x: Refund = {
    id: r.id,
    date: r.date,
    amount: r.amount,
    method: r.method,
    creditNoteId: r.credit_note_id,
    voidedAt: r.voided_at,
  };
  if (r.note) x.note = r.note;
  if (r.void_reason) x.voidReason = r.void_reason;
  return x;
}

const COLUMNS = 'id, invoice_id, credit_note_id, date, amount, method, note, voided_at, void_reason';

/** The refunds of these invoices (voided ones too), by invoice, date and id. */
export function refundsOf(db: Db, invoiceIds: readonly string[]): RefundRow[] {
  return stmt<RefundRow>(
    db,
    `SELECT ${COLUMNS} FROM refunds WHERE invoice_id IN (SELECT value FROM json_each(@ids)) ORDER BY invoice_id, date, id`,
  ).all({ ids: JSON.stringify(invoiceIds) });
}

/** The refunds that name this credit note (voided ones too), by date and id. */
export function refundsNaming(db: Db, creditNoteId: string): RefundRow[] {
  return stmt<RefundRow>(
    db,
    `SELECT ${COLUMNS} FROM refunds WHERE credit_note_id = @creditNoteId ORDER BY date, id`,
  ).all({
    creditNoteId,
  });
}

export function findRefundOn(db: Db, invoiceId: string, refundId: string): RefundRow | undefined {
  return stmt<RefundRow>(db, `SELECT ${COLUMNS} FROM refunds WHERE id = @refundId AND invoice_id = @invoiceId`).get({
    invoiceId,
    refundId,
  });
}

export interface NewRefund {
  id: string;
  invoiceId: string;
  creditNoteId: string | null;
  currency: string;
  date: string;
  amount: number;
  method: string;
  note: string | null;
  at: string;
}

export function insertRefund(db: Db, r: NewRefund): void {
  stmt(
    db,
    `INSERT INTO refunds (id, invoice_id, credit_note_id, currency, date, amount, method, note, created_at)
     VALUES (@id, @invoice_id, @credit_note_id, @currency, @date, @amount, @method, @note, @at)`,
  ).run({
    id: r.id,
    invoice_id: r.invoiceId,
    credit_note_id: r.creditNoteId,
    currency: r.currency,
    date: r.date,
    amount: r.amount,
    method: r.method,
    note: r.note,
    at: r.at,
  });
}

export function voidRefundRow(db: Db, refundId: string, reason: string, at: string): void {
  stmt(db, `UPDATE refunds SET voided_at = @at, void_reason = @reason WHERE id = @refundId`).run({
    refundId,
    reason,
    at,
  });
}

/** Every column of a refund, as stored (the record chain hashes it). */
export interface RefundRecordRow extends RefundRow {
  currency: string;
  created_at: string;
}

export function refundRecordsByIds(db: Db, ids: readonly string[]): RefundRecordRow[] {
  return stmt<RefundRecordRow>(
    db,
    `SELECT ${COLUMNS}, currency, created_at FROM refunds WHERE id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ids) });
}
