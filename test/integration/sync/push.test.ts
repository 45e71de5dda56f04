/**
 * The outbox against the Paycashless and Kashier simulators over real HTTP: creates, exactly-once recovery after every
 * kind of unknown outcome, the "needs review" path of a provider without a lookup (and the user's actions on it),
 * strict order per invoice, and the operations after a create (cancel, mark paid, credit notes) including what a
 * provider cannot do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdapter } from '../../../main/providers/registry';
import type { ProviderAdapter } from '../../../main/providers/types';
import { SyncService } from '../../../main/sync/service';
import type { FaultRule } from '../../fakes/server';
import type { KashierFake } from '../../fakes/kashier';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { encodeKashierReference } from '../../../main/providers/kashier/reference';
import { fastSync, remoteCopies, RETRY_WAIT, sleep, syncEnv, type SyncEnv } from './helpers';
import { englishMessage } from '../../../shared/i18n/english';
import type { Message } from '../../../shared/i18n/params';

const adviceText = (m: Message | null | undefined): string => (m ? englishMessage(m) : '');

const PROVIDERS = ['paycashless', 'kashier'] as const;

const refOf = (env: SyncEnv, number: string): string =>
  env.provider === 'kashier' ? encodeKashierReference(number) : number;

function history(
  env: SyncEnv,
  invoiceId: string,
): Array<{ action: string; actor: string; details: Record<string, unknown> }> {
  return (
    env.s.ledger.db
      .prepare('SELECT action, actor, details_json FROM invoice_history WHERE invoice_id = ? ORDER BY id')
      .all(invoiceId) as Array<{ action: string; actor: string; details_json: string }>
  ).map((h) => ({
    action: h.action,
    actor: h.actor,
    details: JSON.parse(h.details_json) as Record<string, unknown>,
  }));
}

test('a round sends every issued invoice once, links it (remote id, payment URL, raw payload) and records it in the history', async () => {
  for (const provider of PROVIDERS) {
    const env = await syncEnv(provider);
    try {
      const invoices = await env.issue(3);
      const r = await env.call('sync.now', { accountId: env.accountId, poll: false });
      assert.equal(r.outbox.claimed, 3);
      assert.equal(r.outbox.done, 3);
      assert.deepEqual(r.remaining, { pending: 0, unknown: 0, failed: 0, needsReview: 0, skipped: 0, done: 3 });
      assert.equal(env.fake.server.calls('create'), 3);
      for (const inv of invoices) {
        assert.equal(remoteCopies(env, refOf(env, inv.number!)), 1, `${provider} ${inv.number}`);
        const got = await env.call('invoice.get', { id: inv.id });
        const link = got.links[0]!;
        assert.ok(link.remoteId, 'remote id recorded');
        assert.ok(link.paymentUrl?.startsWith('https://'), `payment url ${link.paymentUrl}`);
        assert.equal(link.paymentUrlObserved, provider === 'kashier');
        const raw = env.s.ledger.db.prepare('SELECT raw_json FROM invoice_links WHERE invoice_id = ?').get(inv.id) as {
          raw_json: string;
        };
        assert.equal(
          (JSON.parse(raw.raw_json) as Record<string, unknown>)[provider === 'kashier' ? 'paymentRequestId' : 'id'],
          link.remoteId,
        );
        const h = history(env, inv.id).find((e) => e.action === 'provider_created');
        assert.equal(h?.details.remoteId, link.remoteId);
        assert.equal(h?.actor, 'system');
      }
      // Nothing left: a second round sends nothing.
      const again = await env.call('sync.now', { accountId: env.accountId, poll: false });
      assert.equal(again.outbox.claimed, 0);
      assert.equal(env.fake.server.calls('create'), 3);
      assert.equal((await env.call('ledger.check', {})).ok, true);
    } finally {
      await env.fake.close();
    }
  }
});

const UNKNOWN_FAULTS: Array<{ name: string; fault: FaultRule; created: boolean }> = [
  {
    name: 'timeout after the provider created it',
    fault: { kind: 'slowResponse', ms: 3_500, route: 'create' },
    created: true,
  },
  {
    name: 'connection reset after the provider created it',
    fault: { kind: 'reset', afterHandling: true, route: 'create' },
    created: true,
  },
  { name: 'malformed answer to a create that happened', fault: { kind: 'malformed', route: 'create' }, created: true },
  {
    name: 'HTTP 500 before anything was created',
    fault: { kind: 'status', status: 500, route: 'create' },
    created: false,
  },
  { name: 'connection reset before anything was created', fault: { kind: 'reset', route: 'create' }, created: false },
];

for (const provider of PROVIDERS) {
  for (const f of UNKNOWN_FAULTS) {
    test(`${provider}: ${f.name} → looked up by reference, exactly one remote invoice`, async () => {
      const env = await syncEnv(provider);
      try {
        const [inv] = await env.issue(1);
        const ref = refOf(env, inv!.number!);
        env.fake.server.inject(f.fault);
        const first = await env.call('sync.now', { accountId: env.accountId, poll: false });
        assert.equal(first.outbox.retryLater, 1);
        assert.equal(env.outbox()[0]?.state, 'unknown', 'an unknown outcome is parked as unknown, never as pending');
        assert.equal(remoteCopies(env, ref), f.created ? 1 : 0);
        const item = (await env.call('sync.status', { accountId: env.accountId })).accounts[0]!.items[0]!;
        assert.equal(item.state, 'unknown');
        assert.equal(item.error?.code, 'outcome_unknown');

        await sleep(RETRY_WAIT); // past the (shortened) back-off
        const second = await env.call('sync.now', { accountId: env.accountId, poll: false });
        assert.equal(second.outbox.done, 1);
        assert.equal(second.outbox.reconciled, f.created ? 1 : 0);
        assert.equal(second.outbox.resent, f.created ? 0 : 1);
        assert.equal(remoteCopies(env, ref), 1, 'exactly one remote invoice');
        assert.equal(env.fake.server.calls('create'), f.created ? 1 : 2);
        assert.ok(env.fake.server.calls('list') >= 1, 'the lookup went through the list endpoint');
        const got = await env.call('invoice.get', { id: inv!.id });
        const remote =
          provider === 'kashier'
            ? (env.fake as KashierFake).all().find((r) => r.invoiceReferenceId === ref)?.paymentRequestId
            : (env.fake as PaycashlessFake).all().find((r) => r.reference === ref)?.id;
        assert.equal(got.links[0]?.remoteId, remote);
        assert.ok(history(env, inv!.id).some((h) => h.action === (f.created ? 'provider_linked' : 'provider_created')));
        assert.equal(env.outbox()[0]?.state, 'done');
        assert.equal((await env.call('ledger.check', {})).ok, true);
      } finally {
        await env.fake.close();
      }
    });
  }
}

/** The real adapter without its lookup: what sync sees for a provider that documents none. */
function withoutLookup(a: ProviderAdapter): ProviderAdapter {
  return {
    capabilities: {
      ...a.capabilities,
      lookupRoute: null,
      operations: a.capabilities.operations.filter((o) => o !== 'lookupByReference'),
    },
    testConnection: () => a.testConnection(),
    validateForCreate: (i) => a.validateForCreate(i),
    referenceFor: (i) => a.referenceFor(i),
    create: (i, o) => a.create(i, o),
    get: (id) => a.get!(id),
    listPage: (c, f) => a.listPage(c, f),
  };
}

