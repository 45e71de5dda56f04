/**
 * An invoice's reminders, in its detail: each step with its date and what became of it, and the invoice's own steps
 * (or none) instead of the default rule set.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { InvoiceReminders as InvoiceRemindersData } from '../../../shared/contract/reminders';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useAction } from '../data/use-action';
import { useTranslator } from '../i18n';
import { useFormat } from './ledger-ui';
import { REMINDER_STATE_LABEL, ReminderDetail, parseSteps, useStepLabel } from './RemindersScreen';

export function InvoiceReminders({ invoiceId }: { invoiceId: string }): ReactElement {
  const { data, error } = useQuery('reminder.invoice', { id: invoiceId });
  // The steps field starts from what applies, and again whenever that changes.
  const applies = data ? ((data.override ?? data.effective)?.steps.join(', ') ?? '') : '';
  return data ? <Plan key={applies} data={data} initialSteps={applies} /> : <QueryError error={error} />;
}

function Plan({ data, initialSteps }: { data: InvoiceRemindersData; initialSteps: string }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const stepLabel = useStepLabel();
  const invoiceId = data.invoiceId;
  const [steps, setSteps] = useState(initialSteps);
  const { busy, error, setError, run } = useAction();

  async function save(e: FormEvent | null, own: boolean): Promise<void> {
    e?.preventDefault();
    const parsed = own ? parseSteps(steps) : null;
    if (own && !parsed) return setError({ message: { key: 'reminders.rules.steps_invalid' }, field: 'steps' });
    if (await run(() => call('reminder.setInvoice', { id: invoiceId, steps: parsed }))) refresh('reminders');
  }

  return (
    <div className="reminders" data-testid="invoice-reminders">
      <h3>{t('reminders.invoice.title')}</h3>
      {!data.open ? (
        <p className="muted">{t('reminders.invoice.stopped')}</p>
      ) : !data.effective ? (
        <p className="muted">{t('reminders.invoice.none')}</p>
      ) : null}
      {data.plan.length > 0 ? (
        <ul className="plain">
          {data.plan.map((p) => (
            <li key={p.step} data-testid="reminder-step">
              {stepLabel(p.step)} · {fmt.date(p.date)} ·{' '}
              <span className={`badge reminder-${p.state}`}>{t(REMINDER_STATE_LABEL[p.state])}</span>
              {p.send ? (
                <>
                  {' '}
                  <ReminderDetail send={p.send} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.open ? (
        <form className="toolbar" onSubmit={(e) => void save(e, true)}>
          <label>
            {t('reminders.invoice.own')}
            <input
              value={steps}
              size={14}
              onChange={(e) => setSteps(e.target.value)}
              aria-invalid={error?.field === 'steps' ? true : undefined}
              data-testid="invoice-reminder-steps"
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('reminders.invoice.save_own')}
          </button>
          {data.override ? (
            <button type="button" disabled={busy} onClick={() => void save(null, false)}>
              {t('reminders.invoice.use_defaults')}
            </button>
          ) : null}
        </form>
      ) : null}
      <ErrorLine error={error} />
    </div>
  );
}
