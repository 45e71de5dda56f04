/**
 * Archive jobs of one running app: started by `archive.start`, followed through `progress` events (a few per
 * second, with the job id) and `archive.status`, stopped by `archive.cancel` (nothing half-written stays);
 * the bookkeeping of running jobs is main/jobs.ts.
 */
import { randomUUID } from 'node:crypto';
import type { ArchiveStatus, XmlFormat } from '../../shared/contract/books';
import type { BusinessProfile } from '../../shared/domain';
import { msg } from '../../shared/i18n/keys';
import type { EventHub } from '../events';
import { BackgroundJobs } from '../jobs';
import type { Logger } from '../log';
import type { ExportLister } from '../pdf/source';
import { buildArchive, type ArchiveProgress } from './archive';

export interface ArchiveJobDeps {
  ledgerFile: string;
  lister: (from: string, to: string) => ExportLister;
  profile: () => BusinessProfile;
  events: EventHub;
  log: Logger;
  now: () => Date;
  appVersion: string;
}

export class ArchiveJobs extends BackgroundJobs<ArchiveStatus> {
  constructor(private readonly deps: ArchiveJobDeps) {
    super(deps);
  }

  start(input: { from: string; to: string; format: XmlFormat; target: string }): ArchiveStatus {
    return this.launch({
      status: {
        jobId: randomUUID(),
        state: 'running',
        phase: 'documents',
        from: input.from,
        to: input.to,
        format: input.format,
        target: input.target,
        total: 0,
        done: 0,
        failed: 0,
        errors: [],
        manifestSha256: null,
        chainHead: null,
        seconds: 0,
      },
      label: msg('books.archive.label', { from: input.from, to: input.to }),
      log: 'archive',
      startFields: { from: input.from, to: input.to, format: input.format },
      run: (signal, onProgress: (p: ArchiveProgress) => void) =>
        buildArchive({
          ledgerFile: this.deps.ledgerFile,
          lister: this.deps.lister(input.from, input.to),
          from: input.from,
          to: input.to,
          format: input.format,
          target: input.target,
          profile: this.deps.profile(),
          appVersion: this.deps.appVersion,
          now: this.deps.now(),
          signal,
          onProgress,
        }),
      finish: (r, s) => {
        Object.assign(s, {
          state: r.cancelled ? 'cancelled' : 'done',
          total: r.documents,
          done: r.documents,
          failed: r.failed,
          errors: r.errors,
          manifestSha256: r.manifestSha256,
          chainHead: r.manifest?.chainHead ?? null,
        });
        return { failed: r.failed };
      },
      failure: (error) => msg('error.archive_failed', { error }),
    });
  }
}
