/**
 * Composition root: builds every main-process service from one config. Electron, the browser host,
 * the CLI and the tests all start here, so they share behaviour by construction.
 *
 * Only the ledger, the log and the events are made at start; every other service is made (and its modules loaded)
 * on first use, so a command pays only for what it calls. The app and the browser host start sync and the
 * scheduler at once, which makes those two (and what they need) straight away.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- modules loaded on first use (start-up cost, see header) */
import fs from 'node:fs';
import path from 'node:path';
import type * as AccountsModule from './accounts/service';
import type { AccountService } from './accounts/service';
import { backupDir, ledgerFile, logDir, type AppConfig } from './config';
import { prepareDataDir } from './data-dir';
import { EventHub } from './events';
import type * as BackupModule from './ledger/backup-service';
import type { BackupService } from './ledger/backup-service';
import { openLedger, type Ledger } from './ledger/connection';
import { damageText, isDamageError } from './ledger/damage';
import { freshBesideBackups, watchHighWater } from './ledger/high-water';
import type * as CsvExportModule from './ledger/csv-export-service';
import type { CsvExportService } from './ledger/csv-export-service';
import { once } from './lazy';
import { createFileLogger, type Logger } from './log';
import { projectRoot } from './native/bindings';
import type * as BooksModule from './books/books-service';
import type { BooksService } from './books/books-service';
import type * as PdfModule from './pdf/pdf-service';
import type { PdfService } from './pdf/pdf-service';
import { tightenTree, usePrivateUmask } from './private-files';
import type * as RegistryModule from './providers/registry';
import type { AdapterFactory } from './providers/types';
import type * as BackupJobModule from './scheduler/backup-job';
import type * as RecurringJobModule from './scheduler/recurring-job';
import type * as RemindersJobModule from './scheduler/reminders-job';
import type * as SchedulerModule from './scheduler/scheduler';
import type { Scheduler } from './scheduler/scheduler';
import type * as KeytarModule from './secrets/keytar-store';
import type { SecretStore } from './secrets/store';
import type * as EmailModule from './share/email-sender';
import type * as ShareModule from './share/service';
import type { ShareService } from './share/service';
import type * as SmtpModule from './share/smtp-settings';
import { localDate } from '../shared/contract/dates';
import type * as SyncModule from './sync/service';
import type { SyncService } from './sync/service';

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
  /** The bookkeeper's pack: VAT summary, e-invoice XML, record verification, period archives. */
  books: BooksService;
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
  if (tightened.acl && !tightened.acl.ok) log.warn('data_dir.acl_failed', { reason: tightened.acl.reason });
  const startedOver = freshBesideBackups(ledgerFile(config.dataDir), backupDir(config.dataDir));
  const ledger = await openLedger(ledgerFile(config.dataDir)).catch((err: unknown) => {
    if (isDamageError(err)) log.error('ledger.damaged', { sqlite: damageText(err) });
    throw err;
  });
  const rollback = watchHighWater(ledger.db, backupDir(config.dataDir), startedOver);
  if (rollback) log.error('ledger.went_back', { ...rollback });
  log.info('services.start', { runtime: config.runtime, schemaVersion: ledger.schemaVersion });
  const now = config.now ?? (() => new Date());
  const fetchFn = config.fetch ?? globalThis.fetch;
  const events = new EventHub();
  const version = appVersion();
  const dataDir = config.dataDir;
  const today = (): string => localDate(now());
  const started: Array<{ close(): void | Promise<void> }> = [];

  const secrets = once(
    (): SecretStore =>
      config.secretStore ?? new (require('./secrets/keytar-store') as typeof KeytarModule).KeytarSecretStore(),
  );
  // The registry loads every provider adapter: only once an account is used.
  const createAdapter: AdapterFactory = (deps) =>
    (require('./providers/registry') as typeof RegistryModule).createAdapter(deps);
  const accounts = once(
    (): AccountService =>
      new (require('./accounts/service') as typeof AccountsModule).AccountService({
        db: ledger.db,
        secrets: secrets(),
        log,
        events,
        now,
        fetch: fetchFn,
        createAdapter,
      }),
  );
  const smtp = once(
    () => new (require('./share/smtp-settings') as typeof SmtpModule).SmtpSettingsStore(ledger.db, secrets()),
  );
  const pdf = once((): PdfService => {
    const p = new (require('./pdf/pdf-service') as typeof PdfModule).PdfService({
      ledger,
      dataDir,
      events,
      log,
      now,
      today,
      version,
    });
    started.push(p);
    return p;
  });
  const sync = once((): SyncService => {
    const email = (require('./share/email-sender') as typeof EmailModule).emailSender({
      settings: smtp(),
      tuning: config.smtp,
      // The PDF an e-mail carries is the one the preview shows.
      renderPdf: (id) => pdf().document(id),
    });
    const service = new (require('./sync/service') as typeof SyncModule).SyncService(
      { db: ledger.db, accounts: accounts(), createAdapter, log, events, now, channels: { email } },
      config.sync,
    );
    started.push({ close: () => service.stop() });
    return service;
  });
  const share = once(
    (): ShareService =>
      new (require('./share/service') as typeof ShareModule).ShareService({
        db: ledger.db,
        settings: smtp(),
        accounts: accounts(),
        sync: sync(),
        events,
        log,
        now,
        tuning: config.smtp,
      }),
  );
  const scheduler = once((): Scheduler => {
    const { recurringJob } = require('./scheduler/recurring-job') as typeof RecurringJobModule;
    const { remindersJob } = require('./scheduler/reminders-job') as typeof RemindersJobModule;
    const { backupJob } = require('./scheduler/backup-job') as typeof BackupJobModule;
    const s = new (require('./scheduler/scheduler') as typeof SchedulerModule).Scheduler(
      [
        recurringJob({ db: ledger.db, now, log, events, kickSync: () => sync().kick() }),
        // After the recurring job: an invoice it issues today is then already there for its reminders.
        remindersJob({ db: ledger.db, now, log, events, share: share() }),
        backupJob({ db: ledger.db, backups: backups() }),
      ],
      log,
      config.scheduler,
    );
    started.push({ close: () => s.stop() });
    return s;
  });
  const books = once((): BooksService => {
    const b = new (require('./books/books-service') as typeof BooksModule).BooksService({
      ledger,
      dataDir,
      events,
      log,
      now,
      today,
      version,
    });
    started.push(b);
    return b;
  });
  const backups = once(
    (): BackupService =>
      new (require('./ledger/backup-service') as typeof BackupModule).BackupService({
        ledger,
        dataDir,
        events,
        log,
        now,
      }),
  );
  const csvExport = once(
    (): CsvExportService =>
      new (require('./ledger/csv-export-service') as typeof CsvExportModule).CsvExportService({
        ledger,
        dataDir,
        events,
        now,
      }),
  );

  if (config.runtime === 'electron' || config.runtime === 'browser-host') {
    backups().sweepLeftovers();
    sync().start();
    scheduler().start();
  }
  return {
    config,
    now,
    fetch: fetchFn,
    log,
    events,
    ledger,
    get secrets() {
      return secrets();
    },
    get accounts() {
      return accounts();
    },
    get sync() {
      return sync();
    },
    get scheduler() {
      return scheduler();
    },
    get share() {
      return share();
    },
    get backups() {
      return backups();
    },
    get csvExport() {
      return csvExport();
    },
    get pdf() {
      return pdf();
    },
    get books() {
      return books();
    },
    version,
    async close() {
      // What was started stops first (newest first), the ledger last.
      for (const c of started.reverse()) await c.close();
      ledger.close();
    },
  };
}

function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
