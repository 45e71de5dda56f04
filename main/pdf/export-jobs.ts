/**
 * Background PDF export jobs of one running app (one Services): start, look up, cancel. Each job reports on the
 * `progress` event (throttled to a few per second, plus the final one) with its job id.
 */
import { randomUUID } from 'node:crypto';
import type { PdfExportStatus } from '../../shared/contract/pdf';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/catalogue';
import type { EventHub } from '../events';
import type { Logger } from '../log';
import { runPdfExport, type ExportProgress } from './export-run';
import type { ExportLister, ExportRange } from './source';

interface Job {
  status: PdfExportStatus;
  controller: AbortController;
  done: Promise<PdfExportStatus>;
}

export interface ExportJobDeps {
  ledgerFile: string;
  lister: ExportLister;
  events: EventHub;
  log: Logger;
  appVersion: string;
  workers?: number;
}

const PROGRESS_EVERY_MS = 150;
const KEEP_FINISHED = 20;

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

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
    this.jobs.set(jobId, { status, controller, done });
    this.forgetOld();
    emit(false);
    return { ...status };
  }

  get(jobId: string): PdfExportStatus | undefined {
    const j = this.jobs.get(jobId);
    return j ? { ...j.status } : undefined;
  }

  /** Resolves when the job has finished (done, cancelled or failed). */
  wait(jobId: string): Promise<PdfExportStatus> | undefined {
    return this.jobs.get(jobId)?.done;
  }

  async cancel(jobId: string): Promise<PdfExportStatus | undefined> {
    const j = this.jobs.get(jobId);
    if (!j) return undefined;
    if (j.status.state === 'running') j.controller.abort();
    return j.done;
  }

  /** Cancels every running job and waits for their workers (services shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => (j.controller.abort(), j.done)));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
