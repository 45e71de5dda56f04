/**
 * Several processes on one ledger file: two issuers at once, and an issuer killed with SIGKILL mid-way.
 * Numbers must stay unique and gapless and `kassa check` clean.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openLedger } from '../../../main/ledger/connection';
import { createCustomer } from '../../../main/ledger/tables/customers';
import { projectRoot } from '../../../main/native/bindings';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';

const FIXTURE = path.join(__dirname, 'fixtures', 'issuer.ts');

function issuer(
  file: string,
  customerId: string,
  count: string,
  batch: number,
  label = '',
  startAt: number | 'go' = 0,
  pauseMs = 0,
): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, file, customerId, count, String(batch), label, String(startAt), String(pauseMs)],
    { cwd: projectRoot(), stdio: [startAt === 'go' ? 'pipe' : 'ignore', 'pipe', 'pipe'] },
  );
}

/** Resolves once the child has printed "ready" (its ledger is open). */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.split('\n').includes('ready')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`issuer exited (${code}) before it was ready`)));
  });
}

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

async function newLedger(): Promise<{ dir: string; file: string; customerId: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'kassa.db');
  const ledger = await openLedger(file);
  const customerId = ledger.db
    .transaction(() => createCustomer({ db: ledger.db, now: new Date(), actor: 'system' }, { name: 'Concurrent Co' }))
    .immediate();
  ledger.close();
  return { dir, file, customerId };
}

function numbers(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare(`SELECT number_seq AS n FROM invoices WHERE series = 'INV' ORDER BY number_seq`).all() as Array<{
        n: number;
      }>
    ).map((r) => r.n);
  } finally {
    db.close();
  }
}

function assertGapless(ns: number[], expectedCount?: number): void {
  if (expectedCount !== undefined) assert.equal(ns.length, expectedCount);
  assert.equal(new Set(ns).size, ns.length, 'numbers are unique');
  ns.forEach((n, i) => assert.equal(n, i + 1, `number ${i + 1} is missing or out of place`));
}

function checkClean(dir: string): void {
  const r = kassa(['check', '--data-dir', dir]);
  assert.equal(r.code, 0, `kassa check failed: ${r.stdout} ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { ok: boolean; integrity: string[] };
  assert.equal(report.ok, true);
  assert.deepEqual(report.integrity, ['ok']);
}

test('two processes issuing in the same series at once: numbers unique and gapless', async () => {
  const { dir, file, customerId } = await newLedger();
  const a = issuer(file, customerId, '150', 1, 'A', 'go', 2);
  const b = issuer(file, customerId, '150', 3, 'B', 'go', 2);
  const done = [finished(a), finished(b)] as const;
  await Promise.all([ready(a), ready(b)]);
  for (const child of [a, b]) child.stdin?.end('go\n');
  const [ra, rb] = await Promise.all(done);
  assert.equal(ra.code, 0, ra.stderr);
  assert.equal(rb.code, 0, rb.stderr);
  assertGapless(numbers(file), 300);
  // They really ran at the same time: in number order the writers alternate many times.
  const db = new Database(file, { readonly: true });
  const order = (
    db.prepare(`SELECT notes FROM invoices WHERE series = 'INV' ORDER BY number_seq`).all() as Array<{ notes: string }>
  ).map((r) => r.notes);
  db.close();
  const switches = order.filter((w, i) => i > 0 && w !== order[i - 1]).length;
  assert.ok(switches >= 5, `the two writers barely overlapped (${switches} switches)`);
  checkClean(dir);
});

test('a process killed with SIGKILL in the middle of bulk issuing leaves a clean, gapless ledger', async () => {
  const { dir, file, customerId } = await newLedger();
  const child = issuer(file, customerId, 'forever', 7);
  const exit = finished(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const last = Number(out.trim().split('\n').pop());
      if (last >= 300) resolve();
    });
    child.on('exit', () => reject(new Error('the issuer stopped before it was killed')));
  });
  child.kill('SIGKILL');
  const r = await exit;
  assert.equal(r.signal, 'SIGKILL');
  const ns = numbers(file);
  assert.ok(ns.length >= 300);
  assert.equal(ns.length % 7, 0, 'only whole batches were committed');
  assertGapless(ns);
  // Every issued invoice is complete: lines, totals, history — which `kassa check` verifies.
  checkClean(dir);
  // And the ledger carries on where it stopped.
  const next = issuer(file, customerId, '5', 1);
  assert.equal((await finished(next)).code, 0);
  assertGapless(numbers(file), ns.length + 5);
});