test('a provider without a lookup: an unknown create is parked as needs review, never re-sent; link and retry resolve it', async () => {
  const env = await syncEnv('paycashless');
  try {
    const sync = new SyncService(
      {
        db: env.s.ledger.db,
        accounts: env.s.accounts,
        createAdapter: (d) => withoutLookup(createAdapter(d)),
        log: env.s.log,
        events: env.s.events,
        now: env.s.now,
      },
      fastSync(),
    );
    const [created, notCreated] = await env.issue(2);
    env.fake.server.inject({ kind: 'slowResponse', ms: 3_500, route: 'create', times: 1 });
    env.fake.server.inject({ kind: 'status', status: 502, route: 'create', times: 1 });
    await sync.syncNow({ accountId: env.accountId, poll: false });
    // The quick 502 may already be reviewed within the same round (its back-off ends while the slow one waits).
    for (const r of env.outbox()) assert.ok(['unknown', 'needs_review'].includes(r.state), r.state);
    for (let i = 0; i < 3; i++) {
      await sleep(RETRY_WAIT);
      await sync.syncNow({ accountId: env.accountId, poll: false });
    }
    assert.deepEqual(
      env.outbox().map((r) => r.state),
      ['needs_review', 'needs_review'],
    );
    assert.equal(env.fake.server.calls('create'), 2, 'never re-sent blindly');
    assert.equal(env.fake.server.calls('list'), 0, 'no lookup was attempted');
    const items = sync.status({ accountId: env.accountId, itemLimit: 10 }).accounts[0]!.items;
    const [second, first] = items; // newest first
    assert.match(adviceText(first!.advice), /cannot ask Paycashless whether INV-\d{4}-0001 arrived/);
    assert.match(adviceText(first!.advice), /link it by its id; if not, retry/);
    assert.equal(first!.error?.code, 'outcome_unknown', 'the panel shows what the last attempt ran into');
    assert.deepEqual(first!.actions, ['retry', 'resolve', 'link']);
    assert.equal(second!.state, 'needs_review');

    // The user found the first one in the dashboard: link it (checked at the provider: amount and currency match).
    const remoteId = (env.fake as PaycashlessFake).all().find((r) => r.reference === created!.number)!.id as string;
    const linked = await sync.link(first!.id, remoteId, 'user');
    assert.equal(linked.state, 'done');
    assert.equal((await env.call('invoice.get', { id: created!.id })).links[0]?.remoteId, remoteId);
    assert.ok(
      history(env, created!.id).some(
        (h) => h.action === 'sync_linked' && h.actor === 'user' && h.details.remoteId === remoteId,
      ),
    );
    // Linking the other item to the same remote invoice is refused (amount differs and it is taken).
    await assert.rejects(
      sync.link(second!.id, remoteId, 'user'),
      (e: Error & { code?: string }) => e.code === 'remote_mismatch' || e.code === 'remote_already_linked',
    );

    // The second never arrived: the user retries, and it is sent (now without a fault).
    const retried = sync.retry(second!.id, 'user');
    assert.equal(retried.state, 'pending');
    await sync.syncNow({ accountId: env.accountId, poll: false });
    assert.equal(env.outbox()[1]?.state, 'done');
    assert.equal(remoteCopies(env, notCreated!.number!), 1);
    assert.equal(remoteCopies(env, created!.number!), 1);
    assert.ok(history(env, notCreated!.id).some((h) => h.action === 'sync_retried'));
    assert.equal((await env.call('ledger.check', {})).ok, true);
  } finally {
    await env.fake.close();
  }
});

