/**
 * `kassa reminder …`: payment reminders through the share routes.
 *   kassa reminder rules                                   the default rule set
 *   kassa reminder rules --data '{"enabled":true,"route":"email","steps":[-3,0,7,14]}'   change it
 *   kassa reminder rules --invoice ID                      an invoice's plan and what was sent
 *   kassa reminder rules --invoice ID --data '{"steps":[5,20]}'   its own steps ([] = none; null = the default set)
 *   kassa reminder list [--limit N]                        the latest reminders of all invoices
 *   kassa reminder run                                     send what is due now (for cron; safe alongside the app)
 */
import type { MethodInput } from '../../../shared/api';
import type { CliCommand } from '../framework';
import { withProgress } from './sync';

export const reminderCommands: CliCommand[] = [
  {
    path: 'reminder rules',
    usage:
      '[--data \'{"enabled":true,"route":"email","steps":[-3,0,7,14]}\'] | --invoice ID [--data \'{"steps":[…]|null,"route":…}\']',
    summary:
      "Shows or changes the default reminder rule set (steps are days from the due date); with --invoice, that invoice's plan, or its own steps.",
    options: { invoice: { type: 'string' } },
    async run(ctx) {
      const invoice = ctx.string('invoice');
      const data = await ctx.dataObject({ optional: true });
      const given = ctx.values.data !== undefined;
      if (invoice !== undefined) {
        if (!given) return ctx.call('reminder.invoice', { id: invoice });
        return ctx.call('reminder.setInvoice', { ...data, id: invoice } as MethodInput<'reminder.setInvoice'>);
      }
      if (!given) return ctx.call('reminder.rules', {});
      return ctx.call('reminder.setRules', data as MethodInput<'reminder.setRules'>);
    },
  },
  {
    path: 'reminder list',
    usage: '[--limit N]',
    summary: 'The latest reminders of all invoices (sent, prepared, failed, skipped), newest first.',
    options: { limit: { type: 'string' } },
    run(ctx) {
      const limit = ctx.wholeNumber('limit');
      return ctx.call('reminder.list', limit === undefined ? {} : { limit });
    },
  },
  {
    path: 'reminder run',
    summary:
      'Sends every reminder due now through its route, each step of each invoice once (cron-friendly; safe alongside the app); failed ones are tried again. Prints {sends, counts}.',
    run: (ctx) => withProgress(ctx, () => ctx.call('reminder.run', {})),
  },
];
