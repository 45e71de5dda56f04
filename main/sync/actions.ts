/**
 * What a person can do with an outbox item from the sync panel or the CLI, each recorded in the invoice history:
 * - retry: send again. A create is looked up at the provider first whenever the provider has a lookup and the row
 *   was ever attempted (so "retry" can never double-bill there); without a lookup, retrying a parked create means
 *   the user checked the provider and found nothing.
 * - resolve: nothing more is sent for this item (the user handled it by hand).
 * - link: the invoice exists at the provider under this remote id (checked there when the provider can read one).
 */
import type { Database as Db } from 'better-sqlite3';
import type { Actor } from '../../shared/contract/invoices';
import type { SyncItem } from '../../shared/contract/sync';
import type { ProviderId } from '../../shared/domain';
import { KassaError, notFound, refused } from '../../shared/errors';
import { insteadMessage, insteadOf, providerCan, providerName } from '../../shared/providers';
import { writeTx } from '../ledger/connection';
import type { LedgerCtx } from '../ledger/context';
import { translateSqliteError } from '../ledger/sql';
import { findLink } from '../ledger/tables/invoice-links';
import { getInvoiceRow } from '../ledger/tables/invoices';
import type { RemoteInvoice } from '../providers/types';
import { noteHistory, setLinkRemote } from './ledger-apply';
import { closeCreates, enqueueOutbox, getRow, requeueRow, resolveRow, type OutboxRow } from '../ledger/tables/outbox';
import { getSyncItem } from './status';
import { remoteMismatch } from './remote-match';
import type { SyncTarget } from './target';

function tx<T>(db: Db, fn: () => T): T {
  try {
    return writeTx(db, fn);
  } catch (err) {
    throw translateSqliteError(err);
  }
}

/** The row, refused while a drainer holds it or once it is done. */
function actionable(db: Db, id: number, now: Date): OutboxRow {
  const row = getRow(db, id);
  if (!row) throw notFound('sync_item', String(id));
  if (row.lease_owner !== null && row.lease_until !== null && row.lease_until > now.toISOString()) {
    throw refused('sync_item_in_flight', {}, 'itemId');
  }
  if (row.state === 'done') throw refused('sync_item_done', {}, 'itemId');
  return row;
}

/** Where a row goes, for its history entries: the account, or the channel. */
function targetOf(row: OutboxRow): { accountId: string } | { channel: string } {
  return row.account_id !== null ? { accountId: row.account_id } : { channel: row.channel ?? '' };
}

function item(db: Db, id: number, now: Date): SyncItem {
  const it = getSyncItem(db, id, now);
  if (!it) throw notFound('sync_item', String(id));
  return it;
}

export function retryItem(
  db: Db,
  id: number,
  now: Date,
  actor: Actor,
  hasLookup: (accountId: string) => boolean,
): SyncItem {
  tx(db, () => {
    const row = actionable(db, id, now);
    // A channel row (an e-mail) cannot be looked up anywhere: a person's retry means "send it".
    let state: 'pending' | 'unknown' = 'pending';
    if (row.account_id === null) state = 'pending';
    else if (row.state === 'unknown') state = 'unknown';
    else if (row.op === 'create' && row.attempts > 0 && hasLookup(row.account_id)) state = 'unknown';
    requeueRow(db, id, state, now);
    const ctx: LedgerCtx = { db, now, actor };
    noteHistory(ctx, row.invoice_id, 'sync_retried', {
      ...targetOf(row),
      outboxId: id,
      op: row.op,
      previousState: row.state,
      lookupFirst: state === 'unknown',
    });
  });
  return item(db, id, now);
}

export function resolveItem(db: Db, id: number, now: Date, actor: Actor, note: string | null): SyncItem {
  tx(db, () => {
    const row = actionable(db, id, now);
    resolveRow(db, id, { by: actor, note, previousState: row.state, now });
    noteHistory({ db, now, actor }, row.invoice_id, 'sync_resolved', {
      ...targetOf(row),
      outboxId: id,
      op: row.op,
      previousState: row.state,
      note,
    });
  });
  return item(db, id, now);
}

