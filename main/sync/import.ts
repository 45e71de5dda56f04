/**
 * Pull / import: every page of an account's remote invoices, each one
 * - already linked (same remote id) → its payload and provider facts applied when they changed, else untouched;
 * - carrying our reference for an invoice Kassa sent (link without a remote id yet, e.g. a create whose answer was
 *   lost) → linked, and that invoice's unfinished "create" rows closed, so it is never sent again;
 * - carrying the number of one of our issued invoices that is not linked to this account, same currency and amount
 *   → linked;
 * - anything else → imported into the account's external series `ext:<accountId>` with the provider's number (our
 *   gapless numbers are never used), its payments recorded as provider payments.
 * Remote drafts are skipped. Re-running changes nothing. Memory stays bounded: one page at a time, one transaction
 * per page (a savepoint per invoice, so one unreadable invoice does not lose the page), a fixed number of queries
 * per page.
 */
import type { Message } from '../../shared/i18n/params';
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import type { ImportSummary } from '../../shared/contract/sync';
import { refused } from '../../shared/errors';
import { writeTx } from '../ledger/connection';
import type { LedgerCtx } from '../ledger/context';
import { importExternalInvoice } from '../ledger/imports';
import { translateSqliteError } from '../ledger/sql';
import { linksByReference, remoteStates } from '../ledger/tables/invoice-links';
import { getInvoiceRow, unlinkedByNumbers } from '../ledger/tables/invoices';
import { closeCreates, createInFlight } from '../ledger/tables/outbox';
import type { Logger } from '../log';
import type { RemoteInvoice } from '../providers/types';
import { bodyOf } from './failures';
import { toExternalInvoice } from './import-map';
import { applyRemoteFacts, noteHistory, setLinkRemote, type AppliedChange } from './ledger-apply';
import { remoteMismatch } from './remote-match';
import type { SyncTarget } from './target';

export interface ImportDeps {
  db: Db;
  now: () => Date;
  log: Logger;
}

export interface ImportProgress {
  seen: number;
  pages: number;
}

const MAX_ERRORS = 50;

