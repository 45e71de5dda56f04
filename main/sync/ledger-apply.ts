/**
 * What sync writes into the ledger, built on the ledger's own helpers (history, payments, provider statuses,
 * external imports). Every function runs inside the caller's writeTx.
 *
 * Conflict rules:
 * - The provider wins on payment facts: a payment it reports is recorded (source 'provider', idempotent on
 *   (account, remote payment key)), and so are cancelled / expired / reopened statuses it reports.
 * - An issued invoice's content stays as issued: nothing here edits lines, amounts, dates or the customer; whatever
 *   the provider holds beyond our fields stays in the link's raw payload.
 * - Where the two disagree in a way only a person can settle (paid there but cancelled here, a payment in another
 *   currency, more paid there than is owed here, "paid in full" of another total than ours), the ledger records what
 *   it can, the invoice history records the conflict with both amounts, and the caller raises a warning. A total
 *   that differs is never turned into a partial payment that would leave the invoice open for ever.
 */
import type { Message, ParamValues } from '../../shared/i18n/params';
import type { ProviderId } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { todayOf, type LedgerCtx } from '../ledger/context';
import { appendHistory } from '../ledger/tables/history';
import { applyProviderStatus } from '../ledger/lifecycle';
import { recordPayment } from '../ledger/payments';
import { closedPeriodOn } from '../ledger/periods';
import { insertLink, invoiceOfRemote, refreshRemote, setRemoteCopy } from '../ledger/tables/invoice-links';
import { getInvoiceRow } from '../ledger/tables/invoices';
import { providerPaidSum } from '../ledger/tables/payments';
import { providerName } from '../../shared/providers';
import type { RemoteInvoice } from '../providers/types';

