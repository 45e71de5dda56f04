/**
 * Issuing, cancelling, crediting, and status changes reported by a provider. Each runs inside the caller's
 * writeTx and records history — and, for invoices linked to a provider account, an outbox row — in that
 * same transaction.
 */
import { AccountRepository } from '../accounts/repository';
import { addDays } from '../../shared/contract/dates';
import type { InvoiceCreditInput } from '../../shared/contract/invoices';
import type { CustomerSnapshot, InvoiceDiscount, InvoiceStatus } from '../../shared/domain';
import { KassaError, notFound, refused } from '../../shared/errors';
import { todayOf, type LedgerCtx } from './context';
import { balanceOf } from '../../shared/settlement';
import { creditLinesFor } from '../../shared/line-picks';
import { uncreditedOf } from './invoice-read';
import { appendRecord } from './chain';
import { checkedTotals, toStoredLines, type StoredLine } from './drafts';
import { newId } from './ids';
import { takeNumber } from './numbering';
import { assertDateOpen } from './periods';
import { searchNormalize } from './sql';
import { settledStatus } from './status';
import { getCustomer, snapshotOf } from './tables/customers';
import { appendHistory } from './tables/history';
import { insertLink, linkedAccountIds } from './tables/invoice-links';
import {
  getInvoiceRow,
  insertInvoice,
  issueDraftRow,
  linesOf,
  setSettlementRow,
  setStatusRow,
  writeLines,
  type InvoiceRow,
} from './tables/invoices';
import { enqueueOutbox } from './tables/outbox';
import { paymentTermsDaysOf } from './tables/profile';

function assertIssueDate(ctx: LedgerCtx, issueDate: string): void {
  if (issueDate > todayOf(ctx)) throw refused('issue_date_in_future', { date: issueDate }, 'issueDate');
}

export interface IssueOptions {
  issueDate?: string | undefined;
  dueDate?: string | undefined;
  accountId?: string | undefined;
}

export function issueInvoice(ctx: LedgerCtx, id: string, opts: IssueOptions = {}): { number: string } {
  const row = getInvoiceRow(ctx.db, id);
  if (row.status !== 'draft') {
    throw refused('already_issued', { number: row.number ?? 'none', by: 'earlier' }, 'id');
  }
  if (!row.customer_id) throw refused('customer_required', {}, 'customerId');
  const lines = linesOf(ctx.db, id);
  if (lines.length === 0) throw refused('lines_required', {}, 'lines');
  // The draft's own date is kept: a future one is refused with the reason, never replaced by today.
  if (opts.issueDate === undefined && row.issue_date && row.issue_date > todayOf(ctx))
    throw refused('draft_dated_in_future', { date: row.issue_date }, 'issueDate');
  const issueDate = opts.issueDate ?? row.issue_date ?? todayOf(ctx);
  assertIssueDate(ctx, issueDate);
  assertDateOpen(ctx.db, issueDate, 'issueDate');
  const dueDate = opts.dueDate ?? row.due_date ?? addDays(issueDate, paymentTermsDaysOf(ctx.db));
  if (dueDate < issueDate) throw refused('due_before_issue', { dueDate, issueDate }, 'dueDate');
  const snap = snapshotOf(getCustomer(ctx.db, row.customer_id));
  const discount = row.discount_json ? (JSON.parse(row.discount_json) as InvoiceDiscount) : null;
  const t = checkedTotals(lines, discount);
  let provider: string | undefined;
  if (opts.accountId) {
    provider = new AccountRepository(ctx.db).get(opts.accountId)?.provider;
    if (!provider) throw notFound('account', opts.accountId);
  }
  const n = takeNumber(ctx, 'INV', issueDate);
  const status = settledStatus('invoice', 'issued', { total: t.total, paid: 0, credited: 0, refunded: 0 });
  const at = ctx.now.toISOString();
  const issued = issueDraftRow(ctx.db, id, {
    status,
    series: 'INV',
    number: n.number,
    numberYear: n.year,
    numberSeq: n.seq,
    customerName: snap.name,
    customerJson: JSON.stringify(snap),
    issueDate,
    dueDate,
    totals: t,
    searchText: searchNormalize(`${n.number} ${snap.name}`),
    at,
  });
  if (!issued) throw refused('already_issued', { number: 'none', by: 'meanwhile' }, 'id');
  appendHistory(ctx, id, 'issued', 'draft', status, {
    number: n.number,
    total: t.total,
    ...(opts.accountId ? { accountId: opts.accountId } : {}),
  });
  appendRecord(ctx, { kind: 'invoice', refId: id, invoiceId: id, label: n.number });
  if (opts.accountId && provider) {
    insertLink(ctx.db, {
      invoiceId: id,
      accountId: opts.accountId,
      remoteId: null,
      reference: n.number,
      remoteStatus: null,
      paymentUrl: null,
      paymentUrlObserved: false,
      rawJson: null,
      lastSyncedAt: null,
      at,
    });
    enqueueOutbox(ctx, id, opts.accountId, 'create', { reference: n.number, provider });
  }
  return { number: n.number };
}

