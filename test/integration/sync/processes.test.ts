/**
 * Sync across processes, with the real keychain (child processes read the account's keys from the gnome-keyring of
 * the private D-Bus session that `npm test` starts; run with `npm test -- sync`):
 * - `kassa sync` killed with SIGKILL mid-drain, then restarted: every invoice exists exactly once at the provider;
 * - the app's drainer (in this process) and a `kassa sync` child started together on one ledger: every row sent
 *   exactly once, counted by the simulator;
 * - `kassa sync` without --once runs until SIGTERM and prints its summary; `kassa sync status` reads the state.
 * Each ends with the leak scan over the data dir and everything the children printed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import type { SyncRoundSummary } from '../../../shared/contract/sync';
import { projectRoot } from '../../../main/native/bindings';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { kassa } from '../../helpers/cli';
import { assertNoLeaks, scanBytes, scanFiles } from '../../helpers/leaks';
import { ALL_SECRETS, sleep, syncEnv, type SyncEnv } from './helpers';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs the real keychain shared with child processes: run through "npm test -- sync" (private D-Bus session + gnome-keyring)';

interface Child {
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  /** What it printed on stderr so far. */
  stderr(): string;
}

function startSync(dataDir: string, args: string[]): Child {
  const cli = path.join(projectRoot(), 'main', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'sync', '--data-dir', dataDir, ...args], {
    cwd: projectRoot(),
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { pid: child.pid ?? 0, exited, kill: (sig) => child.kill(sig), stderr: () => stderr };
}

async function until(what: string, cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function assertExactlyOnce(env: SyncEnv, numbers: readonly string[]): void {
  const remote = (env.fake as PaycashlessFake).all();
  const refs = remote.map((r) => r.reference as string);
  assert.equal(new Set(refs).size, refs.length, 'no reference twice at the provider');
  assert.deepEqual([...refs].sort(), [...numbers].sort(), 'every invoice exactly once at the provider');
  assert.equal(env.fake.server.calls('create'), numbers.length, 'the simulator counted exactly one create per invoice');
}

test(
  'kassa sync killed with SIGKILL mid-drain, then restarted: every invoice exactly once at the provider',
  { skip, timeout: 180_000 },
  async () => {
    // The real keychain: the child reads the same entries.
    const env = await syncEnv('paycashless', { keychain: true, sync: {} });
    try {
      assert.equal(env.s.secrets.backend, 'keytar');
      const invoices = await env.issue(30);
      const numbers = invoices.map((i) => i.number!);
      // Every create is held 200 ms at the provider and then carried out, whether or not the caller is still there.
      env.fake.server.inject({ route: 'create', kind: 'delay', ms: 200, times: 1_000 });
      const first = startSync(env.s.config.dataDir, ['--once', '--account', env.accountId]);
      await until('a third of the creates to reach the provider', () => env.fake.server.calls('create') >= 10);
      first.kill('SIGKILL');
      const killed = await first.exited;
      assert.equal(killed.signal, 'SIGKILL');
      const states = env.outbox().map((r) => r.state);
      assert.ok(states.includes('done'), 'some rows were done before the kill');
      assert.ok(
        states.some((st) => st !== 'done'),
        `the kill landed mid-drain: ${states.join(',')}`,
      );
      // The in-flight rows were written as "unknown" before sending and are still leased by the dead process.
      const leased = env.s.ledger.db
        .prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'unknown' AND lease_owner LIKE ?`)
        .get(`%/${first.pid}/%`) as { n: number };
      assert.ok(leased.n >= 1, 'rows in flight at the kill stay unknown under the dead owner');

      await sleep(300); // let the provider finish the requests the dead process sent
      env.fake.server.clearFaults();
      const second = startSync(env.s.config.dataDir, ['--once', '--account', env.accountId]);
      const done = await second.exited;
      assert.equal(done.code, 0, done.stderr);
      const summary = JSON.parse(done.stdout) as {
        outbox: SyncRoundSummary['outbox'];
        remaining: SyncRoundSummary['remaining'];
      };
      assert.equal(summary.remaining.pending + summary.remaining.unknown, 0);
      assert.ok(
        summary.outbox.reconciled >= 1,
        'what the dead process had sent was found by reference, not sent again',
      );
      assert.ok(
        done.stderr.split('\n').some((l) => l.startsWith('{"progress"')),
        'progress lines on stderr',
      );
      assert.deepEqual([...new Set(env.outbox().map((r) => r.state))], ['done']);
      assertExactlyOnce(env, numbers);
      assert.equal((await env.call('ledger.check', {})).ok, true);
      assertNoLeaks(scanFiles([env.s.config.dataDir], ALL_SECRETS), 'in the data dir');
      assertNoLeaks([
        ...scanBytes('first child output', killed.stdout + killed.stderr, ALL_SECRETS),
        ...scanBytes('second child output', done.stdout + done.stderr, ALL_SECRETS),
      ]);
    } finally {
      await env.fake.close();
    }
  },
);

test(
  "the app's drainer and a kassa sync child started together on one ledger: every row sent exactly once",
  { skip, timeout: 180_000 },
  async () => {
    const env = await syncEnv('paycashless', { keychain: true, sync: {} });
    try {
      const invoices = await env.issue(40);
      env.fake.server.inject({ route: 'create', kind: 'delay', ms: 100, times: 1_000 });
      const child = startSync(env.s.config.dataDir, ['--once']);
      // Start ours as the child's round begins (its first progress line), so the two really drain side by side.
      await until('the child to start its round', () => child.stderr().includes('"progress"'));
      const mine = await env.s.sync.syncNow({ poll: false });
      const theirs = await child.exited;
      assert.equal(theirs.code, 0, theirs.stderr);
      const childSummary = JSON.parse(theirs.stdout) as { outbox: SyncRoundSummary['outbox'] };
      assert.equal(
        mine.outbox.done + childSummary.outbox.done,
        40,
        `app ${mine.outbox.done} + cli ${childSummary.outbox.done}`,
      );
      assert.ok(
        mine.outbox.done > 0 && childSummary.outbox.done > 0,
        `both drained rows: app ${mine.outbox.done}, cli ${childSummary.outbox.done}`,
      );
      assert.equal(mine.outbox.leaseLost + childSummary.outbox.leaseLost, 0);
      assert.deepEqual([...new Set(env.outbox().map((r) => r.state))], ['done']);
      assert.ok(
        env.outbox().every((r) => r.attempts === 1),
        'no row was taken twice',
      );
      assertExactlyOnce(
        env,
        invoices.map((i) => i.number!),
      );
      assertNoLeaks(scanFiles([env.s.config.dataDir], ALL_SECRETS), 'in the data dir');
      assertNoLeaks(scanBytes('child output', theirs.stdout + theirs.stderr, ALL_SECRETS));
    } finally {
      await env.fake.close();
    }
  },
);

test(
  'kassa sync keeps syncing until SIGTERM, then prints its summary; kassa sync status; usage errors',
  { skip, timeout: 120_000 },
  async () => {
    const env = await syncEnv('paycashless', { keychain: true, sync: {}, accountName: 'Paycashless Main' });
    try {
      await env.issue(3);
      const child = startSync(env.s.config.dataDir, ['--account', 'paycashless main']);
      await until('the outbox to drain', () => env.outbox().every((r) => r.state === 'done'));
      await env.issue(2); // appears while it runs: picked up by a later round
      await until(
        'the new rows to drain',
        () => env.outbox().length === 5 && env.outbox().every((r) => r.state === 'done'),
      );
      child.kill('SIGTERM');
      const out = await child.exited;
      assert.equal(out.code, 0, out.stderr);
      const summary = JSON.parse(out.stdout) as { rounds: number; stoppedBy: string; outbox: { done: number } };
      assert.equal(summary.stoppedBy, 'SIGTERM');
      assert.equal(summary.outbox.done, 5);
      assert.ok(summary.rounds >= 2);

      const st = kassa(['sync', 'status', '--data-dir', env.s.config.dataDir, '--account', env.accountId]);
      assert.equal(st.code, 0, st.stderr);
      const status = JSON.parse(st.stdout) as {
        accounts: Array<{ accountId: string; counts: { done: number }; lastSuccessAt: string | null }>;
      };
      assert.equal(status.accounts[0]?.accountId, env.accountId);
      assert.equal(status.accounts[0]?.counts.done, 5);
      assert.ok(status.accounts[0]?.lastSuccessAt);

      const bad = kassa(['sync', 'retry', 'abc', '--data-dir', env.s.config.dataDir]);
      assert.equal(bad.code, 2);
      assert.match(JSON.parse(bad.stderr).error.message, /ITEM must be an item id/);
      const missing = kassa(['sync', 'resolve', '999', '--data-dir', env.s.config.dataDir]);
      assert.equal(missing.code, 1);
      assert.equal(JSON.parse(missing.stderr).error.code, 'sync_item_not_found');
      assertNoLeaks(scanBytes('child output', out.stdout + out.stderr + st.stdout, ALL_SECRETS));
    } finally {
      await env.fake.close();
    }
  },
);
