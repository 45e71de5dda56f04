/**
 * Quotes: made with the next number of the QUO series (gapless per year, numbers follow dates, like invoices),
 * accepted or declined by the customer, expired when their valid-until date has passed while still open, and
 * converted into a draft invoice — every line exactly as quoted, or some lines (all or part of their quantity) with
 * their share of the discounts. A declined or expired quote is not converted; a quote is converted once (unless the
 * draft it became is deleted).
 */
import { addDays } from '../../shared/contract/dates';
import {
  DEFAULT_QUOTE_VALIDITY_DAYS,
  type QuoteConvertInput,
  type QuoteCreateInput,
  type QuoteStatus,
} from '../../shared/contract/quotes';
import type { InvoiceDiscount } from '../../shared/domain';
import { refused } from '../../shared/errors';
import { todayOf, type LedgerCtx } from './context';
import { checkedTotals, createDraft, toStoredLines } from './drafts';
import { newId } from './ids';
import { pickLines, type PickRefusals } from '../../shared/line-picks';
import { takeNumber } from './numbering';
import { getCustomer, snapshotOf } from './tables/customers';
import { appendHistory } from './tables/history';
import { findInvoiceRow } from './tables/invoices';
import { getProfile } from './tables/profile';
import { decideQuoteRow, getQuoteRow, insertQuote, quoteLinesOf, statusOf, type QuoteRow } from './tables/quotes';

const QUOTE_REFUSALS: PickRefusals = {
  unknown: (line, count, field) => refused('quote_line_unknown', { line, count }, field),
  twice: (line, field) => refused('quote_line_twice', { line }, field),
  exceeds: (line, quantity, available, field) =>
    refused('quote_quantity_exceeds_line', { line, quantity, available }, field),
};

export function createQuote(ctx: LedgerCtx, input: QuoteCreateInput): string {
  const today = todayOf(ctx);
  const issueDate = input.issueDate ?? today;
  if (issueDate > today) throw refused('quote_date_in_future', { date: issueDate }, 'issueDate');
  const validUntil = input.validUntil ?? addDays(issueDate, DEFAULT_QUOTE_VALIDITY_DAYS);
  if (validUntil < issueDate) throw refused('quote_valid_until_before_date', {}, 'validUntil');
  const customer = getCustomer(ctx.db, input.customerId);
  const snap = snapshotOf(customer);
  const lines = toStoredLines(ctx, input.lines);
  const discount = input.discount ?? null;
  const totals = checkedTotals(lines, discount);
  const n = takeNumber(ctx, 'QUO', issueDate);
  const id = newId('quo', ctx.now);
  insertQuote(ctx.db, {
    id,
    number: n.number,
    numberYear: n.year,
    numberSeq: n.seq,
    customerId: customer.id,
    customerJson: JSON.stringify(snap),
    customerName: snap.name,
    currency: input.currency ?? getProfile(ctx.db, { withLogo: false }).defaultCurrency,
    issueDate,
    validUntil,
    notes: input.notes || null,
    terms: input.terms || null,
    discountJson: discount ? JSON.stringify(discount) : null,
    totals,
    lines,
    at: ctx.now.toISOString(),
  });
  return id;
}

function refuseUnless(row: QuoteRow, status: QuoteStatus, allowed: readonly QuoteStatus[], action: string): void {
  if (!allowed.includes(status)) throw refused('quote_wrong_status', { number: row.number, status, action }, 'id');
}

export function acceptQuote(ctx: LedgerCtx, id: string): void {
  const row = getQuoteRow(ctx.db, id);
  const status = statusOf(row, todayOf(ctx));
  if (status === 'accepted') return;
  refuseUnless(row, status, ['open'], 'accept');
  decideQuoteRow(ctx.db, id, 'open', 'accepted', null, ctx.now.toISOString());
}

export function declineQuote(ctx: LedgerCtx, id: string): void {
  const row = getQuoteRow(ctx.db, id);
  const status = statusOf(row, todayOf(ctx));
  if (status === 'declined') return;
  refuseUnless(row, status, ['open', 'accepted'], 'decline');
  if (row.invoice_id) throw refused('quote_already_converted', { number: row.number }, 'id');
  decideQuoteRow(ctx.db, id, row.status, 'declined', null, ctx.now.toISOString());
}

/** Makes the draft invoice of a quote (accepting it if it was open); returns the invoice's id. */
export function convertQuote(ctx: LedgerCtx, input: QuoteConvertInput): string {
  const row = getQuoteRow(ctx.db, input.id);
  const status = statusOf(row, todayOf(ctx));
  refuseUnless(row, status, ['open', 'accepted'], 'convert');
  if (row.invoice_id && findInvoiceRow(ctx.db, row.invoice_id))
    throw refused('quote_already_converted', { number: row.number }, 'id');
  const quoted = quoteLinesOf(ctx.db, [row.id]).get(row.id) ?? [];
  const quotedDiscount = row.discount_json ? (JSON.parse(row.discount_json) as InvoiceDiscount) : null;
  const { lines, discount } = input.items
    ? pickLines(quoted, quotedDiscount, input.items, QUOTE_REFUSALS)
    : { lines: quoted, discount: quotedDiscount };
  const invoiceId = createDraft(ctx, {
    customerId: row.customer_id,
    currency: row.currency,
    notes: row.notes,
    terms: row.terms,
    lines,
    discount,
  });
  appendHistory(ctx, invoiceId, 'quote_converted', 'draft', 'draft', {
    quoteId: row.id,
    quoteNumber: row.number,
    lines: lines.length,
  });
  if (!decideQuoteRow(ctx.db, row.id, row.status, 'accepted', invoiceId, ctx.now.toISOString()))
    throw refused('quote_wrong_status', { number: row.number, status, action: 'convert' }, 'id');
  return invoiceId;
}
