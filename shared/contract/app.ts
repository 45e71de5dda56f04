import { z } from 'zod';
import { event, method } from './define';

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
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict(), 'Version, data directory, ledger file and counts.'),
};

export interface ProgressEvent {
  /** Identifies the job (export, import, sync) the progress belongs to. */
  jobId: string;
  label: string;
  done: number;
  total: number | null;
  finished: boolean;
  error?: string;
}

export interface NotificationEvent {
  title: string;
  body: string;
  level: 'info' | 'success' | 'warning' | 'error';
  invoiceId?: string;
}

export const appEvents = {
  progress: event<ProgressEvent>('Progress of a long job.'),
  notification: event<NotificationEvent>(
    'Something the user should see: a toast, and a desktop notification in Electron.',
  ),
  'ledger.changed': event<{ entity: 'invoice' | 'customer' | 'profile' | 'account'; id?: string }>(
    'The ledger changed; screens showing that entity refresh.',
  ),
};
