/**
 * Carrying out one claimed outbox row at its provider, and recording the result together with its effect on the
 * ledger (link, history) in one transaction.
 *
 * Exactly-once create:
 * - a row claimed in state `unknown` (an earlier attempt timed out, was reset, got a 5xx or an unreadable answer,
 *   or the sync died mid-send) is first looked up at the provider by our reference (routes.ts documents the route
 *   per provider): found → linked, done, nothing sent; definitely absent → sent again; lookup failed → tried later;
 * - a provider without a lookup parks the row as `needs_review` with what is known, never re-sending blindly;
 * - a create refused by the provider is looked up too (Kashier refuses a duplicate invoiceReferenceId: the invoice
 *   is already there), and otherwise fails for a person to decide;
 * - a remote invoice found by our reference is linked only when its currency and total are the invoice's; a create
 *   answered with another total (the provider computed its own) is linked but parked with both amounts.
 * Other operations (cancel, mark paid, delete) are idempotent in the adapters (they read first), so an unknown
 * outcome is simply tried again; a share that may have gone out is parked rather than sent twice.
 */
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import type { OutboxState } from '../../shared/contract/sync';
import type { Invoice } from '../../shared/domain';
import { errorFromStored, type ErrorBody, type StoredError } from '../../shared/errors';
import type { ParamValues } from '../../shared/i18n/params';
import type { LedgerCtx } from '../ledger/context';
import { getInvoice } from '../ledger/invoice-read';
import { findLink, forgetRemoteCopy, refreshRemote, type LinkRef } from '../ledger/tables/invoice-links';
import type { Logger } from '../log';
import { providerName } from '../../shared/providers';
import type { RemoteInvoice, WriteOutcome } from '../providers/types';
import type { BackoffPolicy } from './backoff';
import { bodyOf, classifyFailure, type FailureClass } from './failures';
import { noteHistory, setLinkRemote } from './ledger-apply';
import { finishRow, holdsLease, type ClaimedAccountRow } from '../ledger/tables/outbox';
import { finishClaimed, ledgerTx, type FinishOptions } from './row-finish';
import { adviceResult, insteadAdvice, type Advice } from './advice';
import { remoteMismatch } from './remote-match';
import type { SyncTarget } from './target';

export interface PushDeps {
  db: Db;
  owner: string;
  now: () => Date;
  log: Logger;
  random: () => number;
  retry: BackoffPolicy;
}

export type { SyncTarget as PushTarget } from './target';

export type PushKind =
  'done' | 'reconciled' | 'resent' | 'failed' | 'needs_review' | 'skipped' | 'retry' | 'lease_lost';

export interface PushResult {
  kind: PushKind;
  /** What the account's health learns from this row: a success, a class of failure, or nothing. */
  signal: 'success' | FailureClass | null;
  error?: ErrorBody;
}

const SYSTEM = 'system' as const;

