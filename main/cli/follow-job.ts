/**
 * Follows a background job from the command line: subscribes to `progress` before starting it (so no event is
 * missed; events that arrive before the job id is known are kept and replayed), prints each as one JSON line on
 * stderr, cancels the job cleanly on Ctrl-C, and resolves with its final status.
 */
import type { ProgressEvent } from '../../shared/contract/app';
import { englishMessage } from '../../shared/i18n/english';
import type { CliContext } from './framework';

export interface JobControl<S extends { jobId: string }> {
  start(): Promise<S>;
  status(jobId: string): Promise<S>;
  cancel(jobId: string): Promise<unknown>;
}

export async function followJob<S extends { jobId: string }>(ctx: CliContext, job: JobControl<S>): Promise<S> {
  const s = await ctx.services();
  let jobId: string | null = null;
  const early: ProgressEvent[] = [];
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  const show = (p: ProgressEvent): void => {
    if (p.jobId !== jobId) return;
    ctx.progress({ label: englishMessage(p.label), done: p.done, total: p.total });
    if (p.finished) finished();
  };
  const off = s.events.subscribe((name, payload) => {
    if (name !== 'progress') return;
    if (jobId === null) early.push(payload as ProgressEvent);
    else show(payload as ProgressEvent);
  });
  const onSigint = (): void => {
    if (jobId) void job.cancel(jobId).catch(() => undefined);
  };
  process.once('SIGINT', onSigint);
  try {
    jobId = (await job.start()).jobId;
    early.splice(0).forEach(show);
    await done;
    return await job.status(jobId);
  } finally {
    off();
    process.removeListener('SIGINT', onSigint);
  }
}
