/**
 * Pull / import against the simulators: every page, one call per page, remote-only invoices imported into the
 * account's external series (our gapless numbers untouched), our own invoices linked — including one whose create
 * answer was lost, whose outbox row is closed so it is never sent again — payments recorded, drafts skipped, raw
 * payloads kept, progress reported, and a second run changing nothing at all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProgressEvent } from '../../../shared/contract/app';
import type { KashierFake } from '../../fakes/kashier';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { RETRY_WAIT, sleep, syncEnv, type SyncEnv } from './helpers';

/** Every ledger table except the sync bookkeeping in meta (last import time), as sorted JSON rows. */
function dump(env: SyncEnv): Record<string, string[]> {
  const db = env.s.ledger.db;
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'invoice_search%' AND name <> 'meta' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

test('paycashless: import every page, link ours, import the rest into the external series; a second run changes nothing', async () => {
  const env = await syncEnv('paycashless');
  const fake = env.fake as PaycashlessFake;
  const progress: ProgressEvent[] = [];
  env.s.events.subscribe((name, p) => {
    if (name === 'progress') progress.push(p as ProgressEvent);
  });
  try {
    // Ours: three sent and polled, one whose create answer was lost (left unknown), one issued without an account
    // whose number someone also used at Paycashless for the same amount.
    await env.issue(3);
    await env.call('sync.now', {});
    const [lost] = await env.issue(1);
    fake.server.inject({ kind: 'slowResponse', ms: 3_500, route: 'create' });
    await env.call('sync.now', { poll: false });
    assert.equal(env.outbox().at(-1)?.state, 'unknown');
    const d = await env.call('invoice.create', {
      customerId: env.customerId,
      currency: 'USD',
      lines: [{ description: 'Walk-in', quantity: '1', unitPrice: 7_000, taxRate: '0', taxCategory: 'Z' }],
    });
    const unlinked = await env.call('invoice.issue', { id: d.id });
    fake.seed(1, { currency: 'USD', amountDue: 7_000, reference: () => unlinked.number! });
    // Theirs: 245 remote-only invoices in every state.
    fake.seed(120, { currency: 'NGN', reference: (i) => `EXT-OPEN-${i}` });
    fake.seed(60, { currency: 'USD', status: 'paid', amountDue: 25_050, reference: (i) => `EXT-PAID-${i}` });
    const partialIds = fake.seed(10, { currency: 'NGN', reference: (i) => `EXT-PART-${i}` });
    for (const id of partialIds) fake.markPartiallyPaid(id, 4_000);
    fake.seed(5, { currency: 'NGN', status: 'cancelled', reference: (i) => `EXT-CXL-${i}` });
    fake.seed(5, { currency: 'NGN', status: 'draft', reference: (i) => `EXT-DRAFT-${i}` });
    fake.seed(45, { currency: 'USD', reference: () => 'SAME-REF' }); // a foreign reference used many times
    const total = fake.all().length;
    assert.equal(total, 3 + 1 + 1 + 245);
    const seriesBefore = await env.call('series.list', {});
    fake.server.resetCalls();

    const r = await env.call('sync.import', { accountId: env.accountId });
    assert.equal(r.seen, total);
    assert.equal(r.calls, Math.ceil(total / 100), 'one list call per page of 100');
    assert.equal(fake.server.calls('list'), r.calls);
    assert.equal(fake.server.calls(), r.calls, 'nothing but list pages');
    assert.equal(r.unchanged, 3);
    assert.equal(r.linked, 2);
    assert.equal(r.imported, 240);
    assert.equal(r.skipped, 5, 'remote drafts');
    assert.deepEqual(r.errors, []);

    // The lost create is linked and its outbox row closed: a sync sends nothing.
    const lostNow = await env.call('invoice.get', { id: lost!.id });
    assert.equal(lostNow.links[0]?.remoteId, fake.all().find((x) => x.reference === lost!.number)!.id);
    assert.equal(env.outbox().at(-1)?.state, 'done');
    const createsBefore = fake.server.calls('create');
    await sleep(RETRY_WAIT);
    await env.call('sync.now', { poll: false });
    assert.equal(fake.server.calls('create'), createsBefore);
    assert.equal(fake.all().filter((x) => x.reference === lost!.number).length, 1);
    assert.equal((await env.call('invoice.get', { id: unlinked.id })).links[0]?.accountId, env.accountId);

    // Imported ones: external series, provider's number, statuses and provider payments, raw payload kept.
    const db = env.s.ledger.db;
    const ext = `ext:${env.accountId}`;
    const counts = db
      .prepare(`SELECT status, count(*) AS n FROM invoices WHERE series = ? GROUP BY status ORDER BY status`)
      .all(ext) as Array<{ status: string; n: number }>;
    assert.deepEqual(counts, [
      { status: 'cancelled', n: 5 },
      { status: 'issued', n: 165 },
      { status: 'paid', n: 60 },
      { status: 'partially_paid', n: 10 },
    ]);
    const sample = db
      .prepare(
        `SELECT i.number, i.total, i.paid, l.raw_json, l.reference FROM invoices i JOIN invoice_links l ON l.invoice_id = i.id WHERE i.series = ? AND i.status = 'paid' LIMIT 1`,
      )
      .get(ext) as { number: string; total: number; paid: number; raw_json: string; reference: string };
    const raw = JSON.parse(sample.raw_json) as Record<string, unknown>;
    assert.equal(raw.number, sample.number);
    assert.equal(sample.total, 25_050);
    assert.equal(sample.paid, 25_050);
    assert.match(sample.reference, /^EXT-PAID-\d+$/);
    assert.equal(
      (
        db
          .prepare(`SELECT count(*) AS n FROM payments WHERE source = 'provider' AND account_id = ?`)
          .get(env.accountId) as { n: number }
      ).n,
      70,
    );
    assert.equal(
      (
        db
          .prepare(
            `SELECT count(DISTINCT l.reference) AS n FROM invoice_links l JOIN invoices i ON i.id = l.invoice_id WHERE i.series = ? AND l.reference GLOB 'remote:*'`,
          )
          .get(ext) as { n: number }
      ).n,
      44,
      'a repeated foreign reference keeps the first, the rest link by remote id',
    );
    // Our gapless series did not move.
    assert.deepEqual(
      (await env.call('series.list', {})).find((x) => x.code === 'INV'),
      seriesBefore.find((x) => x.code === 'INV'),
    );
    assert.equal((await env.call('ledger.check', {})).ok, true);

    // Progress: one event per page, then a finished one for the same job.
    const mine = progress.filter((p) => p.jobId === r.jobId);
    assert.equal(mine.at(-1)?.finished, true);
    assert.equal(mine.at(-1)?.done, total);
    assert.ok(mine.filter((p) => !p.finished).length >= r.pages);

    // Idempotent: a second run changes nothing at all.
    const before = dump(env);
    const again = await env.call('sync.import', { accountId: env.accountId });
    assert.deepEqual([again.imported, again.linked, again.updated], [0, 0, 0]);
    assert.equal(again.unchanged, total - 5);
    assert.deepEqual(dump(env), before);
  } finally {
    await fake.close();
  }
});

test('kashier: import walks every currency; a paid remote invoice is imported with its payment', async () => {
  const env = await syncEnv('kashier');
  const fake = env.fake as KashierFake;
  try {
    fake.seed(130, { currency: 'EGP' });
    fake.seed(3, { currency: 'USD', paymentStatus: 'paid', totalAmount: 12.5 });
    fake.seed(2, { currency: 'GBP', state: 'cancelled' });
    const [mine] = await env.issue(1);
    await env.call('sync.now', { poll: false });
    fake.server.resetCalls();
    const r = await env.call('sync.import', { accountId: env.accountId });
    assert.equal(r.seen, 136);
    // EGP: 2 pages of 100; EUR, GBP, USD: one page each.
    assert.equal(r.calls, 5);
    assert.equal(fake.server.calls('list'), 5);
    assert.deepEqual([r.imported, r.updated + r.unchanged, r.linked], [135, 1, 0]);
    const db = env.s.ledger.db;
    const paid = db
      .prepare(`SELECT i.total, i.paid, i.currency, i.status FROM invoices i WHERE i.series = ? AND i.currency = 'USD'`)
      .all(`ext:${env.accountId}`) as Array<{ total: number; paid: number; status: string }>;
    assert.deepEqual(
      paid.map((p) => [p.total, p.paid, p.status]),
      [
        [1250, 1250, 'paid'],
        [1250, 1250, 'paid'],
        [1250, 1250, 'paid'],
      ],
    );
    assert.equal(
      (
        db
          .prepare(`SELECT count(*) AS n FROM invoices WHERE series = ? AND status = 'cancelled'`)
          .get(`ext:${env.accountId}`) as { n: number }
      ).n,
      2,
    );
    assert.equal((await env.call('invoice.get', { id: mine!.id })).status, 'issued');
    assert.equal((await env.call('ledger.check', {})).ok, true);
    const again = await env.call('sync.import', { accountId: env.accountId });
    assert.equal(again.imported + again.linked + again.updated, 0);
  } finally {
    await fake.close();
  }
});
