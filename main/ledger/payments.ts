/**
 * Payments: recorded (partial ones too) and voided — never edited or deleted (the schema enforces it).
 * A payment above the balance is refused unless the caller explicitly allows an overpayment (the balance then
 * goes negative: a refund is owed). Provider-reported payments are always accepted (the money did arrive)
 * and are idempotent on (account, remote id).
 */
import { appendRecord } from './chain';
import { todayOf, type LedgerCtx } from './context';
import { newId } from './ids';
import { assertDateOpen } from './periods';
import { settledStatus } from './status';
import { appendHistory } from './tables/history';
import { linkedAccountIds } from './tables/invoice-links';
import { getInvoiceRow, setSettlementRow } from './tables/invoices';
import { enqueueOutbox } from './tables/outbox';
import { findPaymentOn, insertPayment, paymentIdOfRemote, voidPaymentRow } from './tables/payments';
import { refused } from '../../shared/errors';
import { balanceOf } from '../../shared/settlement';

export interface PaymentInput {
  invoiceId: string;
  amount: number;
  date?: string | undefined;
  method: string;
  note?: string | null | undefined;
  allowOverpayment?: boolean;
  /** Set when a provider reported the payment (Sync). */
  provider?: { accountId: string; remoteId: string };
}

export function recordPayment(ctx: LedgerCtx, input: PaymentInput): { paymentId: string; duplicate: boolean } {
  const row = getInvoiceRow(ctx.db, input.invoiceId);
  if (input.provider) {
    const existing = paymentIdOfRemote(ctx.db, input.provider.accountId, input.provider.remoteId);
    if (existing) return { paymentId: existing, duplicate: true };
  }
  if (row.kind !== 'invoice') throw refused('credit_note_not_payable', {}, 'id');
  if (row.status === 'draft') throw refused('invoice_not_issued', { context: 'payment' }, 'id');
  if (row.status === 'cancelled')
    throw refused('invoice_cancelled', { number: row.number ?? 'none', context: 'payment' }, 'id');
  const date = input.date ?? todayOf(ctx);
  if (date > todayOf(ctx)) throw refused('payment_date_in_future', { date }, 'date');
  assertDateOpen(ctx.db, date, 'date');
  const balance = balanceOf(row);
  if (input.amount > balance && !input.allowOverpayment && !input.provider) {
    throw refused(
      'overpayment',
      {
        amount: { minor: input.amount, currency: row.currency },
        balance: { minor: Math.max(balance, 0), currency: row.currency },
        number: row.number ?? 'none',
      },
      'amount',
    );
  }
  const id = newId('pay', ctx.now);
  const at = ctx.now.toISOString();
  insertPayment(ctx.db, {
    id,
    invoiceId: row.id,
    currency: row.currency,
    date,
    amount: input.amount,
    method: input.method,
    note: input.note || null,
    provider: input.provider ?? null,
    at,
  });
  const paid = row.paid + input.amount;
  const status = settledStatus(row.kind, row.status, { ...row, paid });
  setSettlementRow(ctx.db, row.id, { paid, credited: row.credited, status, at });
  const hctx = input.provider ? { ...ctx, actor: 'provider' as const } : ctx;
  appendHistory(hctx, row.id, 'payment_recorded', row.status, status, {
    paymentId: id,
    amount: input.amount,
    date,
    method: input.method,
  });
  appendRecord(ctx, { kind: 'payment', refId: id, invoiceId: row.id, label: row.number ?? row.id });
  if (!input.provider) {
    for (const accountId of linkedAccountIds(ctx.db, row.id)) {
      enqueueOutbox(ctx, row.id, accountId, 'mark_paid', {
        reference: row.number,
        paymentId: id,
        amount: input.amount,
        date,
        method: input.method,
        fullyPaid: status === 'paid',
      });
    }
  }
  return { paymentId: id, duplicate: false };
}

export function voidPayment(ctx: LedgerCtx, invoiceId: string, paymentId: string, reason: string): void {
  const row = getInvoiceRow(ctx.db, invoiceId);
  const p = findPaymentOn(ctx.db, invoiceId, paymentId);
  if (!p) throw refused('payment_not_found', { id: paymentId }, 'paymentId');
  if (p.voided_at) throw refused('payment_already_voided', {}, 'paymentId');
  // A refund paid back money that this payment brought in: it has to go first.
  if (row.paid - p.amount < row.refunded)
    throw refused('payment_refunded', { number: row.number ?? row.id }, 'paymentId');
  assertDateOpen(ctx.db, p.date, 'paymentId');
  const at = ctx.now.toISOString();
  voidPaymentRow(ctx.db, paymentId, reason, at);
  const paid = row.paid - p.amount;
  const status = settledStatus(row.kind, row.status, { ...row, paid });
  setSettlementRow(ctx.db, row.id, { paid, credited: row.credited, status, at });
  appendHistory(ctx, row.id, 'payment_voided', row.status, status, { paymentId, amount: p.amount, reason });
  appendRecord(ctx, { kind: 'payment_void', refId: paymentId, invoiceId: row.id, label: row.number ?? row.id });
}
