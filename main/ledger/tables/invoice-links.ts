/**
 * Owner of the `invoice_links` table: an invoice's copy at a provider account (remote id, status, payment URL and
 * the provider's payload verbatim). Issuing, imports and sync record links only through these functions.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ProviderId, ProviderLink } from '../../../shared/domain';
import { usablePaymentUrl } from '../../providers/payment-url';
import { stmt } from '../sql';

export interface LinkRow {
  invoice_id: string;
  account_id: string;
  provider: ProviderId;
  remote_id: string | null;
  reference: string;
  remote_status: string | null;
  payment_url: string | null;
  payment_url_observed: number;
  last_synced_at: string | null;
}

export function mapLink(r: LinkRow): ProviderLink & { accountId: string } {
  return {
    accountId: r.account_id,
    provider: r.provider,
    remoteId: r.remote_id,
    reference: r.reference,
    remoteStatus: r.remote_status,
    // Checked again on the way out: a URL stored before the rule existed is never shown or linked.
    paymentUrl: usablePaymentUrl(r.payment_url),
    paymentUrlObserved: r.payment_url_observed === 1,
    lastSyncedAt: r.last_synced_at,
  };
}

/** What the provider last told us about the invoice (the columns a comparison with a fresh answer needs). */
export interface RemoteState {
  invoice_id: string;
  remote_id: string;
  remote_status: string | null;
  raw_json: string | null;
}

// ---- reading ----

/** The links of these invoices with each account's provider, ordered by invoice and account. */
export function linksOf(db: Db, invoiceIds: readonly string[]): LinkRow[] {
  return stmt<LinkRow>(
    db,
    `SELECT l.invoice_id, l.account_id, a.provider, l.remote_id, l.reference, l.remote_status, l.payment_url,
       l.payment_url_observed, l.last_synced_at
     FROM invoice_links l JOIN accounts a ON a.id = l.account_id
     WHERE l.invoice_id IN (SELECT value FROM json_each(@ids)) ORDER BY l.invoice_id, l.account_id`,
  ).all({ ids: JSON.stringify(invoiceIds) });
}

/** Accounts an invoice is linked to (where cancel / mark_paid must be sent). */
export function linkedAccountIds(db: Db, invoiceId: string): string[] {
  return stmt<{ account_id: string }>(
    db,
    `SELECT account_id FROM invoice_links WHERE invoice_id = @invoiceId ORDER BY account_id`,
  )
    .all({ invoiceId })
    .map((r) => r.account_id);
}

/** Our reference for the invoice at an account, and its remote id once the provider has it. */
export interface LinkRef {
  remote_id: string | null;
  reference: string;
}

export function findLink(db: Db, invoiceId: string, accountId: string): LinkRef | undefined {
  return stmt<LinkRef>(
    db,
    `SELECT remote_id, reference FROM invoice_links WHERE invoice_id = @invoiceId AND account_id = @accountId`,
  ).get({ invoiceId, accountId });
}

/** The invoice linked to this remote invoice of the account, other than `exceptInvoiceId`. */
export function invoiceOfRemote(db: Db, accountId: string, remoteId: string, exceptInvoiceId = ''): string | undefined {
  return stmt<{ invoice_id: string }>(
    db,
    `SELECT invoice_id FROM invoice_links WHERE account_id = @accountId AND remote_id = @remoteId AND invoice_id <> @exceptInvoiceId`,
  ).get({ accountId, remoteId, exceptInvoiceId })?.invoice_id;
}

/** The links of these remote invoices of one account, in one query. */
export function remoteStates(db: Db, accountId: string, remoteIds: readonly string[]): RemoteState[] {
  return stmt<RemoteState>(
    db,
    `SELECT invoice_id, remote_id, remote_status, raw_json FROM invoice_links
     WHERE account_id = @accountId AND remote_id IN (SELECT value FROM json_each(@remoteIds))`,
  ).all({ accountId, remoteIds: JSON.stringify(remoteIds) });
}

export interface LinkByReference {
  invoice_id: string;
  reference: string;
  remote_id: string | null;
  /** 1 when the invoice was imported from a provider (external series). */
  external: number;
}

/** The links of one account that carry these references of ours. */
export function linksByReference(db: Db, accountId: string, references: readonly string[]): LinkByReference[] {
  return stmt<LinkByReference>(
    db,
    `SELECT l.invoice_id, l.reference, l.remote_id, i.series GLOB 'ext:*' AS external FROM invoice_links l JOIN invoices i ON i.id = l.invoice_id
     WHERE l.account_id = @accountId AND l.reference IN (SELECT value FROM json_each(@references))`,
  ).all({ accountId, references: JSON.stringify(references) });
}

/** Linked invoices of the account that can still change (what a status poll asks about). */
export function openLinks(
  db: Db,
  accountId: string,
): Array<{ invoice_id: string; remote_id: string; currency: string }> {
  return stmt<{ invoice_id: string; remote_id: string; currency: string }>(
    db,
    `SELECT l.invoice_id, l.remote_id, i.currency FROM invoices i JOIN invoice_links l ON l.invoice_id = i.id
     WHERE l.account_id = @accountId AND l.remote_id IS NOT NULL AND i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')`,
  ).all({ accountId });
}

