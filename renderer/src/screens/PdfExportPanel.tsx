/**
 * Bulk PDF export: every invoice issued in a date range, one PDF/A-3b file each, written by worker threads in
 * main into a new folder under the data folder (the app never lets the UI name a path). A progress bar follows
 * the job's `progress` events; Cancel stops it, keeping the files already written.
 */
import type { ReactElement } from 'react';
import type { PdfExportStatus } from '../../../shared/contract/pdf';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { call } from '../client';
import { RangeJob } from '../components/RangeJob';
import { Ltr } from '../components/Ltr';
import { useTranslator } from '../i18n';
import { useFormat } from './ledger-ui';

const STATE_LABEL: Record<PdfExportStatus['state'], PlainKey> = {
  running: 'pdf.export.state.running',
  done: 'pdf.export.state.done',
  cancelled: 'pdf.export.state.cancelled',
  failed: 'pdf.export.state.failed',
};

export function PdfExportPanel(): ReactElement {
  const { t, message } = useTranslator();
  const fmt = useFormat();
  const progress = (job: PdfExportStatus): string => t('pdf.export.progress', { done: job.done, total: job.total });
  return (
    <section className="panel" data-testid="pdf-export">
      <h1>{t('pdf.export.title')}</h1>
      <p className="muted">{t('pdf.export.intro')}</p>
      <RangeJob
        testId="pdf-export"
        statusMethod="pdf.exportStatus"
        labels={{ from: 'pdf.export.from', to: 'pdf.export.to', start: 'pdf.export.start' }}
        start={({ from, to }) => call('pdf.export', { ...(from ? { from } : {}), ...(to ? { to } : {}) })}
        cancel={(jobId) => call('pdf.cancelExport', { jobId })}
        progressText={progress}
        describe={(job) => {
          const seconds = fmt.number(Math.round(job.seconds * 10) / 10);
          return (
            <>
              <div>
                <strong>{t(STATE_LABEL[job.state])}</strong> {progress(job)}
                {job.state !== 'running'
                  ? ` · ${
                      job.failed
                        ? t('pdf.export.summary_failed', { written: job.written, failed: job.failed, seconds })
                        : t('pdf.export.summary', { written: job.written, seconds })
                    }`
                  : ''}
              </div>
              <div className="muted">
                {t('pdf.export.folder')}{' '}
                <code data-testid="pdf-export-folder">
                  <Ltr>{job.outDir}</Ltr>
                </code>
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
            </>
          );
        }}
      />
    </section>
  );
}
