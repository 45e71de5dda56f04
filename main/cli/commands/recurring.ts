/**
 * `kassa recurring …`: schedules that bill an invoice template every period.
 *   kassa recurring create --data '{"templateId":"inv_…","frequency":"month","startDate":"2026-01-31","action":"issue",
 *                                  "end":{"after":12},"account":"Kashier live","dueDays":14,"day":31}'
 *   kassa recurring list | show ID | pause ID | resume ID
 *   kassa recurring run            every due period now (for cron / a system scheduler); safe to run any number of
 *                                  times, also while the app is open
 */
import type { MethodInput } from '../../../shared/api';
import { KassaError } from '../../../shared/errors';
import type { CliCommand } from '../framework';
import { resolveAccountRef } from './account';
import { withProgress } from './sync';

export const recurringCommands: CliCommand[] = [
  {
    path: 'recurring create',
    usage: "--data '<json>' | --data -",
    summary:
      'Creates a schedule from {templateId, frequency: week|2weeks|month|quarter|year, startDate, action: draft|issue, day?, end?: "never"|{"after":N}|{"on":"YYYY-MM-DD"}, account?: ID|NAME (issue only), dueDays?}. A start in the past is backfilled at the next run.',
    async run(ctx) {
      const data = await ctx.dataObject();
      const { account, ...rest } = data;
      const input: Record<string, unknown> = { ...rest };
      if (account !== undefined) {
        if (typeof account !== 'string' || account.trim() === '')
          throw new KassaError('invalid_input', 'account_ref_invalid', {}, { field: 'account' });
        input.accountId = (await resolveAccountRef(ctx, account)).id;
      }
      return ctx.call('recurring.create', input as MethodInput<'recurring.create'>);
    },
  },
  {
    path: 'recurring list',
    summary: 'Every schedule with its status, next date and run counts.',
    run: (ctx) => ctx.call('recurring.list', {}),
  },
  {
    path: 'recurring show',
    usage: 'ID',
    summary: 'One schedule with its latest runs (the invoice each period made).',
    run: (ctx) => ctx.call('recurring.get', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'recurring pause',
    usage: 'ID',
    summary: 'Stops a schedule from making invoices until resumed.',
    run: (ctx) => ctx.call('recurring.pause', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'recurring resume',
    usage: 'ID',
    summary: 'Resumes a schedule; periods dated before today (during the pause) are skipped, not billed.',
    run: (ctx) => ctx.call('recurring.resume', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'recurring run',
    summary:
      'Runs every due period of every schedule now, in date order, each exactly once (cron-friendly; safe alongside the app). Prints {runs, counts, error, nextDate}; a failure that stopped the run also exits non-zero.',
    async run(ctx) {
      const summary = await withProgress(ctx, () => ctx.call('recurring.run', {}));
      if (summary.error) {
        // The work done is on stdout; the failure that stopped the rest on stderr and in the exit code.
        ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
        throw KassaError.fromBody(summary.error);
      }
      return summary;
    },
  },
];