test('rows of one invoice go strictly in order: a cancel waits for its create, then cancels the remote invoice', async () => {
  for (const provider of PROVIDERS) {
    const env = await syncEnv(provider);
    try {
      const [inv] = await env.issue(1);
      await env.call('invoice.cancel', { id: inv!.id, reason: 'Wrong customer' });
      env.fake.server.inject({ kind: 'status', status: 500, route: 'create' });
      await env.call('sync.now', { accountId: env.accountId, poll: false });
      assert.deepEqual(
        env.outbox().map((r) => [r.op, r.state]),
        [
          ['create', 'unknown'],
          ['cancel', 'pending'],
        ],
      );
      assert.equal(env.outbox()[1]?.attempts, 0, 'the cancel was never claimed while its create was unfinished');
      await sleep(RETRY_WAIT);
      await env.call('sync.now', { accountId: env.accountId, poll: false });
      assert.deepEqual(
        env.outbox().map((r) => r.state),
        ['done', 'done'],
      );
      const ref = refOf(env, inv!.number!);
      const remote =
        provider === 'kashier'
          ? (env.fake as KashierFake).all().find((r) => r.invoiceReferenceId === ref)
          : (env.fake as PaycashlessFake).all().find((r) => r.reference === ref);
      assert.equal(provider === 'kashier' ? remote?.state : remote?.status, 'cancelled');
      if (provider === 'paycashless') assert.equal(remote?.cancellationReason, 'Wrong customer');
      assert.ok(history(env, inv!.id).some((h) => h.action === 'provider_cancelled'));
    } finally {
      await env.fake.close();
    }
  }
});

