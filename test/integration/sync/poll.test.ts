/**
 * Status polling against the simulators: payments and cancellations reported by the provider reach the ledger (with
 * provider payments, history and notifications), only open invoices are polled, the cheaper plan is chosen, a second
 * round changes nothing, and conflicts are recorded rather than papered over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NotificationEvent } from '../../../shared/contract/app';
import { createAdapter } from '../../../main/providers/registry';
import type { ProviderAdapter, RemoteInvoice } from '../../../main/providers/types';
import { SyncService } from '../../../main/sync/service';
import type { KashierFake } from '../../fakes/kashier';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { fastSync, syncEnv, type SyncEnv } from './helpers';
import { englishMessage } from '../../../shared/i18n/english';

function notifications(env: SyncEnv): NotificationEvent[] {
  const seen: NotificationEvent[] = [];
  env.s.events.subscribe((name, payload) => {
    if (name === 'notification') seen.push(payload as NotificationEvent);
  });
  return seen;
}

function payments(
  env: SyncEnv,
  invoiceId: string,
): Array<{ amount: number; source: string; account_id: string | null; remote_id: string | null; method: string }> {
  return env.s.ledger.db
    .prepare(
      'SELECT amount, source, account_id, remote_id, method FROM payments WHERE invoice_id = ? ORDER BY created_at, id',
    )
    .all(invoiceId) as Array<{
    amount: number;
    source: string;
    account_id: string | null;
    remote_id: string | null;
    method: string;
  }>;
}

const historyCount = (env: SyncEnv): number =>
  (env.s.ledger.db.prepare('SELECT count(*) AS n FROM invoice_history').get() as { n: number }).n;

test('paycashless: paid, partially paid and cancelled at the provider reach the ledger once, with notifications', async () => {
  const env = await syncEnv('paycashless');
  const seen = notifications(env);
  const fake = env.fake as PaycashlessFake;
  try {
    const inv = await env.issue(5);
    await env.call('sync.now', { poll: false });
    const remoteOf = (i: number): string => fake.all().find((r) => r.reference === inv[i]!.number)!.id as string;
    fake.markPaid(remoteOf(0));
    fake.markPartiallyPaid(remoteOf(1), 10_000);
    fake.setStatus(remoteOf(2), 'cancelled');
    fake.server.resetCalls();

    const r = await env.call('sync.now', {});
    assert.equal(r.poll.open, 5);
    assert.equal(r.poll.invoices, 5);
    assert.deepEqual([r.poll.paid, r.poll.partiallyPaid, r.poll.cancelled, r.poll.changed], [1, 1, 1, 3]);
    // List plan: "open" and "partially_paid" pages (2), then one read for each invoice missing from both (paid, cancelled).
    assert.deepEqual([r.poll.listCalls, r.poll.getCalls], [2, 2]);
    assert.equal(fake.server.calls('list'), 2);
    assert.equal(fake.server.calls('retrieve'), 2);

    const [paid, partial, cancelled, open] = await Promise.all(
      [0, 1, 2, 3].map((i) => env.call('invoice.get', { id: inv[i]!.id })),
    );
    assert.equal(paid!.status, 'paid');
    assert.deepEqual(
      payments(env, paid!.id).map((p) => [p.amount, p.source, p.account_id, p.method]),
      [[paid!.totals.total, 'provider', env.accountId, 'Paycashless']],
    );
    assert.equal(partial!.status, 'partially_paid');
    assert.equal(partial!.paid, 10_000);
    assert.equal(cancelled!.status, 'cancelled');
    assert.equal(open!.status, 'issued');
    assert.equal(paid!.links[0]?.remoteStatus, 'paid');
    const hist = env.s.ledger.db
      .prepare(`SELECT action, actor FROM invoice_history WHERE invoice_id = ? ORDER BY id DESC LIMIT 1`)
      .get(cancelled!.id) as { action: string; actor: string };
    assert.deepEqual(hist, { action: 'cancelled', actor: 'provider' });
    assert.deepEqual(
      seen.map((n) => [englishMessage(n.title), n.level, n.invoiceId]).sort(),
      [
        ['Invoice cancelled', 'warning', cancelled!.id],
        ['Invoice paid', 'success', paid!.id],
        ['Payment received', 'info', partial!.id],
      ].sort(),
    );
    assert.match(
      englishMessage(seen.find((n) => n.invoiceId === paid!.id)!.body),
      /is paid: Paycashless received \$\d+\.\d{2}/,
    );

    // Nothing changed at the provider: a second round records nothing and notifies nothing.
    const before = historyCount(env);
    seen.length = 0;
    const again = await env.call('sync.now', {});
    assert.equal(again.poll.changed, 0);
    assert.equal(again.poll.open, 3, 'only invoices that can still change are polled');
    assert.equal(historyCount(env), before);
    assert.equal(seen.length, 0);
    assert.equal(payments(env, partial!.id).length, 1);

    // The rest arrives: a second provider payment for the difference, with its own remote key.
    fake.markPaid(remoteOf(1));
    await env.call('sync.now', {});
    const p2 = payments(env, partial!.id);
    assert.deepEqual(
      p2.map((p) => p.amount),
      [10_000, partial!.totals.total - 10_000],
    );
    assert.notEqual(p2[0]!.remote_id, p2[1]!.remote_id);
    assert.equal((await env.call('invoice.get', { id: partial!.id })).status, 'paid');
    assert.equal((await env.call('ledger.check', {})).ok, true);
  } finally {
    await fake.close();
  }
});

test('kashier: paid and cancelled at the provider; an undocumented state is kept raw and changes nothing', async () => {
  const env = await syncEnv('kashier');
  const fake = env.fake as KashierFake;
  try {
    const inv = await env.issue(4);
    await env.call('sync.now', { poll: false });
    const remoteOf = (i: number): string =>
      (
        env.s.ledger.db.prepare('SELECT remote_id FROM invoice_links WHERE invoice_id = ?').get(inv[i]!.id) as {
          remote_id: string;
        }
      ).remote_id;
    fake.markPaid(remoteOf(0));
    fake.patch(remoteOf(1), { state: 'cancelled' });
    fake.expire(remoteOf(2));
    fake.server.resetCalls();
    const r = await env.call('sync.now', {});
    assert.deepEqual([r.poll.paid, r.poll.cancelled, r.poll.expired, r.poll.changed], [1, 1, 0, 2]);
    // One currency: one "unpaid" page shows the cancelled and the expired ones; the paid one is read on its own.
    assert.deepEqual([fake.server.calls('list'), fake.server.calls('view')], [1, 1]);
    const [paid, cancelled, odd] = await Promise.all([0, 1, 2].map((i) => env.call('invoice.get', { id: inv[i]!.id })));
    assert.equal(paid!.status, 'paid');
    assert.equal(paid!.paid, paid!.totals.total);
    assert.equal(cancelled!.status, 'cancelled');
    assert.equal(odd!.status, 'issued', 'Kashier does not document its expired state: kept raw, never guessed');
    assert.equal(odd!.links[0]?.remoteStatus, 'unpaid/expired');
    assert.equal((await env.call('ledger.check', {})).ok, true);
  } finally {
    await fake.close();
  }
});

test('a handful of open invoices is cheaper read one by one than listed', async () => {
  const env = await syncEnv('paycashless');
  try {
    await env.issue(1);
    await env.call('sync.now', { poll: false });
    env.fake.server.resetCalls();
    const r = await env.call('sync.now', {});
    assert.deepEqual([r.poll.open, r.poll.listCalls, r.poll.getCalls], [1, 0, 1]);
    assert.equal(env.fake.server.calls('retrieve'), 1);
    assert.equal(env.fake.server.calls('list'), 0);
  } finally {
    await env.fake.close();
  }
});

test('conflicts: more paid at the provider than still owed is recorded and flagged; the ledger keeps its issued content', async () => {
  const env = await syncEnv('paycashless');
  const seen = notifications(env);
  const fake = env.fake as PaycashlessFake;
  try {
    const [inv] = await env.issue(1);
    await env.call('sync.now', { poll: false });
    await env.call('invoice.pay', { id: inv!.id, amount: 5_000, method: 'cash' });
    fake.markPaid(fake.all()[0]!.id as string);
    await env.call('sync.now', {});
    const got = await env.call('invoice.get', { id: inv!.id });
    assert.equal(got.status, 'paid');
    assert.equal(got.paid, got.totals.total, 'the provider payment is recorded up to what was owed');
    assert.deepEqual(got.totals, inv!.totals);
    assert.deepEqual(got.lines, inv!.lines);
    const conflict = env.s.ledger.db
      .prepare(`SELECT details_json FROM invoice_history WHERE invoice_id = ? AND action = 'provider_conflict'`)
      .get(inv!.id) as { details_json: string } | undefined;
    assert.equal(JSON.parse(conflict!.details_json).problem, 'paid_more_than_owed');
    assert.ok(seen.some((n) => n.level === 'warning' && /more than was still owed/.test(englishMessage(n.body))));
    assert.equal((await env.call('ledger.check', {})).ok, true);
  } finally {
    await fake.close();
  }
});

/** A provider that reports expiry (neither simulator documents one): the raw "expired" status mapped. */
function reportsExpiry(a: ProviderAdapter): ProviderAdapter {
  const map = (r: RemoteInvoice): RemoteInvoice => (r.remoteStatus === 'expired' ? { ...r, status: 'expired' } : r);
  return Object.assign(Object.create(a) as ProviderAdapter, {
    get: async (id: string) => map(await a.get!(id)),
    listPage: async (c: string | null, f?: Parameters<ProviderAdapter['listPage']>[1]) => {
      const p = await a.listPage(c, f);
      return { ...p, invoices: p.invoices.map(map) };
    },
  });
}

test('expired at the provider → expired in the ledger; open again there → open again here', async () => {
  const env = await syncEnv('paycashless');
  const fake = env.fake as PaycashlessFake;
  try {
    const sync = new SyncService(
      {
        db: env.s.ledger.db,
        accounts: env.s.accounts,
        createAdapter: (d) => reportsExpiry(createAdapter(d)),
        log: env.s.log,
        events: env.s.events,
        now: env.s.now,
      },
      fastSync(),
    );
    const [inv] = await env.issue(1);
    await sync.syncNow({ poll: false });
    const remoteId = fake.all()[0]!.id as string;
    fake.setStatus(remoteId, 'expired');
    const r = await sync.syncNow({});
    assert.equal(r.poll.expired, 1);
    assert.equal((await env.call('invoice.get', { id: inv!.id })).status, 'expired');
    fake.setStatus(remoteId, 'open');
    // Expired invoices are not polled (they cannot change by themselves); an import sees the reopening.
    await sync.importAccount(env.accountId);
    assert.equal((await env.call('invoice.get', { id: inv!.id })).status, 'issued');
    assert.equal((await env.call('ledger.check', {})).ok, true);
  } finally {
    await fake.close();
  }
});
