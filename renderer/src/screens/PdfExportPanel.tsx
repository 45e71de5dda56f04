/**
 * Bulk PDF export: every invoice issued in a date range, one PDF/A-3b file each, written by worker threads in
 * main into a new folder under the data folder (the app never lets the UI name a path). A progress bar follows
 * the job's `progress` events; Cancel stops it, keeping the files already written.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { PdfExportStatus } from '../../../shared/contract/pdf';
import { call, onEvent } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { todayLocal, useFormat } from './ledger-ui';

function firstOfMonth(today: string): string {
  return `${today.slice(0, 8)}01`;
}

const STATE_LABEL: Record<PdfExportStatus['state'], PlainKey> = {
  running: 'pdf.export.state.running',
  done: 'pdf.export.state.done',
  cancelled: 'pdf.export.state.cancelled',
  failed: 'pdf.export.state.failed',
};

export function PdfExportPanel(): ReactElement {
  const { t, message } = useTranslator();
  const fmt = useFormat();
  const [from, setFrom] = useState(() => firstOfMonth(todayLocal()));
  const [to, setTo] = useState(() => todayLocal());
  const [job, setJob] = useState<PdfExportStatus | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const running = job?.state === 'running';
  const jobId = job?.jobId ?? null;

  useEffect(() => {
    if (!jobId) return undefined;
    const refresh = (): void => {
      call('pdf.exportStatus', { jobId })
        .then(setJob)
        .catch((err: unknown) => setError(toUiError(err)));
    };
    const off = onEvent('progress', (p) => {
      if (p.jobId !== jobId) return;
      setJob((j) => (j && j.jobId === jobId ? { ...j, done: p.done, total: p.total ?? j.total } : j));
      if (p.finished) refresh();
    });
    // A short job can finish before this listener exists (its last event already went by): ask once.
    refresh();
    return off;
  }, [jobId]);

  async function start(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      setJob(await call('pdf.export', { ...(from ? { from } : {}), ...(to ? { to } : {}) }));
    } catch (err) {
      setError(toUiError(err));
    }
  }

  async function cancel(): Promise<void> {
    if (!jobId) return;
    try {
      setJob(await call('pdf.cancelExport', { jobId }));
    } catch (err) {
      setError(toUiError(err));
    }
  }

  const seconds = fmt.number(Math.round((job?.seconds ?? 0) * 10) / 10);
  const pct =
    job && job.total > 0
      ? Math.min(100, Math.round((100 * job.done) / job.total))
      : job && job.state !== 'running'
        ? 100
        : 0;
  return (
    <section className="panel" data-testid="pdf-export">
      <h1>{t('pdf.export.title')}</h1>
      <p className="muted">{t('pdf.export.intro')}</p>
      <form className="toolbar" onSubmit={(e) => void start(e)}>
        <label>
          {t('pdf.export.from')}
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            disabled={running}
            data-testid="pdf-export-from"
          />
        </label>
        <label>
          {t('pdf.export.to')}
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            disabled={running}
            data-testid="pdf-export-to"
          />
        </label>
        <button className="primary" type="submit" disabled={running} data-testid="pdf-export-start">
          {t('pdf.export.start')}
        </button>
        {running ? (
          <button type="button" className="danger" onClick={() => void cancel()} data-testid="pdf-export-cancel">
            {t('common.cancel')}
          </button>
        ) : null}
      </form>
      <ErrorLine error={error} />
      {job ? (
        <div data-testid="pdf-export-status">
          <div>
            <strong>{t(STATE_LABEL[job.state])}</strong>{' '}
            {t('pdf.export.progress', { done: job.done, total: job.total })}
            {job.state !== 'running'
              ? ` · ${
                  job.failed
                    ? t('pdf.export.summary_failed', { written: job.written, failed: job.failed, seconds })
                    : t('pdf.export.summary', { written: job.written, seconds })
                }`
              : ''}
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.done}
            aria-valuetext={t('pdf.export.progress', { done: job.done, total: job.total })}
            data-testid="pdf-export-progress"
          >
            <div style={{ width: `${pct}%` }} />
          </div>
          <div className="muted">
            {t('pdf.export.folder')} <code data-testid="pdf-export-folder">{job.outDir}</code>
          </div>
          {job.error ? <p className="error">{message(job.error)}</p> : null}
          {job.errors.length > 0 ? (
            <ul className="error">
              {job.errors.map((x) => (
                <li key={x.id}>
                  {x.id}: {message(x.problem, x.message)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
