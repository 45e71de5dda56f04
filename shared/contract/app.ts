import { z } from 'zod';
import { LANGUAGES, type Digits, type Language } from '../i18n/languages';
import type { Message } from '../i18n/params';
import { event, method } from './define';
import { wholeNumber } from './numbers';
import type { NumberingStop } from './ledger';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  ledgerFile: string;
  schemaVersion: number;
  invoiceCount: number;
  customerCount: number;
  /** 'electron' | 'browser-host' | 'cli' */
  runtime: string;
  /** Set while numbering is stopped because the ledger went back (the app then opens into that decision). */
  numberingStopped: NumberingStop | null;
}

/** How the app speaks to this user (not the business's documents: those follow each customer's language). */
export interface Preferences {
  /** The UI language; null until the user chooses one: the app then follows the system's language. */
  language: Language | null;
  /** Digits for Arabic text in the UI: Latin (default) or Arabic-Indic. */
  digits: Digits;
  /** A checked copy of the ledger each day while the app is open, kept 7 daily + 4 weekly (default on). */
  autoBackups: boolean;
  /** How often open invoices are asked about at their providers, in minutes (default 5). */
  pollMinutes: number;
  /** The first-start setup: still to do, skipped for now (offered again from Settings), or done. */
  setup: SetupState;
}

export const SETUP_STATES = ['pending', 'skipped', 'done'] as const;
export type SetupState = (typeof SETUP_STATES)[number];
export const POLL_MINUTES = { min: 1, max: 1440, default: 5 } as const;

export const preferencesInput = z
  .object({
    language: z.enum(LANGUAGES).nullable().optional(),
    digits: z.enum(['latn', 'arab']).optional(),
    autoBackups: z.boolean().optional(),
    pollMinutes: wholeNumber().min(POLL_MINUTES.min).max(POLL_MINUTES.max).optional(),
    setup: z.enum(SETUP_STATES).optional(),
  })
  .strict();

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict(), 'Version, data directory, ledger file and counts.'),
  'app.preferences': method<Preferences>()(
    z.object({}).strict(),
    "The UI language (null: follow the system's), the digits Arabic text uses, automatic backups, the sync polling interval and the first-start setup's state.",
  ),
  'app.setPreferences': method<Preferences>()(
    preferencesInput,
    'Changes preferences (absent fields are kept; language null follows the system again).',
  ),
};

export interface ProgressEvent {
  /** Identifies the job (export, import, sync) the progress belongs to. */
  jobId: string;
  /** What is running, as a catalogue message (e.g. "Importing from {account}"). */
  label: Message;
  /** The provider account the job works on, if any. */
  accountId?: string;
  done: number;
  total: number | null;
  finished: boolean;
  error?: Message;
}

/** Something the user should see (a toast; a desktop notification in Electron), as catalogue messages. */
export interface NotificationEvent {
  title: Message;
  body: Message;
  level: 'info' | 'success' | 'warning' | 'error';
  invoiceId?: string;
}

export const appEvents = {
  progress: event<ProgressEvent>('Progress of a long job.'),
  notification: event<NotificationEvent>(
    'Something the user should see: a toast, and a desktop notification in Electron.',
  ),
  'ledger.changed': event<{
    entity: 'invoice' | 'customer' | 'profile' | 'account' | 'preferences' | 'period';
    id?: string;
  }>('The ledger changed; screens showing that entity refresh.'),
};