export const CHANGE_KINDS = ['paid', 'partially_paid', 'cancelled', 'expired', 'reopened', 'conflict'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface AppliedChange {
  invoiceId: string;
  number: string | null;
  kind: ChangeKind;
  /** Minor units recorded as paid by this change. */
  amount: number;
  currency: string;
  /** What happened, for the notification (a catalogue message). */
  message: Message;
}

/** Appends a history entry that does not change the status (sync's resolutions, links, conflicts). */
export function noteHistory(ctx: LedgerCtx, invoiceId: string, action: string, details: Record<string, unknown>): void {
  const row = getInvoiceRow(ctx.db, invoiceId);
  appendHistory(ctx, invoiceId, action, row.status, row.status, details);
}

export interface LinkFacts {
  invoiceId: string;
  accountId: string;
  /** Our reference, used only when the link row does not exist yet. */
  reference: string;
  remote: RemoteInvoice;
  paymentUrl: string | null;
  paymentUrlObserved: boolean;
}

/**
 * Records the remote copy of an invoice on its link (creating the link if the invoice had none for this account).
 * Refuses when that remote invoice is already linked to another ledger invoice (a person must look).
 */
export function setLinkRemote(ctx: LedgerCtx, f: LinkFacts): void {
  const other = invoiceOfRemote(ctx.db, f.accountId, f.remote.remoteId, f.invoiceId);
  if (other) {
    throw new KassaError(
      'refused',
      'remote_already_linked',
      { id: f.remote.remoteId },
      {
        field: 'remoteId',
        details: { otherInvoiceId: other },
      },
    );
  }
  const at = ctx.now.toISOString();
  const raw = JSON.stringify(f.remote.raw ?? null);
  const copy = {
    invoiceId: f.invoiceId,
    accountId: f.accountId,
    remoteId: f.remote.remoteId,
    remoteStatus: f.remote.remoteStatus,
    paymentUrl: f.paymentUrl,
    paymentUrlObserved: f.paymentUrlObserved,
    rawJson: raw,
    at,
  };
  if (!setRemoteCopy(ctx.db, copy)) {
    insertLink(ctx.db, { ...copy, reference: f.reference, lastSyncedAt: at });
  }
}

export interface LinkState {
  invoiceId: string;
  accountId: string;
  provider: ProviderId;
  remoteStatus: string | null;
  rawJson: string | null;
}

function paymentDate(ctx: LedgerCtx, paidAt: string | null): string {
  const today = todayOf(ctx);
  const d = paidAt && /^\d{4}-\d{2}-\d{2}/.test(paidAt) ? paidAt.slice(0, 10) : today;
  return d > today ? today : d;
}

/**
 * Applies what the provider says about a linked invoice: refreshes the link's payload, records payments and
 * provider statuses, and records conflicts. Returns the changes worth telling the user about. Idempotent: the same
 * remote facts applied twice change nothing the second time.
 */
export function applyRemoteFacts(ctx: LedgerCtx, link: LinkState, remote: RemoteInvoice): AppliedChange[] {
  const pctx: LedgerCtx = { ...ctx, actor: 'provider' };
  const name = providerName(link.provider);
  const raw = JSON.stringify(remote.raw ?? null);
  const remoteChanged = raw !== link.rawJson || remote.remoteStatus !== link.remoteStatus;
  if (remoteChanged) {
    refreshRemote(ctx.db, {
      invoiceId: link.invoiceId,
      accountId: link.accountId,
      remoteStatus: remote.remoteStatus,
      rawJson: raw,
      paymentUrl: remote.paymentUrl,
      at: ctx.now.toISOString(),
    });
  }
  const changes: AppliedChange[] = [];
  let row = getInvoiceRow(ctx.db, link.invoiceId);
  if (row.kind !== 'invoice' || row.status === 'draft') return changes;
  const base = { invoiceId: row.id, number: row.number, currency: row.currency };
  const label = row.number ?? row.id;
  const says = (key: string, params: ParamValues = {}): Message => ({
    key: `sync.change.${key}`,
    params: { invoice: label, provider: name, ...params },
  });
  const conflict = (problem: string, params: ParamValues, details: Record<string, unknown> = {}): void => {
    // Recorded once per remote change, not on every poll that sees the same facts.
    if (!remoteChanged) return;
    noteHistory(pctx, row.id, 'provider_conflict', {
      accountId: link.accountId,
      remoteId: remote.remoteId,
      remoteStatus: remote.remoteStatus,
      problem,
      ...details,
    });
    changes.push({ ...base, kind: 'conflict', amount: 0, message: says(problem, params) });
  };

  // Payment facts: the provider's cumulative amount paid, minus what it reported before.
  // "paid" means paid in full, whatever a lagging amountPaid field says.
  const remotePaid =
    remote.status === 'paid' && remote.total !== null
      ? Math.max(remote.total, remote.amountPaid ?? 0)
      : remote.amountPaid;
  if ((remote.status === 'paid' || remote.status === 'partially_paid') && remotePaid !== null && remotePaid > 0) {
    const recorded = providerPaidSum(ctx.db, row.id, link.accountId);
    const delta = remotePaid - recorded;
    if (delta > 0) {
      const balance = row.total - row.paid - row.credited;
      if (
        remote.status === 'paid' &&
        remote.total !== null &&
        remote.total !== row.total &&
        (remote.currency === null || remote.currency === row.currency)
      ) {
        // "Paid in full" of a total that is not ours: recording the provider's total would leave the invoice
        // partially paid for ever (or settle more than it says). A person records what was really received.
        conflict(
          'total_mismatch',
          {
            remoteTotal: { minor: remote.total, currency: row.currency },
            total: { minor: row.total, currency: row.currency },
          },
          { remoteTotal: remote.total, total: row.total },
        );
      } else if (remote.currency !== null && remote.currency !== row.currency) {
        conflict(
          'currency_mismatch',
          { remote: remote.currency, local: row.currency },
          { remoteCurrency: remote.currency },
        );
      } else if (row.status === 'cancelled') {
        conflict('paid_but_cancelled', { amount: { minor: delta, currency: row.currency } }, { amount: delta });
      } else if (balance <= 0) {
        if (remoteChanged)
          noteHistory(pctx, row.id, 'provider_reported_paid', {
            accountId: link.accountId,
            remoteId: remote.remoteId,
            amount: delta,
            note: 'already_settled',
          });
      } else if (closedPeriodOn(ctx.db, paymentDate(ctx, remote.paidAt))) {
        // The bookkeeper closed the month the provider dates the payment in: only a person can decide to reopen it.
        const date = paymentDate(ctx, remote.paidAt);
        conflict(
          'period_closed_payment',
          { amount: { minor: delta, currency: row.currency }, date, period: closedPeriodOn(ctx.db, date) ?? '' },
          { amount: delta, date },
        );
      } else {
        const amount = Math.min(delta, balance);
        recordPayment(pctx, {
          invoiceId: row.id,
          amount,
          date: paymentDate(ctx, remote.paidAt),
          method: name,
          note: null,
          provider: { accountId: link.accountId, remoteId: `${remote.remoteId}:paid:${recorded + amount}` },
        });
        row = getInvoiceRow(ctx.db, row.id);
        const kind: ChangeKind = row.status === 'paid' ? 'paid' : 'partially_paid';
        changes.push({
          ...base,
          kind,
          amount,
          message: says(kind, { amount: { minor: amount, currency: row.currency } }),
        });
        if (delta > balance) {
          conflict(
            'paid_more_than_owed',
            {
              amount: { minor: delta, currency: row.currency },
              extra: { minor: delta - balance, currency: row.currency },
            },
            { amount: delta, balance },
          );
        }
      }
    }
  }

  // Status facts.
  const open = row.status === 'issued' || row.status === 'partially_paid';
  const details = { accountId: link.accountId, remoteId: remote.remoteId, remoteStatus: remote.remoteStatus };
  if (remote.status === 'cancelled' && (open || row.status === 'expired')) {
    const closed = (row.issue_date && closedPeriodOn(ctx.db, row.issue_date)) || closedPeriodOn(ctx.db, todayOf(ctx));
    if (row.paid > 0) {
      conflict('cancelled_with_payments', {});
    } else if (closed) {
      conflict('period_closed_cancel', { period: closed });
    } else if (applyProviderStatus(pctx, row.id, 'cancelled', details)) {
      changes.push({ ...base, kind: 'cancelled', amount: 0, message: says('cancelled') });
    }
  } else if (remote.status === 'expired' && open) {
    if (applyProviderStatus(pctx, row.id, 'expired', details))
      changes.push({ ...base, kind: 'expired', amount: 0, message: says('expired') });
  } else if ((remote.status === 'issued' || remote.status === 'partially_paid') && row.status === 'expired') {
    if (applyProviderStatus(pctx, row.id, 'issued', details))
      changes.push({ ...base, kind: 'reopened', amount: 0, message: says('reopened') });
  }
  return changes;
}
