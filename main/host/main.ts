#!/usr/bin/env node
/** `npm run start:browser`: the whole app in a browser tab, served on 127.0.0.1. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDirFromProcess } from '../config';
import { projectRoot } from '../native/bindings';
import { openKassa } from '../open-kassa';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
  // A damaged ledger opens into the recovery screen (open-kassa.ts).
  const services = await openKassa({ dataDir: dataDirFromProcess(values['data-dir']), runtime: 'browser-host' });
  const host = await startHost({
    handlers: services.handlers,
    events: services.events,
    log: services.log,
    staticDir: path.join(projectRoot(), 'dist', 'renderer'),
    port,
  });
  const stop = async (): Promise<void> => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Only now: whoever reads the URL may stop the host at once, and that stop must be a clean one.
  process.stdout.write(`${host.openUrl}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ error: { code: 'host_failed', message: (err as Error).message } })}\n`);
  process.exit(3);
});
