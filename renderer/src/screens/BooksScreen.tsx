/**
 * Bookkeeping: closed periods (close, reopen with a reason, history), the VAT summary of a range (with its CSV and
 * PDF), the tamper-evident record's state, and archives for the bookkeeper (make one with progress, list them,
 * verify one). The app never names a path: archives go to the data folder's exports, and only those are verified.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import {
  periodMethods,
  XML_FORMATS,
  type VatCurrency,
  type VerifyReport,
  type XmlFormat,
} from '../../../shared/contract/books';
import { validate } from '../../../shared/contract/validation';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { vatRowReasons } from '../../../shared/invoice-text';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { RangeJob } from '../components/RangeJob';
import { refresh, useQuery } from '../data/queries';
import { downloadBase64 } from '../download';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { firstOfMonth, todayLocal, useFormat } from './ledger-ui';

function PeriodsSection(): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const q = useQuery('period.list', {});
  const [period, setPeriod] = useState('');
  const [note, setNote] = useState('');
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  async function act(fn: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await fn();
      refresh('period');
      return true;
    } catch (err) {
      setError(toUiError(err));
      return false;
    }
  }

  async function close(e: FormEvent): Promise<void> {
    e.preventDefault();
    const v = validate(periodMethods['period.close'].input, { period, ...(note ? { note } : {}) });
    if (!v.ok) return setError({ message: v.problem, field: v.field ?? null });
    if (await act(() => call('period.close', v.data))) {
      setPeriod('');
      setNote('');
    }
  }

  async function reopen(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!reopening) return;
    const v = validate(periodMethods['period.reopen'].input, { period: reopening, reason });
    if (!v.ok) return setError({ message: v.problem, field: v.field ?? null });
    if (await act(() => call('period.reopen', v.data))) {
      setReopening(null);
      setReason('');
    }
  }

  const data = q.data;
  return (
    <section className="panel" data-testid="books-periods">
      <h2>{t('books.periods.title')}</h2>
      <form className="toolbar" onSubmit={(e) => void close(e)}>
        <label>
          {t('books.periods.period')}
          <input
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            placeholder={t('books.periods.close_hint')}
            className="fits-hint"
            style={{ width: `${t('books.periods.close_hint').length + 2}ch` }}
            aria-invalid={error?.field === 'period' ? true : undefined}
            data-testid="period-input"
          />
        </label>
        <label>
          {t('books.periods.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="period-note" />
        </label>
        <button className="primary" type="submit" data-testid="period-close">
          {t('books.periods.close')}
        </button>
      </form>
      <ErrorLine error={error} testId="period-error" />
      <QueryError error={q.error} />
      {data && data.closed.length === 0 ? <p className="muted">{t('books.periods.none')}</p> : null}
      {data && data.closed.length > 0 ? (
        <table data-testid="closed-periods">
          <thead>
            <tr>
              <th>{t('books.periods.period')}</th>
              <th>{t('books.periods.range')}</th>
              <th>{t('books.periods.closed_at')}</th>
              <th>{t('books.periods.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.closed.map((p) => (
              <tr key={p.period} data-period={p.period}>
                <td>
                  <strong>
                    <Ltr>{p.period}</Ltr>
                  </strong>
                </td>
                <td>
                  {fmt.date(p.from)} – {fmt.date(p.to)}
                </td>
                <td>{fmt.dateTime(p.closedAt)}</td>
                <td>{p.note ?? ''}</td>
                <td>
                  <button type="button" onClick={() => setReopening(p.period)} data-testid={`reopen-${p.period}`}>
                    {t('books.periods.reopen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {reopening ? (
        <form className="toolbar" onSubmit={(e) => void reopen(e)} data-testid="reopen-form">
          <label>
            {t('books.periods.reopen_reason', { period: reopening })}
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error?.field === 'reason' ? true : undefined}
              data-testid="reopen-reason"
            />
          </label>
          <button className="danger" type="submit" data-testid="reopen-confirm">
            {t('books.periods.reopen_confirm', { period: reopening })}
          </button>
          <button type="button" onClick={() => setReopening(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
      {data && data.history.length > 0 ? (
        <details>
          <summary>{t('books.periods.history')}</summary>
          <ul data-testid="period-history">
            {data.history.map((h) => (
              <li key={h.id}>
                {h.action === 'closed'
                  ? t('books.periods.event.closed', { period: h.period, at: fmt.dateTime(h.at) })
                  : t('books.periods.event.reopened', {
                      period: h.period,
                      at: fmt.dateTime(h.at),
                      reason: h.reason ?? '',
                    })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function CurrencyTable(props: { c: VatCurrency }): ReactElement {
  const { t, locale, message } = useTranslator();
  const fmt = useFormat();
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const m = (minor: number): string => fmt.money(minor, props.c.currency);
  const reasons = [...new Set(props.c.rows.flatMap((r) => vatRowReasons(r, message)))];
  return (
    <div data-testid={`vat-${props.c.currency}`}>
      <h3>{t('vat.currency', { currency: props.c.currency })}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('vat.col.category')}</th>
            <th>{t('vat.col.rate')}</th>
            <th className="num">
              {t('vat.col.invoices')} · {t('vat.col.taxable')}
            </th>
            <th className="num">{t('vat.col.tax')}</th>
            <th className="num">
              {t('vat.col.creditNotes')} · {t('vat.col.taxable')}
            </th>
            <th className="num">{t('vat.col.tax')}</th>
            <th className="num">
              {t('vat.col.net')} · {t('vat.col.taxable')}
            </th>
            <th className="num">{t('vat.col.tax')}</th>
          </tr>
        </thead>
        <tbody>
          {props.c.rows.map((r) => (
            <tr key={`${r.category}|${r.rate}`}>
              <td>
                {r.category} · {t(`vat.category.${r.category}` as PlainKey)}
              </td>
              <td>{r.category === 'O' ? '' : pct.format(Number(r.rate) / 100)}</td>
              <td className="num">{m(r.invoices.taxable)}</td>
              <td className="num">{m(r.invoices.tax)}</td>
              <td className="num">{m(r.creditNotes.taxable)}</td>
              <td className="num">{m(r.creditNotes.tax)}</td>
              <td className="num">{m(r.net.taxable)}</td>
              <td className="num" data-testid="vat-net-tax">
                {m(r.net.tax)}
              </td>
            </tr>
          ))}
          <tr className="grand">
            <th colSpan={2}>{t('vat.total')}</th>
            <td className="num">{m(props.c.invoices.taxExclusive)}</td>
            <td className="num">{m(props.c.invoices.tax)}</td>
            <td className="num">{m(props.c.creditNotes.taxExclusive)}</td>
            <td className="num">{m(props.c.creditNotes.tax)}</td>
            <td className="num">{m(props.c.net.taxExclusive)}</td>
            <td className="num" data-testid="vat-total-tax">
              {m(props.c.net.tax)}
            </td>
          </tr>
        </tbody>
      </table>
      {reasons.length > 0 ? <p className="muted">{t('vat.exemptions', { reasons: reasons.join('; ') })}</p> : null}
      {props.c.cancelled.count > 0 ? (
        <p className="muted">
          {t('vat.cancelled', { count: props.c.cancelled.count, amount: m(props.c.cancelled.total) })}
        </p>
      ) : null}
    </div>
  );
}

function VatSection(): ReactElement {
  const { t } = useTranslator();
  const [from, setFrom] = useState(() => firstOfMonth(todayLocal()));
  const [to, setTo] = useState(() => todayLocal());
  const [error, setError] = useState<UiError | null>(null);
  const q = useQuery('report.vat', { from, to });

  async function file(format: 'csv' | 'pdf'): Promise<void> {
    setError(null);
    try {
      const r = await call('report.vatFile', { from, to, format, inline: true });
      downloadBase64(r.base64 ?? '', r.fileName, format === 'pdf' ? 'application/pdf' : 'text/csv');
    } catch (err) {
      setError(toUiError(err));
    }
  }

  const s = q.data;
  return (
    <section className="panel" data-testid="books-vat">
      <h2>{t('books.vat.title')}</h2>
      <div className="toolbar">
        <label>
          {t('books.vat.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="vat-from" />
        </label>
        <label>
          {t('books.vat.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="vat-to" />
        </label>
        <button type="button" onClick={() => void file('csv')} data-testid="vat-csv">
          {t('books.vat.download_csv')}
        </button>
        <button type="button" onClick={() => void file('pdf')} data-testid="vat-pdf">
          {t('books.vat.download_pdf')}
        </button>
      </div>
      <ErrorLine error={error} />
      <QueryError error={q.error} />
      {s ? (
        <>
          <p className="muted" data-testid="vat-state">
            {s.closedPeriods.length > 0 ? t('vat.closed', { periods: s.closedPeriods.join(', ') }) : t('vat.open')} ·{' '}
            {t('vat.documents', { count: s.documents })}
          </p>
          {s.currencies.length === 0 ? <p>{t('vat.none')}</p> : null}
          {s.currencies.map((c) => (
            <CurrencyTable key={c.currency} c={c} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function RecordSection(): ReactElement {
  const { t, message } = useTranslator();
  const q = useQuery('record.verify', {});
  const r = q.data;
  return (
    <section className="panel" data-testid="books-record">
      <h2>{t('books.record.title')}</h2>
      <QueryError error={q.error} />
      {r ? (
        r.ok ? (
          <p data-testid="record-ok">
            <span className="badge paid">✓</span> {t('books.record.ok', { length: r.length })}
          </p>
        ) : (
          <div data-testid="record-broken">
            <p className="error">{t('books.record.broken', { count: r.problemCount })}</p>
            <ul className="error">
              {r.problems.map((p, i) => (
                <li key={i}>
                  {p.params ? message({ key: `check.${p.code}`, params: p.params }, p.message) : p.message}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      {r ? (
        <p className="muted" data-testid="record-head">
          {t('books.record.head', { hash: r.head })}
        </p>
      ) : null}
      <button type="button" onClick={() => refresh('invoice')} data-testid="record-check">
        {t('books.record.check')}
      </button>
    </section>
  );
}

function ArchiveSection(): ReactElement {
  const { t, message } = useTranslator();
  const [format, setFormat] = useState<XmlFormat>('ubl');
  const [verified, setVerified] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const list = useQuery('archive.list', {});
  // A finished archive is a new file in the list (archive.list is stale on 'period').
  const listChanged = useCallback(() => refresh('period'), []);

  async function verify(file: string): Promise<void> {
    setError(null);
    try {
      setVerified(await call('archive.verify', { file }));
    } catch (err) {
      setError(toUiError(err));
    }
  }

  return (
    <section className="panel" data-testid="books-archive">
      <h2>{t('books.archive.title')}</h2>
      <p className="muted">{t('books.archive.intro')}</p>
      <RangeJob
        testId="archive"
        statusMethod="archive.status"
        labels={{ from: 'books.vat.from', to: 'books.vat.to', start: 'books.archive.start' }}
        start={(range) => {
          setVerified(null);
          return call('archive.start', { ...range, format });
        }}
        cancel={(jobId) => call('archive.cancel', { jobId })}
        onFinished={listChanged}
        fields={(running) => (
          <label>
            {t('books.archive.format')}
            <select
              value={format}
              onChange={(e) => setFormat(e.target.value as XmlFormat)}
              disabled={running}
              data-testid="archive-format"
            >
              {XML_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`books.format.${f}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        progressText={(job) => t('books.archive.running', { done: job.done, total: job.total })}
        describe={(job) => (
          <>
            {job.state === 'running' ? <p>{t('books.archive.running', { done: job.done, total: job.total })}</p> : null}
            {job.state === 'done' ? (
              <p>
                {t('books.archive.done', { count: job.total, file: job.target.split(/[\\/]/).pop() ?? job.target })}
                <br />
                <span className="muted">{t('books.archive.manifest', { hash: job.manifestSha256 ?? '' })}</span>
              </p>
            ) : null}
            {job.state === 'failed' ? (
              <p className="error">{t('books.archive.failed', { error: job.error ? message(job.error) : '' })}</p>
            ) : null}
            {job.state === 'cancelled' ? <p className="muted">{t('books.archive.cancelled')}</p> : null}
          </>
        )}
      />
      <ErrorLine error={error} />
      <h3>{t('books.archive.list')}</h3>
      <QueryError error={list.error} />
      {list.data && list.data.length === 0 ? <p className="muted">{t('books.archive.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul data-testid="archive-list">
          {list.data.map((a) => (
            <li key={a.fileName}>
              <code>
                <Ltr>{a.fileName}</Ltr>
              </code>{' '}
              <button type="button" onClick={() => void verify(a.fileName)} data-testid="archive-verify">
                {t('books.archive.verify')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {verified ? (
        <div data-testid="archive-verified" data-ok={verified.ok}>
          {verified.ok ? (
            <p>
              <span className="badge paid">✓</span> {t('books.archive.verified', { count: verified.files })}
            </p>
          ) : (
            <div className="error">
              <p>
                {verified.error
                  ? message(
                      { key: `error.${verified.error.code}`, params: verified.error.params },
                      verified.error.message,
                    )
                  : t('books.archive.not_verified')}
              </p>
              {verified.changed.length > 0 ? (
                <p>{t('books.archive.changed', { files: verified.changed.join(', ') })}</p>
              ) : null}
              {verified.missing.length > 0 ? (
                <p>{t('books.archive.missing', { files: verified.missing.join(', ') })}</p>
              ) : null}
              {verified.unexpected.length > 0 ? (
                <p>{t('books.archive.unexpected', { files: verified.unexpected.join(', ') })}</p>
              ) : null}
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}

export function BooksScreen(): ReactElement {
  const { t } = useTranslator();
  return (
    <div className="books" data-testid="books-screen">
      <h1>{t('books.title')}</h1>
      <p className="muted">{t('books.intro')}</p>
      <PeriodsSection />
      <VatSection />
      <RecordSection />
      <ArchiveSection />
    </div>
  );
}
