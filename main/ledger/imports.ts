/**
 * Invoices that exist only at a provider (created there, not by Kassa) enter the ledger here. They keep the
 * provider's number in the account's external series (`ext:<accountId>`), so they never consume a number of
 * our gapless series, and they are linked to the account with the provider's payload kept verbatim.
 * Idempotent on (account, remote id). Provider payments are recorded afterwards with recordPayment({provider}).
 */
import type { CustomerSnapshot, InvoiceDiscount } from '../../shared/domain';
import type { LedgerCtx } from './context';
import { appendRecord } from './chain';
import { checkedTotals, type StoredLine } from './drafts';
import { newId } from './ids';
import { applyProviderStatus } from './lifecycle';
import { ensureExternalSeries } from './numbering';
import { assertDateOpen } from './periods';
import { searchNormalize } from './sql';
import { appendHistory } from './tables/history';
import { insertLink, invoiceOfRemote } from './tables/invoice-links';
import { insertInvoice, writeLines } from './tables/invoices';

export interface ExternalInvoice {
  accountId: string;
  remoteId: string;
  /** The provider's number (or its id when it has no numbers). */
  number: string;
  /** Our reference as the provider knows it; defaults to `number`. */
  reference?: string;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  customerId: string | null;
  customer: CustomerSnapshot;
  lines: StoredLine[];
  discount: InvoiceDiscount | null;
  /** Final provider-side state when not simply open. */
  status?: 'expired' | 'cancelled';
  remoteStatus: string | null;
  paymentUrl: string | null;
  paymentUrlObserved?: boolean;
  /** The provider's payload, verbatim. */
  rawJson: string;
}

export function importExternalInvoice(ctx: LedgerCtx, x: ExternalInvoice): { invoiceId: string; created: boolean } {
  const pctx: LedgerCtx = { ...ctx, actor: 'provider' };
  const existing = invoiceOfRemote(ctx.db, x.accountId, x.remoteId);
  if (existing) return { invoiceId: existing, created: false };
  assertDateOpen(ctx.db, x.issueDate, 'issueDate');
  const series = ensureExternalSeries(ctx, x.accountId);
  const t = checkedTotals(x.lines, x.discount);
  const id = newId('inv', ctx.now);
  const at = ctx.now.toISOString();
  insertInvoice(ctx.db, {
    id,
    kind: 'invoice',
    status: 'issued',
    series,
    number: x.number,
    customerId: x.customerId,
    customerName: x.customer.name,
    customerJson: JSON.stringify(x.customer),
    currency: x.currency,
    issueDate: x.issueDate,
    dueDate: x.dueDate,
    notes: null,
    terms: null,
    discountJson: x.discount ? JSON.stringify(x.discount) : null,
    totals: t,
    correctsInvoiceId: null,
    searchText: searchNormalize(`${x.number} ${x.customer.name}`),
    at,
    issuedAt: at,
  });
  writeLines(ctx.db, id, x.lines, t.lineNets);
  appendHistory(pctx, id, 'imported', null, 'issued', {
    accountId: x.accountId,
    remoteId: x.remoteId,
    number: x.number,
  });
  appendRecord(ctx, { kind: 'invoice', refId: id, invoiceId: id, label: x.number });
  insertLink(ctx.db, {
    invoiceId: id,
    accountId: x.accountId,
    remoteId: x.remoteId,
    reference: x.reference ?? x.number,
    remoteStatus: x.remoteStatus,
    paymentUrl: x.paymentUrl,
    paymentUrlObserved: x.paymentUrlObserved === true,
    rawJson: x.rawJson,
    lastSyncedAt: at,
    at,
  });
  if (x.status) applyProviderStatus(pctx, id, x.status, { remoteStatus: x.remoteStatus });
  return { invoiceId: id, created: true };
}