test('mark paid: Kashier marks a fully paid invoice paid; partial payments and Paycashless are skipped with advice', async () => {
  const k = await syncEnv('kashier');
  const p = await syncEnv('paycashless');
  try {
    const [full, partial] = await k.issue(2);
    const [pc] = await p.issue(1);
    await k.call('sync.now', { poll: false });
    await p.call('sync.now', { poll: false });
    await k.call('invoice.pay', { id: full!.id, amount: full!.totals.total, method: 'bank transfer' });
    await k.call('invoice.pay', { id: partial!.id, amount: 1_000, method: 'cash' });
    await p.call('invoice.pay', { id: pc!.id, amount: pc!.totals.total, method: 'cash' });
    await k.call('sync.now', { poll: false });
    await p.call('sync.now', { poll: false });
    const kRows = k.outbox().filter((r) => r.op === 'mark_paid');
    assert.deepEqual(
      kRows.map((r) => r.state),
      ['done', 'skipped'],
    );
    const remoteFull = (k.fake as KashierFake)
      .all()
      .find((r) => r.invoiceReferenceId === encodeKashierReference(full!.number!));
    assert.equal(remoteFull?.paymentStatus, 'paid');
    const kItems = (await k.call('sync.status', {})).accounts[0]!.items;
    assert.match(adviceText(kItems.find((i) => i.op === 'mark_paid')?.advice), /only mark an invoice paid in full/);
    const pItem = (await p.call('sync.status', {})).accounts[0]!.items.find((i) => i.op === 'mark_paid');
    assert.equal(pItem?.state, 'skipped');
    assert.match(adviceText(pItem?.advice), /Paycashless cannot record a payment made outside it/);
    assert.deepEqual(pItem?.actions, ['retry', 'resolve']);
    assert.ok(history(p, pc!.id).some((h) => h.action === 'sync_skipped'));
    // Mark resolved: done, recorded in the history with who did it.
    const resolved = await p.call('sync.resolve', { itemId: pItem!.id, note: 'cancelled it in the dashboard' });
    assert.equal(resolved.state, 'done');
    assert.ok(
      history(p, pc!.id).some(
        (h) => h.action === 'sync_resolved' && h.details.note === 'cancelled it in the dashboard',
      ),
    );
    assert.equal((await k.call('ledger.check', {})).ok, true);
  } finally {
    await k.fake.close();
    await p.fake.close();
  }
});

test('credit notes: a full credit cancels the invoice at the provider; a partial credit is skipped with what to do', async () => {
  for (const provider of PROVIDERS) {
    const env = await syncEnv(provider);
    try {
      const [whole, part] = await env.issue(2);
      await env.call('sync.now', { poll: false });
      await env.call('invoice.credit', { id: whole!.id, reason: 'Not delivered' });
      await env.call('invoice.credit', {
        id: part!.id,
        reason: 'One day less',
        lines: [{ description: 'One day', quantity: '1', unitPrice: 5_000, taxRate: '14', taxCategory: 'S' }],
      });
      await env.call('sync.now', { poll: false });
      const cancels = env.outbox().filter((r) => r.op === 'cancel');
      assert.deepEqual(
        cancels.map((r) => [r.invoice_id, r.state]),
        [
          [whole!.id, 'done'],
          [part!.id, 'skipped'],
        ],
      );
      const remoteWhole =
        provider === 'kashier'
          ? (env.fake as KashierFake).all().find((r) => r.invoiceReferenceId === refOf(env, whole!.number!))?.state
          : (env.fake as PaycashlessFake).all().find((r) => r.reference === whole!.number)?.status;
      assert.equal(remoteWhole, 'cancelled');
      const item = (await env.call('sync.status', {})).accounts[0]!.items.find((i) => i.op === 'cancel');
      assert.match(adviceText(item?.advice), /only partly credited by CN-\d{4}-\d{4}/);
      assert.equal(env.fake.server.calls(provider === 'kashier' ? 'update' : 'cancel'), 1);
    } finally {
      await env.fake.close();
    }
  }
});

test('rows claimed together keep their leases while they wait their turn: a second drainer never takes and re-sends them', async () => {
  // One row at a time, a short lease, and creates slow enough that the last rows of the claim start well after the
  // lease taken at claim time would have run out.
  const env = await syncEnv('paycashless', { sync: fastSync({ leaseMs: 600, concurrency: 1 }) });
  try {
    const invoices = await env.issue(4); // one claim: concurrency × 4 rows
    env.fake.server.inject({ route: 'create', kind: 'delay', ms: 250, times: 1_000 });
    const first = env.s.sync.syncNow({ accountId: env.accountId, poll: false });
    await sleep(700);
    const other = new SyncService(
      {
        db: env.s.ledger.db,
        accounts: env.s.accounts,
        createAdapter,
        log: env.s.log,
        events: env.s.events,
        now: () => new Date(),
      },
      fastSync({ leaseMs: 600, concurrency: 1, owner: 'second-drainer' }),
    );
    const second = await other.syncNow({ accountId: env.accountId, poll: false });
    const mine = await first;
    assert.equal(second.outbox.claimed, 0, 'every row was still held by the first drainer');
    assert.equal(mine.outbox.done, 4);
    assert.equal(mine.outbox.leaseLost, 0);
    assert.ok(
      env.outbox().every((r) => r.state === 'done' && r.attempts === 1),
      JSON.stringify(env.outbox()),
    );
    assert.equal(env.fake.server.calls('create'), 4);
    for (const inv of invoices) assert.equal(remoteCopies(env, inv.number!), 1, inv.number!);
  } finally {
    await env.fake.close();
  }
});