export async function importAccount(
  d: ImportDeps,
  target: SyncTarget,
  jobId: string,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<{ summary: ImportSummary; changes: AppliedChange[] }> {
  const summary: ImportSummary = {
    jobId,
    accountId: target.account.id,
    seen: 0,
    pages: 0,
    calls: 0,
    imported: 0,
    linked: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
  };
  const changes: AppliedChange[] = [];
  let cursor: string | null = null;
  do {
    if (signal?.aborted) break;
    summary.calls++;
    const page = await target.adapter.listPage(cursor);
    summary.pages++;
    summary.seen += page.invoices.length;
    try {
      changes.push(...writeTx(d.db, () => applyPage(d, target, page.invoices, summary)));
    } catch (err) {
      throw translateSqliteError(err);
    }
    onProgress({ seen: summary.seen, pages: summary.pages });
    cursor = page.next;
  } while (cursor !== null);
  return { summary, changes };
}

function applyPage(
  d: ImportDeps,
  target: SyncTarget,
  remotes: readonly RemoteInvoice[],
  summary: ImportSummary,
): AppliedChange[] {
  const db = d.db;
  const now = d.now();
  const today = localDate(now);
  const account = target.account;
  const ctx: LedgerCtx = { db, now, actor: 'provider' };
  const keyOf = (r: RemoteInvoice): string | null => r.ourNumber;

  // Three queries for the whole page, whatever its size.
  const byRemote = new Map(
    remoteStates(
      db,
      account.id,
      remotes.map((r) => r.remoteId),
    ).map((l) => [l.remote_id, l]),
  );
  const keys = [...new Set(remotes.map(keyOf).filter((k): k is string => k !== null))];
  // Our numbers and the references as the provider holds them (a foreign one is kept verbatim if it is free).
  const verbatim = remotes.map((r) => r.reference).filter((k): k is string => k !== null && k !== '');
  const byRef = new Map(
    linksByReference(db, account.id, [...new Set([...keys, ...verbatim])]).map((l) => [l.reference, l]),
  );
  const ours = new Map(unlinkedByNumbers(db, keys, account.id).map((i) => [i.number, i]));
  const usedRefs = new Set<string>();
  const paymentUrlObserved = target.adapter.capabilities.paymentUrlObserved;
  const changes: AppliedChange[] = [];

  const one = db.transaction((remote: RemoteInvoice): void => {
    const linked = byRemote.get(remote.remoteId);
    if (linked) {
      const raw = JSON.stringify(remote.raw ?? null);
      if (raw === linked.raw_json && remote.remoteStatus === linked.remote_status) {
        summary.unchanged++;
        return;
      }
      changes.push(
        ...applyRemoteFacts(
          ctx,
          {
            invoiceId: linked.invoice_id,
            accountId: account.id,
            provider: account.provider,
            remoteStatus: linked.remote_status,
            rawJson: linked.raw_json,
          },
          remote,
        ),
      );
      summary.updated++;
      return;
    }
    if (remote.status === 'draft') {
      summary.skipped++;
      return;
    }
    const key = keyOf(remote);
    const refLink = key !== null ? byRef.get(key) : undefined;
    if (refLink && !refLink.external) {
      if (refLink.remote_id !== null) {
        // A second remote invoice with the reference of one we already linked: a duplicate at the provider.
        throw refused('remote_duplicate', { id: remote.remoteId, reference: key ?? '' });
      }
      // Our invoice whose create may still be in flight in another process: leave it to that drainer.
      if (createInFlight(db, refLink.invoice_id, account.id, now)) {
        summary.skipped++;
        return;
      }
      // Our reference, but not our currency or amount: a person must look (its create stays to be reconciled).
      const mismatch = remoteMismatch(account.provider, getInvoiceRow(db, refLink.invoice_id), remote);
      if (mismatch) throw mismatch;
      linkOurs(ctx, target, refLink.invoice_id, refLink.reference, remote, paymentUrlObserved);
      changes.push(
        ...applyRemoteFacts(
          ctx,
          {
            invoiceId: refLink.invoice_id,
            accountId: account.id,
            provider: account.provider,
            remoteStatus: remote.remoteStatus,
            rawJson: JSON.stringify(remote.raw ?? null),
          },
          remote,
        ),
      );
      summary.linked++;
      return;
    }
    const mine = key !== null ? ours.get(key) : undefined;
    if (mine && mine.currency === remote.currency && mine.total === remote.total) {
      linkOurs(ctx, target, mine.id, key as string, remote, paymentUrlObserved);
      ours.delete(mine.number);
      changes.push(
        ...applyRemoteFacts(
          ctx,
          {
            invoiceId: mine.id,
            accountId: account.id,
            provider: account.provider,
            remoteStatus: remote.remoteStatus,
            rawJson: JSON.stringify(remote.raw ?? null),
          },
          remote,
        ),
      );
      summary.linked++;
      return;
    }
    // The provider's reference as it holds it; foreign references may repeat or clash with ours, the remote id never.
    const own = remote.reference;
    const reference = own && !byRef.has(own) && !usedRefs.has(own) ? own : `remote:${remote.remoteId}`;
    usedRefs.add(reference);
    const x = toExternalInvoice(account, remote, { reference, today, paymentUrlObserved });
    const { invoiceId, created } = importExternalInvoice(ctx, x);
    if (!created) {
      summary.unchanged++;
      return;
    }
    // Payments it already received (statuses cancelled / expired were applied by the import itself).
    changes.push(
      ...applyRemoteFacts(
        ctx,
        {
          invoiceId,
          accountId: account.id,
          provider: account.provider,
          remoteStatus: remote.remoteStatus,
          rawJson: x.rawJson,
        },
        remote,
      ),
    );
    summary.imported++;
  });

  for (const remote of remotes) {
    try {
      one(remote);
    } catch (err) {
      summary.skipped++;
      const body = bodyOf(translateSqliteError(err));
      d.log.warn('sync.import_skipped', { account: account.id, remoteId: remote.remoteId, code: body.code });
      const problem: Message = { key: `error.${body.code}`, ...(body.params ? { params: body.params } : {}) };
      if (summary.errors.length < MAX_ERRORS)
        summary.errors.push({ remoteId: remote.remoteId, problem, message: body.message });
    }
  }
  return changes;
}

/** Links one of our invoices to its remote copy and closes its unfinished create rows (it must not be sent again). */
function linkOurs(
  ctx: LedgerCtx,
  target: SyncTarget,
  invoiceId: string,
  reference: string,
  remote: RemoteInvoice,
  observed: boolean,
): void {
  const paymentUrl = target.adapter.paymentUrl?.(remote) ?? remote.paymentUrl;
  setLinkRemote(ctx, {
    invoiceId,
    accountId: target.account.id,
    reference,
    remote,
    paymentUrl,
    paymentUrlObserved: paymentUrl !== null && observed,
  });
  const closed = closeCreates(ctx.db, {
    invoiceId,
    accountId: target.account.id,
    remoteId: remote.remoteId,
    linkedBy: 'import',
    clearError: true,
    now: ctx.now,
  });
  noteHistory({ ...ctx, actor: 'system' }, invoiceId, 'provider_linked', {
    accountId: target.account.id,
    remoteId: remote.remoteId,
    by: 'import',
    outboxClosed: closed,
  });
}
