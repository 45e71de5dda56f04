/**
 * Recurring invoices: the schedules (every what, on which day, what each period does, the next date, what was made),
 * a new schedule from a template invoice, one schedule with its upcoming dates and the periods it ran — held ones
 * with the reason — and pause / resume; "Run now" does what the app does on its own.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { RecurringRun, RecurringSchedule, RunOutcome } from '../../../shared/contract/recurring';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { FREQUENCIES, isoWeekday, isWeekly, type Frequency } from '../../../shared/recurrence';
import { call } from '../client';
import { ErrorLine, LoadingPanel, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useAction } from '../data/use-action';
import { useTranslator } from '../i18n';
import { useApp, useFocusedView } from '../store';
import { toUiError } from '../ui-error';
import { KassaError } from '../../../shared/errors';
import { todayLocal, useFormat } from './ledger-ui';

const FREQUENCY_LABEL: Record<Frequency, PlainKey> = {
  week: 'recurring.frequency.week',
  '2weeks': 'recurring.frequency.2weeks',
  month: 'recurring.frequency.month',
  quarter: 'recurring.frequency.quarter',
  year: 'recurring.frequency.year',
};
const STATUS_LABEL: Record<RecurringSchedule['status'], PlainKey> = {
  active: 'recurring.status.active',
  paused: 'recurring.status.paused',
  ended: 'recurring.status.ended',
};
const OUTCOME_LABEL: Record<RunOutcome, PlainKey> = {
  draft: 'recurring.outcome.draft',
  issued: 'recurring.outcome.issued',
  held: 'recurring.outcome.held',
  skipped: 'recurring.outcome.skipped',
};

/** "month · on the last day", "week · on Fridays". */
function useEvery(): (s: Pick<RecurringSchedule, 'frequency' | 'monthDay' | 'firstDate'>) => string {
  const { t } = useTranslator();
  return (s) => {
    const day = isWeekly(s.frequency)
      ? t('recurring.weekday', { day: String(isoWeekday(s.firstDate)) })
      : t('recurring.month_day', { day: String(s.monthDay) });
    return `${t(FREQUENCY_LABEL[s.frequency])} · ${day}`;
  };
}

function useEndText(): (s: Pick<RecurringSchedule, 'end'>) => string {
  const { t } = useTranslator();
  return ({ end }) =>
    end.kind === 'never'
      ? t('recurring.end_text.never')
      : end.kind === 'after'
        ? t('recurring.end_text.after', { count: end.count })
        : t('recurring.end_text.on', { date: end.date });
}

