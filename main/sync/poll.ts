/**
 * Status polling for one account: only linked invoices that can still change (issued or partially paid with a
 * remote id) are watched, by the cheaper of two plans:
 * - list: page through the provider's list filtered to open invoices (routes.ts). One page covers up to a page-size
 *   of open invoices; an invoice of ours missing from those pages has changed (paid, cancelled, …) and is then
 *   read on its own. Estimated cost: filters × ⌈open / page size⌉ pages, plus one read per changed invoice. If the
 *   pages turn out to cost as much as reading every open invoice would have (many remote-only open invoices), paging
 *   stops and the rest are read one by one — never worse than the other plan.
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
import type { RemoteInvoice } from '../providers/types';
import { pool } from './drainer';
import { bodyOf, classifyFailure, type FailureClass } from './failures';
import { applyRemoteFacts, type AppliedChange, type LinkState } from './ledger-apply';
import { POLL_ROUTES } from './routes';
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
  plan: 'none' | 'list' | 'get';
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
  const route = POLL_ROUTES[target.account.provider];
  const currencies = [...new Set(open.map((o) => o.currency))].sort();
  const filters = route?.openFilters(currencies) ?? null;
  const getCost = adapter.get ? open.length : Number.POSITIVE_INFINITY;
  const listCost =
    filters && route ? filters.length * Math.max(1, Math.ceil(open.length / route.pageSize)) : Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const stop = (err: unknown): AccountPollResult => {
    const error = bodyOf(err);
    result.errors++;
    result.failure = { cls: classifyFailure(error), error };
    d.log.warn('sync.poll_failed', { account: accountId, plan: result.plan, code: error.code });
    return result;
  };

  if (filters && listCost < getCost) {
    result.plan = 'list';
    try {
      paging: for (const filter of filters) {
        let cursor: string | null = null;
        do {
          if (signal?.aborted) return result;
          const page = await adapter.listPage(cursor, filter);
          result.listCalls++;
          const ours = page.invoices.filter((r) => byRemote.has(r.remoteId) && !seen.has(r.remoteId));
          for (const r of ours) seen.add(r.remoteId);
          result.changes.push(...applyBatch(d.db, d.now(), target, ours));
          cursor = page.next;
          // Paging already costs what reading the rest one by one would: read the rest instead.
          if (cursor !== null && result.listCalls >= getCost - seen.size) break paging;
        } while (cursor !== null);
      }
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
        got.push(await get(remoteId));
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
