/**
 * The sync service of one process: manual rounds ("Sync now", `kassa sync`), imports, the sync panel's status and
 * actions, and — in the app — a background loop that drains the outbox as rows become due and polls each account on
 * its interval (with jitter, and back-off after failures). Work in this process runs one round at a time; other
 * processes are kept apart by the outbox leases.
 */
import { randomUUID } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import type { Actor } from '../../shared/contract/invoices';
import type { ImportSummary, PollSummary, SyncItem, SyncRoundSummary, SyncStatus } from '../../shared/contract/sync';
import type { ProviderAccount } from '../../shared/domain';
import type { AccountService } from '../accounts/service';
import type { EventHub } from '../events';
import type { Logger } from '../log';
import { providerName } from '../../shared/providers';
import type { AdapterFactory, HttpTuning } from '../providers/types';
import { readAccountState, updateAccountState } from './account-state';
import { assertItemAccount, linkItem, queueRemoteDelete, resolveItem, retryItem } from './actions';
import { backoffMs, OUTBOX_RETRY, type BackoffPolicy } from './backoff';
import { emptyDrain, OutboxDrainer, type ChannelSenders } from './drainer';
import { bodyOf, classifyFailure } from './failures';
import { AccountHealth, type HealthOptions } from './health';
import { importAccount } from './import';
import type { AppliedChange, ChangeKind } from './ledger-apply';
import { msg } from '../../shared/i18n/keys';
import type { Message } from '../../shared/i18n/params';
import { newLeaseOwner } from '../ledger/lease';
import { readPreferences } from '../ledger/preferences';
import { OUTBOX_CHANNELS } from '../../shared/contract/sync';
import type { DrainSummary } from '../../shared/contract/sync';
import { channelTarget, countsByTarget, makeDueNow, nextDueAt, sumCounts } from '../ledger/tables/outbox';
import { pollAccount } from './poll';
import { accountStatuses, channelStatuses } from './status';
import { makeTarget, type SyncTarget } from './target';

export interface SyncServiceDeps {
  db: Db;
  accounts: AccountService;
  createAdapter: AdapterFactory;
  log: Logger;
  events: EventHub;
  now: () => Date;
  /**
   * How Kassa's own channels (e-mail) send a row; the drainer carries their rows like any other. Without them (tests
   * of provider sync) rounds leave channel rows alone.
   */
  channels?: ChannelSenders;
}

export interface SyncTuning {
  /** Lease owner id (tests); default `<host>/<pid>/<random>`. */
  owner?: string;
  /** How long a claimed row stays ours without a heartbeat. Default 120 s. */
  leaseMs?: number;
  concurrency?: number;
  retry?: BackoffPolicy;
  http?: HttpTuning;
  random?: () => number;
  health?: HealthOptions;
  /** Background polling interval per account; when not given, the user's preference (default 5 min); ±20 % jitter. */
  pollIntervalMs?: number;
  pollJitter?: number;
  /** Background loop tick. Default 5 s. */
  tickMs?: number;
  /** Notifications per round before they are summed up in one. */
  maxNotifications?: number;
}

export interface RoundOptions {
  accountId?: string | undefined;
  poll?: boolean;
  /** Background behaviour: respect offline pauses and poll only accounts whose poll is due. */
  background?: boolean;
}

const emptyPoll = (): PollSummary => ({
  accounts: 0,
  invoices: 0,
  open: 0,
  calls: 0,
  listCalls: 0,
  getCalls: 0,
  changed: 0,
  paid: 0,
  partiallyPaid: 0,
  cancelled: 0,
  expired: 0,
  conflicts: 0,
  errors: 0,
});

export class SyncService {
  readonly owner: string;
  private readonly tuning: Required<Omit<SyncTuning, 'owner' | 'http' | 'health' | 'pollIntervalMs'>> &
    Pick<SyncTuning, 'http' | 'pollIntervalMs'>;
  private readonly health: AccountHealth;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private background = false;

