/**
 * Status polling for one account: only linked invoices that can still change (issued or partially paid with a
 * remote id) are watched, by the cheapest plan the provider's poll strategy (its descriptor) allows:
 * - events: the provider's change feed since the last successful poll (KashIO); an absent invoice has not changed.
 *   Estimated cost: one call per day of the window (pages beyond the first are extra).
 * - list: page through the provider's list filtered to open invoices. One page covers up to a page-size of open
 *   invoices; an invoice of ours missing from those pages has changed (paid, cancelled, …) and is then read on its
 *   own — or, where the provider cannot read one invoice (Kaspa), searched for in the pages of the closed statuses.
 *   Estimated cost: filters × ⌈open / page size⌉ pages, plus one read per changed invoice. If the pages turn out to
 *   cost as much as reading every open invoice would have (many remote-only open invoices), paging stops and the
 *   rest are read one by one — never worse than the other plan.
 * - get: one read per open invoice, when that is fewer calls (a handful of open invoices) or the provider has no
 *   usable filter.
 * Requests go through the adapter's HTTP client, which applies the per-account rate limiter and retries reads with
 * back-off. Results are applied in one transaction per page / batch.
 */
import type { Database as Db } from 'better-sqlite3';
import { writeTx } from '../ledger/connection';
import type { LedgerCtx } from '../ledger/context';
import { translateSqliteError } from '../ledger/sql';
import { linkedCount, openLinks, remoteStates } from '../ledger/tables/invoice-links';
import type { Logger } from '../log';
import { descriptorOf } from '../providers/registry';
import type { ListFilter, ListPage, RemoteInvoice } from '../providers/types';
import { readAccountState } from './account-state';
import { pool } from './drainer';
import { bodyOf, classifyFailure, type FailureClass } from './failures';
import { applyRemoteFacts, type AppliedChange, type LinkState } from './ledger-apply';
import type { SyncTarget } from './target';
import type { ErrorBody } from '../../shared/errors';

export interface PollDeps {
  db: Db;
  now: () => Date;
  log: Logger;
  /** Reads in flight at once for the per-invoice plan (the rate limiter paces them anyway). */
  concurrency?: number;
}

export interface AccountPollResult {
  accountId: string;
  plan: 'none' | 'list' | 'events' | 'get';
  linked: number;
  open: number;
  listCalls: number;
  getCalls: number;
  changes: AppliedChange[];
  errors: number;
  /** Set when the round stopped on a failure that says something about the account (offline, wrong key). */
  failure: { cls: FailureClass; error: ErrorBody } | null;
}

const GET_BATCH = 50;
/** The change feed is read from a little before the last poll: KashIO's event dates carry no time zone. */
const EVENTS_OVERLAP_MS = 24 * 3600 * 1000;

/** Applies a batch of remote invoices to their links in one transaction; returns the changes. */
export function applyBatch(db: Db, now: Date, target: SyncTarget, remotes: readonly RemoteInvoice[]): AppliedChange[] {
  if (remotes.length === 0) return [];
  const accountId = target.account.id;
  try {
    return writeTx(db, () => {
      const links = remoteStates(
        db,
        accountId,
        remotes.map((r) => r.remoteId),
      );
      const byRemote = new Map(links.map((l) => [l.remote_id, l]));
      const ctx: LedgerCtx = { db, now, actor: 'provider' };
      const changes: AppliedChange[] = [];
      for (const remote of remotes) {
        const l = byRemote.get(remote.remoteId);
        if (!l) continue;
        const state: LinkState = {
          invoiceId: l.invoice_id,
          accountId,
          provider: target.account.provider,
          remoteStatus: l.remote_status,
          rawJson: l.raw_json,
        };
        changes.push(...applyRemoteFacts(ctx, state, remote));
      }
      return changes;
    });
  } catch (err) {
    throw translateSqliteError(err);
  }
}

/** Pages through `filters`, applying the ones of ours; stops early once `enough()` says so. */
async function pageThrough(
  d: PollDeps,
  target: SyncTarget,
  filters: readonly ListFilter[],
  ours: (r: RemoteInvoice) => boolean,
  onPage: (applied: RemoteInvoice[]) => void,
  enough: () => boolean,
  signal: AbortSignal | undefined,
  list: (cursor: string | null, filter: ListFilter) => Promise<ListPage>,
): Promise<boolean> {
  for (const filter of filters) {
    let cursor: string | null = null;
    do {
      if (signal?.aborted) return false;
      const page = await list(cursor, filter);
      const mine = page.invoices.filter(ours);
      d.log.debug('sync.poll_page', { account: target.account.id, rows: page.invoices.length, ours: mine.length });
      onPage(mine);
      cursor = page.next;
      if (enough()) return true;
    } while (cursor !== null);
  }
  return true;
}

