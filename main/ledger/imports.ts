/**
 * Invoices that exist only at a provider (created there, not by Kassa) enter the ledger here. They keep the
 * provider's number in the account's external series (`ext:<accountId>`), so they never consume a number of
 * our gapless series, and they are linked to the account with the provider's payload kept verbatim.
 * Idempotent on (account, remote id). Provider payments are recorded afterwards with recordPayment({provider}).
 */
import type { CustomerSnapshot, InvoiceDiscount } from '../../shared/domain';
import type { LedgerCtx } from './context';
import { checkedTotals, writeLines, type StoredLine } from './drafts';
import { appendHistory } from './history';
import { newId } from './ids';
import { ensureExternalSeries } from './numbering';
import { searchNormalize, stmt } from './sql';
import { applyProviderStatus } from './lifecycle';

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
  const existing = stmt<{ invoice_id: string }>(
    ctx.db,
    `SELECT invoice_id FROM invoice_links WHERE account_id = ? AND remote_id = ?`,
  ).get(x.accountId, x.remoteId);
  if (existing) return { invoiceId: existing.invoice_id, created: false };
  const series = ensureExternalSeries(ctx, x.accountId);
  const t = checkedTotals(x.lines, x.discount);
  const id = newId('inv', ctx.now);
  const at = ctx.now.toISOString();
  stmt(
    ctx.db,
    `INSERT INTO invoices (id, kind, status, series, number, customer_id, customer_name, customer_json, currency, issue_date, due_date,
       discount_json, lines_net, allowance_total, tax_total, total, search_text, created_at, updated_at, issued_at)
     VALUES (?, 'invoice', 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    series,
    x.number,
    x.customerId,
    x.customer.name,
    JSON.stringify(x.customer),
    x.currency,
    x.issueDate,
    x.dueDate,
    x.discount ? JSON.stringify(x.discount) : null,
    t.linesNet,
    t.allowance,
    t.tax,
    t.total,
    searchNormalize(`${x.number} ${x.customer.name}`),
    at,
    at,
    at,
  );
  writeLines(ctx, id, x.lines, t.lineNets);
  appendHistory(pctx, id, 'imported', null, 'issued', {
    accountId: x.accountId,
    remoteId: x.remoteId,
    number: x.number,
  });
  stmt(
    ctx.db,
    `INSERT INTO invoice_links (invoice_id, account_id, remote_id, reference, remote_status, payment_url, payment_url_observed, raw_json, last_synced_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    x.accountId,
    x.remoteId,
    x.reference ?? x.number,
    x.remoteStatus,
    x.paymentUrl,
    x.paymentUrlObserved ? 1 : 0,
    x.rawJson,
    at,
    at,
    at,
  );
  if (x.status) applyProviderStatus(pctx, id, x.status, { remoteStatus: x.remoteStatus });
  return { invoiceId: id, created: true };
}
