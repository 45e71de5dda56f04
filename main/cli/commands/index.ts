/** Every CLI command, grouped by domain (one file per domain). */
import type { CliCommand } from '../framework';
import { accountCommands } from './account';
import { appCommands } from './app';
import { ledgerDomainCommands } from './ledger';
import { pdfCommands } from './pdf';
import { quoteCommands } from './quote';
import { recurringCommands } from './recurring';
import { reminderCommands } from './reminder';
import { shareCommands } from './share';
import { syncCommands } from './sync';

export const commands: readonly CliCommand[] = [
  ...appCommands,
  ...accountCommands,
  ...ledgerDomainCommands,
  ...pdfCommands,
  ...shareCommands,
  ...syncCommands,
  ...recurringCommands,
  ...quoteCommands,
  ...reminderCommands,
];