  constructor(
    private readonly d: SyncServiceDeps,
    given: SyncTuning = {},
  ) {
    this.owner = given.owner ?? newLeaseOwner();
    this.tuning = {
      leaseMs: given.leaseMs ?? 120_000,
      concurrency: given.concurrency ?? 4,
      retry: given.retry ?? OUTBOX_RETRY,
      http: given.http,
      random: given.random ?? Math.random,
      pollIntervalMs: given.pollIntervalMs,
      pollJitter: given.pollJitter ?? 0.2,
      tickMs: given.tickMs ?? 5_000,
      maxNotifications: given.maxNotifications ?? 5,
    };
    this.health = new AccountHealth(d.db, d.now, this.tuning.random, d.log, given.health);
  }

  /** The interval between polls: the tuning's when given (tests), else the user's preference, read each time. */
  private pollIntervalMs(): number {
    return this.tuning.pollIntervalMs ?? readPreferences(this.d.db).pollMinutes * 60_000;
  }

  /** Runs `fn` after whatever this process is already syncing. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      this.busy = true;
      try {
        return await fn();
      } finally {
        this.busy = false;
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private accountsFor(accountId: string | undefined): ProviderAccount[] {
    return accountId ? [this.d.accounts.get(accountId)] : this.d.accounts.list();
  }

  private targetCache(): (accountId: string) => SyncTarget {
    const cache = new Map<string, SyncTarget>();
    return (accountId) => {
      let cached = cache.get(accountId);
      if (!cached) {
        cached = makeTarget(this.d.accounts, this.d.createAdapter, accountId, this.tuning.http);
        cache.set(accountId, cached);
      }
      return cached;
    };
  }

  private drainer(target: (accountId: string) => SyncTarget): OutboxDrainer {
    return new OutboxDrainer({
      db: this.d.db,
      owner: this.owner,
      now: this.d.now,
      log: this.d.log,
      random: this.tuning.random,
      retry: this.tuning.retry,
      leaseMs: this.tuning.leaseMs,
      concurrency: this.tuning.concurrency,
      health: this.health,
      target,
      channels: this.d.channels ?? {},
      onRowDone: (row, result) => {
        if (result.kind === 'lease_lost') return;
        this.d.events.emit('ledger.changed', { entity: 'invoice', id: row.invoice_id });
        this.d.events.emit('sync.changed', row.account_id === null ? {} : { accountId: row.account_id });
      },
    });
  }

  /** The outbox targets of the channels this process can send through. */
  private channelTargets(): string[] {
    return OUTBOX_CHANNELS.filter((c) => this.d.channels?.[c] !== undefined).map(channelTarget);
  }

  /** "Sync now": drain the outbox, then poll open invoices. */
  syncNow(opts: RoundOptions = {}): Promise<SyncRoundSummary> {
    return this.serial(() => this.round(opts));
  }

