/**
 * `npm run bench:sync`: the sync engine against the Paycashless simulator over loopback, page size 100, with the
 * production HTTP client and its per-account rate limiter (5 requests/s, bursts of 10 — our own politeness budget,
 * which dominates the wall time: the figures are what a user would see).
 *   1. import 10,000 remote invoices (9,800 paid, 200 open) into a fresh ledger;
 *   2. one polling round over those 10,000 linked invoices, of which 200 are open (meanwhile, at the provider,
 *      20 were paid, 10 partially paid and 5 cancelled).
 * Prints context on stderr and ends with ONE JSON line on stdout:
 *   {import_invoices, import_calls, import_min_calls, import_invoices_per_s, poll_invoices, poll_open, poll_calls}
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../main/services';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake } from '../fakes/paycashless';

const REMOTE = 10_000;
const OPEN = 200;
const PAGE = 100;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-sync-'));
  const fake = await startPaycashlessFake();
  const s = await createServices({ dataDir, runtime: 'bench', secretStore: new MemorySecretStore() });
  try {
    const account = await s.accounts.add({
      provider: 'paycashless',
      name: 'Paycashless bench',
      mode: 'test',
      baseUrl: fake.url,
      secrets: { ...PAYCASHLESS_FAKE_KEYS.sandbox },
    });
    fake.seed(REMOTE - OPEN, { currency: 'NGN', status: 'paid', amountDue: 150_000, reference: (i) => `PAID-${i}` });
    const openIds = fake.seed(OPEN, { currency: 'NGN', amountDue: 99_950, reference: (i) => `OPEN-${i}` });

    // 1. Import.
    fake.server.resetCalls();
    const t0 = performance.now();
    const imported = await s.sync.importAccount(account.id);
    const importMs = performance.now() - t0;
    const importCalls = fake.server.calls();
    if (imported.imported !== REMOTE)
      throw new Error(`imported ${imported.imported} of ${REMOTE}: ${JSON.stringify(imported.errors.slice(0, 3))}`);

    // Changes at the provider before the polling round.
    openIds.slice(0, 20).forEach((id) => fake.markPaid(id));
    openIds.slice(20, 30).forEach((id) => fake.markPartiallyPaid(id, 40_000));
    openIds.slice(30, 35).forEach((id) => fake.setStatus(id, 'cancelled'));

    // 2. One polling round (nothing in the outbox: a round is the poll).
    fake.server.resetCalls();
    const t1 = performance.now();
    const round = await s.sync.syncNow({ accountId: account.id });
    const pollMs = performance.now() - t1;
    const pollCalls = fake.server.calls();
    if (round.poll.changed !== 35) throw new Error(`poll applied ${round.poll.changed} changes, expected 35`);
    const check = s.ledger.db
      .prepare(`SELECT count(*) AS n FROM invoices WHERE status IN ('issued', 'partially_paid')`)
      .get() as { n: number };

    process.stderr.write(
      `import: ${imported.imported} invoices in ${(importMs / 1000).toFixed(2)} s over ${imported.pages} pages (${importCalls} calls)\n` +
        `poll: ${round.poll.invoices} linked, ${round.poll.open} open → ${round.poll.listCalls} list + ${round.poll.getCalls} single reads in ${(pollMs / 1000).toFixed(2)} s; ` +
        `${round.poll.paid} paid, ${round.poll.partiallyPaid} partially paid, ${round.poll.cancelled} cancelled; ${check.n} still open\n` +
        `(one GET per open invoice would have cost ${round.poll.open} calls; listing everything ${Math.ceil(round.poll.invoices / PAGE)})\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        import_invoices: imported.imported,
        import_calls: importCalls,
        import_min_calls: Math.ceil(REMOTE / PAGE),
        import_invoices_per_s: Math.round(imported.imported / (importMs / 1000)),
        poll_invoices: round.poll.invoices,
        poll_open: round.poll.open,
        poll_calls: pollCalls,
      })}\n`,
    );
  } finally {
    await s.close();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
