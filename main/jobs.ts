/**
 * The background jobs of one running app (PDF exports, period archives): each is started with a status object it
 * keeps up to date, reports on the `progress` event (throttled to a few per second, plus the final one), is looked
 * up by id, cancelled through its AbortController, awaited, and forgotten once enough newer ones have finished.
 */
import { KassaError } from '../shared/errors';
import type { Message } from '../shared/i18n/params';
import type { EventHub } from './events';
import type { Logger } from './log';

const KEEP_FINISHED = 20;
const PROGRESS_EVERY_MS = 150;

/** What every job's status has (the contract's PdfExportStatus and ArchiveStatus). */
export interface JobStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  done: number;
  /** Set when the job as a whole failed. */
  error?: Message;
  seconds: number;
}

interface Job<S> {
  status: S;
  controller: AbortController;
  done: Promise<S>;
}

export interface JobLaunch<S extends JobStatus, P, R> {
  /** The first status (state 'running'); the job updates this object. */
  status: S;
  /** What the progress events call the job. */
  label: Message;
  /** Log event prefix: `<log>.start`, `.end`, `.failed`. */
  log: string;
  startFields: Record<string, unknown>;
  run: (signal: AbortSignal, onProgress: (p: P) => void) => Promise<R>;
  /** Copies the result into the status (state included); returns the fields logged at the end. */
  finish: (result: R, status: S) => Record<string, unknown>;
  /** The message for an unexpected failure (a KassaError keeps its own). */
  failure: (detail: string) => Message;
}

export abstract class BackgroundJobs<S extends JobStatus> {
  private readonly jobs = new Map<string, Job<S>>();

  protected constructor(private readonly env: { events: EventHub; log: Logger }) {}

  protected launch<P extends Partial<S>, R>(spec: JobLaunch<S, P, R>): S {
    const { status, label } = spec;
    const { jobId } = status;
    const { events, log } = this.env;
    const started = performance.now();
    let lastEmit = 0;
    const emit = (finished: boolean): void => {
      status.seconds = (performance.now() - started) / 1000;
      events.emit('progress', {
        jobId,
        label,
        done: status.done,
        total: status.total,
        finished,
        ...(status.error ? { error: status.error } : {}),
      });
    };
    const onProgress = (p: P): void => {
      Object.assign(status, p);
      const now = performance.now();
      if (now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        emit(false);
      }
    };
    const controller = new AbortController();
    log.info(`${spec.log}.start`, { jobId, ...spec.startFields });
    const done = spec.run(controller.signal, onProgress).then(
      (r) => {
        const fields = spec.finish(r, status);
        emit(true);
        log.info(`${spec.log}.end`, { jobId, state: status.state, ...fields, seconds: status.seconds });
        return { ...status };
      },
      (err: unknown) => {
        status.state = 'failed';
        status.error =
          err instanceof KassaError
            ? err.toMessage()
            : spec.failure((err instanceof Error ? err.message : String(err)).slice(0, 300));
        emit(true);
        log.error(`${spec.log}.failed`, { jobId, error: err });
        return { ...status };
      },
    );
    this.jobs.set(jobId, { status, controller, done });
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
    emit(false);
    return { ...status };
  }

  /** A copy of the job's status, or undefined for an unknown (or forgotten) job. */
  get(jobId: string): S | undefined {
    const j = this.jobs.get(jobId);
    return j ? { ...j.status } : undefined;
  }

  /** Resolves when the job has finished (done, cancelled or failed). */
  wait(jobId: string): Promise<S> | undefined {
    return this.jobs.get(jobId)?.done;
  }

  async cancel(jobId: string): Promise<S | undefined> {
    const j = this.jobs.get(jobId);
    if (!j) return undefined;
    if (j.status.state === 'running') j.controller.abort();
    return j.done;
  }

  /** Cancels every running job and waits for it (services shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => (j.controller.abort(), j.done)));
  }
}
