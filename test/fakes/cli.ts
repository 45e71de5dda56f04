/**
 * Runs one provider simulator standalone so the app can be tried against it by hand:
 *   npm run fake -- kashier --port 4010
 *   npm run fake -- paycashless --port 4011
 *   npm run fake -- kashio | kaspa | simplecash [--port N]
 * Prints one JSON line {provider, url, keys, ...} and serves until interrupted. Point an account's base URL at the
 * printed url and store the printed test keys. Drive it with POST /__fake/invoices/<id> ({"action":"pay"}, ...)
 * and POST /__fake/faults ({"kind":"status","status":500,"route":"create","times":1}, ...).
 */
import { startKashierFake } from './kashier';
import { startKashioFake } from './kashio';
import { startKaspaFake } from './kaspa';
import { startPaycashlessFake } from './paycashless';
import { startSimplecashFake } from './simplecash';

function usage(message: string): never {
  process.stderr.write(`${JSON.stringify({ error: { code: 'usage', message } })}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const provider = args[0];
  let port = 0;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 65535) usage('--port needs a number between 0 and 65535');
      port = Number(v);
    } else {
      usage(`unknown option ${a ?? ''}`);
    }
  }
  let close: () => Promise<void>;
  if (provider === 'kashier') {
    const fake = await startKashierFake({ port });
    close = () => fake.close();
    process.stdout.write(
      `${JSON.stringify({ provider, url: fake.url, merchantId: fake.keys.merchantId, keys: { test: { secretKey: fake.keys.test }, live: { secretKey: fake.keys.live } } })}\n`,
    );
  } else if (provider === 'paycashless') {
    const fake = await startPaycashlessFake({ port });
    close = () => fake.close();
    process.stdout.write(
      `${JSON.stringify({ provider, url: fake.url, keys: { test: fake.keys.sandbox, live: fake.keys.live } })}\n`,
    );
  } else if (provider === 'kashio') {
    const fake = await startKashioFake({ port });
    close = () => fake.close();
    process.stdout.write(
      `${JSON.stringify({ provider, url: fake.url, keys: { test: { secretKey: fake.keys.test }, live: { secretKey: fake.keys.live } } })}\n`,
    );
  } else if (provider === 'kaspa') {
    const fake = await startKaspaFake({ port });
    close = () => fake.close();
    process.stdout.write(`${JSON.stringify({ provider, url: fake.url, keys: { apiKey: fake.keys.key } })}\n`);
  } else if (provider === 'simplecash') {
    const fake = await startSimplecashFake({ port });
    close = () => fake.close();
    process.stdout.write(`${JSON.stringify({ provider, url: fake.url, keys: { apiKey: fake.keys.key } })}\n`);
  } else {
    usage('usage: npm run fake -- <kashio|kashier|paycashless|kaspa|simplecash> [--port N]');
  }
  const stop = (): void => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ error: { code: 'fake_failed', message: err instanceof Error ? err.message : String(err) } })}\n`,
  );
  process.exit(3);
});
