/**
 * A credit note from the invoice page: the whole invoice or some of its lines, each with all or part of what is
 * left of it (never more than earlier credit notes left), a reason, the credit note's total worked out as the
 * ledger will (shared/line-picks.ts, shared/totals.ts), and a confirmation that says what will happen before it is
 * issued — a credit note gets the next number of its series and cannot be deleted.
 */
import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { creditItemInput } from '../../../shared/contract/invoices';
import { validate } from '../../../shared/contract/validation';
import type { Invoice } from '../../../shared/domain';
import { creditLinesFor, type LinePick } from '../../../shared/line-picks';
import { balanceOf } from '../../../shared/settlement';
import { computeTotals } from '../../../shared/totals';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { refresh } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { useFormat } from './ledger-ui';
import { AfterBalance } from './Consequence';

interface Pick {
  on: boolean;
  quantity: string;
}

type Preview = { ok: true; total: number; picks: LinePick[]; whole: boolean } | { ok: false; problem: UiError | null };

/** What the form asks for, as the ledger will make it, or the first problem (null: nothing chosen yet). */
function preview(inv: Invoice, picks: Pick[]): Preview {
  const left = inv.uncredited ?? inv.lines.map((l) => l.quantity);
  const chosen: LinePick[] = [];
  for (const [i, p] of picks.entries()) {
    if (!p.on) continue;
    const item = { line: i + 1, quantity: p.quantity.trim() };
    const v = validate(creditItemInput, item);
    if (!v.ok) return { ok: false, problem: { message: v.problem, field: `items.${i}.quantity` } };
    chosen.push(item);
  }
  if (chosen.length === 0) return { ok: false, problem: null };
  try {
    const { lines, discount } = creditLinesFor(inv.lines, inv.discount, chosen, left);
    const total = computeTotals(lines, discount).total;
    // Every line in full and nothing credited before: the whole invoice (its discount copied as it is).
    const whole =
      !inv.credited &&
      chosen.length === inv.lines.length &&
      chosen.every((c, i) => c.quantity === inv.lines[i]?.quantity);
    return { ok: true, total, picks: chosen, whole };
  } catch (err) {
    const e = toUiError(err);
    // The ledger names the list position; the form names the line's own row.
    const at = /^items\.(\d+)\./.exec(e.field ?? '');
    const line = at ? chosen[Number(at[1])]?.line : undefined;
    return { ok: false, problem: { ...e, field: line ? `items.${line - 1}.quantity` : e.field } };
  }
}

export function CreditPanel(props: { invoice: Invoice; onDone: () => void }): ReactElement {
  const inv = props.invoice;
  const { t } = useTranslator();
  const fmt = useFormat();
  const m = (v: number): string => fmt.money(v, inv.currency);
  const left = inv.uncredited ?? inv.lines.map((l) => l.quantity);
  const [picks, setPicks] = useState<Pick[]>(() => left.map((q) => ({ on: Number(q) > 0, quantity: q })));
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const p = useMemo(() => preview(inv, picks), [inv, picks]);
  const problem = error ?? (p.ok ? null : p.problem);
  const setPick = (i: number, patch: Partial<Pick>): void => {
    setError(null);
    setPicks((ps) => ps.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  };

  async function issue(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!p.ok) return;
    if (step === 'choose') return setStep('confirm');
    setBusy(true);
    setError(null);
    try {
      await call('invoice.credit', {
        id: inv.id,
        ...(p.whole ? {} : { items: p.picks }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      refresh('invoice');
      props.onDone();
    } catch (err) {
      setError(toUiError(err));
      setStep('choose');
    } finally {
      setBusy(false);
    }
  }

  const after = p.ok ? balanceOf({ ...inv, total: inv.totals.total, credited: (inv.credited ?? 0) + p.total }) : 0;
  return (
    <form className="subform credit-form" onSubmit={(e) => void issue(e)} data-testid="credit-form">
      <table className="lines">
        <thead>
          <tr>
            <th>{t('invoices.credit.line')}</th>
            <th className="num">{t('invoices.credit.left')}</th>
            <th className="num">{t('invoices.credit.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l, i) => {
            const nothingLeft = Number(left[i] ?? '0') === 0;
            const field = `items.${i}.quantity`;
            return (
              <tr key={i} data-testid="credit-line">
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={picks[i]?.on ?? false}
                      disabled={nothingLeft || step === 'confirm'}
                      onChange={(e) => setPick(i, { on: e.target.checked })}
                      data-testid="credit-pick"
                    />
                    {l.description}
                  </label>
                </td>
                <td className="num">{nothingLeft ? t('invoices.credit.none_left') : (left[i] ?? '')}</td>
                <td className="num">
                  <input
                    value={picks[i]?.quantity ?? ''}
                    size={6}
                    inputMode="decimal"
                    disabled={!picks[i]?.on || step === 'confirm'}
                    onChange={(e) => setPick(i, { quantity: e.target.value })}
                    aria-label={t('invoices.credit.quantity_of', { line: l.description })}
                    aria-invalid={problem?.field === field || undefined}
                    data-testid="credit-quantity"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        {t('invoices.reason_optional')}
        <input
          value={reason}
          size={40}
          maxLength={500}
          disabled={step === 'confirm'}
          onChange={(e) => setReason(e.target.value)}
          data-testid="reason"
        />
      </label>
      {p.ok ? (
        <p className="consequence" data-testid="credit-preview">
          {t('invoices.credit.preview', { total: m(p.total) })} <AfterBalance invoice={inv} after={after} />
        </p>
      ) : null}
      <ErrorLine error={problem} />
      {step === 'confirm' && p.ok ? (
        <div className="confirm" role="alertdialog" aria-labelledby="credit-confirm-text" data-testid="credit-confirm">
          <p id="credit-confirm-text">
            {t('invoices.credit.confirm_text', { total: m(p.total), number: inv.number ?? '' })}
          </p>
          <button className="primary" type="submit" disabled={busy} data-testid="confirm-credit">
            {t('invoices.credit.issue')}
          </button>
          <button type="button" onClick={() => setStep('choose')} data-testid="credit-back">
            {t('common.back')}
          </button>
        </div>
      ) : (
        <button className="primary" type="submit" disabled={!p.ok || busy} data-testid="review-credit">
          {t('invoices.credit.review')}
        </button>
      )}
    </form>
  );
}
