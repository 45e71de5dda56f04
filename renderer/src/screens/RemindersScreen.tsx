/**
 * Payment reminders: the default rule set (on or off, the route, the steps in days from the due date), "send what is
 * due now", and the latest reminders of every invoice — sent, failed with the reason, skipped, or prepared as an
 * SMS/WhatsApp message the user opens and sends.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ReminderPlanStep, ReminderRules, ReminderSend } from '../../../shared/contract/reminders';
import { SHARE_ROUTES, type ShareRoute } from '../../../shared/contract/share';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useAction } from '../data/use-action';
import { useTranslator } from '../i18n';
import { useApp } from '../store';
import { useFormat } from './ledger-ui';

export const ROUTE_LABEL: Record<ShareRoute, PlainKey> = {
  email: 'reminders.route.email',
  provider: 'reminders.route.provider',
  sms: 'reminders.route.sms',
  whatsapp: 'reminders.route.whatsapp',
};

export const REMINDER_STATE_LABEL: Record<ReminderPlanStep['state'], PlainKey> = {
  sent: 'reminders.state.sent',
  prepared: 'reminders.state.prepared',
  skipped: 'reminders.state.skipped',
  failed: 'reminders.state.failed',
  planned: 'reminders.state.planned',
  not_applicable: 'reminders.state.not_applicable',
  stopped: 'reminders.state.stopped',
};

/** "3 days before the due date", "On the due date", "7 days after the due date". */
export function useStepLabel(): (step: number) => string {
  const { t } = useTranslator();
  return (step) =>
    step < 0
      ? t('reminders.step.before', { days: -step })
      : step === 0
        ? t('reminders.step.on')
        : t('reminders.step.after', { days: step });
}

/** Steps typed as "-3, 0, 7, 14"; null when that is not a list of whole numbers. */
export function parseSteps(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim().replace('−', '-'))
    .filter(Boolean);
  if (!parts.every((p) => /^[+-]?\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}

/** What happened to a reminder: its error, where it waits, or the link to send a prepared message. */
export function ReminderDetail({ send }: { send: ReminderSend }): ReactElement | null {
  const { t, message } = useTranslator();
  const fmt = useFormat();
  if (send.state === 'failed' && send.error)
    return (
      <span className="error">
        {message({ key: `error.${send.error.code}`, params: send.error.params ?? {} }, send.error.message)}
        {send.retryAt ? (
          <span className="muted"> · {t('reminders.retry_at', { when: fmt.dateTime(send.retryAt) })}</span>
        ) : null}
      </span>
    );
  if (send.state === 'prepared' && send.url)
    return (
      <a href={send.url} target="_blank" rel="noreferrer" data-testid="reminder-link">
        {t('reminders.open_link')}
      </a>
    );
  if (send.state === 'sent' && send.status === 'queued')
    return <span className="muted">{t('reminders.status.queued')}</span>;
  return send.to ? <span className="muted">{send.to}</span> : null;
}

function RulesPanel(): ReactElement {
  const { data: rules, error } = useQuery('reminder.rules', {});
  // "Saved." is kept here: saving changes the rules, which starts the form again.
  const [saved, setSaved] = useState(false);
  // The form starts from the rules as stored, and again whenever they change.
  return rules ? (
    <RulesForm key={JSON.stringify(rules)} rules={rules} saved={saved} setSaved={setSaved} />
  ) : (
    <QueryError error={error} />
  );
}

function RulesForm({
  rules,
  saved,
  setSaved,
}: {
  rules: ReminderRules;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}): ReactElement {
  const { t } = useTranslator();
  const [enabled, setEnabled] = useState(rules.enabled);
  const [route, setRoute] = useState<ShareRoute>(rules.route);
  const [steps, setSteps] = useState(rules.steps.join(', '));
  const { busy, error, setError, run } = useAction();

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(false);
    const parsed = parseSteps(steps);
    if (!parsed) return setError({ message: { key: 'reminders.rules.steps_invalid' }, field: 'steps' });
    if (!(await run(() => call('reminder.setRules', { enabled, route, steps: parsed })))) return;
    refresh('reminders');
    setSaved(true);
  }

  return (
    <form className="panel" onSubmit={(e) => void save(e)} data-testid="reminder-rules">
      <h2>{t('reminders.rules.title')}</h2>
      <div className="toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
            data-testid="reminders-enabled"
          />
          {t('reminders.rules.enabled')}
        </label>
        <label>
          {t('reminders.rules.route')}
          <select value={route} onChange={(e) => setRoute(e.target.value as ShareRoute)} data-testid="reminder-route">
            {SHARE_ROUTES.map((r) => (
              <option key={r} value={r}>
                {t(ROUTE_LABEL[r])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reminders.rules.steps')}
          <input
            value={steps}
            size={18}
            onChange={(e) => setSteps(e.target.value)}
            aria-invalid={error?.field === 'steps' ? true : undefined}
            data-testid="reminder-steps"
          />
        </label>
      </div>
      <p className="muted">{t('reminders.rules.steps_hint')}</p>
      <ErrorLine error={error} />
      <div className="toolbar">
        <button className="primary" type="submit" disabled={busy} data-testid="save-reminders">
          {t('reminders.rules.save')}
        </button>
        {saved ? <span className="muted">{t('reminders.rules.saved')}</span> : null}
      </div>
    </form>
  );
}

export function RemindersScreen(): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const stepLabel = useStepLabel();
  const go = useApp((s) => s.go);
  const { data: recent, error } = useQuery('reminder.list', { limit: 100 });
  const [result, setResult] = useState<number | null>(null);
  const { busy, error: runError, run } = useAction();

  async function runNow(): Promise<void> {
    const r = await run(() => call('reminder.run', {}));
    if (!r) return;
    setResult(r.sends.length);
    refresh('reminders', 'invoice');
  }

  return (
    <section>
      <h1>{t('reminders.title')}</h1>
      <p className="muted">{t('reminders.intro')}</p>
      <RulesPanel />
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void runNow()} data-testid="run-reminders">
          {t('reminders.run_now')}
        </button>
        {result !== null ? (
          <span className="muted" data-testid="reminder-result">
            {t('reminders.run_result', { count: result })}
          </span>
        ) : null}
      </div>
      <ErrorLine error={runError} />
      <h2>{t('reminders.recent')}</h2>
      <QueryError error={error} />
      <table data-testid="reminder-table">
        <thead>
          <tr>
            <th>{t('reminders.col.invoice')}</th>
            <th>{t('reminders.col.customer')}</th>
            <th>{t('reminders.col.when')}</th>
            <th>{t('reminders.col.date')}</th>
            <th>{t('reminders.col.state')}</th>
            <th>{t('reminders.col.route')}</th>
            <th>{t('reminders.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {recent?.map((r) => (
            <tr key={`${r.invoiceId}/${r.step}`} data-testid="reminder-row">
              <td>
                <button type="button" className="link" onClick={() => go('invoices', { invoiceId: r.invoiceId })}>
                  {r.invoiceNumber ?? r.invoiceId}
                </button>
              </td>
              <td>{r.customerName}</td>
              <td>{stepLabel(r.step)}</td>
              <td>{fmt.date(r.date)}</td>
              <td>
                <span className={`badge reminder-${r.state}`}>{t(REMINDER_STATE_LABEL[r.state])}</span>
              </td>
              <td>{r.route ? t(ROUTE_LABEL[r.route]) : '—'}</td>
              <td>
                <ReminderDetail send={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recent && recent.length === 0 ? <p className="muted">{t('reminders.none')}</p> : null}
    </section>
  );
}