function parsePayload(row: ClaimedAccountRow): Record<string, unknown> {
  try {
    const v = JSON.parse(row.payload_json) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export class RowPusher {
  constructor(
    private readonly d: PushDeps,
    private readonly t: SyncTarget,
    private readonly row: ClaimedAccountRow,
  ) {}

  private get name(): string {
    return providerName(this.t.account.provider);
  }

  private ctx(): LedgerCtx {
    return { db: this.d.db, now: this.d.now(), actor: SYSTEM };
  }

  private link(): LinkRef | undefined {
    return findLink(this.d.db, this.row.invoice_id, this.row.account_id);
  }

  /** Runs fn in a write transaction, retrying a busy ledger a few times (the provider already acted). */
  private tx<T>(fn: () => T): Promise<T> {
    return ledgerTx(this.d.db, fn);
  }

  /** Ends the row in `state`; history records every resolution except a plain retry. */
  private finish(kind: PushKind, state: OutboxState, opts: FinishOptions): Promise<PushResult> {
    return finishClaimed(this.d, this.row, kind, state, opts);
  }

  private skip(advice: Advice): Promise<PushResult> {
    const result = adviceResult(advice);
    return this.finish('skipped', 'skipped', { result, history: { action: 'sync_skipped', details: result } });
  }

  private review(advice: Advice, error?: ErrorBody): Promise<PushResult> {
    const result = adviceResult(advice);
    const opts: Parameters<RowPusher['finish']>[2] = {
      result,
      history: { action: 'sync_needs_review', details: { ...result, ...(error ? { code: error.code } : {}) } },
    };
    if (error) opts.error = error;
    return this.finish('needs_review', 'needs_review', opts);
  }

  /** Advice parameters every message about this row's invoice uses. */
  private about(invoice: Pick<Invoice, 'number'>): { provider: string; number: string } {
    return { provider: this.name, number: invoice.number ?? '' };
  }

  /** A thrown error: retried later when it may pass, failed when the provider refused. */
  private failure(err: unknown, stateIfRetry: 'pending' | 'unknown'): Promise<PushResult> {
    const error = bodyOf(err);
    const cls = classifyFailure(error);
    if (error.kind === 'internal')
      this.d.log.error('sync.push.internal', { outboxId: this.row.id, op: this.row.op, error: err });
    if (cls === 'permanent') {
      return this.finish('failed', 'failed', {
        error,
        history: {
          action: 'sync_failed',
          details: { code: error.code, problem: { key: `error.${error.code}`, params: error.params ?? {} } },
        },
      });
    }
    return this.finish('retry', stateIfRetry, { error, retryClass: cls });
  }

  private unknownOutcome(out: { error: ErrorBody }, sentAt: string): Promise<PushResult> {
    const error: ErrorBody = { ...out.error, details: { ...(out.error.details ?? {}), sentAt } };
    return this.finish('retry', 'unknown', { error, retryClass: classifyFailure(error) });
  }

  async run(): Promise<PushResult> {
    try {
      switch (this.row.op) {
        case 'create':
          return await this.create();
        case 'cancel':
          return await this.cancel();
        case 'mark_paid':
          return await this.markPaid();
        case 'share':
          return await this.share();
        case 'delete':
          return await this.remove();
        default:
          return await this.failure(new Error(`unknown outbox op ${String(this.row.op)}`), 'pending');
      }
    } catch (err) {
      // Anything unexpected (bad ledger row, adapter bug, a ledger write failing after the provider acted): decided
      // like any other failure — and a create is then looked up before it can be sent again.
      return this.failure(err, this.row.op === 'create' ? 'unknown' : this.row.previousState);
    }
  }

  // ---- create ----

  private invoice(): Invoice {
    return getInvoice(this.d.db, this.row.invoice_id, localDate(this.d.now()));
  }

  /**
   * Links the invoice to its remote copy and ends the row. A copy whose total (or currency) differs from the
   * ledger's — the provider computed its own — is linked all the same (it exists, and must never be sent twice),
   * but the row is parked for a person with both amounts, and the conflict goes into the history.
   */
  private async linkCreated(
    remote: RemoteInvoice,
    kind: 'done' | 'reconciled' | 'resent',
    link: LinkRef | undefined,
    invoice: Invoice,
  ): Promise<PushResult> {
    const now = this.d.now();
    const mismatch = remoteMismatch(this.t.account.provider, { ...invoice, total: invoice.totals.total }, remote);
    const advice: Advice | null = mismatch
      ? {
          key: 'providers.advice.total_mismatch',
          params: {
            ...this.about(invoice),
            remoteId: remote.remoteId,
            remoteTotal:
              remote.total === null ? '' : { minor: remote.total, currency: remote.currency ?? invoice.currency },
            total: { minor: invoice.totals.total, currency: invoice.currency },
          },
        }
      : null;
    const paymentUrl = this.t.adapter.paymentUrl?.(remote) ?? remote.paymentUrl;
    const observed = paymentUrl !== null && this.t.adapter.capabilities.paymentUrlObserved;
    const owned = await this.tx(() => {
      const ctx = this.ctx();
      const details = {
        accountId: this.row.account_id,
        outboxId: this.row.id,
        remoteId: remote.remoteId,
        remoteNumber: remote.remoteNumber,
        ...(kind === 'reconciled' ? { reconciled: true } : {}),
      };
      try {
        setLinkRemote(ctx, {
          invoiceId: invoice.id,
          accountId: this.row.account_id,
          reference: link?.reference ?? invoice.number ?? invoice.id,
          remote,
          paymentUrl,
          paymentUrlObserved: observed,
        });
      } catch (err) {
        return { err };
      }
      noteHistory(ctx, invoice.id, kind === 'reconciled' ? 'provider_linked' : 'provider_created', details);
      if (advice && mismatch)
        noteHistory(ctx, invoice.id, 'provider_conflict', {
          ...details,
          problem: 'total_mismatch',
          remoteTotal: remote.total,
          total: invoice.totals.total,
          currency: invoice.currency,
          remoteCurrency: remote.currency,
        });
      if (!holdsLease(this.d.db, this.row.id, this.d.owner)) return false;
      return finishRow(this.d.db, this.row.id, this.d.owner, now, {
        state: advice ? 'needs_review' : 'done',
        result: {
          remoteId: remote.remoteId,
          remoteNumber: remote.remoteNumber,
          paymentUrl,
          ...(kind !== 'done' ? { [kind]: true } : {}),
          ...(advice ? adviceResult(advice) : {}),
        },
        ...(mismatch ? { error: mismatch.toBody() } : {}),
      });
    });
    if (typeof owned === 'object') {
      const error = bodyOf(owned.err);
      return this.review(
        { key: 'providers.advice.linked_elsewhere', params: { provider: this.name, remoteId: remote.remoteId } },
        error,
      );
    }
    if (!owned) return { kind: 'lease_lost', signal: null };
    // The invoice is at the provider either way: the account worked, even if a person must look at the amounts.
    return advice ? { kind: 'needs_review', signal: null } : { kind, signal: 'success' };
  }

  private async create(): Promise<PushResult> {
    const link = this.link();
    if (link?.remote_id) {
      // Linked meanwhile (by an import, by hand, or by another drainer whose lease we took over after it sent).
      return this.finish('done', 'done', { result: { remoteId: link.remote_id, alreadyLinked: true } });
    }
    const invoice = this.invoice();
    const adapter = this.t.adapter;
    const reference = adapter.referenceFor(invoice);
    let kind: 'done' | 'resent' = 'done';
    if (this.row.previousState === 'unknown') {
      if (!adapter.findByReference) {
        return this.review(
          { key: 'providers.advice.no_lookup', params: { ...this.about(invoice), reference } },
          this.previousError(),
        );
      }
      let found: RemoteInvoice | null;
      try {
        found = await adapter.findByReference(reference, {
          currency: invoice.currency,
          createdAround: new Date(this.row.previousSentAt ?? this.row.updated_at),
        });
      } catch (err) {
        // The provider's list cannot say "absent" for sure (undocumented rows, too many pages): a person decides.
        if (bodyOf(err).code === 'lookup_inconclusive')
          return this.review(
            { key: 'providers.advice.lookup_inconclusive', params: { ...this.about(invoice), reference } },
            bodyOf(err),
          );
        return this.failure(err, 'unknown');
      }
      if (found) return this.foundByReference(found, link, invoice);
      kind = 'resent';
    }
    const sentAt = this.d.now().toISOString();
    let out: WriteOutcome<RemoteInvoice>;
    try {
      out = await adapter.create(invoice, { sendEmail: parsePayload(this.row).sendEmail === true });
    } catch (err) {
      // Thrown means it did not take effect (validation, a refusal, never sent) — unless the provider refused it
      // because it already has it: look once more before failing.
      const body = bodyOf(err);
      if (body.code === 'provider_rejected' && adapter.findByReference) {
        try {
          const found = await adapter.findByReference(reference, {
            currency: invoice.currency,
            createdAround: new Date(sentAt),
          });
          if (found) return this.foundByReference(found, link, invoice);
        } catch {
          // The refusal stands; the lookup's failure adds nothing for the user.
        }
      }
      return this.failure(err, 'pending');
    }
    if (out.outcome === 'unknown') return this.unknownOutcome(out, sentAt);
    return this.linkCreated(out.value, kind, link, invoice);
  }

  /**
   * A remote invoice that carries our reference is linked only when it is this invoice: same currency, same total
   * (Paycashless returns the first hit of its filter; anyone can reuse a reference). Otherwise a person looks.
   */
  private foundByReference(found: RemoteInvoice, link: LinkRef | undefined, invoice: Invoice): Promise<PushResult> {
    const mismatch = remoteMismatch(this.t.account.provider, { ...invoice, total: invoice.totals.total }, found);
    if (!mismatch) return this.linkCreated(found, 'reconciled', link, invoice);
    return this.review(
      {
        key: 'providers.advice.found_differs',
        params: {
          ...this.about(invoice),
          remoteId: found.remoteId,
          problem: found.currency !== null && found.currency !== invoice.currency ? 'currency' : 'total',
          remoteCurrency: found.currency ?? '',
          currency: invoice.currency,
          remoteTotal: found.total === null ? '' : { minor: found.total, currency: invoice.currency },
          total: { minor: invoice.totals.total, currency: invoice.currency },
        },
      },
      mismatch.toBody(),
    );
  }

  private previousError(): ErrorBody | undefined {
    try {
      const e = JSON.parse(this.row.last_error_json ?? 'null') as StoredError | null;
      const p = e?.details?.previous as { code?: string; params?: ParamValues } | undefined;
      if (p?.code)
        return errorFromStored({
          kind: 'provider',
          code: p.code,
          params: p.params ?? {},
          details: { sentAt: e?.details?.previousSentAt ?? null },
        });
      return e ? errorFromStored(e) : undefined;
    } catch {
      return undefined;
    }
  }

  // ---- cancel, mark paid, share, delete ----

  private remoteIdOrSkip(): string | null {
    return this.link()?.remote_id ?? null;
  }

  private async recordRemoteUpdate(remote: RemoteInvoice | null, action: string): Promise<PushResult> {
    const now = this.d.now();
    const owned = await this.tx(() => {
      if (remote) {
        // The payment URL stays as it is: an update is not a new copy to hand out.
        refreshRemote(this.d.db, {
          invoiceId: this.row.invoice_id,
          accountId: this.row.account_id,
          remoteStatus: remote.remoteStatus,
          rawJson: JSON.stringify(remote.raw ?? null),
          paymentUrl: null,
          at: now.toISOString(),
        });
      }
      noteHistory(this.ctx(), this.row.invoice_id, action, {
        accountId: this.row.account_id,
        outboxId: this.row.id,
        ...(remote ? { remoteStatus: remote.remoteStatus } : {}),
      });
      if (!holdsLease(this.d.db, this.row.id, this.d.owner)) return false;
      return finishRow(this.d.db, this.row.id, this.d.owner, now, {
        state: 'done',
        result: remote ? { remoteStatus: remote.remoteStatus } : {},
      });
    });
    if (!owned) return { kind: 'lease_lost', signal: null };
    return { kind: 'done', signal: 'success' };
  }

  private async settle<T>(
    out: WriteOutcome<T>,
    sentAt: string,
    onOk: (value: T) => Promise<PushResult>,
  ): Promise<PushResult> {
    if (out.outcome === 'unknown') return this.unknownOutcome(out, sentAt);
    return onOk(out.value);
  }

  private notThere(op: 'cancel' | 'mark_paid' | 'share' | 'delete'): Promise<PushResult> {
    return this.skip({ key: 'providers.advice.not_there', params: { provider: this.name, op } });
  }

  private async cancel(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('cancel');
    const about = this.about(this.invoice());
    const adapter = this.t.adapter;
    if (!adapter.cancel) return this.skip(insteadAdvice(this.t.account.provider, 'cancel'));
    const p = parsePayload(this.row);
    if (p.reason === 'credited' && typeof p.balance === 'number' && p.balance > 0) {
      const creditNote = typeof p.creditNoteNumber === 'string' ? p.creditNoteNumber : '';
      return this.skip({ key: 'providers.advice.cancel_partly_credited', params: { ...about, creditNote } });
    }
    const reason =
      p.reason === 'credited'
        ? `Credited by ${typeof p.creditNoteNumber === 'string' ? p.creditNoteNumber : 'a credit note'}`
        : typeof p.reason === 'string' && p.reason.trim()
          ? p.reason
          : 'Cancelled in Kassa';
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.cancel(remoteId, reason);
      return await this.settle(out, sentAt, (v) => this.recordRemoteUpdate(v, 'provider_cancelled'));
    } catch (err) {
      const body = bodyOf(err);
      if (body.code === 'remote_paid')
        return this.review({ key: 'providers.advice.cancel_but_paid', params: about }, body);
      return this.failure(err, 'pending');
    }
  }

  private async markPaid(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('mark_paid');
    const about = this.about(this.invoice());
    const adapter = this.t.adapter;
    if (!adapter.markPaid) return this.skip(insteadAdvice(this.t.account.provider, 'markPaid'));
    if (parsePayload(this.row).fullyPaid !== true)
      return this.skip({ key: 'providers.advice.mark_paid_partly', params: about });
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.markPaid(remoteId);
      return await this.settle(out, sentAt, (v) => this.recordRemoteUpdate(v, 'provider_marked_paid'));
    } catch (err) {
      const body = bodyOf(err);
      if (body.code === 'remote_cancelled')
        return this.review({ key: 'providers.advice.mark_paid_but_cancelled', params: about }, body);
      return this.failure(err, 'pending');
    }
  }

  private async share(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('share');
    const adapter = this.t.adapter;
    if (!adapter.share) return this.skip(insteadAdvice(this.t.account.provider, 'share'));
    const p = parsePayload(this.row);
    const channel = p.channel === 'sms' ? 'sms' : p.channel === 'email' ? 'email' : null;
    const address = typeof p.address === 'string' ? p.address : null;
    if (!channel || !address) return this.failure(new Error('share row without channel/address'), 'pending');
    if (this.row.previousState === 'unknown') {
      return this.review(
        { key: 'providers.advice.share_maybe_sent', params: { provider: this.name, channel } },
        this.previousError(),
      );
    }
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.share(remoteId, { channel, address });
      return await this.settle(out, sentAt, () => this.recordRemoteUpdate(null, 'provider_shared'));
    } catch (err) {
      return this.failure(err, 'pending');
    }
  }

  private async remove(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('delete');
    const adapter = this.t.adapter;
    if (!adapter.delete) return this.skip(insteadAdvice(this.t.account.provider, 'delete'));
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.delete(remoteId);
      return await this.settle(out, sentAt, () => this.forgetDeleted(remoteId));
    } catch (err) {
      // Gone already (an earlier attempt whose answer was lost, or deleted in the dashboard): what was asked holds.
      if (bodyOf(err).code === 'provider_not_found') return this.forgetDeleted(remoteId);
      return this.failure(err, 'pending');
    }
  }

  /** The copy is gone at the provider: the link stops pointing at it (and polling stops asking about it). */
  private async forgetDeleted(remoteId: string): Promise<PushResult> {
    const now = this.d.now();
    const owned = await this.tx(() => {
      forgetRemoteCopy(this.d.db, this.row.invoice_id, this.row.account_id, now.toISOString());
      noteHistory(this.ctx(), this.row.invoice_id, 'provider_deleted', {
        accountId: this.row.account_id,
        outboxId: this.row.id,
        remoteId,
      });
      if (!holdsLease(this.d.db, this.row.id, this.d.owner)) return false;
      return finishRow(this.d.db, this.row.id, this.d.owner, now, {
        state: 'done',
        result: { remoteId, deleted: true },
      });
    });
    if (!owned) return { kind: 'lease_lost', signal: null };
    return { kind: 'done', signal: 'success' };
  }
}
