/**
 * The Kashier adapter against its simulator over real HTTP on 127.0.0.1: every operation, every fault,
 * paging counts, and a scan proving the key never reaches an error or a log line.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { ProviderAccount } from '../../../shared/domain';
import type { KassaError } from '../../../shared/errors';
import { decodeKashierReference } from '../../../main/providers/kashier/reference';
import { KashierAdapter } from '../../../main/providers/kashier/adapter';
import type { RemoteInvoice, WriteOutcome } from '../../../main/providers/types';
import { KashierFake } from '../../fakes/kashier';
import {
  assertHonoursWait,
  fastTuning,
  makeAccount,
  makeDeps,
  makeInvoice,
  okValue,
  rejectsWith,
} from '../../fakes/provider-fixtures';

let fake: KashierFake;
let account: ProviderAccount;
const seen: string[] = []; // every error text produced, scanned for the key at the end
const logs: Array<{ text(): string }> = []; // every adapter's unredacted log, scanned too

before(async () => {
  fake = new KashierFake();
  await fake.start();
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.server.clearFaults();
  fake.server.resetCalls();
  account = makeAccount('kashier', { baseUrl: fake.url, settings: { merchantId: fake.keys.merchantId } });
});

function adapter(over: { key?: string; account?: ProviderAccount; tuning?: ReturnType<typeof fastTuning> } = {}) {
  const deps = makeDeps(
    over.account ?? account,
    { secretKey: over.key ?? fake.keys.test },
    over.tuning ? { http: over.tuning } : {},
  );
  const a = new KashierAdapter(deps);
  logs.push(deps.log);
  return { a, deps };
}

const rejects = (p: Promise<unknown>): Promise<KassaError> => rejectsWith(p, seen);

let seq = 0;
const invoice = (over: Parameters<typeof makeInvoice>[0] = {}) =>
  makeInvoice({ number: `INV-2026-${String(++seq).padStart(4, '0')}`, id: `led_${seq}`, ...over });

test('test connection: ok, wrong key, no merchant id, unreachable', async () => {
  assert.deepEqual((await adapter().a.testConnection()).result, 'ok');
  const wrong = await adapter({ key: 'FAKE-wrong-kashier-key' }).a.testConnection();
  assert.equal(wrong.result, 'wrong_key');
  assert.equal(wrong.httpStatus, 401);
  const noMid = await adapter({ account: makeAccount('kashier', { baseUrl: fake.url }) }).a.testConnection();
  assert.equal(noMid.result, 'provider_error');
  assert.match(noMid.message, /merchant id/);
  const closed = await adapter({
    account: makeAccount('kashier', { baseUrl: 'http://127.0.0.1:1', settings: { merchantId: 'MID-1' } }),
  }).a.testConnection();
  assert.equal(closed.result, 'unreachable');
  // The documented raw Authorization header, no "Bearer".
  assert.ok(fake.server.requests.some((r) => r.headers.authorization === fake.keys.test));
});

test('create: professional invoice, numeric reference that maps back, amount equal to the ledger total', async () => {
  const { a } = adapter();
  const inv = invoice({ discount: { kind: 'percent', percent: '7.5' } });
  const remote = okValue(await a.create(inv));
  const stored = fake.get(remote.remoteId);
  assert.ok(stored);
  assert.equal(stored.paymentType, 'professional');
  assert.equal(stored.currency, 'EGP');
  assert.equal(stored.state, 'submitted');
  assert.equal(
    Math.round((stored.totalAmount as number) * 100),
    inv.totals.total,
    'Kashier computed the ledger total from our items',
  );
  assert.equal(remote.total, inv.totals.total);
  assert.equal(remote.status, 'issued');
  assert.equal(remote.reference, a.referenceFor(inv));
  assert.equal(decodeKashierReference(stored.invoiceReferenceId as string), inv.number);
  assert.match(stored.invoiceReferenceId as string, /^2\d{4}\d+$/, 'scheme 2: 2 + year + sequence');
  assert.ok((stored.invoiceReferenceId as string).length <= 15);
  assert.match(remote.remoteId, /^INV-/);
  assert.equal(remote.paymentUrl, `https://merchant.kashier.io/en/prepay/${remote.remoteId}?mode=test`);
  assert.equal(a.paymentUrl(remote), remote.paymentUrl);
  assert.equal(fake.server.requests[0]?.query, '?currency=EGP');
  assert.equal(fake.server.calls('create'), 1);
});

test('create: duplicate reference is a definite rejection; refused currencies never reach Kashier', async () => {
  const { a } = adapter();
  const inv = invoice();
  okValue(await a.create(inv));
  const e = await rejects(a.create(inv));
  assert.equal(e.code, 'provider_rejected');
  assert.match(e.message, /already exists/);
  assert.equal(fake.all().filter((o) => o.invoiceReferenceId === a.referenceFor(inv)).length, 1);
  await assert.rejects(a.create(invoice({ currency: 'NGN' })), { code: 'currency_not_supported', field: 'currency' });
  assert.equal(fake.server.calls('create'), 2);
});

test('get: array-wrapped view; unknown id is not found', async () => {
  const { a } = adapter();
  const created = okValue(await a.create(invoice({ currency: 'USD' })));
  const got = await a.get(created.remoteId);
  assert.equal(got.remoteId, created.remoteId);
  assert.equal(got.currency, 'USD');
  assert.equal(got.total, created.total);
  assert.deepEqual(got.raw, fake.get(created.remoteId));
  const e = await rejects(a.get('INV-000000'));
  assert.equal(e.code, 'provider_not_found');
});

test('list: 1,000 invoices in exactly 10 page calls of 100; without a currency, every currency is walked', async () => {
  // A fresh simulator, so the counts are exact whatever ran before.
  const own = new KashierFake();
  await own.start();
  after(() => own.close());
  own.seed(1000, { currency: 'GBP' });
  own.seed(150, { currency: 'USD' });
  const { a } = adapter({
    account: makeAccount('kashier', { baseUrl: own.url, settings: { merchantId: own.keys.merchantId } }),
  });
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await a.listPage(cursor, { currency: 'GBP' });
    for (const r of page.invoices) ids.add(r.remoteId);
    cursor = page.next;
  } while (cursor !== null);
  assert.equal(ids.size, 1000);
  assert.equal(own.server.calls('list'), 10);

  own.server.resetCalls();
  const all = new Set<string>();
  cursor = null;
  do {
    const page = await a.listPage(cursor);
    for (const r of page.invoices) all.add(r.remoteId);
    cursor = page.next;
  } while (cursor !== null);
  assert.equal(all.size, 1150);
  // EGP 1 (empty) + EUR 1 (empty) + GBP 10 + USD 2
  assert.equal(own.server.calls('list'), 14);
  assert.ok(own.server.requests.every((r) => r.route !== 'list' || /currentPage=\d+&pageSize=100/.test(r.query)));
});

test('list filters: payment status and creation window reach Kashier as documented', async () => {
  const { a } = adapter();
  const [paidId] = fake.seed(1, {
    currency: 'EUR',
    paymentStatus: 'paid',
    creationDate: new Date('2026-02-01T00:00:00Z'),
  });
  fake.seed(2, { currency: 'EUR', creationDate: new Date('2025-01-01T00:00:00Z') });
  const page = await a.listPage(null, { currency: 'EUR', status: 'paid', createdFrom: '2026-01-01T00:00:00.000Z' });
  assert.deepEqual(
    page.invoices.map((r) => r.remoteId),
    [paidId],
  );
  assert.equal(page.invoices[0]?.status, 'paid');
  assert.match(fake.server.requests.at(-1)?.query ?? '', /paymentStatus=paid.*startDate=2026-01-01/);
  await assert.rejects(a.listPage(null, { currency: 'EUR', status: 'open' }), { code: 'invalid_status_filter' });
});

test('findByReference: finds our invoice by reference within a creation window, null when absent', async () => {
  const { a } = adapter();
  const inv = invoice();
  const created = okValue(await a.create(inv));
  const hit = await a.findByReference(a.referenceFor(inv), { currency: 'EGP', createdAround: new Date() });
  assert.equal(hit?.remoteId, created.remoteId);
  assert.equal(
    await a.findByReference(a.referenceFor(invoice()), { currency: 'EGP', createdAround: new Date() }),
    null,
  );
});

test('mark paid and cancel are separate PUTs with one status field each; both are idempotent', async () => {
  const { a } = adapter();
  const one = okValue(await a.create(invoice()));
  const paid = okValue(await a.markPaid(one.remoteId));
  assert.equal(paid?.status, 'paid');
  const puts = fake.server.requests.filter((r) => r.route === 'update');
  assert.equal(puts.length, 1);
  assert.deepEqual(JSON.parse(puts[0]?.body ?? '{}'), {
    operation: 'changestatus',
    paymentType: 'professional',
    paymentStatus: 'paid',
  });
  assert.match(puts[0]?.query ?? '', /^\?operation=edit&currency=EGP$/);
  okValue(await a.markPaid(one.remoteId));
  assert.equal(fake.server.calls('update'), 1, 'already paid: no second PUT');
  await assert.rejects(a.cancel(one.remoteId, 'x'), { code: 'remote_paid' });

  const two = okValue(await a.create(invoice()));
  const cancelled = okValue(await a.cancel(two.remoteId, 'customer asked'));
  assert.equal(cancelled?.status, 'cancelled');
  const put = fake.server.requests.filter((r) => r.route === 'update').at(-1);
  assert.deepEqual(JSON.parse(put?.body ?? '{}'), {
    operation: 'changestatus',
    paymentType: 'professional',
    state: 'cancelled',
  });
  okValue(await a.cancel(two.remoteId, 'again'));
  assert.equal(fake.server.calls('update'), 2);
});

test('delete as documented: unpaid payment requests and unpaid draft invoices; a submitted invoice is refused first', async () => {
  const { a } = adapter();
  const issued = okValue(await a.create(invoice()));
  await assert.rejects(a.delete(issued.remoteId), { code: 'remote_not_deletable' });
  assert.equal(fake.server.calls('delete'), 0);
  const [draft] = fake.seed(1, { state: 'draft' });
  okValue(await a.delete(draft!));
  assert.equal(fake.get(draft!), null);
  // A payment request (paymentType simple) needs only to be unpaid, whatever its state.
  const [request] = fake.seed(1);
  fake.patch(request!, { paymentType: 'simple' });
  okValue(await a.delete(request!));
  assert.equal(fake.get(request!), null);
  const [paidRequest] = fake.seed(1, { paymentStatus: 'paid' });
  fake.patch(paidRequest!, { paymentType: 'simple' });
  await assert.rejects(a.delete(paidRequest!), { code: 'remote_not_deletable' });
});

test('view sends the currency: a USD invoice is found (without it Kashier looks in the default currency)', async () => {
  const { a } = adapter();
  const usd = okValue(await a.create(invoice({ currency: 'USD' })));
  fake.server.resetCalls();
  assert.equal((await a.get(usd.remoteId, { currency: 'USD' })).currency, 'USD');
  assert.equal(fake.server.calls('view'), 1);
  assert.match(fake.server.requests[0]!.query, /currency=USD/);
  // Without a hint every currency is tried in turn until the invoice shows up.
  assert.equal((await a.get(usd.remoteId)).remoteId, usd.remoteId);
  assert.deepEqual(
    fake.server.requests.slice(1).map((r) => /currency=(\w+)/.exec(r.query)?.[1]),
    ['EGP', 'EUR', 'GBP', 'USD'],
  );
});

test('list guard: a page that says "next" without moving forward is an error, not an endless loop', async () => {
  const { a } = adapter();
  fake.seed(3);
  fake.server.inject({
    kind: 'status',
    status: 200,
    route: 'list',
    body: {
      status: 'SUCCESS',
      response: { data: [], pagination: { hasNextPage: true, nextPage: 1, page: 1, totalPages: 9 } },
    },
  });
  const e = await rejects(a.listPage(null, { currency: 'EGP' }));
  assert.equal(e.code, 'provider_unexpected_response');
});

test("foreign references stay verbatim: the docs' sample 1434984 is not decoded into one of our numbers", async () => {
  const { a } = adapter();
  const [id] = fake.seed(1);
  fake.patch(id!, { invoiceReferenceId: '1434984' });
  const r = await a.get(id!);
  assert.equal(r.reference, '1434984');
  assert.equal(r.ourNumber, null);
});

test('share by e-mail and SMS with the documented body; bad addresses refused locally', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  okValue(await a.share(r.remoteId, { channel: 'email', address: 'nadia@example.com' }));
  okValue(await a.share(r.remoteId, { channel: 'sms', address: '+201001234567' }));
  assert.equal(fake.shares.length >= 2, true);
  const [email, sms] = fake.shares.slice(-2);
  assert.deepEqual(email, {
    operation: 'email',
    customerName: 'Nadia Customer',
    subDomainUrl: 'http://merchant.kashier.io/en/prepay',
    urlIdentifier: r.remoteId,
    customerEmail: 'nadia@example.com',
  });
  assert.equal(sms?.operation, 'phone');
  assert.equal(sms?.customerPhoneNumber, '+201001234567');
  await assert.rejects(a.share(r.remoteId, { channel: 'email', address: 'nope' }), {
    code: 'invalid_email',
    field: 'address',
  });
  await assert.rejects(a.share(r.remoteId, { channel: 'sms', address: '0100' }), { code: 'invalid_phone' });
});

test('remote changes: paid on Kashier maps to paid; an undocumented expired state maps to null, raw kept', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.expire(r.remoteId);
  const expired = await a.get(r.remoteId);
  assert.equal(expired.status, null);
  assert.equal(expired.remoteStatus, 'unpaid/expired');
  fake.markPaid(r.remoteId);
  assert.equal((await a.get(r.remoteId)).status, 'paid');
});

test('live mode uses the live key and cannot see test objects', async () => {
  const live = makeAccount('kashier', {
    baseUrl: fake.url,
    mode: 'live',
    settings: { merchantId: fake.keys.merchantId },
  });
  const [testId] = fake.seed(1);
  const { a } = adapter({ account: live, key: fake.keys.live });
  assert.equal((await a.testConnection()).result, 'ok');
  await assert.rejects(a.get(testId ?? ''), { code: 'provider_not_found' });
  const r = okValue(await a.create(invoice()));
  assert.equal(r.paymentUrl?.endsWith('?mode=live'), true);
  assert.equal(
    (await adapter({ account: live, key: fake.keys.test }).a.testConnection()).result,
    'ok',
    'the fake accepts either key; the mode picks the host',
  );
});

// ---------------- faults ----------------

test('fault: a GET that times out is retried and succeeds', async () => {
  const { a } = adapter({ tuning: fastTuning({ timeoutMs: 1_500 }) });
  const r = okValue(await a.create(invoice()));
  fake.server.resetCalls();
  fake.server.inject({ kind: 'delay', ms: 4_000, route: 'view' });
  assert.equal((await a.get(r.remoteId)).remoteId, r.remoteId);
  assert.equal(fake.server.calls('view'), 2);
});

test('fault: the create succeeded but the answer came too late → unknown, exactly one invoice, found by reference', async () => {
  const { a } = adapter({ tuning: fastTuning({ timeoutMs: 1_500 }) });
  const inv = invoice();
  fake.server.inject({ kind: 'slowResponse', ms: 4_000, route: 'create' });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') {
    assert.equal(out.error.code, 'outcome_unknown');
    assert.equal(out.error.details?.reason, 'timeout');
    seen.push(JSON.stringify(out.error));
  }
  assert.equal(fake.server.calls('create'), 1, 'never resent');
  const ref = a.referenceFor(inv);
  assert.equal(fake.all().filter((o) => o.invoiceReferenceId === ref).length, 1);
  const found = await a.findByReference(ref, { currency: 'EGP', createdAround: new Date() });
  assert.ok(found);
  assert.equal(found.total, inv.totals.total);
});

test('fault: 500 on create → unknown, not resent; 500 on a GET → retried', async () => {
  const { a } = adapter();
  const inv = invoice();
  fake.server.inject({ kind: 'status', status: 500, route: 'create' });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') assert.equal(out.error.details?.httpStatus, 500);
  assert.equal(fake.server.calls('create'), 1);
  assert.equal(
    await a.findByReference(a.referenceFor(inv), { currency: 'EGP', createdAround: new Date() }),
    null,
    'this 500 did not create it',
  );

  fake.server.inject({ kind: 'status', status: 502, route: 'list', times: 2 });
  fake.server.resetCalls();
  await a.listPage(null, { currency: 'EGP' });
  assert.equal(fake.server.calls('list'), 3);
});

test('fault: 429 with Retry-After / X-RateLimit-Reset is honoured for reads and for the create', async () => {
  const tuning = fastTuning();
  const { a } = adapter({ tuning });
  fake.server.inject({ kind: 'rateLimit', retryAfter: '2', route: 'list' });
  await assertHonoursWait(tuning, 2000, () => a.listPage(null, { currency: 'EGP' }));
  assert.equal(fake.server.calls('list'), 2);

  const inv = invoice();
  fake.server.inject({ kind: 'rateLimit', rateLimitReset: '3', route: 'create' });
  await assertHonoursWait(tuning, 3000, async () => okValue(await a.create(inv)));
  assert.equal(fake.server.calls('create'), 2);
  assert.equal(fake.all().filter((o) => o.invoiceReferenceId === a.referenceFor(inv)).length, 1);
});

test('fault: malformed JSON → clear error with the raw text on a read; unknown (invoice exists) on the create', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.server.inject({ kind: 'malformed', route: 'view' });
  const e = await rejects(a.get(r.remoteId));
  assert.equal(e.code, 'provider_malformed_response');
  assert.equal(typeof e.details?.rawText, 'string');
  assert.match(String(e.details?.rawText), /^\{"response"/);

  const inv = invoice();
  fake.server.inject({ kind: 'malformed', route: 'create' });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  assert.equal(fake.all().filter((o) => o.invoiceReferenceId === a.referenceFor(inv)).length, 1);
});

test('fault: connection reset → a read is retried; a create is unknown (before or after Kashier acted)', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.server.resetCalls();
  fake.server.inject({ kind: 'reset', route: 'view' });
  assert.equal((await a.get(r.remoteId)).remoteId, r.remoteId);
  assert.equal(fake.server.calls('view'), 2);

  const before = invoice();
  fake.server.inject({ kind: 'reset', route: 'create' });
  assert.equal((await a.create(before)).outcome, 'unknown');
  assert.equal(await a.findByReference(a.referenceFor(before), { currency: 'EGP', createdAround: new Date() }), null);

  const afterInv = invoice();
  fake.server.inject({ kind: 'reset', route: 'create', afterHandling: true });
  assert.equal((await a.create(afterInv)).outcome, 'unknown');
  assert.ok(await a.findByReference(a.referenceFor(afterInv), { currency: 'EGP', createdAround: new Date() }));
});

test('fault: a 500 on the mark-paid PUT is unknown and not resent', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.server.inject({ kind: 'status', status: 500, route: 'update' });
  const out: WriteOutcome<RemoteInvoice | null> = await a.markPaid(r.remoteId);
  assert.equal(out.outcome, 'unknown');
  assert.equal(fake.server.calls('update'), 1);
});

test('the key never appears in any error or log line produced above', () => {
  assert.ok(seen.length > 0);
  const all = [...seen, ...logs.map((l) => l.text())].join('\n');
  assert.ok(all.includes('provider.http.response'), 'the scan covers real log lines');
  for (const secret of [fake.keys.test, fake.keys.live, fake.keys.test.split('$')[1] ?? 'x'])
    assert.ok(!all.includes(secret), 'a key leaked');
  assert.ok(!all.includes('nadia@example.com'), 'customer e-mail leaked into logs/errors');
});
