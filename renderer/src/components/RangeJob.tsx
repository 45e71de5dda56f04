/**
 * A background job over a range of dates, started from a form and followed to its end: the bulk PDF export and the
 * bookkeeper's archive (main/jobs.ts runs both). The form has From/To (this month so far by default), the caller's
 * own fields, Start, and Cancel while the job runs; below it, what the job's status says (the caller's words) and a
 * progress bar. The status is read through the query cache (stale on the 'job' topic); progress events move the bar
 * between two answers, and the last one (finished) asks for the final status.
 */
import { useEffect, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { MethodInput, MethodResult } from '../../../shared/api';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { onEvent } from '../client';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { firstOfMonth, todayLocal } from '../screens/ledger-ui';
import { toUiError, type UiError } from '../ui-error';
import { ErrorLine, QueryError } from './ErrorLine';

/** The status methods of the jobs this form follows. */
export type JobStatusMethod = 'pdf.exportStatus' | 'archive.status';

/** What every job status has (PdfExportStatus, ArchiveStatus). */
interface JobShape {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
}
type Job<M extends JobStatusMethod> = MethodResult<M> & JobShape;

export interface DateRange {
  from: string;
  to: string;
}

export function RangeJob<M extends JobStatusMethod>(props: {
  /** Test ids: `<testId>-from`, `-to`, `-start`, `-cancel`, `-status` (with data-state) and `-progress`. */
  testId: string;
  statusMethod: M;
  labels: { from: PlainKey; to: PlainKey; start: PlainKey };
  /** Starts the job over the range (the caller adds its own fields); its id is followed from then on. */
  start(range: DateRange): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<unknown>;
  /** The form's other fields, disabled while a job runs. */
  fields?: (running: boolean) => ReactNode;
  /** What the job's status says: state, counts, result. */
  describe(job: Job<M>): ReactNode;
  /** The bar's spoken value (done of total, in the caller's words). */
  progressText(job: Job<M>): string;
  /** Once each time a job ends (done, cancelled or failed). */
  onFinished?: () => void;
}): ReactElement {
  const { t } = useTranslator();
  const [range, setRange] = useState<DateRange>(() => ({ from: firstOfMonth(todayLocal()), to: todayLocal() }));
  const [jobId, setJobId] = useState<string | null>(null);
  const [live, setLive] = useState<{ jobId: string; done: number; total: number | null | undefined } | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  // Registered before the status query's first request (effects run in order), so no event goes by unseen: one
  // before that request is in its answer, one after it is heard here.
  useEffect(() => {
    if (!jobId) return undefined;
    return onEvent('progress', (p) => {
      if (p.jobId !== jobId) return;
      setLive({ jobId, done: p.done, total: p.total });
      if (p.finished) refresh('job');
    });
  }, [jobId]);
  const status = useQuery(props.statusMethod, jobId ? ({ jobId } as MethodInput<M>) : null);
  const data = status.data as Job<M> | undefined;
  const answer = data?.jobId === jobId ? data : undefined;
  const job: Job<M> | undefined =
    answer?.state === 'running' && live?.jobId === jobId
      ? { ...answer, done: live.done, total: live.total ?? answer.total }
      : answer;
  const running = job?.state === 'running';
  const finished = job !== undefined && !running;
  const { onFinished } = props;
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, jobId, onFinished]);

  async function start(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      const started = await props.start(range);
      setLive(null);
      setJobId(started.jobId);
    } catch (err) {
      setError(toUiError(err));
    }
  }

  function cancel(id: string): void {
    props.cancel(id).then(
      () => refresh('job'),
      (err: unknown) => setError(toUiError(err)),
    );
  }

  const pct =
    job && job.total > 0 ? Math.min(100, Math.round((100 * job.done) / job.total)) : job?.state === 'done' ? 100 : 0;
  return (
    <>
      <form className="toolbar" onSubmit={(e) => void start(e)}>
        {(['from', 'to'] as const).map((end) => (
          <label key={end}>
            {t(props.labels[end])}
            <input
              type="date"
              value={range[end]}
              onChange={(e) => setRange({ ...range, [end]: e.target.value })}
              disabled={running}
              data-testid={`${props.testId}-${end}`}
            />
          </label>
        ))}
        {props.fields?.(running)}
        <button className="primary" type="submit" disabled={running} data-testid={`${props.testId}-start`}>
          {t(props.labels.start)}
        </button>
        {running && jobId ? (
          <button type="button" className="danger" onClick={() => cancel(jobId)} data-testid={`${props.testId}-cancel`}>
            {t('common.cancel')}
          </button>
        ) : null}
      </form>
      <ErrorLine error={error} />
      <QueryError error={status.error} />
      {job ? (
        <div data-testid={`${props.testId}-status`} data-state={job.state}>
          {props.describe(job)}
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.done}
            aria-valuetext={props.progressText(job)}
            data-testid={`${props.testId}-progress`}
          >
            <div style={{ width: `${pct}%` }} />
          </div>
        </div>
      ) : null}
    </>
  );
}
