/** Every handler of the contract, built from one Services. TypeScript fails here if a method has none. */
import type { Services } from '../services';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { ledgerHandlers } from './ledger';
import { pdfHandlers } from './pdf';
import { quoteHandlers } from './quotes';
import { recurringHandlers } from './recurring';
import { reminderHandlers } from './reminders';
import { shareHandlers } from './share';
import { syncHandlers } from './sync';
import type { Handlers } from './types';

export function buildHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...accountHandlers(s),
    ...ledgerHandlers(s),
    ...pdfHandlers(s),
    ...shareHandlers(s),
    ...syncHandlers(s),
    ...recurringHandlers(s),
    ...quoteHandlers(s),
    ...reminderHandlers(s),
  };
}
