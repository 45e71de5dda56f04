/**
 * Archive jobs of one running app: started by `archive.start`, followed through `progress` events (a few per
 * second, with the job id) and `archive.status`, stopped by `archive.cancel` (nothing half-written stays).
 */
import { randomUUID } from 'node:crypto';
import type { ArchiveStatus, XmlFormat } from '../../shared/contract/books';
import type { BusinessProfile } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/keys';
import type { EventHub } from '../events';
import { JobRegistry } from '../jobs';
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

const EMIT_EVERY_MS = 150;

export class ArchiveJobs {
  private readonly jobs = new JobRegistry<ArchiveStatus>();

  constructor(private readonly deps: ArchiveJobDeps) {}

  start(input: { from: string; to: string; format: XmlFormat; target: string }): ArchiveStatus {
    const jobId = randomUUID();
    const started = performance.now();
    const status: ArchiveStatus = {
      jobId,
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
    };
    const label = msg('books.archive.label', { from: input.from, to: input.to });
    let last = 0;
    const emit = (finished: boolean): void => {
      status.seconds = (performance.now() - started) / 1000;
      this.deps.events.emit('progress', {
        jobId,
        label,
        done: status.done,
        total: status.total,
        finished,
        ...(status.error ? { error: status.error } : {}),
      });
    };
    const onProgress = (p: ArchiveProgress): void => {
      Object.assign(status, p);
      const now = performance.now();
      if (now - last >= EMIT_EVERY_MS) {
        last = now;
        emit(false);
      }
    };
    const controller = new AbortController();
    this.deps.log.info('archive.start', { jobId, from: input.from, to: input.to, format: input.format });
    const done = buildArchive({
      ledgerFile: this.deps.ledgerFile,
      lister: this.deps.lister(input.from, input.to),
      from: input.from,
      to: input.to,
      format: input.format,
      target: input.target,
      profile: this.deps.profile(),
      appVersion: this.deps.appVersion,
      now: this.deps.now(),
      signal: controller.signal,
      onProgress,
    }).then(
      (r) => {
        Object.assign(status, {
          state: r.cancelled ? 'cancelled' : 'done',
          total: r.documents,
          done: r.documents,
          failed: r.failed,
          errors: r.errors,
          manifestSha256: r.manifestSha256,
          chainHead: r.manifest?.chainHead ?? null,
        });
        emit(true);
        this.deps.log.info('archive.end', { jobId, state: status.state, failed: r.failed, seconds: status.seconds });
        return { ...status };
      },
      (err: unknown) => {
        status.state = 'failed';
        status.error =
          err instanceof KassaError
            ? err.toMessage()
            : msg('error.archive_failed', { error: (err instanceof Error ? err.message : String(err)).slice(0, 300) });
        emit(true);
        this.deps.log.error('archive.failed', { jobId, error: err });
        return { ...status };
      },
    );
    this.jobs.add(jobId, { status, controller, done });
    emit(false);
    return { ...status };
  }

  get(jobId: string): ArchiveStatus | undefined {
    return this.jobs.get(jobId);
  }

  /** Resolves when the job has finished (done, cancelled or failed). */
  wait(jobId: string): Promise<ArchiveStatus> | undefined {
    return this.jobs.wait(jobId);
  }

  cancel(jobId: string): Promise<ArchiveStatus | undefined> {
    return this.jobs.cancel(jobId);
  }

  /** Cancels every running job and waits for it (services shutdown). */
  closeAll(): Promise<void> {
    return this.jobs.closeAll();
  }
}
