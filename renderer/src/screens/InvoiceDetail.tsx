/**
 * One invoice: lines, totals, payments and history, with the actions its status allows — issue (optionally to
 * a provider account), record or void a payment, cancel, credit note, edit or delete a draft.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { Invoice } from '../../../shared/domain';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { toUiError, type UiError } from '../ui-error';
import { TotalsTable } from './InvoiceEditor';
import { PdfPreview } from './PdfPreview';
import { parseTypedAmount } from '../../../shared/money';
import { providerName } from '../../../shared/providers';
import { StatusBadge, formatDate, majorText, money, statusLabel, todayLocal, useProfile } from './ledger-ui';

type Panel = 'none' | 'issue' | 'pay' | 'cancel' | 'credit' | 'void';

const METHODS = ['bank_transfer', 'cash', 'card', 'mobile_money', 'cheque', 'other'];

export function InvoiceDetail(props: {
  id: string;
  onEdit: (inv: Invoice) => void;
  onClose: () => void;
  onOpen: (id: string) => void;
}): ReactElement {
  const profile = useProfile();
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
    return (
      <section className="panel">
        <QueryError error={invoice.error} testId="form-error" />
        {!invoice.error ? <p>Loading…</p> : null}
      </section>
    );
  }
  const m = (v: number): string => money(v, inv.currency, profile.locale);
  const isDraft = inv.status === 'draft';
  const isInvoice = inv.kind === 'invoice';
  const payable = isInvoice && ['issued', 'partially_paid', 'paid', 'expired'].includes(inv.status);
  const open = (p: Panel): void => {
    setError(null);
    if (p === 'pay') setAmount(majorText(Math.max(inv.balance, 0), inv.currency));
    setPanel(panel === p ? 'none' : p);
  };

  return (
    <section className="panel detail" data-testid="invoice-detail">
      <div className="detail-head">
        <h2 data-testid="invoice-number">
          {inv.kind === 'credit_note' ? 'Credit note ' : 'Invoice '}
          {inv.number ?? '(draft)'}
        </h2>
        <StatusBadge invoice={inv} />
        <button type="button" className="close" onClick={props.onClose} aria-label="Close">
          ×
        </button>
      </div>
      <dl className="facts-grid">
        <dt>Customer</dt>
        <dd>{inv.customer.name || '—'}</dd>
        <dt>Issued</dt>
        <dd>{formatDate(inv.issueDate, profile.locale)}</dd>
        <dt>Due</dt>
        <dd>{formatDate(inv.dueDate, profile.locale)}</dd>
        <dt>Paid</dt>
        <dd data-testid="invoice-paid">{m(inv.paid)}</dd>
        {inv.credited ? (
          <>
            <dt>Credited</dt>
            <dd>{m(inv.credited)}</dd>
          </>
        ) : null}
        <dt>Balance</dt>
        <dd data-testid="invoice-balance">{m(inv.balance)}</dd>
        {inv.correctsInvoiceId ? (
          <>
            <dt>Corrects</dt>
            <dd>
              <button type="button" className="link" onClick={() => props.onOpen(inv.correctsInvoiceId!)}>
                the original invoice
              </button>
            </dd>
          </>
        ) : null}
        {inv.links.map((l) => (
          <div key={l.accountId} className="link-facts">
            <dt>Provider</dt>
            <dd>
              {providerName(l.provider)} · {l.remoteStatus ?? 'not sent yet'}
              {l.paymentUrl ? ` · ${l.paymentUrl}` : ''}
            </dd>
          </div>
        ))}
      </dl>

      <table className="lines">
        <thead>
          <tr>
            <th>Description</th>
            <th className="num">Qty</th>
            <th className="num">Unit price</th>
            <th className="num">Discount</th>
            <th>Tax</th>
            <th className="num">Net</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.description}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{m(l.unitPrice)}</td>
              <td className="num">{l.discount ? m(l.discount) : ''}</td>
              <td>
                {l.taxRate} % {l.taxCategory}
              </td>
              <td className="num">{m(inv.totals.lineNets[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="editor-bottom">
        <div className="notes">
          {inv.notes ? <p>{inv.notes}</p> : null}
          {inv.terms ? <p className="muted">{inv.terms}</p> : null}
        </div>
        <TotalsTable totals={inv.totals} currency={inv.currency} locale={profile.locale} />
      </div>

      <div className="toolbar actions">
        {isDraft ? (
          <>
            <button type="button" onClick={() => props.onEdit(inv)} data-testid="edit-draft">
              Edit
            </button>
            <button type="button" className="primary" onClick={() => open('issue')} data-testid="issue">
              Issue…
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void act(null, () => call('invoice.delete', { id: inv.id }).then(props.onClose))}
              data-testid="delete-draft"
            >
              Delete draft
            </button>
          </>
        ) : null}
        {payable ? (
          <button type="button" className="primary" onClick={() => open('pay')} data-testid="record-payment">
            Record payment…
          </button>
        ) : null}
        {isInvoice && ['issued', 'expired'].includes(inv.status) && inv.paid === 0 ? (
          <button type="button" className="danger" onClick={() => open('cancel')} data-testid="cancel-invoice">
            Cancel…
          </button>
        ) : null}
        {isInvoice && !isDraft && inv.status !== 'cancelled' && !inv.credited ? (
          <button type="button" onClick={() => open('credit')} data-testid="credit-invoice">
            Credit note…
          </button>
        ) : null}
        {inv.creditNoteIds?.map((id) => (
          <button key={id} type="button" className="link" onClick={() => props.onOpen(id)}>
            Open credit note
          </button>
        ))}
      </div>

      {panel === 'issue' ? (
        <form
          className="subform"
          onSubmit={(e) =>
            void act(e, () => call('invoice.issue', { id: inv.id, issueDate, ...(accountId ? { accountId } : {}) }))
          }
        >
          <label>
            Issue date
            <input
              type="date"
              value={issueDate}
              max={todayLocal()}
              onChange={(e) => setIssueDate(e.target.value)}
              aria-invalid={error?.field === 'issueDate' || undefined}
            />
          </label>
          {accounts.length > 0 ? (
            <label>
              Send to provider
              <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
                <option value="">No — keep it offline</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({providerName(a.provider)}, {a.mode})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button className="primary" type="submit" disabled={busy} data-testid="confirm-issue">
            Issue with the next number
          </button>
        </form>
      ) : null}
      {panel === 'pay' ? (
        <form
          className="subform"
          onSubmit={(e) =>
            void act(e, async () => {
              const minor = parseTypedAmount(amount, inv.currency, 'amount');
              await call('invoice.pay', {
                id: inv.id,
                amount: minor,
                date: payDate,
                method,
                ...(note ? { note } : {}),
                allowOverpayment: overpay,
              });
            })
          }
        >
          <label>
            Amount ({inv.currency})
            <input
              value={amount}
              inputMode="decimal"
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={error?.field === 'amount' || undefined}
              data-testid="pay-amount"
            />
          </label>
          <label>
            Date
            <input type="date" value={payDate} max={todayLocal()} onChange={(e) => setPayDate(e.target.value)} />
          </label>
          <label>
            Method
            <select value={method} onChange={(e) => setMethod(e.target.value)}>
              {METHODS.map((x) => (
                <option key={x} value={x}>
                  {x.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          <label>
            Note
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={overpay} onChange={(e) => setOverpay(e.target.checked)} /> Allow more than
            the balance (refund owed)
          </label>
          <button className="primary" type="submit" disabled={busy} data-testid="confirm-payment">
            Record payment
          </button>
        </form>
      ) : null}
      {panel === 'cancel' || panel === 'credit' || panel === 'void' ? (
        <form
          className="subform"
          onSubmit={(e) =>
            void act(e, () =>
              panel === 'cancel'
                ? call('invoice.cancel', { id: inv.id, ...(reason ? { reason } : {}) })
                : panel === 'credit'
                  ? call('invoice.credit', { id: inv.id, ...(reason ? { reason } : {}) })
                  : call('invoice.voidPayment', { id: inv.id, paymentId, reason }),
            )
          }
        >
          <label>
            Reason{panel === 'void' ? '' : ' (optional)'}
            <input
              value={reason}
              maxLength={500}
              required={panel === 'void'}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reason"
            />
          </label>
          <button
            className={panel === 'credit' ? 'primary' : 'danger'}
            type="submit"
            disabled={busy}
            data-testid="confirm-action"
          >
            {panel === 'cancel'
              ? 'Cancel the invoice'
              : panel === 'credit'
                ? 'Issue a credit note for the whole invoice'
                : 'Void the payment'}
          </button>
        </form>
      ) : null}
      <ErrorLine error={error} />
      <PdfPreview key={inv.id} invoiceId={inv.id} />

      {inv.payments && inv.payments.length > 0 ? (
        <>
          <h2>Payments</h2>
          <table>
            <tbody>
              {inv.payments.map((p) => (
                <tr key={p.id} className={p.voidedAt ? 'voided' : undefined} data-testid="payment-row">
                  <td>{formatDate(p.date, profile.locale)}</td>
                  <td className="num">{m(p.amount)}</td>
                  <td>{p.method.replace('_', ' ')}</td>
                  <td>{p.voidedAt ? `void: ${p.voidReason ?? ''}` : (p.note ?? '')}</td>
                  <td>
                    {!p.voidedAt && p.source === 'manual' ? (
                      <button
                        type="button"
                        onClick={() => {
                          setPaymentId(p.id);
                          open('void');
                        }}
                      >
                        Void…
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h2>History</h2>
      <ol className="history" data-testid="history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="muted">{new Date(h.at).toLocaleString(profile.locale)}</span> {h.action.replace(/_/g, ' ')}
            {h.toStatus && h.toStatus !== h.fromStatus ? ` → ${statusLabel(h.toStatus)}` : ''}{' '}
            <span className="muted">({h.actor})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
