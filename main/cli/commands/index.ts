/**
 * Every CLI command, grouped by domain (one file per domain). A group is loaded only when the command line starts
 * with one of its prefixes (or for the full help), so `kassa info` does not load the invoice, PDF or share commands
 * and the contracts they name, and `kassa invoice list` not the PDF, share or bookkeeping ones.
 * test/unit/cli-groups.test.ts checks each group's prefixes against its commands.
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
  /**
   * The first word, or first two words, of every command of the group: each command's path starts with one of them.
   * Two words where other groups have commands under the same first word (`invoice pdf` beside the ledger's `invoice`).
   */
  prefixes: readonly string[];
  load(): readonly CliCommand[];
}

export const GROUPS: readonly CommandGroup[] = [
  { prefixes: ['info', 'preferences'], load: () => (require('./app') as typeof App).appCommands },
  { prefixes: ['account', 'keychain'], load: () => (require('./account') as typeof Account).accountCommands },
  {
    prefixes: [
      'backup',
      'check',
      'customer',
      'dashboard',
      'export csv',
      'invoice',
      'profile',
      'restore',
      'series',
      'tax',
    ],
    load: () => (require('./ledger') as typeof Ledger).ledgerDomainCommands,
  },
  {
    prefixes: ['export pdf', 'invoice pdf', 'invoice check-text'],
    load: () => (require('./pdf') as typeof Pdf).pdfCommands,
  },
  { prefixes: ['invoice share', 'smtp'], load: () => (require('./share') as typeof Share).shareCommands },
  { prefixes: ['sync'], load: () => (require('./sync') as typeof Sync).syncCommands },
  { prefixes: ['recurring'], load: () => (require('./recurring') as typeof Recurring).recurringCommands },
  { prefixes: ['quote'], load: () => (require('./quote') as typeof Quote).quoteCommands },
  { prefixes: ['reminder'], load: () => (require('./reminder') as typeof Reminder).reminderCommands },
  {
    prefixes: ['export period', 'invoice xml', 'period', 'record', 'report', 'verify'],
    load: () => (require('./books') as typeof Books).booksCommands,
  },
];

/**
 * The commands a command line that starts with `words` can name: the groups with a prefix those words agree with
 * (a prefix longer than the words given agrees: `kassa invoice --out F pdf` names its second word after an option);
 * every command when no group has one (no words: the help; an unknown word: a usage error that lists them all).
 */
export function commandsFor(words: readonly string[] | undefined): readonly CliCommand[] {
  const agrees = (prefix: string): boolean =>
    prefix.split(' ').every((p, i) => words?.[i] === undefined || words[i] === p);
  const groups = words?.[0] === undefined ? [] : GROUPS.filter((g) => g.prefixes.some(agrees));
  return (groups.length > 0 ? groups : GROUPS).flatMap((g) => g.load());
}