function RunRow({ run }: { run: RecurringRun }): ReactElement {
  const { t, message } = useTranslator();
  const fmt = useFormat();
  const go = useApp((s) => s.go);
  return (
    <tr data-testid="recurring-run">
      <td>{fmt.date(run.date)}</td>
      <td>
        <span className={`badge run-${run.outcome}`}>{t(OUTCOME_LABEL[run.outcome])}</span>
        {run.error ? (
          <div className="error">{message({ key: `error.${run.error.code}`, params: run.error.params })}</div>
        ) : null}
      </td>
      <td>
        {run.invoiceId ? (
          <button type="button" className="link" onClick={() => go('invoices', { invoiceId: run.invoiceId ?? '' })}>
            {run.number ?? t('invoices.row.draft')}
          </button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function ScheduleDetail(props: { id: string; onClose: () => void }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const every = useEvery();
  const endText = useEndText();
  const { data, error: loadError } = useQuery('recurring.get', { id: props.id });
  const { busy, error, run } = useAction();
  const act = (fn: () => Promise<unknown>): Promise<unknown> =>
    run(async () => {
      await fn();
      refresh('recurring');
    });
  if (!data) return <LoadingPanel error={loadError} />;
  const { schedule: s, runs } = data;
  return (
    <section className="panel detail" data-testid="schedule-detail">
      <div className="detail-head">
        <h2>{t('recurring.detail.title', { customer: s.customerName })}</h2>
        <span className={`badge schedule-${s.status}`}>{t(STATUS_LABEL[s.status])}</span>
        <button type="button" className="close" onClick={props.onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <dl className="facts-grid">
        <dt>{t('recurring.col.every')}</dt>
        <dd>{every(s)}</dd>
        <dt>{t('recurring.col.action')}</dt>
        <dd>{t(s.action === 'issue' ? 'recurring.action.issue' : 'recurring.action.draft')}</dd>
        <dt>{t('recurring.form.end')}</dt>
        <dd>{endText(s)}</dd>
        <dt>{t('recurring.detail.upcoming')}</dt>
        <dd data-testid="upcoming">{s.upcoming.length ? s.upcoming.map((d) => fmt.date(d)).join(' · ') : '—'}</dd>
      </dl>
      <ErrorLine error={error} />
      <div className="toolbar">
        {s.status === 'active' ? (
          <button type="button" disabled={busy} onClick={() => void act(() => call('recurring.pause', { id: s.id }))}>
            {t('recurring.detail.pause')}
          </button>
        ) : null}
        {s.status === 'paused' ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => call('recurring.resume', { id: s.id }))}
            >
              {t('recurring.detail.resume')}
            </button>
            <span className="muted">{t('recurring.detail.resume_note')}</span>
          </>
        ) : null}
      </div>
      <h3>{t('recurring.detail.runs')}</h3>
      {s.runs.held > 0 ? <p className="muted">{t('recurring.detail.held_note')}</p> : null}
      {runs.length === 0 ? (
        <p className="muted">{t('recurring.detail.no_runs')}</p>
      ) : (
        <table data-testid="recurring-runs">
          <thead>
            <tr>
              <th>{t('recurring.col.date')}</th>
              <th>{t('recurring.col.outcome')}</th>
              <th>{t('recurring.col.invoice')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <RunRow key={r.period} run={r} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ScheduleForm(props: { onDone: (id: string | null) => void }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const templates = useQuery('invoice.list', { kind: 'invoice', sort: 'createdAt', order: 'desc', limit: 100 }).data
    ?.items;
  const accounts = useQuery('account.list', {}).data ?? [];
  const [templateId, setTemplateId] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('month');
  const [startDate, setStartDate] = useState(todayLocal());
  const [day, setDay] = useState('');
  const [endKind, setEndKind] = useState<'never' | 'after' | 'on'>('never');
  const [count, setCount] = useState('12');
  const [endDate, setEndDate] = useState('');
  const [action, setAction] = useState<'draft' | 'issue'>('issue');
  const [accountId, setAccountId] = useState('');
  const [dueDays, setDueDays] = useState('');
  const { busy, error, run } = useAction();

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    const input: MethodInput<'recurring.create'> = {
      templateId,
      frequency,
      startDate,
      action,
      end: endKind === 'never' ? 'never' : endKind === 'after' ? { after: Number(count) } : { on: endDate },
    };
    if (day.trim()) input.day = Number(day);
    if (action === 'issue' && accountId) input.accountId = accountId;
    if (dueDays.trim()) input.dueDays = Number(dueDays);
    const s = await run(() => call('recurring.create', input));
    if (!s) return;
    refresh('recurring');
    props.onDone(s.id);
  }

  const invalid = (field: string): true | undefined => (error?.field?.startsWith(field) ? true : undefined);
  return (
    <form className="panel" onSubmit={(e) => void save(e)} data-testid="schedule-form">
      <h2>{t('recurring.form.title')}</h2>
      <div className="toolbar">
        <label>
          {t('recurring.form.template')}
          <select
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            aria-invalid={invalid('templateId')}
            data-testid="template-select"
          >
            <option value="">{t('recurring.form.pick_template')}</option>
            {templates?.map((i) => (
              <option key={i.id} value={i.id}>
                {`${i.number ?? t('invoices.row.draft')} · ${i.customer.name || '—'} · ${fmt.money(i.totals.total, i.currency)}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recurring.form.frequency')}
          <select value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)} data-testid="frequency">
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(FREQUENCY_LABEL[f])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recurring.form.start')}
          <input
            type="date"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            aria-invalid={invalid('startDate')}
            data-testid="start-date"
          />
        </label>
        <label>
          {t('recurring.form.day')}
          <select value={day} onChange={(e) => setDay(e.target.value)} aria-invalid={invalid('day')}>
            <option value="">{t('recurring.form.day_default')}</option>
            {isWeekly(frequency)
              ? [1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>
                    {t('recurring.weekday', { day: String(d) })}
                  </option>
                ))
              : Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
                  <option key={d} value={d}>
                    {t('recurring.month_day', { day: String(d) })}
                  </option>
                ))}
          </select>
        </label>
      </div>
      <div className="toolbar">
        <label>
          {t('recurring.form.end')}
          <select value={endKind} onChange={(e) => setEndKind(e.target.value as 'never' | 'after' | 'on')}>
            <option value="never">{t('recurring.end.never')}</option>
            <option value="after">{t('recurring.end.after')}</option>
            <option value="on">{t('recurring.end.on')}</option>
          </select>
        </label>
        {endKind === 'after' ? (
          <label>
            {t('recurring.form.count')}
            <input
              value={count}
              size={5}
              inputMode="numeric"
              onChange={(e) => setCount(e.target.value)}
              aria-invalid={invalid('end')}
            />
          </label>
        ) : null}
        {endKind === 'on' ? (
          <label>
            {t('recurring.form.end_date')}
            <input
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              aria-invalid={invalid('end')}
            />
          </label>
        ) : null}
        <label>
          {t('recurring.form.action')}
          <select value={action} onChange={(e) => setAction(e.target.value as 'draft' | 'issue')} data-testid="action">
            <option value="issue">{t('recurring.action.issue')}</option>
            <option value="draft">{t('recurring.action.draft')}</option>
          </select>
        </label>
        {action === 'issue' ? (
          <label>
            {t('recurring.form.account')}
            <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t('recurring.form.no_account')}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('recurring.form.due_days')}
          <input
            value={dueDays}
            size={14}
            inputMode="numeric"
            placeholder={t('recurring.form.due_default')}
            onChange={(e) => setDueDays(e.target.value)}
            aria-invalid={invalid('dueDays')}
          />
        </label>
      </div>
      <p className="muted">{t('recurring.form.backfill')}</p>
      <ErrorLine error={error} />
      <div className="toolbar">
        <button className="primary" type="submit" disabled={busy} data-testid="create-schedule">
          {t('recurring.form.create')}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string };

export function RecurringScreen(): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const every = useEvery();
  const { data: schedules, error } = useQuery('recurring.list', {});
  const [view, setView] = useFocusedView<View>('scheduleId', { kind: 'list' }, (id) => ({ kind: 'detail', id }));
  const [result, setResult] = useState<{ count: number; held: number } | null>(null);
  const { busy, error: runError, setError: setRunError, run } = useAction();

  async function runNow(): Promise<void> {
    const r = await run(() => call('recurring.run', {}));
    if (!r) return;
    setResult({ count: r.runs.length, held: r.counts.held });
    // The periods before a failure are done; the failure itself is shown.
    if (r.error) setRunError(toUiError(KassaError.fromBody(r.error)));
    refresh('recurring', 'invoice');
  }

  return (
    <section>
      <h1>{t('recurring.title')}</h1>
      <p className="muted">{t('recurring.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setView({ kind: 'new' })} data-testid="new-schedule">
          {t('recurring.new')}
        </button>
        <button type="button" disabled={busy} onClick={() => void runNow()} data-testid="run-recurring">
          {t('recurring.run_now')}
        </button>
        {result ? (
          <span className="muted" data-testid="run-result">
            {t('recurring.run_result', result)}
          </span>
        ) : null}
      </div>
      <ErrorLine error={runError} />
      <QueryError error={error} />
      {view.kind === 'new' ? (
        <ScheduleForm onDone={(id) => setView(id ? { kind: 'detail', id } : { kind: 'list' })} />
      ) : null}
      {view.kind === 'detail' ? (
        <ScheduleDetail key={view.id} id={view.id} onClose={() => setView({ kind: 'list' })} />
      ) : null}
      <table data-testid="schedule-table">
        <thead>
          <tr>
            <th>{t('recurring.col.customer')}</th>
            <th>{t('recurring.col.every')}</th>
            <th>{t('recurring.col.action')}</th>
            <th className="num">{t('recurring.col.total')}</th>
            <th>{t('recurring.col.next')}</th>
            <th>{t('recurring.col.status')}</th>
            <th>{t('recurring.col.made')}</th>
          </tr>
        </thead>
        <tbody>
          {schedules?.map((s) => (
            <tr
              key={s.id}
              className="clickable"
              onClick={() => setView({ kind: 'detail', id: s.id })}
              data-testid="schedule-row"
            >
              <td>{s.customerName}</td>
              <td>{every(s)}</td>
              <td>{t(s.action === 'issue' ? 'recurring.action.issue' : 'recurring.action.draft')}</td>
              <td className="num">{fmt.money(s.total, s.currency)}</td>
              <td>{fmt.date(s.nextDate)}</td>
              <td>
                <span className={`badge schedule-${s.status}`}>{t(STATUS_LABEL[s.status])}</span>
              </td>
              <td>{t('recurring.made_counts', { issued: s.runs.issued, drafts: s.runs.draft, held: s.runs.held })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {schedules && schedules.length === 0 ? <p className="muted">{t('recurring.none')}</p> : null}
    </section>
  );
}
