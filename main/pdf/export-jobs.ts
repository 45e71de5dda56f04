/**
 * Background PDF export jobs of one running app (one Services): start, look up, cancel (main/jobs.ts). Each job
 * reports on the `progress` event with its job id.
 */
import { randomUUID } from 'node:crypto';
import type { PdfExportStatus } from '../../shared/contract/pdf';
import { msg } from '../../shared/i18n/keys';
import type { EventHub } from '../events';
import { BackgroundJobs } from '../jobs';
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

export class ExportJobs extends BackgroundJobs<PdfExportStatus> {
  constructor(private readonly deps: ExportJobDeps) {
    super(deps);
  }

  start(outDir: string, range: ExportRange): PdfExportStatus {
    const status: PdfExportStatus = {
      jobId: randomUUID(),
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
    return this.launch({
      status,
      label:
        range.from || range.to
          ? msg('pdf.export.label_range', { from: range.from ?? '…', to: range.to ?? '…' })
          : msg('pdf.export.label_all'),
      log: 'pdf.export',
      startFields: { total: status.total, from: status.from, to: status.to },
      run: (signal, onProgress: (p: ExportProgress) => void) =>
        runPdfExport({
          ledgerFile: this.deps.ledgerFile,
          outDir,
          range,
          lister: this.deps.lister,
          signal,
          onProgress,
          appVersion: this.deps.appVersion,
          ...(this.deps.workers ? { workers: this.deps.workers } : {}),
        }),
      finish: (r, s) => {
        Object.assign(s, { total: r.total, done: r.done, written: r.written, failed: r.failed, errors: r.errors });
        s.state = r.cancelled ? 'cancelled' : 'done';
        return { written: r.written, failed: r.failed };
      },
      failure: (detail) => msg('error.pdf_render_failed', { detail }),
    });
  }
}
