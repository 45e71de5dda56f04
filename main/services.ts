/**
 * Composition root: builds every main-process service from one config. Electron, the browser host,
 * the CLI and the tests all start here, so they share behaviour by construction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ledgerFile, logDir, type AppConfig } from './config';
import { EventHub } from './events';
import { openLedger, type Ledger } from './ledger/connection';
import { createFileLogger, type Logger } from './log';
import { projectRoot } from './native/bindings';

export interface Services {
  config: Required<Pick<AppConfig, 'dataDir' | 'runtime'>> & AppConfig;
  now: () => Date;
  fetch: typeof fetch;
  log: Logger;
  events: EventHub;
  ledger: Ledger;
  version: string;
  close(): Promise<void>;
}

export async function createServices(config: AppConfig): Promise<Services> {
  const log = createFileLogger({ dir: logDir(config.dataDir), echo: config.logEcho ?? false });
  const ledger = await openLedger(ledgerFile(config.dataDir));
  log.info('services.start', { runtime: config.runtime, schemaVersion: ledger.schemaVersion });
  const closers: Array<() => void | Promise<void>> = [() => ledger.close()];
  return {
    config,
    now: config.now ?? (() => new Date()),
    fetch: config.fetch ?? globalThis.fetch,
    log,
    events: new EventHub(),
    ledger,
    version: appVersion(),
    async close() {
      for (const c of closers.reverse()) await c();
    },
  };
}

function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
