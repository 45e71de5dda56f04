/**
 * Faults in the middle of a sync against both simulators — HTTP 500s, 429 bursts, malformed JSON, connections reset
 * before and after the provider acted, answers too slow — on creates, cancels, mark-paid and list pages: once the
 * faults are used up the outbox drains, and nothing is lost or duplicated. Then the network "goes down" (nothing
 * listens): the account is paused as offline, rows stay queued, and a manual sync after it comes back drains them.
 * Finally the secrets leak scan over the data dir (SQLite file, WAL, logs) and everything the contract returned.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { NotificationEvent } from '../../../shared/contract/app';
import { SyncService } from '../../../main/sync/service';
import { createAdapter } from '../../../main/providers/registry';
import type { KashierFake } from '../../fakes/kashier';
import type { PaycashlessFake } from '../../fakes/paycashless';
import type { FaultRule } from '../../fakes/server';
import { assertNoLeaks, ResponseLog, scanFiles } from '../../helpers/leaks';
import { encodeKashierReference } from '../../../main/providers/kashier/reference';
import { ALL_SECRETS, fastSync, remoteCopies, sleep, syncEnv, syncUntilDrained } from './helpers';
import { englishMessage } from '../../../shared/i18n/english';
import { englishStoredForDisplay } from '../../helpers/stored-text';
import type { SyncEnv } from './helpers';

/** After the faults, the ledger keeps codes and parameters: no English sentence stored for display. */
function assertNoStoredEnglish(env: Pick<SyncEnv, 's' | 'provider'>): void {
  const r = englishStoredForDisplay(env.s.ledger.db);
  assert.ok(r.rows > 5, `scanned ${r.rows} history, outbox and sync-state rows`);
  assert.deepEqual(r.found, [], `${env.provider}: English stored in the ledger`);
}

const PROVIDERS = ['paycashless', 'kashier'] as const;

function faultPlan(provider: 'paycashless' | 'kashier'): FaultRule[] {
  const cancelRoute = provider === 'kashier' ? 'update' : 'cancel';
  const readRoute = provider === 'kashier' ? 'view' : 'retrieve';
  return [
    { route: 'create', kind: 'status', status: 500, times: 3 },
    { route: 'create', kind: 'rateLimit', retryAfter: '0', times: 4 },
    { route: 'create', kind: 'malformed', times: 2 },
    { route: 'create', kind: 'reset', times: 2 },
    { route: 'create', kind: 'reset', afterHandling: true, times: 2 },
    { route: 'create', kind: 'slowResponse', ms: 3_500, times: 1 },
    { route: 'create', kind: 'status', status: 503, times: 2 },
    { route: 'list', kind: 'status', status: 500, times: 2 },
    { route: 'list', kind: 'malformed', times: 1 },
    { route: 'list', kind: 'rateLimit', retryAfter: '0', times: 2 },
    { route: 'list', kind: 'reset', times: 1 },
    { route: readRoute, kind: 'status', status: 502, times: 2 },
    { route: cancelRoute, kind: 'status', status: 500, times: 1 },
    { route: cancelRoute, kind: 'reset', afterHandling: true, times: 1 },
    ...(provider === 'kashier' ? [{ route: 'update', kind: 'malformed' as const, times: 1 }] : []),
  ];
}

for (const provider of PROVIDERS) {
  test(`${provider}: 500s, 429 bursts, malformed JSON and resets mid-sync → drained once faults clear, nothing lost or duplicated; no secret leaks`, async () => {
    const env = await syncEnv(provider);
    const seen = new ResponseLog();
    const notes: NotificationEvent[] = [];
    env.s.events.subscribe((name, p) => {
      if (name === 'notification') notes.push(p as NotificationEvent);
    });
    try {
      const invoices = await env.issue(20);
      // Follow-up rows on some: cancelled before they were ever sent, and (Kashier) paid in full.
      for (const inv of invoices.slice(0, 3))
        await env.call('invoice.cancel', { id: inv.id, reason: 'Order withdrawn' });
      if (provider === 'kashier')
        for (const inv of invoices.slice(3, 5))
          await env.call('invoice.pay', { id: inv.id, amount: inv.totals.total, method: 'bank' });
      for (const f of faultPlan(provider)) env.fake.server.inject(f);

      const rounds = await syncUntilDrained(env, 60);
      seen.record('status after drain', await env.call('sync.status', {}));
      assert.ok(rounds >= 2, `faults must have forced retries (took ${rounds} round(s))`);
      const rows = env.outbox();
      assert.deepEqual(
        [...new Set(rows.map((r) => r.state))],
        ['done'],
        JSON.stringify(rows.filter((r) => r.state !== 'done')),
      );
      assert.equal(rows.length, 20 + 3 + (provider === 'kashier' ? 2 : 0));
      for (const inv of invoices) {
        const ref = provider === 'kashier' ? encodeKashierReference(inv.number!) : inv.number!;
        assert.equal(remoteCopies(env, ref), 1, `${inv.number}: exactly one remote invoice`);
        const got = seen.record(`invoice ${inv.number}`, await env.call('invoice.get', { id: inv.id }));
        assert.ok(got.links[0]?.remoteId, `${inv.number} linked`);
      }
      const remoteAll = provider === 'kashier' ? (env.fake as KashierFake).all() : (env.fake as PaycashlessFake).all();
      assert.equal(remoteAll.length, 20, 'no duplicates at the provider');
      const cancelled = remoteAll.filter((r) => (provider === 'kashier' ? r.state : r.status) === 'cancelled').length;
      assert.equal(cancelled, 3);
      if (provider === 'kashier') assert.equal(remoteAll.filter((r) => r.paymentStatus === 'paid').length, 2);

      // A poll round with faults on the list endpoint: retried inside the HTTP client, the round completes.
      env.fake.server.inject({ route: 'list', kind: 'status', status: 500, times: 1 });
      const poll = seen.record('poll', await env.call('sync.now', {}));
      assert.equal(poll.poll.errors, 0);
      assert.equal((await env.call('ledger.check', {})).ok, true);

      // The leak scan of the Keychain issue, after a full sync with faults: files and every response.
      for (const n of notes) seen.record(`notification ${n.title}`, n);
      assert.ok(scanFiles([env.s.config.dataDir], ['kassa-log-marker-never-written']).length === 0);
      assertNoLeaks(scanFiles([env.s.config.dataDir], ALL_SECRETS), 'in the data dir after a sync with faults');
      assertNoLeaks(seen.scan(ALL_SECRETS), 'in contract responses and notifications');
      assertNoStoredEnglish(env);
    } finally {
      await env.fake.close();
    }
  });
}