  private async round(opts: RoundOptions): Promise<SyncRoundSummary> {
    const startedAt = this.d.now().toISOString();
    const accounts = this.accountsFor(opts.accountId);
    const ids = accounts.map((a) => a.id);
    // A round for every account also sends what Kassa's own channels hold (queued e-mails).
    const targets = opts.accountId === undefined ? [...ids, ...this.channelTargets()] : ids;
    if (!opts.background) {
      // The user asked: try now, whatever the back-offs and offline pauses said.
      if (opts.accountId === undefined) this.health.clearPause();
      else this.health.clearPause(opts.accountId);
      if (targets.length > 0) makeDueNow(this.d.db, targets, this.d.now());
    }
    const target = this.targetCache();
    const jobId = randomUUID();
    const errors: SyncRoundSummary['errors'] = [];

    this.progress(jobId, msg('sync.progress.outbox'), 0, false);
    const outbox =
      targets.length > 0 ? await this.drainer(target).drain({ targets, signal: this.abort.signal }) : emptyDrain();
    this.progress(jobId, msg('sync.progress.outbox'), outbox.claimed, true);

    const poll = emptyPoll();
    const changes: Array<{ account: ProviderAccount; change: AppliedChange }> = [];
    if (opts.poll !== false) {
      for (const account of accounts) {
        if (this.abort.signal.aborted) break;
        if (this.health.isPaused(account.id)) continue;
        const now = this.d.now();
        if (opts.background) {
          const next = readAccountState(this.d.db, account.id).nextPollAt;
          if (next !== null && next > now.toISOString()) continue;
        }
        let accountTarget: SyncTarget;
        try {
          accountTarget = target(account.id);
        } catch (err) {
          const e = bodyOf(err);
          if (e.code !== 'provider_not_supported')
            errors.push({ accountId: account.id, code: e.code, params: e.params ?? {}, message: e.message });
          // Not pollable (no adapter in this version): look again at the normal interval, not at every tick.
          updateAccountState(this.d.db, account.id, (s) => ({
            ...s,
            nextPollAt: new Date(now.getTime() + this.pollIntervalMs()).toISOString(),
          }));
          continue;
        }
        const r = await pollAccount(
          { db: this.d.db, now: this.d.now, log: this.d.log },
          accountTarget,
          this.abort.signal,
        );
        poll.accounts++;
        poll.invoices += r.linked;
        poll.open += r.open;
        poll.listCalls += r.listCalls;
        poll.getCalls += r.getCalls;
        poll.calls += r.listCalls + r.getCalls;
        poll.errors += r.errors;
        for (const c of r.changes) {
          changes.push({ account, change: c });
          if (c.kind === 'conflict') poll.conflicts++;
          else {
            poll.changed++;
            if (c.kind === 'paid') poll.paid++;
            else if (c.kind === 'partially_paid') poll.partiallyPaid++;
            else if (c.kind === 'cancelled') poll.cancelled++;
            else if (c.kind === 'expired') poll.expired++;
          }
        }
        const failed = r.failure;
        if (failed) {
          this.health.failure(account.id, failed.cls, failed.error);
          errors.push({
            accountId: account.id,
            code: failed.error.code,
            params: failed.error.params ?? {},
            message: failed.error.message,
          });
        } else if (r.open > 0) this.health.success(account.id);
        const at = this.d.now();
        updateAccountState(this.d.db, account.id, (s) => {
          const pollFailures = failed ? s.pollFailures + 1 : 0;
          const wait = failed
            ? backoffMs({ baseMs: 30_000, maxMs: this.pollIntervalMs() * 4 }, pollFailures, this.tuning.random)
            : Math.round(this.pollIntervalMs() * (1 + this.tuning.pollJitter * (this.tuning.random() * 2 - 1)));
          return {
            ...s,
            lastPollAt: failed ? s.lastPollAt : at.toISOString(),
            pollFailures,
            nextPollAt: new Date(at.getTime() + wait).toISOString(),
          };
        });
        this.health.flush();
      }
    }
    this.notify(changes);
    for (const a of accounts) {
      const e = readAccountState(this.d.db, a.id).lastError;
      if (e && !errors.some((x) => x.accountId === a.id) && (outbox.retryLater > 0 || outbox.failed > 0))
        errors.push({ accountId: a.id, code: e.code, params: e.params, message: e.message });
    }
    const remaining = sumCounts(countsByTarget(this.d.db, targets).values());
    for (const id of ids) this.d.events.emit('sync.changed', { accountId: id });
    const summary: SyncRoundSummary = {
      startedAt,
      finishedAt: this.d.now().toISOString(),
      accounts: ids,
      outbox,
      poll,
      remaining,
      errors,
    };
    this.d.log.info('sync.round', {
      accounts: ids.length,
      claimed: outbox.claimed,
      done: outbox.done,
      pollCalls: poll.calls,
      changed: poll.changed,
      background: opts.background === true,
    });
    return summary;
  }

  private progress(jobId: string, label: Message, done: number, finished: boolean, accountId?: string): void {
    this.d.events.emit('progress', { jobId, label, done, total: null, finished, ...(accountId ? { accountId } : {}) });
  }

