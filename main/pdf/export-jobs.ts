/**
 * Background PDF export jobs of one running app (one Services): start, look up, cancel. Each job reports on the
 * `progress` event (throttled to a few per second, plus the final one) with its job id.
 */
import { randomUUID } from 'node:crypto';
import type { PdfExportStatus } from '../../shared/contract/pdf';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/keys';
import type { EventHub } from '../events';
import { JobRegistry } from '../jobs';
import type { Logger } from '../log';
import { runPdfExport, type ExportProgress } from './export-run';
import type { ExportLister, ExportRange } from './source';

export interface ExportJobDeps {
  ledgerFile: string;
  lister: ExportLister;
  events: EventHub;
  log: Logger;
  appVersion: string;
  workers?: number;
}

const PROGRESS_EVERY_MS = 150;

export class ExportJobs {
  private readonly jobs = new JobRegistry<PdfExportStatus>();

  constructor(private readonly deps: ExportJobDeps) {}

  start(outDir: string, range: ExportRange): PdfExportStatus {
    const jobId = randomUUID();
    const started = performance.now();
    const status: PdfExportStatus = {
      jobId,
      state: 'running',
      outDir,
      from: range.from ?? null,
      to: range.to ?? null,
      total: this.deps.lister.count(range),
      done: 0,
      written: 0,
      failed: 0,
      errors: [],
      seconds: 0,
    };
    const controller = new AbortController();
    const label =
      range.from || range.to
        ? msg('pdf.export.label_range', { from: range.from ?? '…', to: range.to ?? '…' })
        : msg('pdf.export.label_all');
    let lastEmit = 0;
    const emit = (finished: boolean): void => {
      status.seconds = (performance.now() - started) / 1000;
      this.deps.events.emit('progress', {
        jobId,
        label,
        done: status.done,
        total: status.total,
        finished,
        ...(status.state === 'failed' && status.error ? { error: status.error } : {}),
      });
    };
    const onProgress = (p: ExportProgress): void => {
      Object.assign(status, p);
      const now = performance.now();
      if (now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        emit(false);
      }
    };
    this.deps.log.info('pdf.export.start', { jobId, total: status.total, from: status.from, to: status.to });
    const done = runPdfExport({
      ledgerFile: this.deps.ledgerFile,
      outDir,
      range,
      lister: this.deps.lister,
      signal: controller.signal,
      onProgress,
      appVersion: this.deps.appVersion,
      ...(this.deps.workers ? { workers: this.deps.workers } : {}),
    }).then(
      (r) => {
        Object.assign(status, { total: r.total, done: r.done, written: r.written, failed: r.failed, errors: r.errors });
        status.state = r.cancelled ? 'cancelled' : 'done';
        emit(true);
        this.deps.log.info('pdf.export.end', {
          jobId,
          state: status.state,
          written: r.written,
          failed: r.failed,
          seconds: status.seconds,
        });
        return { ...status };
      },
      (err: unknown) => {
        status.state = 'failed';
        status.error =
          err instanceof KassaError
            ? err.toMessage()
            : msg('error.pdf_render_failed', {
                detail: (err instanceof Error ? err.message : String(err)).slice(0, 300),
              });
        emit(true);
        this.deps.log.error('pdf.export.failed', { jobId, error: err });
        return { ...status };
      },
    );
    this.jobs.add(jobId, { status, controller, done });
    emit(false);
    return { ...status };
  }

  get(jobId: string): PdfExportStatus | undefined {
    return this.jobs.get(jobId);
  }

  /** Resolves when the job has finished (done, cancelled or failed). */
  wait(jobId: string): Promise<PdfExportStatus> | undefined {
    return this.jobs.wait(jobId);
  }

  cancel(jobId: string): Promise<PdfExportStatus | undefined> {
    return this.jobs.cancel(jobId);
  }

  /** Cancels every running job and waits for it (services shutdown). */
  closeAll(): Promise<void> {
    return this.jobs.closeAll();
  }
}