async function closedPort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('offline is detected from failures: the account pauses, rows stay queued (not failed), and drain once it is back', async () => {
  // One row at a time and a long pause, so the order of events is exact: three failures, then the pause holds.
  const env = await syncEnv('paycashless', {
    sync: fastSync({ concurrency: 1, health: { pauseAfter: 3, offlinePause: { baseMs: 60_000, maxMs: 60_000 } } }),
  });
  const fakeUrl = env.fake.url;
  try {
    // Moving the account keeps its keys only as the CLI does it (the app would ask for them again).
    await env.s.accounts.update(
      { id: env.accountId, baseUrl: `http://127.0.0.1:${await closedPort()}` },
      { keysFollowHost: true },
    );
    await env.issue(6);
    const r = await env.call('sync.now', { poll: false });
    assert.equal(r.outbox.done, 0);
    assert.equal(r.outbox.failed, 0);
    const st = (await env.call('sync.status', {})).accounts[0]!;
    assert.equal(st.offline, true, 'three unreachable attempts in a row pause the account');
    assert.ok(st.pausedUntil);
    assert.equal(st.lastError?.code, 'provider_unreachable');
    assert.equal(st.counts.pending, 6, 'every row still queued');
    // Three attempts failed; the rows claimed after the pause began were given back without counting an attempt.
    assert.deepEqual(
      env.outbox().map((row) => row.attempts),
      [1, 1, 1, 0, 0, 0],
    );
    assert.ok(
      st.items.some((i) => i.attempts === 0 && i.error?.code === 'account_paused'),
      'the released row says why it waits',
    );

    // A background-style round respects the pause: nothing is tried.
    const bg = await env.call('sync.now', { background: true, poll: false });
    assert.equal(bg.outbox.claimed, 0);

    // The network is back: a manual sync clears the pause and drains.
    await env.s.accounts.update({ id: env.accountId, baseUrl: fakeUrl }, { keysFollowHost: true });
    const back = await env.call('sync.now', { poll: false });
    assert.equal(back.outbox.done, 6);
    const after = (await env.call('sync.status', {})).accounts[0]!;
    assert.equal(after.offline, false);
    assert.equal(after.lastError, null);
    assert.ok(after.lastSuccessAt);
    assert.equal((env.fake as PaycashlessFake).all().length, 6);
    assertNoStoredEnglish(env);
  } finally {
    await env.fake.close();
  }
});

test('background loop: drains rows as they appear and polls on its interval; stop() ends it', async () => {
  const env = await syncEnv('paycashless');
  const fake = env.fake as PaycashlessFake;
  const notes: NotificationEvent[] = [];
  env.s.events.subscribe((name, p) => {
    if (name === 'notification') notes.push(p as NotificationEvent);
  });
  const sync = new SyncService(
    {
      db: env.s.ledger.db,
      accounts: env.s.accounts,
      createAdapter,
      log: env.s.log,
      events: env.s.events,
      now: env.s.now,
    },
    fastSync({ tickMs: 40, pollIntervalMs: 150 }),
  );
  try {
    sync.start();
    assert.equal(sync.status({ itemLimit: 0 }).background, true);
    const [inv] = await env.issue(1);
    for (let i = 0; i < 100 && env.outbox()[0]?.state !== 'done'; i++) await sleep(30);
    assert.equal(env.outbox()[0]?.state, 'done');
    fake.markPaid(fake.all()[0]!.id as string);
    for (let i = 0; i < 100 && (await env.call('invoice.get', { id: inv!.id })).status !== 'paid'; i++) await sleep(30);
    assert.equal((await env.call('invoice.get', { id: inv!.id })).status, 'paid');
    assert.ok(notes.some((n) => englishMessage(n.title) === 'Invoice paid' && n.invoiceId === inv!.id));
    assertNoStoredEnglish(env);
  } finally {
    await sync.stop();
    await fake.close();
  }
  assert.equal(sync.status({ itemLimit: 0 }).background, false);
  const calls = fake.server.calls();
  await sleep(200);
  assert.equal(fake.server.calls(), calls, 'nothing runs after stop()');
});