  /** Desktop notifications / toasts: one per change, or one summary when a round changed many invoices. */
  private notify(changes: ReadonlyArray<{ account: ProviderAccount; change: AppliedChange }>): void {
    if (changes.length === 0) return;
    for (const { change } of changes) this.d.events.emit('ledger.changed', { entity: 'invoice', id: change.invoiceId });
    const level = (c: AppliedChange): 'success' | 'info' | 'warning' =>
      c.kind === 'paid' ? 'success' : c.kind === 'partially_paid' || c.kind === 'reopened' ? 'info' : 'warning';
    const title = (c: AppliedChange): Message => ({ key: `sync.notify.${c.kind}` });
    const conflicts = changes.filter((c) => c.change.kind === 'conflict');
    const plain = changes.filter((c) => c.change.kind !== 'conflict');
    const individual = [...conflicts, ...plain].slice(0, this.tuning.maxNotifications);
    const rest = changes.length - individual.length;
    for (const { change } of individual)
      this.d.events.emit('notification', {
        title: title(change),
        body: change.message,
        level: level(change),
        invoiceId: change.invoiceId,
      });
    if (rest > 0) {
      const by = new Map<ChangeKind, number>();
      for (const { change } of changes.slice(individual.length)) by.set(change.kind, (by.get(change.kind) ?? 0) + 1);
      const count = (k: ChangeKind): number => by.get(k) ?? 0;
      this.d.events.emit('notification', {
        title: msg('sync.notify.many'),
        body: msg('sync.notify.many_body', {
          rest,
          paid: count('paid'),
          partially: count('partially_paid'),
          cancelled: count('cancelled'),
          expired: count('expired'),
          reopened: count('reopened'),
          conflicts: count('conflict'),
        }),
        level: 'info',
      });
    }
  }

  /** Fetches every remote invoice of the account and links or imports it, with progress events. */
  importAccount(accountId: string): Promise<ImportSummary> {
    return this.serial(async () => {
      const account = this.d.accounts.get(accountId);
      const target = makeTarget(this.d.accounts, this.d.createAdapter, accountId, this.tuning.http);
      const jobId = randomUUID();
      const label = msg('sync.import.label', { account: account.name });
      this.progress(jobId, label, 0, false, accountId);
      try {
        const { summary, changes } = await importAccount(
          { db: this.d.db, now: this.d.now, log: this.d.log },
          target,
          jobId,
          (p) => this.progress(jobId, label, p.seen, false, accountId),
          this.abort.signal,
        );
        this.health.success(accountId);
        updateAccountState(this.d.db, accountId, (s) => ({ ...s, lastImportAt: this.d.now().toISOString() }));
        this.health.flush();
        this.d.events.emit('progress', {
          jobId,
          accountId,
          label,
          done: summary.seen,
          total: summary.seen,
          finished: true,
        });
        const conflicts = changes.filter((c) => c.kind === 'conflict');
        this.notify(conflicts.map((change) => ({ account, change })));
        this.d.events.emit('notification', {
          title: msg('sync.notify.import_done', { account: account.name }),
          body: msg('sync.notify.import_body', {
            seen: summary.seen,
            provider: providerName(account.provider),
            imported: summary.imported,
            linked: summary.linked,
            updated: summary.updated,
            unchanged: summary.unchanged,
            skipped: summary.skipped,
          }),
          level: summary.errors.length > 0 ? 'warning' : 'success',
        });
        this.d.events.emit('ledger.changed', { entity: 'invoice' });
        this.d.events.emit('sync.changed', { accountId });
        this.d.log.info('sync.import', {
          account: accountId,
          seen: summary.seen,
          imported: summary.imported,
          linked: summary.linked,
          calls: summary.calls,
        });
        return summary;
      } catch (err) {
        const e = bodyOf(err);
        this.health.failure(accountId, classifyFailure(e), e);
        this.health.flush();
        const error: Message = { key: `error.${e.code}`, ...(e.params ? { params: e.params } : {}) };
        this.d.events.emit('progress', { jobId, accountId, label, done: 0, total: null, finished: true, error });
        throw err;
      }
    });
  }

