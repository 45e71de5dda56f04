/**
 * Refunds: money paid back to a customer when an invoice has received more than it asks for (a paid invoice
 * credited afterwards, an overpayment). A refund is a record of its own (id, date, amount, method, and the
 * credit note it pays out when named), voided but never edited or deleted, and it appears in the invoice's
 * history. It never changes the invoice's status: it settles the negative balance back towards zero.
 *
 * No provider Kassa talks to documents a refund operation for invoices (see ../shared/providers/), so a
 * refund is recorded in the ledger only; nothing is queued for Sync.
 */
import type { InvoiceStatus } from '../../shared/domain';
import { refused } from '../../shared/errors';
import { balanceOf, refundableOf } from '../../shared/settlement';
import { appendRecord } from './chain';
import { todayOf, type LedgerCtx } from './context';
import { newId } from './ids';
import { assertDateOpen } from './periods';
import { appendHistory } from './tables/history';
import { getInvoiceRow, setRefundedRow, setStatusRow, type InvoiceRow } from './tables/invoices';
import { settledStatus } from './status';
import { findRefundOn, insertRefund, voidRefundRow } from './tables/refunds';

export interface RefundInput {
  invoiceId: string;
  amount: number;
  date?: string | undefined;
  method: string;
  note?: string | null | undefined;
  creditNoteId?: string | undefined;
}

export function recordRefund(ctx: LedgerCtx, input: RefundInput): { refundId: string } {
  const row = getInvoiceRow(ctx.db, input.invoiceId);
  if (row.kind !== 'invoice') throw refused('refund_on_credit_note', {}, 'id');
  if (row.status === 'draft') throw refused('refund_on_draft', {}, 'id');
  const owed = refundableOf(row);
  if (owed === 0) throw refused('refund_not_owed', { number: row.number ?? row.id }, 'amount');
  if (input.amount > owed) {
    throw refused(
      'refund_exceeds_owed',
      {
        amount: { minor: input.amount, currency: row.currency },
        owed: { minor: owed, currency: row.currency },
        number: row.number ?? row.id,
      },
      'amount',
    );
  }
  if (input.creditNoteId) {
    const cn = getInvoiceRow(ctx.db, input.creditNoteId);
    if (cn.kind !== 'credit_note' || cn.corrects_invoice_id !== row.id)
      throw refused('refund_credit_note_mismatch', { number: row.number ?? row.id }, 'creditNoteId');
  }
  const today = todayOf(ctx);
  const date = input.date ?? today;
  if (date > today) throw refused('refund_date_in_future', { date }, 'date');
  assertDateOpen(ctx.db, date, 'date');
  const id = newId('ref', ctx.now);
  const at = ctx.now.toISOString();
  insertRefund(ctx.db, {
    id,
    invoiceId: row.id,
    creditNoteId: input.creditNoteId ?? null,
    currency: row.currency,
    date,
    amount: input.amount,
    method: input.method,
    note: input.note || null,
    at,
  });
  const refunded = row.refunded + input.amount;
  const status = settleRefunded(ctx, row, refunded, at);
  appendHistory(ctx, row.id, 'refund_recorded', row.status, status, {
    refundId: id,
    amount: input.amount,
    date,
    method: input.method,
    ...(input.creditNoteId ? { creditNoteId: input.creditNoteId } : {}),
    balance: balanceOf({ ...row, refunded }),
  });
  appendRecord(ctx, { kind: 'refund', refId: id, invoiceId: row.id, label: row.number ?? row.id });
  return { refundId: id };
}

export function voidRefund(ctx: LedgerCtx, invoiceId: string, refundId: string, reason: string): void {
  const row = getInvoiceRow(ctx.db, invoiceId);
  const r = findRefundOn(ctx.db, invoiceId, refundId);
  if (!r) throw refused('refund_not_found', { id: refundId }, 'refundId');
  if (r.voided_at) throw refused('refund_already_voided', {}, 'refundId');
  assertDateOpen(ctx.db, r.date, 'refundId');
  const at = ctx.now.toISOString();
  voidRefundRow(ctx.db, refundId, reason, at);
  const refunded = row.refunded - r.amount;
  const status = settleRefunded(ctx, row, refunded, at);
  appendHistory(ctx, row.id, 'refund_voided', row.status, status, {
    refundId,
    amount: r.amount,
    reason,
    balance: balanceOf({ ...row, refunded }),
  });
  appendRecord(ctx, { kind: 'refund_void', refId: refundId, invoiceId: row.id, label: row.number ?? row.id });
}

/** Stores what was paid back and the status that follows from it (received = paid − refunded settles the invoice). */
function settleRefunded(ctx: LedgerCtx, row: InvoiceRow, refunded: number, at: string): InvoiceStatus {
  setRefundedRow(ctx.db, row.id, refunded, at);
  const status = settledStatus(row.kind, row.status, { ...row, refunded });
  if (status !== row.status) setStatusRow(ctx.db, row.id, status, at);
  return status;
}
