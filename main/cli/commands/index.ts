/**
 * Every CLI command, grouped by domain (one file per domain). A group is loaded only when the command line starts
 * with one of its words (or for the full help), so `kassa info` does not load the invoice, PDF or share commands
 * and the contracts they name. test/unit/cli-groups.test.ts checks each group's words against its commands.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- groups loaded on first use (start-up cost, see header) */
import type { CliCommand } from '../framework';
import type * as Account from './account';
import type * as App from './app';
import type * as Books from './books';
import type * as Ledger from './ledger';
import type * as Pdf from './pdf';
import type * as Quote from './quote';
import type * as Recurring from './recurring';
import type * as Reminder from './reminder';
import type * as Share from './share';
import type * as Sync from './sync';

export interface CommandGroup {
  /** The first word of every command of the group. */
  words: readonly string[];
  load(): readonly CliCommand[];
}

export const GROUPS: readonly CommandGroup[] = [
  { words: ['info', 'preferences'], load: () => (require('./app') as typeof App).appCommands },
  { words: ['account', 'keychain'], load: () => (require('./account') as typeof Account).accountCommands },
  {
    words: ['backup', 'check', 'customer', 'dashboard', 'export', 'invoice', 'profile', 'restore', 'series', 'tax'],
    load: () => (require('./ledger') as typeof Ledger).ledgerDomainCommands,
  },
  { words: ['export', 'invoice'], load: () => (require('./pdf') as typeof Pdf).pdfCommands },
  { words: ['invoice', 'smtp'], load: () => (require('./share') as typeof Share).shareCommands },
  { words: ['sync'], load: () => (require('./sync') as typeof Sync).syncCommands },
  { words: ['recurring'], load: () => (require('./recurring') as typeof Recurring).recurringCommands },
  { words: ['quote'], load: () => (require('./quote') as typeof Quote).quoteCommands },
  { words: ['reminder'], load: () => (require('./reminder') as typeof Reminder).reminderCommands },
  {
    words: ['export', 'invoice', 'period', 'record', 'report', 'verify'],
    load: () => (require('./books') as typeof Books).booksCommands,
  },
];

/** The commands that can start with `word`; every command when the word is not known (help, or a usage error). */
export function commandsFor(word: string | undefined): readonly CliCommand[] {
  const groups = word === undefined ? [] : GROUPS.filter((g) => g.words.includes(word));
  return (groups.length > 0 ? groups : GROUPS).flatMap((g) => g.load());
}
