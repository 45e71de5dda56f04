/**
 * The contract's domains as the main process loads them: which domain a method belongs to (from its name), and the
 * domain's contract table and handlers, each loaded on first use. A `kassa info` loads the app domain only — not the
 * invoice schemas, the provider adapters or the PDF renderer. shared/api.ts stays the one table the renderer, the
 * IPC registration and the tests loop over; TypeScript checks below that these domains cover exactly its methods,
 * and test/unit/handler-domains.test.ts that each method is found in the domain its name points to.
 *
 * Adding a domain: its contract table and handler factory here, and its name prefixes in DOMAIN_OF_PREFIX.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use (start-up cost, see header) */
import type { z } from 'zod';
import type { MethodName } from '../../shared/api';
import type * as AccountsContract from '../../shared/contract/accounts';
import type * as AppContract from '../../shared/contract/app';
import type * as BooksContract from '../../shared/contract/books';
import type { MethodSpec } from '../../shared/contract/define';
import type * as LedgerContract from '../../shared/contract/ledger';
import type * as PdfContract from '../../shared/contract/pdf';
import type * as QuotesContract from '../../shared/contract/quotes';
import type * as RecurringContract from '../../shared/contract/recurring';
import type * as RemindersContract from '../../shared/contract/reminders';
import type * as ShareContract from '../../shared/contract/share';
import type * as SyncContract from '../../shared/contract/sync';
import type * as AccountHandlers from './accounts';
import type * as AppHandlers from './app';
import type * as BooksHandlers from './books';
import type * as LedgerHandlers from './ledger';
import type * as PdfHandlers from './pdf';
import type * as QuoteHandlers from './quotes';
import type * as RecurringHandlers from './recurring';
import type * as ReminderHandlers from './reminders';
import type * as ShareHandlers from './share';
import type * as SyncHandlers from './sync';
import type { HandlerFactory } from './types';

type Table = Readonly<Record<string, MethodSpec<z.ZodType, unknown>>>;

interface Domain<T extends Table> {
  methods(): T;
  handlers(): HandlerFactory<keyof T & MethodName>;
}

/** Ties a contract table to the handler factory that must cover exactly its methods. */
const domain = <T extends Table>(d: Domain<T>): Domain<T> => d;

export const DOMAINS = {
  app: domain({
    methods: () => (require('../../shared/contract/app') as typeof AppContract).appMethods,
    handlers: () => (require('./app') as typeof AppHandlers).appHandlers,
  }),
  accounts: domain({
    methods: () => (require('../../shared/contract/accounts') as typeof AccountsContract).accountMethods,
    handlers: () => (require('./accounts') as typeof AccountHandlers).accountHandlers,
  }),
  ledger: domain({
    methods: () => (require('../../shared/contract/ledger') as typeof LedgerContract).ledgerMethods,
    handlers: () => (require('./ledger') as typeof LedgerHandlers).ledgerHandlers,
  }),
  pdf: domain({
    methods: () => (require('../../shared/contract/pdf') as typeof PdfContract).pdfMethods,
    handlers: () => (require('./pdf') as typeof PdfHandlers).pdfHandlers,
  }),
  share: domain({
    methods: () => (require('../../shared/contract/share') as typeof ShareContract).shareMethods,
    handlers: () => (require('./share') as typeof ShareHandlers).shareHandlers,
  }),
  sync: domain({
    methods: () => (require('../../shared/contract/sync') as typeof SyncContract).syncMethods,
    handlers: () => (require('./sync') as typeof SyncHandlers).syncHandlers,
  }),
  recurring: domain({
    methods: () => (require('../../shared/contract/recurring') as typeof RecurringContract).recurringMethods,
    handlers: () => (require('./recurring') as typeof RecurringHandlers).recurringHandlers,
  }),
  quotes: domain({
    methods: () => (require('../../shared/contract/quotes') as typeof QuotesContract).quoteMethods,
    handlers: () => (require('./quotes') as typeof QuoteHandlers).quoteHandlers,
  }),
  reminders: domain({
    methods: () => (require('../../shared/contract/reminders') as typeof RemindersContract).reminderMethods,
    handlers: () => (require('./reminders') as typeof ReminderHandlers).reminderHandlers,
  }),
  books: domain({
    methods: () => (require('../../shared/contract/books') as typeof BooksContract).booksMethods,
    handlers: () => (require('./books') as typeof BooksHandlers).booksHandlers,
  }),
};

export type DomainName = keyof typeof DOMAINS;

type MethodsOf<D extends DomainName> = keyof ReturnType<(typeof DOMAINS)[D]['methods']>;
type Covered = { [D in DomainName]: MethodsOf<D> }[DomainName];
/** Compile-time: every method of shared/api.ts is in some domain here, and nothing else is. */
const covers: [Exclude<MethodName, Covered>, Exclude<Covered, MethodName>] extends [never, never] ? true : never = true;
void covers;

type Prefix = MethodName extends `${infer P}.${string}` ? P : never;

/** A method's domain from the part of its name before the first dot; every prefix must be listed (TypeScript). */
const DOMAIN_OF_PREFIX: Record<Prefix, DomainName> = {
  app: 'app',
  account: 'accounts',
  keychain: 'accounts',
  customer: 'ledger',
  dashboard: 'ledger',
  export: 'ledger',
  invoice: 'ledger',
  ledger: 'ledger',
  profile: 'ledger',
  series: 'ledger',
  taxRate: 'ledger',
  pdf: 'pdf',
  share: 'share',
  smtp: 'share',
  sync: 'sync',
  recurring: 'recurring',
  quote: 'quotes',
  reminder: 'reminders',
  archive: 'books',
  einvoice: 'books',
  period: 'books',
  record: 'books',
  report: 'books',
};

export function domainOf(name: string): DomainName | undefined {
  const prefix = name.split('.', 1)[0] ?? '';
  return Object.prototype.hasOwnProperty.call(DOMAIN_OF_PREFIX, prefix)
    ? DOMAIN_OF_PREFIX[prefix as Prefix]
    : undefined;
}

const loadedTables = new Map<DomainName, Table>();

/** The contract entry of a method (its domain's table loaded on first use); undefined for an unknown name. */
export function methodSpec(name: string): MethodSpec<z.ZodType, unknown> | undefined {
  const d = domainOf(name);
  if (!d) return undefined;
  let table = loadedTables.get(d);
  if (!table) {
    table = DOMAINS[d].methods() as Table;
    loadedTables.set(d, table);
  }
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
