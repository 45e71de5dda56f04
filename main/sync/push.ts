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
 *   is already there), and otherwise fails for a person to decide.
 * Other operations (cancel, mark paid, delete) are idempotent in the adapters (they read first), so an unknown
 * outcome is simply tried again; a share that may have gone out is parked rather than sent twice.
 */
import type { Database as Db } from 'better-sqlite3';
import { localDate } from '../../shared/contract/dates';
import type { OutboxState } from '../../shared/contract/sync';
import type { Invoice } from '../../shared/domain';
import type { ErrorBody } from '../../shared/errors';
import type { LedgerCtx } from '../ledger/context';
import { getInvoice } from '../ledger/invoice-read';
import { findLink, refreshRemote, type LinkRef } from '../ledger/tables/invoice-links';
import type { Logger } from '../log';
import { providerName } from '../../shared/providers';
import type { RemoteInvoice, WriteOutcome } from '../providers/types';
import type { BackoffPolicy } from './backoff';
import { bodyOf, classifyFailure, type FailureClass } from './failures';
import { noteHistory, setLinkRemote } from './ledger-apply';
import { finishRow, holdsLease, type ClaimedAccountRow } from '../ledger/tables/outbox';
import { finishClaimed, ledgerTx, type FinishOptions } from './row-finish';
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

  private skip(advice: string): Promise<PushResult> {
    return this.finish('skipped', 'skipped', {
      result: { advice },
      history: { action: 'sync_skipped', details: { advice } },
    });
  }

  private review(advice: string, error?: ErrorBody): Promise<PushResult> {
    const opts: Parameters<RowPusher['finish']>[2] = {
      result: { advice },
      history: { action: 'sync_needs_review', details: { advice, ...(error ? { code: error.code } : {}) } },
    };
    if (error) opts.error = error;
    return this.finish('needs_review', 'needs_review', opts);
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
        history: { action: 'sync_failed', details: { code: error.code, message: error.message } },
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

  private async linkCreated(
    remote: RemoteInvoice,
    kind: 'done' | 'reconciled' | 'resent',
    link: LinkRef | undefined,
    invoice: Invoice,
  ): Promise<PushResult> {
    const now = this.d.now();
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
      if (!holdsLease(this.d.db, this.row.id, this.d.owner)) return false;
      return finishRow(this.d.db, this.row.id, this.d.owner, now, {
        state: 'done',
        result: {
          remoteId: remote.remoteId,
          remoteNumber: remote.remoteNumber,
          paymentUrl,
          ...(kind !== 'done' ? { [kind]: true } : {}),
        },
      });
    });
    if (typeof owned === 'object') {
      const error = bodyOf(owned.err);
      return this.review(
        `${this.name} holds ${remote.remoteId} for this invoice, but it is already linked to another invoice here; check both and link the right one.`,
        error,
      );
    }
    if (!owned) return { kind: 'lease_lost', signal: null };
    return { kind, signal: 'success' };
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
          `Kassa cannot ask ${this.name} whether ${invoice.number ?? 'this invoice'} arrived (its API has no lookup). Look for reference ${reference} in the ${this.name} dashboard: if it is there, link it by its id; if not, retry to send it.`,
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
        return this.failure(err, 'unknown');
      }
      if (found) return this.linkCreated(found, 'reconciled', link, invoice);
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
          if (found) return this.linkCreated(found, 'reconciled', link, invoice);
        } catch {
          // The refusal stands; the lookup's failure adds nothing for the user.
        }
      }
      return this.failure(err, 'pending');
    }
    if (out.outcome === 'unknown') return this.unknownOutcome(out, sentAt);
    return this.linkCreated(out.value, kind, link, invoice);
  }

  private previousError(): ErrorBody | undefined {
    try {
      const e = JSON.parse(this.row.last_error_json ?? 'null') as ErrorBody | null;
      const p = e?.details?.previous as { code?: string; message?: string } | undefined;
      if (p?.code && p.message)
        return {
          kind: 'provider',
          code: p.code,
          message: p.message,
          details: { sentAt: e?.details?.previousSentAt ?? null },
        };
      return e ?? undefined;
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

  private notThere(what: string): Promise<PushResult> {
    return this.skip(`The invoice never reached ${this.name}, so there is nothing to ${what} there.`);
  }

  private async cancel(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('cancel');
    const number = this.invoice().number ?? 'the invoice';
    const adapter = this.t.adapter;
    if (!adapter.cancel) {
      return this.skip(
        `${this.name} has no way to cancel an invoice through its API: cancel ${number} (${remoteId}) in the ${this.name} dashboard so the customer is no longer asked to pay.`,
      );
    }
    const p = parsePayload(this.row);
    if (p.reason === 'credited' && typeof p.balance === 'number' && p.balance > 0) {
      const cn = typeof p.creditNoteNumber === 'string' ? p.creditNoteNumber : 'a credit note';
      return this.skip(
        `${number} is only partly credited by ${cn}; ${this.name} still asks for the original amount and cannot change it. Either cancel it in the ${this.name} dashboard and send a new invoice for the rest, or collect the rest and refund any overpayment.`,
      );
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
      if (body.code === 'remote_paid') {
        return this.review(
          `${this.name} says ${number} is already paid, so it was not cancelled there. Refund the customer at ${this.name}, or record the payment here instead of cancelling.`,
          body,
        );
      }
      return this.failure(err, 'pending');
    }
  }

  private async markPaid(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('mark paid');
    const number = this.invoice().number ?? 'the invoice';
    const adapter = this.t.adapter;
    if (!adapter.markPaid) {
      return this.skip(
        `${this.name} cannot record a payment made outside it: ${number} stays open there. Once it is fully paid, cancel it in the ${this.name} dashboard so the customer is not asked to pay again.`,
      );
    }
    if (parsePayload(this.row).fullyPaid !== true) {
      return this.skip(
        `${this.name} can only mark an invoice paid in full; ${number} will be marked paid there once it is fully paid here.`,
      );
    }
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.markPaid(remoteId);
      return await this.settle(out, sentAt, (v) => this.recordRemoteUpdate(v, 'provider_marked_paid'));
    } catch (err) {
      const body = bodyOf(err);
      if (body.code === 'remote_cancelled') {
        return this.review(
          `${number} is cancelled at ${this.name}, so it could not be marked paid there; nothing else is needed unless the cancellation was a mistake.`,
          body,
        );
      }
      return this.failure(err, 'pending');
    }
  }

  private async share(): Promise<PushResult> {
    const remoteId = this.remoteIdOrSkip();
    if (!remoteId) return this.notThere('share');
    const adapter = this.t.adapter;
    if (!adapter.share)
      return this.skip(
        `${this.name} cannot send invoices through its API; send the payment link to the customer yourself.`,
      );
    const p = parsePayload(this.row);
    const channel = p.channel === 'sms' ? 'sms' : p.channel === 'email' ? 'email' : null;
    const address = typeof p.address === 'string' ? p.address : null;
    if (!channel || !address) return this.failure(new Error('share row without channel/address'), 'pending');
    if (this.row.previousState === 'unknown') {
      return this.review(
        `The last attempt to send this invoice by ${channel} may have gone out (${this.name} cannot tell). Retry to send it again, or mark it resolved.`,
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
    if (!adapter.delete)
      return this.skip(
        `${this.name} cannot delete invoices through its API; delete or cancel ${remoteId} in the ${this.name} dashboard.`,
      );
    const sentAt = this.d.now().toISOString();
    try {
      const out = await adapter.delete(remoteId);
      return await this.settle(out, sentAt, () => this.recordRemoteUpdate(null, 'provider_deleted'));
    } catch (err) {
      return this.failure(err, 'pending');
    }
  }
}