/**
 * Links the invoice of a create item to `remoteId`. Where the provider can read one invoice, it is read first and
 * must match the invoice's currency and amount; otherwise the link is recorded as the user states it.
 */
export async function linkItem(
  db: Db,
  id: number,
  remoteId: string,
  now: () => Date,
  actor: Actor,
  target: SyncTarget,
): Promise<SyncItem> {
  const row = actionable(db, id, now());
  const accountId = row.account_id;
  if (row.op !== 'create' || accountId === null) throw notCreate();
  const inv = getInvoiceRow(db, row.invoice_id);
  let remote: RemoteInvoice;
  if (target.adapter.get) {
    remote = await target.adapter.get(remoteId, { currency: inv.currency });
    const mismatch = remoteMismatch(target.account.provider, inv, remote);
    if (mismatch) throw mismatch;
  } else {
    remote = {
      provider: target.account.provider,
      remoteId,
      reference: null,
      ourNumber: null,
      remoteNumber: null,
      remoteStatus: '',
      status: null,
      currency: null,
      total: null,
      amountPaid: null,
      customerName: null,
      customerEmail: null,
      issueDate: null,
      dueDate: null,
      paidAt: null,
      paymentUrl: null,
      createdAt: null,
      items: null,
      raw: null,
    };
  }
  const paymentUrl = target.adapter.paymentUrl?.(remote) ?? remote.paymentUrl;
  tx(db, () => {
    const current = actionable(db, id, now());
    const at = now();
    const ctx: LedgerCtx = { db, now: at, actor };
    const reference = findLink(db, current.invoice_id, accountId)?.reference;
    setLinkRemote(ctx, {
      invoiceId: current.invoice_id,
      accountId,
      reference: reference ?? inv.number ?? inv.id,
      remote,
      paymentUrl,
      paymentUrlObserved: paymentUrl !== null && target.adapter.capabilities.paymentUrlObserved,
    });
    closeCreates(db, {
      invoiceId: current.invoice_id,
      accountId,
      remoteId,
      linkedBy: actor,
      clearError: false,
      now: at,
    });
    noteHistory(ctx, current.invoice_id, 'sync_linked', {
      accountId,
      outboxId: id,
      remoteId,
      verified: target.adapter.get !== undefined,
    });
  });
  return item(db, id, now());
}

function notCreate(): KassaError {
  return refused('sync_item_not_create', {}, 'itemId');
}

export function assertItemAccount(db: Db, id: number): string {
  const row = getRow(db, id);
  if (!row) throw new KassaError('not_found', 'sync_item_not_found', { id: String(id) }, { field: 'itemId' });
  if (row.account_id === null) throw notCreate();
  return row.account_id;
}

/**
 * Queues deleting the invoice's copy at the provider — only where the provider can delete (its descriptor) and the
 * copy exists; the provider's own rule (Kashier: unpaid payment requests and unpaid drafts) is checked when it is
 * sent. Kassa's invoice stays as it is; the history says what was asked.
 */
export function queueRemoteDelete(
  db: Db,
  invoiceId: string,
  accountId: string,
  provider: ProviderId,
  now: Date,
  actor: Actor,
): SyncItem {
  const id = tx(db, () => {
    const link = findLink(db, invoiceId, accountId);
    const params = { provider: providerName(provider) };
    if (!providerCan(provider, 'delete')) {
      const instead = insteadMessage(insteadOf(provider, 'delete') ?? 'use_dashboard', provider);
      throw KassaError.withCode('refused', 'provider_cannot_delete', params, {
        field: 'accountId',
        details: { instead },
      });
    }
    if (!link?.remote_id) throw refused('not_at_provider', params, 'accountId');
    const ctx: LedgerCtx = { db, now, actor };
    const outboxId = enqueueOutbox(ctx, invoiceId, accountId, 'delete', { remoteId: link.remote_id });
    noteHistory(ctx, invoiceId, 'provider_delete_queued', { accountId, outboxId, remoteId: link.remote_id });
    return outboxId;
  });
  return item(db, id, now);
}