  /**
   * Sends the due rows of these invoices now (a share the user just asked for, and the provider rows it waits for),
   * alongside whatever round may be running: the leases keep the two apart. A channel's offline pause ends first —
   * the user asked.
   */
  async deliver(invoiceIds: readonly string[]): Promise<DrainSummary> {
    for (const t of this.channelTargets()) this.health.clearPause(t);
    return this.drainer(this.targetCache()).drain({ invoiceIds, signal: this.abort.signal });
  }

  status(opts: { accountId?: string | undefined; itemLimit: number }): SyncStatus {
    const accounts = this.accountsFor(opts.accountId);
    return {
      accounts: accountStatuses(this.d.db, accounts, this.d.now(), opts.itemLimit),
      channels: opts.accountId === undefined ? channelStatuses(this.d.db, this.d.now(), opts.itemLimit) : [],
      background: this.background,
      busy: this.busy,
    };
  }

  private hasLookup = (accountId: string): boolean => {
    try {
      return (
        makeTarget(this.d.accounts, this.d.createAdapter, accountId, this.tuning.http).adapter.findByReference !==
        undefined
      );
    } catch {
      return false;
    }
  };

  retry(itemId: number, actor: Actor): SyncItem {
    const item = retryItem(this.d.db, itemId, this.d.now(), actor, this.hasLookup);
    this.health.clearPause(item.accountId ?? channelTarget(item.channel ?? 'email'));
    this.changed(item);
    this.kick();
    return item;
  }

  resolve(itemId: number, note: string | null, actor: Actor): SyncItem {
    const item = resolveItem(this.d.db, itemId, this.d.now(), actor, note);
    this.changed(item);
    this.kick();
    return item;
  }

  /** Queues deleting the invoice's copy at the account's provider, and sends it soon. */
  deleteAtProvider(invoiceId: string, accountId: string, actor: Actor): SyncItem {
    const account = this.d.accounts.get(accountId);
    const item = queueRemoteDelete(this.d.db, invoiceId, accountId, account.provider, this.d.now(), actor);
    this.changed(item);
    this.kick();
    return item;
  }

  async link(itemId: number, remoteId: string, actor: Actor): Promise<SyncItem> {
    const accountId = assertItemAccount(this.d.db, itemId);
    const target = makeTarget(this.d.accounts, this.d.createAdapter, accountId, this.tuning.http);
    const item = await linkItem(this.d.db, itemId, remoteId, this.d.now, actor, target);
    this.changed(item);
    this.kick();
    return item;
  }

  private changed(item: SyncItem): void {
    this.d.events.emit('ledger.changed', { entity: 'invoice', id: item.invoiceId });
    this.d.events.emit('sync.changed', item.accountId === null ? {} : { accountId: item.accountId });
  }

  // ---- background loop (the app) ----

  /** Starts draining and polling in the background; idempotent. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.background = true;
    const tick = (): void => {
      this.timer = null;
      if (this.stopped) return;
      void this.backgroundRound().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.tuning.tickMs);
        this.timer?.unref?.();
      });
    };
    this.timer = setTimeout(tick, Math.min(this.tuning.tickMs, 1_000));
    this.timer.unref?.();
  }

  /** Runs a background round soon (after a retry or a new outbox row). */
  kick(): void {
    if (!this.background || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.start();
  }

  private async backgroundRound(): Promise<void> {
    if (this.busy) return;
    try {
      const now = this.d.now().toISOString();
      const paused = this.health.pausedIds();
      const due = nextDueAt(this.d.db, paused);
      const accounts = this.d.accounts.list();
      const pollDue = accounts.some(
        (a) => !paused.includes(a.id) && (readAccountState(this.d.db, a.id).nextPollAt ?? '') <= now,
      );
      if ((due === null || due > now) && !pollDue) return;
      await this.syncNow({ background: true, poll: pollDue });
    } catch (err) {
      this.d.log.warn('sync.background_failed', { code: bodyOf(err).code });
    }
  }

  /** Stops the loop and the current round (rows in flight finish; the rest stay for the next run). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.background = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.chain;
  }
}
