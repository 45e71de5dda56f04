/** Payment reminders: the default rule set, an invoice's own steps and plan, the latest reminders, and a run now. */
import type { ReminderRunSummary, reminderMethods } from '../../shared/contract/reminders';
import { invoiceReminders, readRules, setInvoiceReminders, writeRules } from '../ledger/reminders';
import { recentSends } from '../ledger/tables/reminders';
import { ledgerCtx, read, write } from './ledger-support';
import type { HandlerFactory } from './types';

export const reminderHandlers: HandlerFactory<keyof typeof reminderMethods> = (s) => {
  const changed = (invoiceId?: string): void => {
    s.events.emit('reminders.changed', invoiceId ? { invoiceId } : {});
  };
  return {
    'reminder.rules': () => read(() => readRules(s.ledger.db)),
    'reminder.setRules': (input) => {
      const rules = write(s, () => writeRules(s.ledger.db, input));
      s.log.info('reminders.rules_set', { enabled: rules.enabled, route: rules.route, steps: rules.steps.length });
      changed();
      return rules;
    },
    'reminder.invoice': ({ id }) => read(() => invoiceReminders(s.ledger.db, id)),
    'reminder.setInvoice': (input, ctx) => {
      const r = write(s, () => {
        setInvoiceReminders(ledgerCtx(s, ctx), input);
        return invoiceReminders(s.ledger.db, input.id);
      });
      changed(input.id);
      return r;
    },
    'reminder.list': ({ limit }) => read(() => recentSends(s.ledger.db, limit)),
    'reminder.run': () => s.scheduler.runNow<ReminderRunSummary>('reminders'),
  };
};
