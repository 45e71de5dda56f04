/**
 * `kassa recurring run` as separate processes on one ledger file (what cron next to an open app does):
 * - two runs started together: every period made exactly once, numbers gapless and in date order;
 * - a run killed with SIGKILL in the middle of a long catch-up, then run again: no period twice, none lost, no
 *   half-made invoice.
 * The schedules end on fixed past dates, so the expected periods do not depend on the day the test runs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { RecurringRunSummary } from '../../../shared/contract/recurring';
import { upcomingDates, firstPeriod, type Frequency } from '../../../shared/recurrence';
import { createServices } from '../../../main/services';
import { projectRoot } from '../../../main/native/bindings';
import { MemorySecretStore } from '../../../main/secrets';
import { caller } from '../../helpers/services';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';

interface Plan {
  frequency: Frequency;
  startDate: string;
  endOn: string;
}

const PLANS: Plan[] = [
  { frequency: 'week', startDate: '2020-01-06', endOn: '2025-12-29' },
  { frequency: '2weeks', startDate: '2022-01-05', endOn: '2025-12-31' },
  { frequency: 'month', startDate: '2018-01-31', endOn: '2025-12-31' },
];

/** Every period date the plans make, in the order the scheduler must run them. */
function expectedDates(plans: readonly Plan[]): string[] {
  return plans
    .flatMap((p) => {
      const { firstDate, monthDay } = firstPeriod(p.frequency, p.startDate);
      return upcomingDates(
        { frequency: p.frequency, firstDate, monthDay, end: { kind: 'on', date: p.endOn } },
        0,
        10_000,
      );
    })
    .sort();
}

async function ledgerWithSchedules(plans: readonly Plan[]): Promise<string> {
  const dir = tempDir('kassa-recurring-');
  const s = await createServices({ dataDir: dir, runtime: 'test', secretStore: new MemorySecretStore() });
  try {
    const call = caller(s);
    const c = await call('customer.create', { name: 'Retainer Ltd' });
    const t = await call('invoice.create', {
      customerId: c.id,
      currency: 'EUR',
      lines: [{ description: 'Retainer', quantity: '1', unitPrice: 99_000, taxRate: '14', taxCategory: 'S' }],
    });
    for (const p of plans)
      await call('recurring.create', {
        templateId: t.id,
        frequency: p.frequency,
        startDate: p.startDate,
        action: 'issue',
        end: { on: p.endOn },
      });
  } finally {
    await s.close();
  }
  return dir;
}

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

function run(dir: string): Child {
  const cli = path.join(projectRoot(), 'main', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'recurring', 'run', '--data-dir', dir], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return {
    exited: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    kill: (sig) => child.kill(sig),
  };
}

interface LedgerState {
  runs: Array<{ schedule_id: string; period: number; period_date: string; invoice_id: string | null }>;
  invoices: Array<{
    id: string;
    status: string;
    number: string | null;
    number_year: number;
    number_seq: number;
    issue_date: string;
  }>;
  schedules: Array<{ id: string; next_period: number }>;
}

function state(dir: string): LedgerState {
  const db = new Database(path.join(dir, 'kassa.db'), { readonly: true });
  try {
    return {
      runs: db
        .prepare(`SELECT schedule_id, period, period_date, invoice_id FROM recurring_runs`)
        .all() as LedgerState['runs'],
      invoices: db
        .prepare(
          `SELECT id, status, number, number_year, number_seq, issue_date FROM invoices
           WHERE id NOT IN (SELECT template_id FROM recurring_schedules) ORDER BY number_year, number_seq`,
        )
        .all() as LedgerState['invoices'],
      schedules: db.prepare(`SELECT id, next_period FROM recurring_schedules`).all() as LedgerState['schedules'],
    };
  } finally {
    db.close();
  }
}

