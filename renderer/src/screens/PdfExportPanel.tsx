/**
 * Bulk PDF export: every invoice issued in a date range, one PDF/A-3b file each, written by worker threads in
 * main into a new folder under the data folder (the app never lets the UI name a path). A progress bar follows
 * the job's `progress` events; Cancel stops it, keeping the files already written.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { PdfExportStatus } from '../../../shared/contract/pdf';
import { call, onEvent } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { toUiError, type UiError } from '../ui-error';
import { todayLocal } from './ledger-ui';

function firstOfMonth(today: string): string {
  return `${today.slice(0, 8)}01`;
}

const STATE_LABEL: Record<PdfExportStatus['state'], string> = {
  running: 'Exporting…',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function PdfExportPanel(): ReactElement {
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

  const pct =
    job && job.total > 0
      ? Math.min(100, Math.round((100 * job.done) / job.total))
      : job && job.state !== 'running'
        ? 100
        : 0;
  return (
    <section className="panel" data-testid="pdf-export">
      <h2>Export invoices as PDF</h2>
      <p className="muted">
        One PDF/A-3b file per invoice issued in the range, named by its number, with the Factur-X (EN 16931) data
        attached. Leave both dates empty to export every invoice, drafts included.
      </p>
      <form className="toolbar" onSubmit={(e) => void start(e)}>
        <label>
          From
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            disabled={running}
            data-testid="pdf-export-from"
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            disabled={running}
            data-testid="pdf-export-to"
          />
        </label>
        <button className="primary" type="submit" disabled={running} data-testid="pdf-export-start">
          Export PDFs
        </button>
        {running ? (
          <button type="button" className="danger" onClick={() => void cancel()} data-testid="pdf-export-cancel">
            Cancel
          </button>
        ) : null}
      </form>
      <ErrorLine error={error} />
      {job ? (
        <div data-testid="pdf-export-status">
          <div>
            <strong>{STATE_LABEL[job.state]}</strong> {job.done} of {job.total} invoice{job.total === 1 ? '' : 's'}
            {job.state !== 'running'
              ? ` · ${job.written} written${job.failed ? `, ${job.failed} failed` : ''} · ${job.seconds.toFixed(1)} s`
              : ''}
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.done}
            aria-valuetext={`${job.done} of ${job.total}`}
            data-testid="pdf-export-progress"
          >
            <div style={{ width: `${pct}%` }} />
          </div>
          <div className="muted">
            Folder: <code data-testid="pdf-export-folder">{job.outDir}</code>
          </div>
          {job.error ? <p className="error">{job.error}</p> : null}
          {job.errors.length > 0 ? (
            <ul className="error">
              {job.errors.map((x) => (
                <li key={x.id}>
                  {x.id}: {x.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
