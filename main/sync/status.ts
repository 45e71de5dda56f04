/**
 * The sync panel's view of the ledger: per-account status and the outbox items that are not done, in a fixed number
 * of queries (accounts, states, grouped counts, grouped open/linked counts, then one item query per account shown).
 */
import type { Database as Db } from 'better-sqlite3';
import {
  OUTBOX_CHANNELS,
  type AccountSyncStatus,
  type ChannelSyncStatus,
  type SyncError,
  type SyncItem,
  type SyncItemAction,
} from '../../shared/contract/sync';
import type { ProviderAccount } from '../../shared/domain';
import { isMessage, type ParamValues } from '../../shared/i18n/params';
import { linkCountsByAccount } from '../ledger/tables/invoice-links';
import {
  channelTarget,
  countsByTarget,
  getItemRow,
  INTERRUPTED_CODE,
  openRows,
  rowError,
  rowResult,
  zeroCounts,
  type ItemRow,
} from '../ledger/tables/outbox';
import { capabilitiesOf } from '../providers/registry';
import { readAllAccountStates } from './account-state';
import { readSyncError, syncErrorOf } from './failures';

export function toSyncItem(r: ItemRow, now: Date): SyncItem {
  const nowIso = now.toISOString();
  const inFlight = r.lease_owner !== null && r.lease_until !== null && r.lease_until > nowIso;
  const stored = rowError(r);
  let error: SyncError | null = null;
  if (stored) {
    if (stored.code === INTERRUPTED_CODE && inFlight) {
      // The write-ahead marker of a row being sent right now: show what happened before, if anything.
      const prev = stored.details?.previous as { code?: string; params?: ParamValues } | undefined;
      error = prev?.code
        ? readSyncError({
            code: prev.code,
            params: prev.params ?? {},
            providerMessage: null,
            httpStatus: null,
            at: null,
          })
        : null;
    } else {
      error = syncErrorOf(stored, r.updated_at);
    }
  }
  const result = rowResult(r);
  const advice = isMessage(result?.advice) ? result.advice : null;
  const actions: SyncItemAction[] = [];
  if (!inFlight && r.state !== 'done') {
    const due = r.next_attempt_at === null || r.next_attempt_at <= nowIso;
    if (r.state !== 'pending' || !due) actions.push('retry');
    actions.push('resolve');
    if (r.op === 'create' && r.remote_id === null) actions.push('link');
  }
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    invoiceNumber: r.number,
    accountId: r.account_id,
    channel: r.channel,
    op: r.op,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' || r.state === 'unknown' ? r.next_attempt_at : null,
    inFlight,
    error,
    advice,
    remoteId: r.remote_id ?? (typeof result?.remoteId === 'string' ? result.remoteId : null),
    actions,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getSyncItem(db: Db, id: number, now: Date): SyncItem | null {
  const r = getItemRow(db, id);
  return r ? toSyncItem(r, now) : null;
}

export function accountStatuses(
  db: Db,
  accounts: readonly ProviderAccount[],
  now: Date,
  itemLimit: number,
): AccountSyncStatus[] {
  const ids = accounts.map((a) => a.id);
  const states = readAllAccountStates(db);
  const counts = countsByTarget(db, ids);
  const linked = new Map(linkCountsByAccount(db).map((r) => [r.account_id, r]));
  const nowIso = now.toISOString();
  return accounts.map((a) => {
    const s = states.get(a.id);
    const caps = capabilitiesOf(a.provider);
    const paused = s?.pausedUntil && s.pausedUntil > nowIso ? s.pausedUntil : null;
    return {
      accountId: a.id,
      name: a.name,
      provider: a.provider,
      mode: a.mode,
      supported: caps !== null,
      lookupRoute: caps?.lookupRoute ?? null,
      operations: caps ? [...caps.operations] : [],
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastAttemptAt: s?.lastAttemptAt ?? null,
      lastPollAt: s?.lastPollAt ?? null,
      lastImportAt: s?.lastImportAt ?? null,
      lastError: s?.lastError ?? null,
      offline: paused !== null,
      pausedUntil: paused,
      counts: counts.get(a.id) ?? zeroCounts(),
      openInvoices: linked.get(a.id)?.open ?? 0,
      linkedInvoices: linked.get(a.id)?.linked ?? 0,
      items: itemLimit > 0 ? openRows(db, a.id, itemLimit).map((r) => toSyncItem(r, now)) : [],
    };
  });
}

/** The same for Kassa's own channels (e-mail): what the drainer learned, counts, and the items not done. */
export function channelStatuses(db: Db, now: Date, itemLimit: number): ChannelSyncStatus[] {
  const targets = OUTBOX_CHANNELS.map(channelTarget);
  const states = readAllAccountStates(db);
  const counts = countsByTarget(db, targets);
  const nowIso = now.toISOString();
  return OUTBOX_CHANNELS.map((channel) => {
    const target = channelTarget(channel);
    const s = states.get(target);
    const paused = s?.pausedUntil && s.pausedUntil > nowIso ? s.pausedUntil : null;
    return {
      channel,
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastAttemptAt: s?.lastAttemptAt ?? null,
      lastError: s?.lastError ?? null,
      offline: paused !== null,
      pausedUntil: paused,
      counts: counts.get(target) ?? zeroCounts(),
      items: itemLimit > 0 ? openRows(db, target, itemLimit).map((r) => toSyncItem(r, now)) : [],
    };
  });
}
