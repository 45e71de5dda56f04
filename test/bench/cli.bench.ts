/**
 * `npm run bench:cli`: what a bookkeeper's script pays per `kassa` call. Cold starts (a new process each run) of the
 * installed command, bin/kassa.js over the compiled dist/ (built first, unless --no-build), against a seeded ledger:
 *   kassa info; kassa invoice show ID; kassa invoice list — and a bare `node -e 0` for the baseline.
 * Several runs each, interleaved (so a burst of load elsewhere hits all of them alike), median wall time.
 * Prints context on stderr and ends with ONE JSON line on stdout:
 *   {info_ms, show_ms, list_ms, node_baseline_ms, info_ratio, runs}
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTx, openLedger } from '../../main/ledger/connection';
import type { LedgerCtx } from '../../main/ledger/context';
import { createDraft } from '../../main/ledger/drafts';
import { issueInvoice } from '../../main/ledger/lifecycle';
import { recordPayment } from '../../main/ledger/payments';
import { createCustomer } from '../../main/ledger/tables/customers';
import { projectRoot } from '../../main/native/bindings';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const INVOICES = 2_000;
const root = projectRoot();

function build(): void {
  const r = spawnSync('npm', ['run', 'build:main'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) throw new Error('npm run build:main failed');
}

async function seed(dataDir: string): Promise<string> {
  const ledger = await openLedger(path.join(dataDir, 'kassa.db'));
  const at = new Date('2026-03-01T10:00:00Z');
  const ctx: LedgerCtx = { db: ledger.db, now: at, actor: 'system' };
  let someId = '';
  writeTx(ledger.db, () => {
    const customers = Array.from({ length: 50 }, (_, i) =>
      createCustomer(ctx, { name: `Customer ${i}`, email: `c${i}@example.com` }),
    );
    for (let i = 0; i < INVOICES; i++) {
      const id = createDraft(ctx, {
        customerId: customers[i % customers.length],
        currency: 'EUR',
        lines: Array.from({ length: 1 + (i % 4) }, (_, k) => ({
          description: `Work ${k}`,
          quantity: '2',
          unitPrice: 1000 + k,
          taxRate: '14',
          taxCategory: 'S' as const,
        })),
      });
      if (i % 10 !== 0) issueInvoice(ctx, id, { issueDate: '2026-02-15' });
      if (i % 3 === 0 && i % 10 !== 0) recordPayment(ctx, { invoiceId: id, amount: 500, method: 'cash' });
      someId = id;
    }
  });
  ledger.close();
  return someId;
}

function timeOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) build();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-cli-'));
  try {
    const id = await seed(dataDir);
    const env = { ...process.env, KASSA_DATA_DIR: dataDir };
    const kassa = path.join(root, 'bin', 'kassa.js');
    const cases: Record<string, string[]> = {
      node_baseline_ms: ['-e', '0'],
      info_ms: [kassa, 'info'],
      show_ms: [kassa, 'invoice', 'show', id],
      list_ms: [kassa, 'invoice', 'list'],
    };
    // One warm-up of each (file system cache), not counted.
    for (const args of Object.values(cases)) timeOnce(args, env);
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const [k, args] of Object.entries(cases)) times[k]?.push(timeOnce(args, env));
    }
    const p50 = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, Math.round(median(xs) * 10) / 10]));
    process.stderr.write(
      `cli bench: ${INVOICES} invoices, ${RUNS} runs each, load average ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} CPUs\n`,
    );
    const result = {
      info_ms: p50.info_ms,
      show_ms: p50.show_ms,
      list_ms: p50.list_ms,
      node_baseline_ms: p50.node_baseline_ms,
      info_ratio: Math.round(((p50.info_ms ?? 0) / (p50.node_baseline_ms ?? 1)) * 100) / 100,
      runs: RUNS,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
