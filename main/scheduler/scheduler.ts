/**
 * The background work of a running app (Electron or the browser host): recurring invoices and payment reminders.
 * Every job runs once soon after start (catching up whatever fell due while the app was closed) and then whenever
 * its `due()` says so, checked on a timer. Jobs of one process run one at a time; other processes (a second
 * window, `kassa recurring run` from cron) are kept apart by the jobs themselves, which claim each unit of work
 * under a unique key inside a write transaction — so running the same job from anywhere, any number of times, is safe.
 */
import type { Logger } from '../log';
import { toErrorBody } from '../../shared/errors';

export interface ScheduledJob<R = unknown> {
  readonly name: string;
  /** Cheap: is there work to do now? */
  due(): boolean;
  /** Does every due unit of work; resolves with a summary. `manual`: a person asked (retry what waits for a later try). */
  run(opts?: { manual?: boolean }): Promise<R>;
}

export interface SchedulerTuning {
  /** How often due work is looked for. Default 60 s. */
  tickMs?: number;
  /** Delay of the first run after start. Default 1 s. */
  startDelayMs?: number;
}

export class Scheduler {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly tickMs: number;
  private readonly startDelayMs: number;

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly log: Logger,
    tuning: SchedulerTuning = {},
  ) {
    this.tickMs = tuning.tickMs ?? 60_000;
    this.startDelayMs = tuning.startDelayMs ?? 1_000;
  }

  /** Runs `fn` after whatever this process's scheduler is already running. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private job<R>(name: string): ScheduledJob<R> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no scheduled job ${name}`);
    return job as ScheduledJob<R>;
  }

  /** Runs one job now (a user's "Run now", the CLI), after any run in progress in this process. */
  runNow<R>(name: string): Promise<R> {
    const job = this.job<R>(name);
    return this.serial(() => job.run({ manual: true }));
  }

  /** Runs every job that has work, in order. Failures are logged; the jobs report them in their summaries. */
  private async tick(): Promise<void> {
    for (const job of this.jobs) {
      if (this.stopped) return;
      try {
        if (job.due()) await this.serial(() => job.run());
      } catch (err) {
        this.log.warn('scheduler.job_failed', { job: job.name, code: toErrorBody(err).code });
      }
    }
  }

  /** Starts the timer; idempotent. */
  start(): void {
    if (this.timer || this.stopped) return;
    const loop = (): void => {
      this.timer = null;
      if (this.stopped) return;
      void this.tick().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(loop, this.tickMs);
        this.timer.unref?.();
      });
    };
    this.timer = setTimeout(loop, this.startDelayMs);
    this.timer.unref?.();
  }

  /** Stops the timer and waits for the run in progress (its current unit commits or rolls back whole). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }
}