function assertInvoiceKind(row: InvoiceRow, what: 'cancelled' | 'credited' | 'changed'): void {
  if (row.kind !== 'invoice') throw refused('credit_note_not_allowed', { what }, 'id');
}

export function cancelInvoice(ctx: LedgerCtx, id: string, reason: string | null | undefined): void {
  const row = getInvoiceRow(ctx.db, id);
  assertInvoiceKind(row, 'cancelled');
  if (row.status === 'draft') throw refused('draft_not_cancellable', {}, 'id');
  if (row.status === 'cancelled') throw refused('already_cancelled', { number: row.number ?? 'none' }, 'id');
  if (row.paid > 0) {
    throw refused('invoice_has_payments', { number: row.number ?? 'none', by: 'user' }, 'id');
  }
  assertCancellable(ctx, row);
  const historyId = setStatus(ctx, row, 'cancelled', 'cancelled', reason ? { reason } : {});
  appendRecord(ctx, { kind: 'cancellation', refId: String(historyId), invoiceId: id, label: row.number ?? id });
  for (const accountId of linkedAccountIds(ctx.db, id))
    enqueueOutbox(ctx, id, accountId, 'cancel', { reference: row.number, reason: reason ?? null });
}

/**
 * A cancellation takes the invoice out of the figures of the period it was issued in, and is dated today:
 * both must be open.
 */
function assertCancellable(ctx: LedgerCtx, row: InvoiceRow): void {
  if (row.issue_date) assertDateOpen(ctx.db, row.issue_date, 'id');
  assertDateOpen(ctx.db, todayOf(ctx), 'id');
}

/** Changes the status and records it; returns the history entry's id. */
function setStatus(
  ctx: LedgerCtx,
  row: InvoiceRow,
  to: InvoiceStatus,
  action: string,
  details: Record<string, unknown>,
): number {
  setStatusRow(ctx.db, row.id, to, ctx.now.toISOString());
  return appendHistory(ctx, row.id, action, row.status, to, details);
}

/**
 * Issues a credit note (series CN) against an issued invoice. Without lines it credits the whole invoice
 * (lines and discount copied); with lines, those lines. The original's `credited` grows by the credit note's
 * total and its status is settled again (fully credited and unpaid → cancelled).
 */
