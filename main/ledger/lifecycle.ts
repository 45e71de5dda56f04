/**
 * Issuing, cancelling, crediting, and status changes reported by a provider. Each runs inside the caller's
 * writeTx and records history — and, for invoices linked to a provider account, an outbox row — in that
 * same transaction.
 */
import { addDays } from '../../shared/contract/dates';
import type { InvoiceCreditInput } from '../../shared/contract/invoices';
import type { CustomerSnapshot, InvoiceDiscount, InvoiceStatus } from '../../shared/domain';
import { KassaError, notFound, refused } from '../../shared/errors';
import { todayOf, type LedgerCtx } from './context';
import { getCustomer, snapshotOf } from './customers';
import { checkedTotals, toStoredLines, writeLines, type StoredLine } from './drafts';
import { appendHistory } from './history';
import { newId } from './ids';
import { getInvoiceRow, type InvoiceRow } from './invoice-read';
import { takeNumber } from './numbering';
import { enqueueOutbox, linkedAccounts } from './outbox';
import { getProfile } from './profile';
import { searchNormalize, stmt } from './sql';
import { settledStatus } from './status';

export function storedLines(ctx: LedgerCtx, invoiceId: string): StoredLine[] {
  return stmt<StoredLine & { discount: number | null; exemptionReason: string | null }>(
    ctx.db,
    `SELECT description, quantity, unit_code AS unitCode, unit_price AS unitPrice, nullif(discount, 0) AS discount, tax_rate AS taxRate,
            tax_category AS taxCategory, exemption_reason AS exemptionReason
     FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
  )
    .all(invoiceId)
    .map((l) => {
      const s: StoredLine = {
        description: l.description,
        quantity: l.quantity,
        unitCode: l.unitCode,
        unitPrice: l.unitPrice,
        taxRate: l.taxRate,
        taxCategory: l.taxCategory,
      };
      if (l.discount) s.discount = l.discount;
      if (l.exemptionReason) s.exemptionReason = l.exemptionReason;
      return s;
    });
}

function assertIssueDate(ctx: LedgerCtx, issueDate: string): void {
  if (issueDate > todayOf(ctx)) {
    throw refused(
      'issue_date_in_future',
      `issueDate ${issueDate} is in the future; issue on or before today.`,
      'issueDate',
    );
  }
}

export interface IssueOptions {
  issueDate?: string | undefined;
  dueDate?: string | undefined;
  accountId?: string | undefined;
}

export function issueInvoice(ctx: LedgerCtx, id: string, opts: IssueOptions = {}): { number: string } {
  const row = getInvoiceRow(ctx.db, id);
  if (row.status !== 'draft') {
    throw refused(
      'already_issued',
      `${row.number ?? 'The invoice'} is already issued (status ${row.status}); an invoice is issued once.`,
      'id',
    );
  }
  if (!row.customer_id) throw refused('customer_required', 'Choose a customer before issuing.', 'customerId');
  const lines = storedLines(ctx, id);
  if (lines.length === 0) throw refused('lines_required', 'Add at least one line before issuing.', 'lines');
  const issueDate = opts.issueDate ?? row.issue_date ?? todayOf(ctx);
  assertIssueDate(ctx, issueDate);
  const profile = getProfile(ctx.db, { withLogo: false });
  const dueDate = opts.dueDate ?? row.due_date ?? addDays(issueDate, profile.paymentTermsDays);
  if (dueDate < issueDate)
    throw refused('due_before_issue', `dueDate ${dueDate} is before issueDate ${issueDate}.`, 'dueDate');
  const snap = snapshotOf(getCustomer(ctx.db, row.customer_id));
  const discount = row.discount_json ? (JSON.parse(row.discount_json) as InvoiceDiscount) : null;
  const t = checkedTotals(lines, discount);
  let account: { provider: string } | undefined;
  if (opts.accountId) {
    account = stmt<{ provider: string }>(ctx.db, `SELECT provider FROM accounts WHERE id = ?`).get(opts.accountId);
    if (!account) throw notFound('account', opts.accountId);
  }
  const n = takeNumber(ctx, 'INV', issueDate);
  const status = settledStatus('invoice', 'issued', t.total, 0, 0);
  const at = ctx.now.toISOString();
  const r = stmt(
    ctx.db,
    `UPDATE invoices SET status = ?, series = 'INV', number = ?, number_year = ?, number_seq = ?, customer_name = ?, customer_json = ?,
       issue_date = ?, due_date = ?, lines_net = ?, allowance_total = ?, tax_total = ?, total = ?, search_text = ?, issued_at = ?, updated_at = ?
     WHERE id = ? AND status = 'draft'`,
  ).run(
    status,
    n.number,
    n.year,
    n.seq,
    snap.name,
    JSON.stringify(snap),
    issueDate,
    dueDate,
    t.linesNet,
    t.allowance,
    t.tax,
    t.total,
    searchNormalize(`${n.number} ${snap.name}`),
    at,
    at,
    id,
  );
  if (r.changes !== 1) throw refused('already_issued', 'The invoice was issued by someone else meanwhile.', 'id');
  appendHistory(ctx, id, 'issued', 'draft', status, {
    number: n.number,
    total: t.total,
    ...(opts.accountId ? { accountId: opts.accountId } : {}),
  });
  if (opts.accountId && account) {
    stmt(
      ctx.db,
      `INSERT INTO invoice_links (invoice_id, account_id, remote_id, reference, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?)`,
    ).run(id, opts.accountId, n.number, at, at);
    enqueueOutbox(ctx, id, opts.accountId, 'create', { reference: n.number, provider: account.provider });
  }
  return { number: n.number };
}

function assertInvoiceKind(row: InvoiceRow, what: string): void {
  if (row.kind !== 'invoice') throw refused('credit_note_not_allowed', `A credit note cannot be ${what}.`, 'id');
}

export function cancelInvoice(ctx: LedgerCtx, id: string, reason: string | null | undefined): void {
  const row = getInvoiceRow(ctx.db, id);
  assertInvoiceKind(row, 'cancelled');
  if (row.status === 'draft')
    throw refused('draft_not_cancellable', 'A draft is not cancelled; delete it instead.', 'id');
  if (row.status === 'cancelled')
    throw refused('already_cancelled', `${row.number ?? 'The invoice'} is already cancelled.`, 'id');
  if (row.paid > 0) {
    throw refused(
      'invoice_has_payments',
      `${row.number ?? 'The invoice'} has payments; void them first, or issue a credit note instead.`,
      'id',
    );
  }
  setStatus(ctx, row, 'cancelled', 'cancelled', reason ? { reason } : {});
  for (const accountId of linkedAccounts(ctx, id))
    enqueueOutbox(ctx, id, accountId, 'cancel', { reference: row.number, reason: reason ?? null });
}

function setStatus(
  ctx: LedgerCtx,
  row: InvoiceRow,
  to: InvoiceStatus,
  action: string,
  details: Record<string, unknown>,
): void {
  stmt(ctx.db, `UPDATE invoices SET status = ?, updated_at = ? WHERE id = ?`).run(to, ctx.now.toISOString(), row.id);
  appendHistory(ctx, row.id, action, row.status, to, details);
}

/**
 * Issues a credit note (series CN) against an issued invoice. Without lines it credits the whole invoice
 * (lines and discount copied); with lines, those lines. The original's `credited` grows by the credit note's
 * total and its status is settled again (fully credited and unpaid → cancelled).
 */
export function creditInvoice(ctx: LedgerCtx, input: InvoiceCreditInput): { creditNoteId: string; number: string } {
  const orig = getInvoiceRow(ctx.db, input.id);
  assertInvoiceKind(orig, 'credited');
  if (orig.status === 'draft')
    throw refused('invoice_not_issued', 'A draft cannot be credited; edit or delete it instead.', 'id');
  if (orig.status === 'cancelled')
    throw refused(
      'invoice_cancelled',
      `${orig.number ?? 'The invoice'} is cancelled; there is nothing left to credit.`,
      'id',
    );
  let lines: StoredLine[];
  let discount: InvoiceDiscount | null;
  if (input.lines) {
    lines = toStoredLines(input.lines);
    discount = null;
  } else {
    if (orig.credited > 0) {
      throw refused(
        'partial_credit_exists',
        `${orig.number ?? 'The invoice'} is already partly credited; name the lines to credit.`,
        'lines',
      );
    }
    lines = storedLines(ctx, orig.id);
    discount = orig.discount_json ? (JSON.parse(orig.discount_json) as InvoiceDiscount) : null;
  }
  const t = checkedTotals(lines, discount);
  const creditable = orig.total - orig.credited;
  if (t.total <= 0) throw refused('credit_empty', 'A credit note must have a positive total.', 'lines');
  if (t.total > creditable) {
    throw refused(
      'credit_exceeds_invoice',
      `The credit note total (${t.total}) exceeds what is left to credit on ${orig.number} (${creditable}, minor units).`,
      'lines',
    );
  }
  const issueDate = input.issueDate ?? todayOf(ctx);
  assertIssueDate(ctx, issueDate);
  if (orig.issue_date && issueDate < orig.issue_date) {
    throw refused(
      'credit_before_invoice',
      `issueDate ${issueDate} is before the invoice's issue date ${orig.issue_date}.`,
      'issueDate',
    );
  }
  const n = takeNumber(ctx, 'CN', issueDate);
  const id = newId('inv', ctx.now);
  const at = ctx.now.toISOString();
  const snap = JSON.parse(orig.customer_json) as CustomerSnapshot;
  // Inserted as a draft, lines added, then issued: the schema only accepts lines on drafts.
  stmt(
    ctx.db,
    `INSERT INTO invoices (id, kind, status, customer_id, customer_name, customer_json, currency, notes, discount_json, lines_net, allowance_total,
       tax_total, total, corrects_invoice_id, search_text, created_at, updated_at)
     VALUES (?, 'credit_note', 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    orig.customer_id,
    snap.name,
    orig.customer_json,
    orig.currency,
    input.reason || null,
    discount ? JSON.stringify(discount) : null,
    t.linesNet,
    t.allowance,
    t.tax,
    t.total,
    orig.id,
    searchNormalize(snap.name),
    at,
    at,
  );
  writeLines(ctx, id, lines, t.lineNets);
  stmt(
    ctx.db,
    `UPDATE invoices SET status = 'issued', series = 'CN', number = ?, number_year = ?, number_seq = ?, issue_date = ?, search_text = ?, issued_at = ?
     WHERE id = ?`,
  ).run(n.number, n.year, n.seq, issueDate, searchNormalize(`${n.number} ${snap.name}`), at, id);
  appendHistory(ctx, id, 'issued', null, 'issued', {
    number: n.number,
    total: t.total,
    corrects: orig.id,
    correctsNumber: orig.number,
  });

  const credited = orig.credited + t.total;
  const status = settledStatus('invoice', orig.status, orig.total, orig.paid, credited);
  stmt(ctx.db, `UPDATE invoices SET credited = ?, status = ?, updated_at = ? WHERE id = ?`).run(
    credited,
    status,
    at,
    orig.id,
  );
  appendHistory(ctx, orig.id, 'credited', orig.status, status, {
    creditNoteId: id,
    creditNoteNumber: n.number,
    amount: t.total,
    reason: input.reason || null,
  });
  // The provider still asks for the old amount: ask Sync to cancel it there (it decides what the provider allows).
  for (const accountId of linkedAccounts(ctx, orig.id)) {
    if (orig.status !== 'paid') {
      enqueueOutbox(ctx, orig.id, accountId, 'cancel', {
        reference: orig.number,
        reason: 'credited',
        creditNoteId: id,
        creditNoteNumber: n.number,
        balance: orig.total - orig.paid - credited,
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
  assertInvoiceKind(row, 'changed by a provider');
  if (row.status === to) return false;
  if (row.status === 'draft') throw refused('invoice_not_issued', 'A draft has no provider status.', 'id');
  if (to === 'expired' && !['issued', 'partially_paid'].includes(row.status)) return false;
  if (to === 'cancelled' && row.paid > 0) {
    throw new KassaError(
      'refused',
      'invoice_has_payments',
      'The provider cancelled an invoice that has payments in the ledger; review it by hand.',
    );
  }
  let next: InvoiceStatus = to;
  if (to === 'issued') {
    // Reopened at the provider: back to whatever its payments and credits make it.
    if (row.status !== 'expired') return false;
    next = settledStatus('invoice', 'issued', row.total, row.paid, row.credited);
  }
  setStatus({ ...ctx, actor: 'provider' }, row, next, to === 'issued' ? 'status_changed' : to, details);
  return true;
}