export function linkedCount(db: Db, accountId: string): number {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM invoice_links WHERE account_id = @accountId AND remote_id IS NOT NULL`,
    ).get({ accountId })?.n ?? 0
  );
}

/** Every link of the account, with a remote copy or not (an account with links cannot simply be deleted). */
export function linkCountOfAccount(db: Db, accountId: string): number {
  return (
    stmt<{ n: number }>(db, `SELECT count(*) AS n FROM invoice_links WHERE account_id = @accountId`).get({ accountId })
      ?.n ?? 0
  );
}

/** Per account: invoices linked to a remote copy, and how many of them are still open. */
export function linkCountsByAccount(db: Db): Array<{ account_id: string; linked: number; open: number }> {
  return stmt<{ account_id: string; linked: number; open: number }>(
    db,
    `SELECT l.account_id, count(*) AS linked, sum(i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')) AS open
     FROM invoice_links l JOIN invoices i ON i.id = l.invoice_id WHERE l.remote_id IS NOT NULL GROUP BY l.account_id`,
  ).all();
}

// ---- writing ----

export interface NewLink {
  invoiceId: string;
  accountId: string;
  remoteId: string | null;
  reference: string;
  remoteStatus: string | null;
  paymentUrl: string | null;
  paymentUrlObserved: boolean;
  rawJson: string | null;
  lastSyncedAt: string | null;
  at: string;
}

export function insertLink(db: Db, l: NewLink): void {
  stmt(
    db,
    `INSERT INTO invoice_links (invoice_id, account_id, remote_id, reference, remote_status, payment_url, payment_url_observed, raw_json,
       last_synced_at, created_at, updated_at)
     VALUES (@invoice_id, @account_id, @remote_id, @reference, @remote_status, @payment_url, @payment_url_observed, @raw_json,
       @last_synced_at, @at, @at)`,
  ).run({
    invoice_id: l.invoiceId,
    account_id: l.accountId,
    remote_id: l.remoteId,
    reference: l.reference,
    remote_status: l.remoteStatus,
    payment_url: usablePaymentUrl(l.paymentUrl),
    payment_url_observed: l.paymentUrlObserved ? 1 : 0,
    raw_json: l.rawJson,
    last_synced_at: l.lastSyncedAt,
    at: l.at,
  });
}

export interface RemoteCopy {
  invoiceId: string;
  accountId: string;
  remoteId: string;
  remoteStatus: string | null;
  /** Kept when null (a provider that does not repeat it). */
  paymentUrl: string | null;
  paymentUrlObserved: boolean;
  rawJson: string;
  at: string;
}

/** Points an existing link at its remote invoice; false when the invoice has no link for the account. */
export function setRemoteCopy(db: Db, c: RemoteCopy): boolean {
  return (
    stmt(
      db,
      `UPDATE invoice_links SET remote_id = @remote_id, remote_status = @remote_status, payment_url = coalesce(@payment_url, payment_url),
         payment_url_observed = CASE WHEN @payment_url IS NULL THEN payment_url_observed ELSE @payment_url_observed END,
         raw_json = @raw_json, last_synced_at = @at, updated_at = @at
       WHERE invoice_id = @invoice_id AND account_id = @account_id`,
    ).run({
      invoice_id: c.invoiceId,
      account_id: c.accountId,
      remote_id: c.remoteId,
      remote_status: c.remoteStatus,
      payment_url: usablePaymentUrl(c.paymentUrl),
      payment_url_observed: c.paymentUrlObserved ? 1 : 0,
      raw_json: c.rawJson,
      at: c.at,
    }).changes > 0
  );
}

/**
 * Refreshes what the provider says about a linked invoice. A payment URL only fills an empty one (the first URL
 * handed to the customer stays); pass null to leave it.
 */
export function refreshRemote(
  db: Db,
  r: {
    invoiceId: string;
    accountId: string;
    remoteStatus: string | null;
    rawJson: string;
    paymentUrl: string | null;
    at: string;
  },
): void {
  stmt(
    db,
    `UPDATE invoice_links SET remote_status = @remoteStatus, raw_json = @rawJson, payment_url = coalesce(payment_url, @paymentUrl),
       last_synced_at = @at, updated_at = @at
     WHERE invoice_id = @invoiceId AND account_id = @accountId`,
  ).run({ ...r, paymentUrl: usablePaymentUrl(r.paymentUrl) });
}

/**
 * The provider deleted its copy: the link keeps our reference and history but no longer points at a remote
 * invoice (status "deleted"), so polling stops asking about it.
 */
export function forgetRemoteCopy(db: Db, invoiceId: string, accountId: string, at: string): void {
  stmt(
    db,
    `UPDATE invoice_links SET remote_id = NULL, remote_status = 'deleted', payment_url = NULL, payment_url_observed = 0,
       last_synced_at = @at, updated_at = @at
     WHERE invoice_id = @invoiceId AND account_id = @accountId`,
  ).run({ invoiceId, accountId, at });
}