export async function pollAccount(d: PollDeps, target: SyncTarget, signal?: AbortSignal): Promise<AccountPollResult> {
  const accountId = target.account.id;
  const adapter = target.adapter;
  const open = openLinks(d.db, accountId);
  const result: AccountPollResult = {
    accountId,
    plan: 'none',
    linked: linkedCount(d.db, accountId),
    open: open.length,
    listCalls: 0,
    getCalls: 0,
    changes: [],
    errors: 0,
    failure: null,
  };
  if (open.length === 0) return result;

  const byRemote = new Map(open.map((o) => [o.remote_id, o]));
  const strategy = descriptorOf(target.account.provider).poll;
  const currencies = [...new Set(open.map((o) => o.currency))].sort();
  const getCost = adapter.get ? open.length : Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const stop = (err: unknown): AccountPollResult => {
    const error = bodyOf(err);
    result.errors++;
    result.failure = { cls: classifyFailure(error), error };
    d.log.warn('sync.poll_failed', { account: accountId, plan: result.plan, code: error.code });
    return result;
  };
  const apply = (remotes: RemoteInvoice[]): void => {
    for (const r of remotes) seen.add(r.remoteId);
    result.changes.push(...applyBatch(d.db, d.now(), target, remotes));
  };
  const list = (cursor: string | null, filter: ListFilter): Promise<ListPage> => {
    result.listCalls++;
    return adapter.listPage(cursor, filter);
  };
  const unseenOfOurs = (r: RemoteInvoice): boolean => byRemote.has(r.remoteId) && !seen.has(r.remoteId);

  // The change feed: only what changed since the last successful poll (an absent invoice has not changed).
  const since = readAccountState(d.db, accountId).lastPollAt;
  if (strategy.kind === 'events' && adapter.changesSince && since !== null) {
    const from = new Date(Date.parse(since) - EVENTS_OVERLAP_MS);
    const days = Math.max(1, Math.ceil((d.now().getTime() - from.getTime()) / 86_400_000) + 1);
    if (days < getCost) {
      result.plan = 'events';
      const changesSince = adapter.changesSince.bind(adapter);
      try {
        let cursor: string | null = null;
        do {
          if (signal?.aborted) return result;
          result.listCalls++;
          const page = await changesSince(cursor, from);
          // Events come oldest first; a later one of the same invoice is applied after, so the latest state wins.
          apply(page.invoices.filter((r) => byRemote.has(r.remoteId)));
          cursor = page.next;
        } while (cursor !== null);
      } catch (err) {
        return stop(err);
      }
      return result;
    }
  }

  const filters = strategy.kind === 'list' ? strategy.openFilters(currencies) : null;
  const listCost =
    strategy.kind === 'list' && filters
      ? filters.length * Math.max(1, Math.ceil(open.length / strategy.pageSize))
      : Number.POSITIVE_INFINITY;
  if (filters && listCost < getCost) {
    result.plan = 'list';
    try {
      // Paging already costs what reading the rest one by one would: read the rest instead.
      await pageThrough(
        d,
        target,
        filters,
        unseenOfOurs,
        apply,
        () => result.listCalls >= getCost - seen.size,
        signal,
        list,
      );
      if (signal?.aborted) return result;
      // No way to read one invoice: the ones that left the open lists are searched for where they went.
      const closed = strategy.kind === 'list' && !adapter.get ? (strategy.closedFilters?.(currencies) ?? []) : [];
      if (closed.length > 0 && open.some((o) => !seen.has(o.remote_id)))
        await pageThrough(
          d,
          target,
          closed,
          unseenOfOurs,
          apply,
          () => open.every((o) => seen.has(o.remote_id)),
          signal,
          list,
        );
    } catch (err) {
      return stop(err);
    }
  } else if (adapter.get) {
    result.plan = 'get';
  } else {
    d.log.warn('sync.poll_unsupported', { account: accountId, provider: target.account.provider });
    return result;
  }

  // Open invoices the list did not show (changed since), or all of them in the per-invoice plan.
  const get = adapter.get?.bind(adapter);
  const missing = open.filter((o) => !seen.has(o.remote_id)).map((o) => o.remote_id);
  if (!get || missing.length === 0) return result;
  for (let i = 0; i < missing.length; i += GET_BATCH) {
    if (signal?.aborted) return result;
    const batch = missing.slice(i, i + GET_BATCH);
    const got: RemoteInvoice[] = [];
    let fatal: unknown = null;
    await pool(batch, d.concurrency ?? 4, async (remoteId) => {
      if (fatal !== null) return;
      try {
        result.getCalls++;
        got.push(await get(remoteId, { currency: byRemote.get(remoteId)?.currency ?? '' }));
      } catch (err) {
        const cls = classifyFailure(bodyOf(err));
        // One invoice the provider no longer knows is that invoice's problem; offline or a bad key ends the round.
        if (cls === 'permanent') {
          result.errors++;
          d.log.warn('sync.poll_get_failed', { account: accountId, remoteId, code: bodyOf(err).code });
        } else fatal = err;
      }
    });
    result.changes.push(...applyBatch(d.db, d.now(), target, got));
    if (fatal !== null) return stop(fatal);
  }
  return result;
}