export function creditInvoice(ctx: LedgerCtx, input: InvoiceCreditInput): { creditNoteId: string; number: string } {
  const orig = getInvoiceRow(ctx.db, input.id);
  assertInvoiceKind(orig, 'credited');
  if (orig.status === 'draft') throw refused('invoice_not_issued', { context: 'credit' }, 'id');
  if (orig.status === 'cancelled')
    throw refused('invoice_cancelled', { number: orig.number ?? 'none', context: 'credit' }, 'id');
  let lines: StoredLine[];
  let discount: InvoiceDiscount | null;
  const origDiscount = orig.discount_json ? (JSON.parse(orig.discount_json) as InvoiceDiscount) : null;
  if (input.items) {
    const invoiceLines = linesOf(ctx.db, orig.id);
    ({ lines, discount } = creditLinesFor(
      invoiceLines,
      origDiscount,
      input.items,
      uncreditedOf(ctx.db, orig.id, invoiceLines),
    ));
  } else if (input.lines) {
    lines = toStoredLines(ctx, input.lines);
    discount = null;
  } else {
    if (orig.credited > 0) {
      throw refused('partial_credit_exists', { number: orig.number ?? 'none' }, 'lines');
    }
    lines = linesOf(ctx.db, orig.id);
    discount = origDiscount;
  }
  const t = checkedTotals(lines, discount);
  const creditable = orig.total - orig.credited;
  // Credit notes by line each round their own VAT and their shares of the discounts, so crediting an invoice's
  // lines over several notes can add up to a minor unit or two more than it charged; that is not "too much".
  const rounding = input.items ? lines.length + t.breakdown.length + 1 : 0;
  if (t.total <= 0) throw refused('credit_empty', {}, 'lines');
  if (creditable <= 0 || t.total > creditable + rounding) {
    throw refused(
      'credit_exceeds_invoice',
      {
        total: { minor: t.total, currency: orig.currency },
        left: { minor: creditable, currency: orig.currency },
        number: orig.number ?? 'none',
      },
      'lines',
    );
  }
  const issueDate = input.issueDate ?? todayOf(ctx);
  assertIssueDate(ctx, issueDate);
  assertDateOpen(ctx.db, issueDate, 'issueDate');
  if (orig.issue_date && issueDate < orig.issue_date) {
    throw refused('credit_before_invoice', { date: issueDate, invoiceDate: orig.issue_date ?? '' }, 'issueDate');
  }
  const n = takeNumber(ctx, 'CN', issueDate);
  const id = newId('inv', ctx.now);
  const at = ctx.now.toISOString();
  const snap = JSON.parse(orig.customer_json) as CustomerSnapshot;
  // Inserted as a draft, lines added, then issued: the schema only accepts lines on drafts.
  insertInvoice(ctx.db, {
    id,
    kind: 'credit_note',
    status: 'draft',
    series: null,
    number: null,
    customerId: orig.customer_id,
    customerName: snap.name,
    customerJson: orig.customer_json,
    currency: orig.currency,
    issueDate: null,
    dueDate: null,
    notes: input.reason || null,
    terms: input.terms || null,
    discountJson: discount ? JSON.stringify(discount) : null,
    totals: t,
    correctsInvoiceId: orig.id,
    searchText: searchNormalize(snap.name),
    at,
    issuedAt: null,
  });
  writeLines(ctx.db, id, lines, t.lineNets);
  issueDraftRow(ctx.db, id, {
    status: 'issued',
    series: 'CN',
    number: n.number,
    numberYear: n.year,
    numberSeq: n.seq,
    customerName: snap.name,
    customerJson: orig.customer_json,
    issueDate,
    dueDate: null,
    totals: t,
    searchText: searchNormalize(`${n.number} ${snap.name}`),
    at,
  });
  appendHistory(ctx, id, 'issued', null, 'issued', {
    number: n.number,
    total: t.total,
    corrects: orig.id,
    correctsNumber: orig.number,
  });
  appendRecord(ctx, { kind: 'credit_note', refId: id, invoiceId: id, label: n.number });

  const credited = orig.credited + t.total;
  const status = settledStatus('invoice', orig.status, { ...orig, credited });
  setSettlementRow(ctx.db, orig.id, { paid: orig.paid, credited, status, at });
  appendHistory(ctx, orig.id, 'credited', orig.status, status, {
    creditNoteId: id,
    creditNoteNumber: n.number,
    amount: t.total,
    reason: input.reason || null,
  });
  // The provider still asks for the old amount: ask Sync to cancel it there (it decides what the provider allows).
  for (const accountId of linkedAccountIds(ctx.db, orig.id)) {
    if (orig.status !== 'paid') {
      enqueueOutbox(ctx, orig.id, accountId, 'cancel', {
        reference: orig.number,
        reason: 'credited',
        creditNoteId: id,
        creditNoteNumber: n.number,
        balance: balanceOf({ ...orig, credited, status }),
      });
    }
  }
  return { creditNoteId: id, number: n.number };
}

/** A status reported by a provider (expired, cancelled there, or back to open). Never touches amounts. */
export function applyProviderStatus(
  ctx: LedgerCtx,
  id: string,
  to: 'expired' | 'cancelled' | 'issued',
  details: Record<string, unknown> = {},
): boolean {
  const row = getInvoiceRow(ctx.db, id);
  assertInvoiceKind(row, 'changed');
  if (row.status === to) return false;
  if (row.status === 'draft') throw refused('invoice_not_issued', { context: 'provider_status' }, 'id');
  if (to === 'expired' && !['issued', 'partially_paid'].includes(row.status)) return false;
  if (to === 'cancelled' && row.paid > 0) {
    throw new KassaError('refused', 'invoice_has_payments', { number: row.number ?? 'none', by: 'provider' });
  }
  let next: InvoiceStatus = to;
  if (to === 'issued') {
    // Reopened at the provider: back to whatever its payments and credits make it.
    if (row.status !== 'expired') return false;
    next = settledStatus('invoice', 'issued', row);
  }
  if (to === 'cancelled') assertCancellable(ctx, row);
  const historyId = setStatus(
    { ...ctx, actor: 'provider' },
    row,
    next,
    to === 'issued' ? 'status_changed' : to,
    details,
  );
  if (to === 'cancelled')
    appendRecord(ctx, { kind: 'cancellation', refId: String(historyId), invoiceId: id, label: row.number ?? id });
  return true;
}
