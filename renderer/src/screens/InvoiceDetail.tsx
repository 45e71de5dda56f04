/**
 * One invoice: lines, totals, payments, refunds and history, with the actions its status allows — issue
 * (optionally to a provider account), record or void a payment, record or void a refund (money paid back), cancel,
 * credit note (whole or by line, CreditPanel), edit or delete a draft. Actions that cannot be undone say what
 * will happen before they are confirmed.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { Invoice } from '../../../shared/domain';
import { call } from '../client';
import { ErrorLine, LoadingPanel } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { customerNameOf, lineDescription } from '../../../shared/invoice-text';
import { toUiError, type UiError } from '../ui-error';
import { useApp } from '../store';
import { TotalsTable } from './InvoiceEditor';
import { InvoiceReminders } from './InvoiceReminders';
import { PdfPreview } from './PdfPreview';
import { ShareDialog, ShareHistoryDetail } from './ShareDialog';
import { CreditPanel } from './CreditPanel';
import { AfterBalance } from './Consequence';
import { IssueUndrawableNote } from './Undrawable';
import { msg } from '../../../shared/i18n/catalogue';
import { parseTypedAmount } from '../../../shared/money';
import { creditNoteOwedBack } from '../../../shared/settlement';
import { providerName } from '../../../shared/providers';
import { addDays } from '../../../shared/contract/dates';
import { DueDateNote, ProviderLinks } from './ProviderLinks';
import { StatusBadge, majorText, owedBack, todayLocal, useFormat, useProfile, useStatusLabel } from './ledger-ui';

type Panel = 'none' | 'issue' | 'pay' | 'refund' | 'cancel' | 'credit' | 'void' | 'voidRefund' | 'share';

const METHODS = ['bank_transfer', 'cash', 'card', 'mobile_money', 'cheque', 'other'];

export function InvoiceDetail(props: {
  id: string;
  onEdit: (inv: Invoice) => void;
  onClose: () => void;
  onOpen: (id: string) => void;
}): ReactElement {
  const { t, text, message } = useTranslator();
  const fmt = useFormat();
  const profile = useProfile();
  const statusLabel = useStatusLabel();
  const go = useApp((st) => st.go);
  const invoice = useQuery('invoice.get', { id: props.id });
  const inv = invoice.data;
  const history = useQuery('invoice.history', { id: props.id }).data ?? [];
  const accounts = useQuery('account.list', {}).data ?? [];
  const [error, setError] = useState<UiError | null>(null);
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);
  // action form fields
  const [accountId, setAccountId] = useState('');
  const [issueDate, setIssueDate] = useState(todayLocal());
  const [amount, setAmount] = useState('');
  const [payDate, setPayDate] = useState(todayLocal());
  const [method, setMethod] = useState('bank_transfer');
  const [note, setNote] = useState('');
  const [overpay, setOverpay] = useState(false);
  const [reason, setReason] = useState('');
  const [paymentId, setPaymentId] = useState('');
  const [refundId, setRefundId] = useState('');
  /** The credit note a refund pays back ('' for none). */
  const [creditNoteId, setCreditNoteId] = useState('');

  async function act(e: FormEvent | null, run: () => Promise<unknown>): Promise<void> {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
      setPanel('none');
      setReason('');
      setNote('');
      refresh('invoice');
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (!inv) {
    return <LoadingPanel error={invoice.error} testId="form-error" />;
  }
  const m = (v: number): string => fmt.money(v, inv.currency);
  /** A payment method stored as a code (bank_transfer) or as text someone typed. */
  const methodLabel = (x: string): string => text(`invoices.method.${x}`, {}, x);
  const isDraft = inv.status === 'draft';
  const isInvoice = inv.kind === 'invoice';
  const payable = isInvoice && ['issued', 'partially_paid', 'paid', 'expired'].includes(inv.status);
  const creditable =
    isInvoice &&
    !isDraft &&
    inv.status !== 'cancelled' &&
    (inv.uncredited ?? inv.lines.map((l) => l.quantity)).some((q) => Number(q) > 0);
  const owed = owedBack(inv);
  const issueInFuture = panel === 'issue' && issueDate > todayLocal();
  const issueDateProblem: UiError | null = issueInFuture
    ? {
        message:
          issueDate === inv.issueDate
            ? msg('error.draft_dated_in_future', { date: issueDate })
            : msg('error.issue_date_in_future', { date: issueDate }),
        field: 'issueDate',
      }
    : null;
  /** The refund typed so far, for saying what it will leave (null until it is an amount). */
  const refundTyped = ((): number | null => {
    if (panel !== 'refund') return null;
    try {
      return parseTypedAmount(amount, inv.currency, 'amount');
    } catch {
      return null;
    }
  })();
  const open = (p: Panel): void => {
    setError(null);
    if (p === 'pay') setAmount(majorText(Math.max(inv.balance, 0), inv.currency));
    // A refund is prefilled with what is owed back.
    if (p === 'refund') setAmount(majorText(owed, inv.currency));
    // ... and names the credit note that left it owed back, if one did.
    if (p === 'refund') setCreditNoteId(creditNoteOwedBack(inv.creditNotes ?? []) ?? '');
    if (p === 'pay' || p === 'refund') setPayDate(todayLocal());
    // The draft's own issue date, never silently today's (a future one is explained below and must be changed).
    if (p === 'issue') setIssueDate(inv.issueDate ?? todayLocal());
    setPanel(panel === p ? 'none' : p);
  };

  /** Payments or refunds, voided ones struck through with their reason, each with Void… while it may be voided. */
  const movements = (
    title: 'invoices.payments.title' | 'invoices.refunds.title' | 'invoices.payouts.title',
    rows: ReadonlyArray<{
      id: string;
      date: string;
      amount: number;
      method: string;
      note?: string;
      voidedAt: string | null;
      voidReason?: string;
      voidable: boolean;
      /** The credit note a refund pays back, as a link to it. */
      creditNote?: { id: string; number: string } | undefined;
    }>,
    what: 'payment' | 'refund' | 'payout',
    onVoid: (id: string) => void,
  ): ReactElement | null =>
    rows.length === 0 ? null : (
      <>
        <h2>{t(title)}</h2>
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.voidedAt ? 'voided' : undefined} data-testid={`${what}-row`}>
                <td>{fmt.date(r.date)}</td>
                <td className="num">{m(r.amount)}</td>
                <td>{methodLabel(r.method)}</td>
                <td>{r.voidedAt ? t('invoices.payments.voided', { reason: r.voidReason ?? '' }) : (r.note ?? '')}</td>
                {rows.some((x) => x.creditNote) ? (
                  <td>
                    {r.creditNote ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => props.onOpen(r.creditNote!.id)}
                        data-testid="refund-credit-note"
                      >
                        {t('invoices.refunds.for_credit_note', { number: r.creditNote.number })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
                <td>
                  {!r.voidedAt && r.voidable ? (
                    <button type="button" onClick={() => onVoid(r.id)} data-testid={`void-${what}`}>
                      {t('invoices.payments.void')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );

  return (
    <section className="panel detail" data-testid="invoice-detail">
      <div className="detail-head">
        <h2 data-testid="invoice-number">
          {inv.number
            ? t(inv.kind === 'credit_note' ? 'invoices.detail.credit_note_title' : 'invoices.detail.title', {
                number: inv.number,
              })
            : t(inv.kind === 'credit_note' ? 'invoices.detail.credit_note_draft' : 'invoices.detail.draft_title')}
        </h2>
        <StatusBadge invoice={inv} />
        <button type="button" className="close" onClick={props.onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <dl className="facts-grid">
        <dt>{t('invoices.detail.customer')}</dt>
        <dd>
          <bdi>{customerNameOf(inv, message) || '—'}</bdi>
        </dd>
        <dt>{t('invoices.detail.issued')}</dt>
        <dd>{fmt.date(inv.issueDate)}</dd>
        <dt>{t('invoices.detail.due')}</dt>
        <dd>{fmt.date(inv.dueDate)}</dd>
        <dt>{t('invoices.detail.paid')}</dt>
        <dd data-testid="invoice-paid">{m(inv.paid)}</dd>
        {inv.credited ? (
          <>
            <dt>{t('invoices.detail.credited')}</dt>
            <dd>{m(inv.credited)}</dd>
          </>
        ) : null}
        {inv.refunded ? (
          <>
            <dt>{t('invoices.detail.refunded')}</dt>
            <dd data-testid="invoice-refunded">{m(inv.refunded)}</dd>
          </>
        ) : null}
        {/* Money owed back reads as such, not as a negative balance. */}
        <dt>{t(owed > 0 ? 'invoices.detail.owed_back' : 'invoices.detail.balance')}</dt>
        <dd data-testid="invoice-balance">{m(owed > 0 ? owed : inv.balance)}</dd>
        {inv.correctsInvoiceId ? (
          <>
            <dt>{t('invoices.detail.corrects')}</dt>
            <dd>
              <button type="button" className="link" onClick={() => props.onOpen(inv.correctsInvoiceId!)}>
                {t('invoices.detail.original_invoice')}
              </button>
            </dd>
          </>
        ) : null}
        {inv.recurringId ? (
          <>
            <dt>{t('recurring.title')}</dt>
            <dd>
              <button
                type="button"
                className="link"
                onClick={() => go('recurring', { scheduleId: inv.recurringId ?? '' })}
                data-testid="made-by-schedule"
              >
                {t('recurring.invoice_made_by')}
              </button>
            </dd>
          </>
        ) : null}
        {inv.quoteId ? (
          <>
            <dt>{t('quotes.invoice_from_quote')}</dt>
            <dd>
              <button
                type="button"
                className="link"
                onClick={() => go('quotes', { quoteId: inv.quoteId ?? '' })}
                data-testid="open-quote"
              >
                {t('quotes.open_quote')}
              </button>
            </dd>
          </>
        ) : null}
        <ProviderLinks invoice={inv} />
      </dl>

      <table className="lines">
        <thead>
          <tr>
            <th>{t('invoices.line.description')}</th>
            <th className="num">{t('invoices.line.quantity')}</th>
            <th className="num">{t('invoices.line.unit_price')}</th>
            <th className="num">{t('invoices.line.discount')}</th>
            <th>{t('invoices.line.tax')}</th>
            <th className="num">{t('invoices.line.net')}</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l, i) => (
            <tr key={i}>
              <td>
                <bdi>{lineDescription(l, message)}</bdi>
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">{m(l.unitPrice)}</td>
              <td className="num">{l.discount ? m(l.discount) : ''}</td>
              <td>{t('invoices.line.tax_value', { rate: l.taxRate, category: l.taxCategory })}</td>
              <td className="num">{m(inv.totals.lineNets[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="editor-bottom">
        <div className="notes">
          {inv.notes ? <p dir="auto">{inv.notes}</p> : null}
          {inv.terms ? (
            <p className="muted" dir="auto">
              {inv.terms}
            </p>
          ) : null}
        </div>
        <TotalsTable totals={inv.totals} currency={inv.currency} />
      </div>

      <div className="toolbar actions">
        {isDraft ? (
          <>
            <button type="button" onClick={() => props.onEdit(inv)} data-testid="edit-draft">
              {t('common.edit')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => open('issue')}
              data-testid="issue"
              data-shortcut="issue"
            >
              {t('invoices.action.issue')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                // Deleting cannot be undone: say so and ask first.
                if (window.confirm(t('invoices.confirm.delete_draft', { total: m(inv.totals.total) })))
                  void act(null, () => call('invoice.delete', { id: inv.id }).then(props.onClose));
              }}
              data-testid="delete-draft"
            >
              {t('invoices.action.delete_draft')}
            </button>
          </>
        ) : null}
        {payable ? (
          <button type="button" className="primary" onClick={() => open('pay')} data-testid="record-payment">
            {t('invoices.action.record_payment')}
          </button>
        ) : null}
        {isInvoice && ['issued', 'expired'].includes(inv.status) && inv.paid === 0 ? (
          <button type="button" className="danger" onClick={() => open('cancel')} data-testid="cancel-invoice">
            {t('invoices.action.cancel')}
          </button>
        ) : null}
        {!isDraft ? (
          <button type="button" onClick={() => open('share')} data-testid="share-invoice">
            {t('share.action')}
          </button>
        ) : null}
        {owed > 0 ? (
          <button type="button" className="primary" onClick={() => open('refund')} data-testid="record-refund">
            {t('invoices.action.refund')}
          </button>
        ) : null}
        {creditable ? (
          <button type="button" onClick={() => open('credit')} data-testid="credit-invoice">
            {t('invoices.action.credit')}
          </button>
        ) : null}
        {inv.creditNoteIds?.map((id) => (
          <button
            key={id}
            type="button"
            className="link"
            onClick={() => props.onOpen(id)}
            data-testid="open-credit-note"
          >
            {t('invoices.action.open_credit_note', {
              number: inv.creditNotes?.find((n) => n.id === id)?.number ?? '',
            })}
          </button>
        ))}
      </div>

      {panel === 'share' ? <ShareDialog invoiceId={inv.id} onClose={() => setPanel('none')} /> : null}
      {panel === 'issue' ? (
        <form
          className="subform"
          onSubmit={(e) =>
            void act(e, () => call('invoice.issue', { id: inv.id, issueDate, ...(accountId ? { accountId } : {}) }))
          }
        >
          <label>
            {t('invoices.editor.issue_date')}
            <input
              type="date"
              value={issueDate}
              onChange={(e) => setIssueDate(e.target.value)}
              aria-invalid={issueDateProblem !== null || error?.field === 'issueDate' || undefined}
              aria-describedby={issueDateProblem ? 'issue-date-problem' : undefined}
              data-testid="issue-date"
            />
          </label>
          <ErrorLine error={issueDateProblem} id="issue-date-problem" testId="issue-date-problem" />
          {accounts.length > 0 ? (
            <label>
              {t('invoices.issue.send_to')}
              <select value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid="issue-account">
                <option value="">{t('invoices.issue.offline')}</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {t('invoices.issue.account', {
                      name: a.name,
                      provider: providerName(a.provider),
                      mode: t(a.mode === 'live' ? 'accounts.mode.live' : 'accounts.mode.test'),
                    })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {inv.dueDate || issueDate ? (
            <DueDateNote
              provider={accounts.find((a) => a.id === accountId)?.provider ?? null}
              dueDate={inv.dueDate ?? addDays(issueDate, profile.paymentTermsDays)}
            />
          ) : null}
          <IssueUndrawableNote
            texts={[
              ...inv.lines.map((l, i) => ({ field: `lines.${i}.description`, text: l.description })),
              { field: 'notes', text: inv.notes ?? '' },
              { field: 'terms', text: inv.terms ?? '' },
            ]}
          />
          <button className="primary" type="submit" disabled={busy || issueInFuture} data-testid="confirm-issue">
            {t('invoices.issue.confirm')}
          </button>
        </form>
      ) : null}
      {panel === 'pay' || panel === 'refund' ? (
        // Money received and money paid back: the same fields, each with its own call and what it leaves owing.
        <form
          className="subform"
          data-testid={panel === 'pay' ? 'pay-form' : 'refund-form'}
          onSubmit={(e) =>
            void act(e, async () => {
              const movement = {
                id: inv.id,
                amount: parseTypedAmount(amount, inv.currency, 'amount'),
                date: payDate,
                method,
                ...(note ? { note } : {}),
              };
              if (panel === 'pay') await call('invoice.pay', { ...movement, allowOverpayment: overpay });
              else await call('invoice.refund', { ...movement, ...(creditNoteId ? { creditNoteId } : {}) });
            })
          }
        >
          <label>
            {t(panel === 'pay' ? 'invoices.pay.amount' : 'invoices.refund.amount', { currency: inv.currency })}
            <input
              value={amount}
              inputMode="decimal"
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={error?.field === 'amount' || undefined}
              data-testid={`${panel}-amount`}
            />
          </label>
          <label>
            {t(panel === 'pay' ? 'invoices.pay.date' : 'invoices.refund.date')}
            <input
              type="date"
              value={payDate}
              max={todayLocal()}
              onChange={(e) => setPayDate(e.target.value)}
              aria-invalid={error?.field === 'date' || undefined}
              data-testid={`${panel}-date`}
            />
          </label>
          <label>
            {t('invoices.pay.method')}
            <select value={method} onChange={(e) => setMethod(e.target.value)} data-testid={`${panel}-method`}>
              {METHODS.map((x) => (
                <option key={x} value={x}>
                  {methodLabel(x)}
                </option>
              ))}
            </select>
          </label>
          {panel === 'refund' && (inv.creditNotes ?? []).length > 0 ? (
            <label>
              {t('invoices.refund.credit_note')}
              <select
                value={creditNoteId}
                onChange={(e) => setCreditNoteId(e.target.value)}
                aria-invalid={error?.field === 'creditNoteId' || undefined}
                data-testid="refund-credit-note-choice"
              >
                <option value="">{t('invoices.refund.no_credit_note')}</option>
                {(inv.creditNotes ?? []).map((n) => (
                  <option key={n.id} value={n.id}>
                    {t('invoices.refund.credit_note_option', {
                      number: n.number ?? '',
                      amount: m(Math.max(n.total - n.paidOut, 0)),
                    })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            {t('invoices.pay.note')}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          {panel === 'pay' ? (
            <label className="check">
              <input type="checkbox" checked={overpay} onChange={(e) => setOverpay(e.target.checked)} />{' '}
              {t('invoices.pay.allow_overpayment')}
            </label>
          ) : refundTyped !== null ? (
            <p className="consequence" data-testid="refund-what">
              {t('invoices.refund.what', { amount: m(refundTyped) })}{' '}
              <AfterBalance invoice={inv} after={inv.balance + refundTyped} />
            </p>
          ) : null}
          <button
            className="primary"
            type="submit"
            disabled={busy}
            data-testid={panel === 'pay' ? 'confirm-payment' : 'confirm-refund'}
          >
            {t(panel === 'pay' ? 'invoices.pay.confirm' : 'invoices.refund.confirm')}
          </button>
        </form>
      ) : null}
      {panel === 'credit' ? <CreditPanel key={inv.updatedAt} invoice={inv} onDone={() => setPanel('none')} /> : null}
      {panel === 'cancel' || panel === 'void' || panel === 'voidRefund' ? (
        <form
          className="subform"
          data-testid={`${panel}-form`}
          onSubmit={(e) =>
            void act(e, () =>
              panel === 'cancel'
                ? call('invoice.cancel', { id: inv.id, ...(reason ? { reason } : {}) })
                : panel === 'void'
                  ? call('invoice.voidPayment', { id: inv.id, paymentId, reason })
                  : call('invoice.voidRefund', { id: inv.id, refundId, reason }),
            )
          }
        >
          {panel === 'cancel' ? (
            // Cancelling cannot be undone: say what it does before the button that does it.
            <p className="consequence" role="alert" data-testid="cancel-what">
              {t('invoices.cancel.what', { number: inv.number ?? '' })}
              {inv.links.length > 0 ? ` ${t('invoices.cancel.what_provider')}` : ''}
            </p>
          ) : null}
          <label>
            {t(panel === 'cancel' ? 'invoices.reason_optional' : 'invoices.reason')}
            <input
              value={reason}
              maxLength={500}
              required={panel !== 'cancel'}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reason"
            />
          </label>
          <button className="danger" type="submit" disabled={busy} data-testid="confirm-action">
            {t(
              panel === 'cancel'
                ? 'invoices.cancel.confirm'
                : panel === 'void'
                  ? 'invoices.void.confirm'
                  : 'invoices.refunds.void_confirm',
            )}
          </button>
        </form>
      ) : null}
      <ErrorLine error={error} />
      <PdfPreview key={inv.id} invoiceId={inv.id} />

      {movements(
        'invoices.payments.title',
        (inv.payments ?? []).map((p) => ({ ...p, voidable: p.source === 'manual' })),
        'payment',
        (id) => {
          setPaymentId(id);
          open('void');
        },
      )}
      {movements(
        'invoices.refunds.title',
        (inv.refunds ?? []).map((r) => {
          const n = inv.creditNotes?.find((x) => x.id === r.creditNoteId);
          return { ...r, voidable: true, creditNote: n ? { id: n.id, number: n.number ?? '' } : undefined };
        }),
        'refund',
        (id) => {
          setRefundId(id);
          open('voidRefund');
        },
      )}

      {/* A credit note's page: the refunds on its invoice that pay it back (voided there, on the invoice's page). */}
      {movements(
        'invoices.payouts.title',
        (inv.payouts ?? []).map((r) => ({ ...r, voidable: false })),
        'payout',
        () => undefined,
      )}

      {isInvoice && !isDraft ? <InvoiceReminders invoiceId={inv.id} /> : null}

      <h2>{t('invoices.history.title')}</h2>
      <ol className="history" data-testid="history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="muted">{fmt.dateTime(h.at)}</span> {text(`history.action.${h.action}`, {}, h.action)}
            {h.toStatus && h.toStatus !== h.fromStatus
              ? ` ${t('invoices.history.to_status', { status: statusLabel(h.toStatus) })}`
              : ''}{' '}
            <span className="muted">{text(`history.actor.${h.actor}`, {}, h.actor)}</span>
            <ShareHistoryDetail details={h.details} />
          </li>
        ))}
      </ol>
    </section>
  );
}