/** Every run made exactly one issued invoice, every invoice belongs to one run, numbers gapless per year and in date order. */
function assertConsistent(st: LedgerState): void {
  const keys = st.runs.map((r) => `${r.schedule_id}/${r.period}`);
  assert.equal(new Set(keys).size, keys.length, 'no period recorded twice');
  for (const sch of st.schedules) {
    const periods = st.runs
      .filter((r) => r.schedule_id === sch.id)
      .map((r) => r.period)
      .sort((a, b) => a - b);
    assert.deepEqual(
      periods,
      Array.from({ length: sch.next_period }, (_, i) => i),
      'periods 0…n−1, no gap',
    );
  }
  assert.equal(st.invoices.length, st.runs.length, 'one invoice per recorded period, no half-made one');
  const byId = new Map(st.invoices.map((i) => [i.id, i]));
  for (const r of st.runs) {
    const inv = byId.get(r.invoice_id ?? '');
    assert.ok(inv, `the invoice of ${r.schedule_id}/${r.period}`);
    assert.equal(inv.status, 'issued');
    assert.equal(inv.issue_date, r.period_date);
  }
  const years = new Map<number, number>();
  let lastDate = '';
  for (const inv of st.invoices) {
    const expected = (years.get(inv.number_year) ?? 0) + 1;
    assert.equal(inv.number_seq, expected, `gapless in ${inv.number_year}`);
    years.set(inv.number_year, expected);
    assert.ok(inv.issue_date >= lastDate, `${inv.number} dated ${inv.issue_date} after ${lastDate}`);
    lastDate = inv.issue_date;
  }
}

function checkClean(dir: string): void {
  const r = kassa(['check', '--data-dir', dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal((JSON.parse(r.stdout) as { ok: boolean }).ok, true);
}

test(
  'two `kassa recurring run` at once: each invoice made once, numbers gapless and in date order',
  { timeout: 600_000 },
  async () => {
    const dir = await ledgerWithSchedules(PLANS);
    const expected = expectedDates(PLANS);
    // Hold the write lock while both start, so neither has a head start (they wait in SQLite's busy handler).
    const gate = new Database(path.join(dir, 'kassa.db'));
    gate.exec('BEGIN IMMEDIATE');
    const a = run(dir);
    const b = run(dir);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    gate.exec('COMMIT');
    gate.close();
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    const sa = JSON.parse(ra.stdout) as RecurringRunSummary;
    const sb = JSON.parse(rb.stdout) as RecurringRunSummary;
    assert.equal(sa.runs.length + sb.runs.length, expected.length, 'together they ran every period once');
    assert.ok(sa.runs.length > 0 && sb.runs.length > 0, `both worked: ${sa.runs.length} + ${sb.runs.length}`);
    const st = state(dir);
    assert.deepEqual(st.runs.map((r) => r.period_date).sort(), expected);
    assertConsistent(st);
    checkClean(dir);
  },
);

test(
  '`kassa recurring run` killed with SIGKILL mid catch-up, then run again: no duplicate, no gap',
  { timeout: 600_000 },
  async () => {
    const dir = await ledgerWithSchedules(PLANS);
    const expected = expectedDates(PLANS);
    const first = run(dir);
    // Kill it once a good part of the catch-up is done.
    const deadline = Date.now() + 300_000;
    for (;;) {
      const n = state(dir).runs.length;
      if (n >= 100) break;
      if (Date.now() > deadline) throw new Error(`the catch-up did not get going (${n} periods)`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    first.kill('SIGKILL');
    const killed = await first.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const mid = state(dir);
    assert.ok(mid.runs.length < expected.length, `the kill landed mid-way (${mid.runs.length} of ${expected.length})`);
    assertConsistent(mid);
    // The periods done are exactly the earliest ones.
    assert.deepEqual(mid.runs.map((r) => r.period_date).sort(), expected.slice(0, mid.runs.length));

    const second = run(dir);
    const done = await second.exited;
    assert.equal(done.code, 0, done.stderr);
    const summary = JSON.parse(done.stdout) as RecurringRunSummary;
    assert.equal(summary.runs.length, expected.length - mid.runs.length, 'the restart did exactly what was left');
    const end = state(dir);
    assert.deepEqual(end.runs.map((r) => r.period_date).sort(), expected);
    assertConsistent(end);
    checkClean(dir);
    // And a third run has nothing to do.
    const third = kassa(['recurring', 'run', '--data-dir', dir]);
    assert.equal(third.code, 0, third.stderr);
    assert.deepEqual((JSON.parse(third.stdout) as RecurringRunSummary).runs, []);
  },
);
