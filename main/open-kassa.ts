/**
 * Starting the app's main process (Electron, the browser host): the services and every handler — or, when the
 * ledger cannot be read, the recovery handlers (check, backups, restore; main/handlers/recovery.ts), so the page opens
 * into its recovery screen. Once a backup is restored the full handlers answer through the same object (the
 * transports keep a reference to it) and the services' events are forwarded to the hub the transport listens to.
 */
import { KassaError } from '../shared/errors';
import { logDir, type AppConfig } from './config';
import { EventHub } from './events';
import { buildHandlers } from './handlers';
import { recoveryHandlers } from './handlers/recovery';
import type { Handlers } from './handlers/types';
import { createFileLogger, type Logger } from './log';
import { createServices, type Services } from './services';
import { readPreferences } from './ledger/preferences';
import type { Preferences } from '../shared/contract/app';

export interface OpenedKassa {
  handlers: Handlers;
  events: EventHub;
  log: Logger;
  /** The user's preferences (UI language, digits); null while no ledger is open (the recovery screen). */
  preferences(): Preferences | null;
  close(): Promise<void>;
}

export async function openKassa(config: AppConfig): Promise<OpenedKassa> {
  try {
    const s = await createServices(config);
    return {
      handlers: buildHandlers(s),
      events: s.events,
      log: s.log,
      preferences: () => readPreferences(s.ledger.db),
      close: () => s.close(),
    };
  } catch (err) {
    if (!(err instanceof KassaError) || err.code !== 'ledger_damaged') throw err;
    const log = createFileLogger({ dir: logDir(config.dataDir) });
    const events = new EventHub();
    let services: Services | undefined;
    let current = recoveryHandlers(
      {
        dataDir: config.dataDir,
        now: config.now ?? (() => new Date()),
        log,
        restored: async () => {
          services = await createServices(config);
          current = buildHandlers(services);
          services.events.subscribe((name, payload) => events.emit(name, payload as never));
        },
      },
      err,
    );
    // The transport keeps this object; it answers with whichever table is current.
    const handlers = new Proxy({} as Handlers, {
      get: (_t, name) => Reflect.get(current, name),
      has: (_t, name) => Reflect.has(current, name),
    });
    return {
      handlers,
      events,
      log,
      preferences: () => (services ? readPreferences(services.ledger.db) : null),
      close: async () => services?.close(),
    };
  }
}
