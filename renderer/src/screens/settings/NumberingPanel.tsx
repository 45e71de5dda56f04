/**
 * Numbering series: each series' next number and its yearly counters, and the first number of a year — which the
 * ledger lets change only while nothing is numbered in that year (`series_in_use`), so a number can never go
 * below one already issued and the series stays gapless.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { ledgerOwnMethods, type SeriesInfo } from '../../../../shared/contract/ledger';
import { validate } from '../../../../shared/contract/validation';
import { msg } from '../../../../shared/i18n/catalogue';
import { call } from '../../client';
import { ErrorLine, QueryError } from '../../components/ErrorLine';
import { Ltr } from '../../components/Ltr';
import { refresh, useQuery } from '../../data/queries';
import { useAction } from '../../data/use-action';
import { useTranslator } from '../../i18n';
import { useApp } from '../../store';

type Settable = 'INV' | 'CN' | 'QUO';
/** The series whose first number a person may set (external series keep the provider's numbers). */
const KIND_OF: Record<Settable, SeriesInfo['kind']> = { INV: 'invoice', CN: 'credit_note', QUO: 'quote' };
const SETTABLE = Object.keys(KIND_OF) as Settable[];
const isSettable = (code: string): code is Settable => (SETTABLE as readonly string[]).includes(code);

function YearCounters({ series }: { series: SeriesInfo }): ReactElement {
  const { t } = useTranslator();
  if (series.counters.length === 0) return <span className="muted">{t('settings.series.none_used')}</span>;
  return (
    <>
      {series.counters.map((c) => (
        <div key={c.year} data-testid="series-year">
          {c.next > c.start
            ? t('settings.series.year_counter', { year: c.year, start: c.start, next: c.next - 1 })
            : t('settings.series.year_unused', { year: c.year, start: c.start })}
        </div>
      ))}
    </>
  );
}

/** The prefix of a series (INV → FAC…): allowed by main only while nothing is numbered in it. */
function PrefixForm(props: { series: readonly SeriesInfo[] }): ReactElement {
  const { t } = useTranslator();
  const [code, setCode] = useState<Settable>('INV');
  const [typed, setTyped] = useState<string | null>(null);
  const action = useAction();
  const stored = props.series.find((s) => s.code === code)?.prefix ?? '';
  const prefix = typed ?? stored;

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    const v = validate(ledgerOwnMethods['series.setPrefix'].input, { series: code, prefix: prefix.trim() });
    if (!v.ok) {
      action.setError({ message: v.problem, field: v.field ?? null });
      return;
    }
    if (await action.run(() => call('series.setPrefix', v.data))) {
      setTyped(null);
      refresh('profile');
    }
  }

  return (
    <form className="toolbar" onSubmit={(e) => void save(e)} data-testid="prefix-form">
      <label>
        {t('settings.series.series')}
        <select
          value={code}
          onChange={(e) => {
            if (isSettable(e.target.value)) setCode(e.target.value);
            setTyped(null);
            action.setError(null);
          }}
          data-testid="prefix-series"
        >
          {SETTABLE.map((c) => (
            <option key={c} value={c}>
              {t(`settings.series.kind.${KIND_OF[c]}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.series.prefix')}
        <input
          value={prefix}
          dir="ltr"
          size={10}
          maxLength={10}
          aria-invalid={action.error ? true : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            action.setError(null);
          }}
          data-testid="prefix-input"
        />
      </label>
      <button type="submit" disabled={action.busy} data-testid="prefix-save">
        {t('settings.series.set_prefix')}
      </button>
      <span className="muted">{t('settings.series.prefix_help')}</span>
      <ErrorLine error={action.error} testId="prefix-error" />
    </form>
  );
}

export function NumberingPanel(): ReactElement {
  const { t } = useTranslator();
  const toast = useApp((s) => s.toast);
  const q = useQuery('series.list', {});
  const [series, setSeries] = useState<Settable>('INV');
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  const [start, setStart] = useState('');
  const action = useAction();
  const invalid = (field: string): true | undefined => (action.error?.field === field ? true : undefined);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    const v = validate(ledgerOwnMethods['series.setStart'].input, {
      series,
      year: Number(year),
      start: start.trim() === '' ? Number.NaN : Number(start),
    });
    if (!v.ok) {
      action.setError({ message: v.problem, field: v.field ?? null });
      return;
    }
    const info = await action.run(() => call('series.setStart', v.data));
    if (!info) return;
    setStart('');
    refresh('profile');
    q.reload();
    toast({
      title: msg('settings.series.saved', v.data),
      body: msg('common.text', { text: info.example ?? '' }),
      level: 'success',
    });
  }

  return (
    <div className="panel" data-testid="numbering-panel">
      <h2>{t('settings.series.title')}</h2>
      <p className="muted">{t('settings.series.intro')}</p>
      <QueryError error={q.error} />
      {q.data ? (
        <table data-testid="series-table">
          <thead>
            <tr>
              <th>{t('settings.series.col.series')}</th>
              <th>{t('settings.series.col.next')}</th>
              <th>{t('settings.series.col.years')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((s) => (
              <tr key={s.code} data-testid="series-row" data-series={s.code}>
                <td>{t(`settings.series.kind.${s.kind}`)}</td>
                <td>
                  <Ltr testId="series-next">{s.example ?? ''}</Ltr>
                </td>
                <td>
                  <YearCounters series={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="toolbar" onSubmit={(e) => void save(e)} data-testid="series-form">
        <label>
          {t('settings.series.series')}
          <select
            value={series}
            onChange={(e) => isSettable(e.target.value) && setSeries(e.target.value)}
            data-testid="series-code"
          >
            {SETTABLE.map((code) => (
              <option key={code} value={code}>
                {t(`settings.series.kind.${KIND_OF[code]}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.series.year')}
          <input
            value={year}
            inputMode="numeric"
            dir="ltr"
            size={5}
            aria-invalid={invalid('year')}
            onChange={(e) => {
              setYear(e.target.value);
              action.setError(null);
            }}
            data-testid="series-year-input"
          />
        </label>
        <label>
          {t('settings.series.start')}
          <input
            value={start}
            inputMode="numeric"
            dir="ltr"
            size={8}
            aria-invalid={invalid('start')}
            onChange={(e) => {
              setStart(e.target.value);
              action.setError(null);
            }}
            data-testid="series-start"
          />
        </label>
        <button className="primary" type="submit" disabled={action.busy} data-testid="series-save">
          {t('settings.series.set_start')}
        </button>
      </form>
      <ErrorLine error={action.error} testId="series-error" />
      {q.data ? <PrefixForm series={q.data} /> : null}
    </div>
  );
}
