/** Recurring schedules: create from a template, list, show with runs, pause/resume, and run due periods now. */
import type { recurringMethods, RecurringDetail, RecurringRunSummary } from '../../shared/contract/recurring';
import { createSchedule, pauseSchedule, resumeSchedule } from '../ledger/recurring';
import { listSchedules, readSchedule, runsOf } from '../ledger/tables/recurring';
import type { Services } from '../services';
import { ledgerCtx, read, write } from './ledger-support';
import type { HandlerFactory } from './types';

/** Runs shown with a schedule: the latest ones (a weekly schedule makes 52 a year). */
const RUNS_SHOWN = 100;

const detail = (s: Services, id: string): RecurringDetail => ({
  schedule: readSchedule(s.ledger.db, id),
  runs: runsOf(s.ledger.db, id, RUNS_SHOWN),
});

export const recurringHandlers: HandlerFactory<keyof typeof recurringMethods> = (s) => {
  const changed = (id: string): void => s.events.emit('recurring.changed', { id });
  return {
    'recurring.create': (input, ctx) => {
      const schedule = write(s, () => readSchedule(s.ledger.db, createSchedule(ledgerCtx(s, ctx), input)));
      s.log.info('recurring.created', { scheduleId: schedule.id, frequency: input.frequency, action: input.action });
      changed(schedule.id);
      return schedule;
    },
    'recurring.list': () => read(() => listSchedules(s.ledger.db)),
    'recurring.get': ({ id }) => read(() => detail(s, id)),
    'recurring.pause': ({ id }, ctx) => {
      const d = write(s, () => {
        pauseSchedule(ledgerCtx(s, ctx), id);
        return detail(s, id);
      });
      changed(id);
      return d;
    },
    'recurring.resume': ({ id }, ctx) => {
      const d = write(s, () => {
        resumeSchedule(ledgerCtx(s, ctx), id);
        return detail(s, id);
      });
      changed(id);
      return d;
    },
    'recurring.run': () => s.scheduler.runNow<RecurringRunSummary>('recurring'),
  };
};
