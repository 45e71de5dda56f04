/**
 * The background jobs of one running app (PDF exports, period archives): each is looked up by id, cancelled through
 * its AbortController, awaited, and forgotten once enough newer ones have finished.
 */
const KEEP_FINISHED = 20;

interface Job<S> {
  status: S;
  controller: AbortController;
  done: Promise<S>;
}

export class JobRegistry<S extends { state: string }> {
  private readonly jobs = new Map<string, Job<S>>();

  add(jobId: string, job: Job<S>): void {
    this.jobs.set(jobId, job);
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
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
