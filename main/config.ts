/** Where Kassa keeps its data: --data-dir, else KASSA_DATA_DIR, else the OS default. */
import os from 'node:os';
import path from 'node:path';
import { KassaError } from '../shared/errors';
import type { SecretStore } from './secrets/store';
import type { SchedulerTuning } from './scheduler/scheduler';
import type { SmtpTuning } from './share/smtp-client';
import type { SyncTuning } from './sync/service';

export interface DataDirInputs {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Kassa');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kassa');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Kassa');
  }
}

/**
 * An empty --data-dir is a mistake (a script's unset variable), never a request for the default: it is refused.
 * An empty KASSA_DATA_DIR counts as unset, as environment variables usually do.
 */
export function resolveDataDir(inputs: DataDirInputs): string {
  if (inputs.flag !== undefined && !inputs.flag.trim())
    throw new KassaError('usage', 'data_dir_empty', {}, { field: 'data-dir' });
  const chosen = inputs.flag ?? inputs.env.KASSA_DATA_DIR;
  if (chosen && chosen.trim()) return path.resolve(chosen);
  return defaultDataDir(inputs.platform, inputs.env, inputs.home);
}

export function dataDirFromProcess(flag?: string): string {
  return resolveDataDir({ flag, env: process.env, platform: process.platform, home: os.homedir() });
}

export const LEDGER_FILE_NAME = 'kassa.db';

export interface AppConfig {
  dataDir: string;
  /** 'electron' | 'browser-host' | 'cli' | 'test' */
  runtime: string;
  /** Injected so tests control time. */
  now?: () => Date;
  /** Injected so tests and fakes control the network. */
  fetch?: typeof fetch;
  logEcho?: boolean;
  /** Injected so tests of other modules can use MemorySecretStore; the app always uses the OS keychain. */
  secretStore?: SecretStore;
  /** Sync timing (leases, back-off, HTTP tuning); tests shorten it, the app uses the defaults. */
  sync?: SyncTuning;
  /** How often the scheduler looks for due recurring invoices and reminders; tests shorten it. */
  scheduler?: SchedulerTuning;
  /** SMTP timeouts and, for tests with their own certificate authority, an extra CA; the app uses the defaults. */
  smtp?: SmtpTuning;
}

export const ledgerFile = (dataDir: string): string => path.join(dataDir, LEDGER_FILE_NAME);
export const logDir = (dataDir: string): string => path.join(dataDir, 'logs');
/** Where backups go, and the only place the app's page may restore from. */
export const backupDir = (dataDir: string): string => path.join(dataDir, 'backups');
/** Where exports (CSV, PDF) go when the caller may not choose a path. */
export const exportDir = (dataDir: string): string => path.join(dataDir, 'exports');
