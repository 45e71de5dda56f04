/**
 * Composition root: builds every main-process service from one config. Electron, the browser host,
 * the CLI and the tests all start here, so they share behaviour by construction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AccountService } from './accounts/service';
import { ledgerFile, logDir, type AppConfig } from './config';
import { EventHub } from './events';
import { BackupService } from './ledger/backup-service';
import { openLedger, type Ledger } from './ledger/connection';
import { damageText, isDamageError } from './ledger/damage';
import { CsvExportService } from './ledger/csv-export-service';
import { createFileLogger, type Logger } from './log';
import { prepareDataDir } from './data-dir';
import { tightenTree, usePrivateUmask } from './private-files';
import { projectRoot } from './native/bindings';
import { PdfService } from './pdf/pdf-service';
import { createAdapter } from './providers/registry';
import { backupJob } from './scheduler/backup-job';
import { recurringJob } from './scheduler/recurring-job';
import { remindersJob } from './scheduler/reminders-job';
import { Scheduler } from './scheduler/scheduler';
import { KeytarSecretStore } from './secrets/keytar-store';
import type { SecretStore } from './secrets/store';
import { emailSender } from './share/email-sender';
import { ShareService } from './share/service';
import { SmtpSettingsStore } from './share/smtp-settings';
import { localDate } from '../shared/contract/dates';
import { SyncService } from './sync/service';

export interface Services {
  config: Required<Pick<AppConfig, 'dataDir' | 'runtime'>> & AppConfig;
  now: () => Date;
  fetch: typeof fetch;
  log: Logger;
  events: EventHub;
  ledger: Ledger;
  /** The OS keychain (keytar, loaded on first use); tests may inject a MemorySecretStore via config. */
  secrets: SecretStore;
  accounts: AccountService;
  /** Outbox drainer, status polling and imports (main/sync); runs in the background in the app and browser host. */
  sync: SyncService;
  /** Recurring invoices (and reminders): run on start and while the app or browser host is open. */
  scheduler: Scheduler;
  /** Sharing invoices (e-mail through the user's SMTP server, provider routes, SMS/WhatsApp links) and the SMTP settings. */
  share: ShareService;
  /** Backups, restore and the ledger check. */
  backups: BackupService;
  /** CSV exports of invoices and lines. */
  csvExport: CsvExportService;
  /** Rendering PDFs and the background PDF export jobs. */
  pdf: PdfService;
  version: string;
  close(): Promise<void>;
}

export async function createServices(config: AppConfig): Promise<Services> {
  // Checked and private before anything is written in it; then everything this process creates is private too.
  prepareDataDir(config.dataDir);
  usePrivateUmask();
  const log = createFileLogger({ dir: logDir(config.dataDir), echo: config.logEcho ?? false });
  const tightened = tightenTree(config.dataDir);
  if (tightened.changed > 0 || tightened.failed > 0) log.warn('data_dir.tightened', { ...tightened });
  const ledger = await openLedger(ledgerFile(config.dataDir)).catch((err: unknown) => {
    if (isDamageError(err)) log.error('ledger.damaged', { sqlite: damageText(err) });
    throw err;
  });
  log.info('services.start', { runtime: config.runtime, schemaVersion: ledger.schemaVersion });
  const closers: Array<() => void | Promise<void>> = [() => ledger.close()];
  const now = config.now ?? (() => new Date());
  const fetchFn = config.fetch ?? globalThis.fetch;
  const events = new EventHub();
  const secrets = config.secretStore ?? new KeytarSecretStore();
  const accounts = new AccountService({ db: ledger.db, secrets, log, events, now, fetch: fetchFn, createAdapter });
  const version = appVersion();
  const dataDir = config.dataDir;
  const pdf = new PdfService({ ledger, dataDir, events, log, now, today: () => localDate(now()), version });
  const smtp = new SmtpSettingsStore(ledger.db, secrets);
  // The PDF an e-mail carries is the one the preview shows.
  const email = emailSender({ settings: smtp, tuning: config.smtp, renderPdf: (id) => pdf.document(id) });
  const sync = new SyncService(
    { db: ledger.db, accounts, createAdapter, log, events, now, channels: { email } },
    config.sync,
  );
  const share = new ShareService({
    db: ledger.db,
    settings: smtp,
    accounts,
    sync,
    events,
    log,
    now,
    tuning: config.smtp,
  });
  const backups = new BackupService({ ledger, dataDir, events, log, now });
  const scheduler = new Scheduler(
    [
      recurringJob({ db: ledger.db, now, log, events, kickSync: () => sync.kick() }),
      // After the recurring job: an invoice it issues today is then already there for its reminders.
      remindersJob({ db: ledger.db, now, log, events, share }),
      backupJob({ db: ledger.db, backups }),
    ],
    log,
    config.scheduler,
  );
  if (config.runtime === 'electron' || config.runtime === 'browser-host') {
    sync.start();
    scheduler.start();
  }
  closers.push(() => sync.stop());
  closers.push(() => scheduler.stop());
  closers.push(() => pdf.close());
  return {
    config,
    now,
    fetch: fetchFn,
    log,
    events,
    ledger,
    secrets,
    accounts,
    sync,
    scheduler,
    share,
    backups,
    csvExport: new CsvExportService({ ledger, dataDir, events, now }),
    pdf,
    version,
    async close() {
      for (const c of closers.reverse()) await c();
    },
  };
}

function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
