/**
 * The Paycashless adapter against its simulator over real HTTP on 127.0.0.1. The simulator checks the signature
 * with its own implementation written from the docs, so every passing call here is an end-to-end signature check.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { ProviderAccount } from '../../../shared/domain';
import type { KassaError } from '../../../shared/errors';
import { PaycashlessAdapter } from '../../../main/providers/paycashless/adapter';
import { PaycashlessFake } from '../../fakes/paycashless';
import {
  assertHonoursWait,
  fastTuning,
  makeAccount,
  makeDeps,
  makeInvoice,
  okValue,
  rejectsWith,
} from '../../fakes/provider-fixtures';

let fake: PaycashlessFake;
let account: ProviderAccount;
const seen: string[] = [];
const logs: Array<{ text(): string }> = [];

before(async () => {
  fake = new PaycashlessFake();
  await fake.start();
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.server.clearFaults();
  fake.server.resetCalls();
  account = makeAccount('paycashless', { baseUrl: fake.url });
});

function adapter(
  over: {
    apiKey?: string;
    apiSecret?: string;
    now?: () => Date;
    tuning?: ReturnType<typeof fastTuning>;
    account?: ProviderAccount;
  } = {},
) {
  const secrets = {
    apiKey: over.apiKey ?? fake.keys.sandbox.apiKey,
    apiSecret: over.apiSecret ?? fake.keys.sandbox.apiSecret,
  };
  const extra: Parameters<typeof makeDeps>[2] = {};
  if (over.now) extra.now = over.now;
  if (over.tuning) extra.http = over.tuning;
  const deps = makeDeps(over.account ?? account, secrets, extra);
  logs.push(deps.log);
  return { a: new PaycashlessAdapter(deps), deps };
}

const rejects = (p: Promise<unknown>): Promise<KassaError> => rejectsWith(p, seen);

let seq = 0;
const invoice = (over: Parameters<typeof makeInvoice>[0] = {}) =>
  makeInvoice({
    currency: 'NGN',
    number: `INV-2026-${String(++seq).padStart(4, '0')}`,
    id: `led_${seq}`,
    dueDate: null,
    ...over,
  });
const countRef = (ref: string) => fake.all().filter((i) => i.reference === ref).length;

test('test connection: ok; wrong key; wrong secret (bad signature); stale clock; unreachable', async () => {
  assert.equal((await adapter().a.testConnection()).result, 'ok');
  const wrongKey = await adapter({ apiKey: 'pk_FAKE_wrong' }).a.testConnection();
  assert.equal(wrongKey.result, 'wrong_key');
  assert.equal(wrongKey.httpStatus, 401);
  const badSig = await adapter({ apiSecret: 'sk_FAKE_wrong_secret' }).a.testConnection();
  assert.equal(badSig.result, 'wrong_key');
  assert.match(badSig.message, /signature/);
  const stale = adapter({ now: () => new Date(Date.now() - 6 * 60_000) });
  const e = await rejects(stale.a.get('inv_x'));
  assert.equal(e.code, 'provider_auth_failed');
  assert.match(String(e.details?.providerCode), /timestamp/);
  const closed = await adapter({
    account: makeAccount('paycashless', { baseUrl: 'http://127.0.0.1:1' }),
  }).a.testConnection();
  assert.equal(closed.result, 'unreachable');
  const list = fake.server.requests.find((r) => r.route === 'list');
  assert.equal(list?.query, '?limit=1', 'the cheapest call: one item');
});

test('every request carries Bearer key, Unix-seconds timestamp and a 128-hex signature', async () => {
  const { a } = adapter();
  okValue(await a.create(invoice()));
  await a.listPage(null, { pageSize: 5 });
  for (const r of fake.server.requests) {
    assert.equal(r.headers.authorization, `Bearer ${fake.keys.sandbox.apiKey}`);
    assert.match(String(r.headers['request-timestamp']), /^\d{10}$/);
    assert.ok(Math.abs(Number(r.headers['request-timestamp']) - Date.now() / 1000) < 60);
    assert.match(String(r.headers['request-signature']), /^[0-9a-f]{128}$/);
  }
});

test('create: reference = our number, autoFinalize, sendEmail, smallest units, amount equal to the ledger total', async () => {
  const { a } = adapter();
  const inv = invoice({ discount: { kind: 'amount', amount: 777 }, dueDate: '2099-01-01' });
  await assert.rejects(a.create(inv), { code: 'due_date_too_far' });
  const inv2 = invoice({ discount: { kind: 'amount', amount: 777 } });
  const remote = okValue(await a.create(inv2, { sendEmail: true }));
  const stored = fake.get(remote.remoteId);
  assert.ok(stored);
  assert.equal(stored.reference, inv2.number);
  assert.equal(stored.status, 'open');
  assert.equal(stored.sendEmail, true);
  assert.equal(stored.amountDue, inv2.totals.total, 'Paycashless computed exactly our total');
  assert.deepEqual(stored.customer, {
    name: 'Nadia Customer',
    email: 'nadia@example.com',
    address: '1 Nile St, Cairo, EG',
  });
  assert.deepEqual(stored.metadata, { kassaInvoiceId: inv2.id });
  assert.equal(remote.status, 'issued');
  assert.equal(remote.total, inv2.totals.total);
  assert.equal(remote.reference, a.referenceFor(inv2));
  assert.equal(remote.paymentUrl, `https://invoicing.paycashless.com/${remote.remoteId}`);
  assert.equal(a.paymentUrl(remote), remote.paymentUrl);
  const body = JSON.parse(fake.server.requests.find((r) => r.route === 'create')?.body ?? '{}') as Record<
    string,
    unknown
  >;
  assert.equal(body.autoFinalize, true);
  assert.deepEqual(
    Object.keys(body),
    [...Object.keys(body)].sort(),
    'the bytes sent are the sorted body that was signed',
  );
});

test('create: due date becomes daysUntilDue; USD accepted; EGP refused before any request', async () => {
  const { a } = adapter({ now: () => new Date() });
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const r = okValue(await a.create(invoice({ currency: 'USD', dueDate: due })));
  assert.equal(fake.get(r.remoteId)?.daysUntilDue, 10);
  // daysUntilDue must be > 0: due today (or already past) goes without a due date, never as "tomorrow".
  const today = new Date().toISOString().slice(0, 10);
  const dueToday = okValue(await a.create(invoice({ dueDate: today })));
  assert.equal(fake.get(dueToday.remoteId)?.daysUntilDue, null, 'due today: no daysUntilDue rather than 1');
  const late = okValue(await a.create(invoice({ dueDate: '2020-01-01' })));
  assert.equal(fake.get(late.remoteId)?.daysUntilDue, null, 'pushed after its due date: no wrong date');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  assert.equal(fake.get(okValue(await a.create(invoice({ dueDate: tomorrow }))).remoteId)?.daysUntilDue, 1);
  const calls = fake.server.calls('create');
  await assert.rejects(a.create(invoice({ currency: 'EGP' })), { code: 'currency_not_supported', field: 'currency' });
  assert.equal(fake.server.calls('create'), calls);
});

test('get: mapped without a payment URL (only create carries it); unknown id → not found', async () => {
  const { a } = adapter();
  const created = okValue(await a.create(invoice()));
  const got = await a.get(created.remoteId);
  assert.equal(got.remoteId, created.remoteId);
  assert.equal(got.paymentUrl, null);
  assert.equal(got.total, created.total);
  assert.ok(Array.isArray((got.raw as Record<string, unknown>).taxRates));
  const e = await rejects(a.get('inv_doesnotexist'));
  assert.equal(e.code, 'provider_not_found');
  assert.equal(e.details?.providerCode, 'invalid_request_error/resource_not_found');
});

test('list: 1,000 invoices in exactly 10 cursor pages of 100', async () => {
  // A fresh simulator, so the count is exactly 1,000 whatever ran before.
  const own = new PaycashlessFake();
  await own.start();
  after(() => own.close());
  own.seed(1000, { currency: 'USD', reference: (i) => `BULK-${i}` });
  const { a } = adapter({ account: makeAccount('paycashless', { baseUrl: own.url }) });
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await a.listPage(cursor, { currency: 'USD' });
    for (const r of page.invoices) ids.add(r.remoteId);
    cursor = page.next;
  } while (cursor !== null);
  assert.equal(ids.size, 1000);
  assert.equal(own.server.calls('list'), 10);
});

test('list filters reach Paycashless as documented (status, reference, createdAt window in Unix seconds)', async () => {
  const { a } = adapter();
  const [old] = fake.seed(1, { status: 'paid', reference: 'OLD-1', createdAt: new Date('2024-01-01T00:00:00Z') });
  fake.seed(1, { status: 'paid', reference: 'NEW-1' });
  const page = await a.listPage(null, { status: 'paid', createdTo: '2024-06-01T00:00:00Z' });
  assert.deepEqual(
    page.invoices.map((r) => r.remoteId),
    [old],
  );
  assert.equal(page.invoices[0]?.status, 'paid');
  const q = new URLSearchParams(fake.server.requests.at(-1)?.query ?? '');
  assert.equal(q.get('createdAt.lte'), String(Date.parse('2024-06-01T00:00:00Z') / 1000));
  assert.equal(q.get('status'), 'paid');
  await assert.rejects(a.listPage(null, { status: 'unpaid' }), { code: 'invalid_status_filter' });
});

test('findByReference uses the reference filter', async () => {
  const { a } = adapter();
  const inv = invoice();
  const created = okValue(await a.create(inv));
  fake.server.resetCalls();
  const hit = await a.findByReference(inv.number ?? '', { currency: 'NGN', createdAround: new Date() });
  assert.equal(hit?.remoteId, created.remoteId);
  assert.equal(new URLSearchParams(fake.server.requests[0]?.query ?? '').get('reference'), inv.number);
  assert.equal(await a.findByReference('NOPE-1', { currency: 'NGN', createdAround: new Date() }), null);
});

test('cancel: reason required and sent; already cancelled is a no-op; paid is refused; terse answer tolerated', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  await assert.rejects(a.cancel(r.remoteId, '  '), { code: 'reason_required', field: 'reason' });
  const c = okValue(await a.cancel(r.remoteId, 'Issued by mistake'));
  assert.equal(c?.status, 'cancelled');
  assert.equal(fake.get(r.remoteId)?.cancellationReason, 'Issued by mistake');
  okValue(await a.cancel(r.remoteId, 'again'));
  assert.equal(fake.server.calls('cancel'), 1);
  const p = okValue(await a.create(invoice()));
  fake.markPaid(p.remoteId);
  await assert.rejects(a.cancel(p.remoteId, 'x'), { code: 'remote_paid' });
});

test('remote changes: partially paid, paid, and an undocumented status kept raw as null', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.markPartiallyPaid(r.remoteId, 100);
  const part = await a.get(r.remoteId);
  assert.equal(part.status, 'partially_paid');
  assert.equal(part.amountPaid, 100);
  fake.markPaid(r.remoteId);
  const paid = await a.get(r.remoteId);
  assert.equal(paid.status, 'paid');
  assert.equal(paid.amountPaid, r.total);
  fake.setStatus(r.remoteId, 'expired');
  const odd = await a.get(r.remoteId);
  assert.equal(odd.status, null);
  assert.equal(odd.remoteStatus, 'expired');
});

test('sandbox and live keys see only their own invoices', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  const live = adapter({
    apiKey: fake.keys.live.apiKey,
    apiSecret: fake.keys.live.apiSecret,
    account: makeAccount('paycashless', { baseUrl: fake.url, mode: 'live' }),
  });
  await assert.rejects(live.a.get(r.remoteId), { code: 'provider_not_found' });
});

// ---------------- faults ----------------

test('fault: a GET that times out is retried (and re-signed) and succeeds', async () => {
  const { a } = adapter({ tuning: fastTuning({ timeoutMs: 1_500 }) });
  const r = okValue(await a.create(invoice()));
  fake.server.resetCalls();
  fake.server.inject({ kind: 'delay', ms: 4_000, route: 'retrieve' });
  assert.equal((await a.get(r.remoteId)).remoteId, r.remoteId);
  assert.equal(fake.server.calls('retrieve'), 2);
});

test('fault: create succeeded but answered too late → unknown, exactly one invoice, found by reference', async () => {
  const { a } = adapter({ tuning: fastTuning({ timeoutMs: 1_500 }) });
  const inv = invoice();
  fake.server.inject({ kind: 'slowResponse', ms: 4_000, route: 'create' });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') seen.push(JSON.stringify(out.error));
  assert.equal(fake.server.calls('create'), 1);
  assert.equal(countRef(inv.number ?? ''), 1);
  const found = await a.findByReference(inv.number ?? '', { currency: 'NGN', createdAround: new Date() });
  assert.equal(found?.total, inv.totals.total);
});

test('fault: 500 on create → unknown and not resent; 500 on list → retried', async () => {
  const { a } = adapter();
  const inv = invoice();
  fake.server.inject({
    kind: 'status',
    status: 500,
    route: 'create',
    body: { error: { type: 'api_error', code: 'internal', message: 'boom' } },
  });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') assert.equal(out.error.details?.providerMessage, 'boom');
  assert.equal(fake.server.calls('create'), 1);
  assert.equal(countRef(inv.number ?? ''), 0);
  fake.server.inject({ kind: 'status', status: 503, route: 'list' });
  await a.listPage(null);
  assert.equal(fake.server.calls('list'), 2);
});

test('fault: 500 on cancel → unknown, not resent', async () => {
  const { a } = adapter();
  const r = okValue(await a.create(invoice()));
  fake.server.inject({ kind: 'status', status: 500, route: 'cancel' });
  assert.equal((await a.cancel(r.remoteId, 'dup')).outcome, 'unknown');
  assert.equal(fake.server.calls('cancel'), 1);
});

test('fault: 429 with Retry-After / X-RateLimit-Reset honoured; the retried create exists once', async () => {
  const tuning = fastTuning();
  const { a } = adapter({ tuning });
  fake.server.inject({ kind: 'rateLimit', retryAfter: '1', route: 'list' });
  await assertHonoursWait(tuning, 1000, () => a.listPage(null));
  const inv = invoice();
  const reset = Math.floor(Date.now() / 1000) + 4;
  fake.server.inject({ kind: 'rateLimit', rateLimitReset: String(reset), route: 'create' });
  await assertHonoursWait(tuning, reset * 1000 - Date.now(), async () => okValue(await a.create(inv)));
  assert.equal(fake.server.calls('create'), 2);
  assert.equal(countRef(inv.number ?? ''), 1);
});

test('fault: malformed JSON → clear error with raw text (read); unknown with the invoice created (create)', async () => {
  const { a } = adapter();
  fake.seed(3);
  fake.server.inject({ kind: 'malformed', route: 'list' });
  const e = await rejects(a.listPage(null));
  assert.equal(e.code, 'provider_malformed_response');
  assert.match(String(e.details?.rawText), /^\{"hasMore"/);
  const inv = invoice();
  fake.server.inject({ kind: 'malformed', route: 'create' });
  const out = await a.create(inv);
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') assert.equal(out.error.details?.reason, 'malformed_response');
  assert.equal(countRef(inv.number ?? ''), 1);
});

test('fault: connection reset → read retried; create unknown', async () => {
  const { a } = adapter();
  fake.server.inject({ kind: 'reset', route: 'list' });
  await a.listPage(null);
  assert.equal(fake.server.calls('list'), 2);
  const inv = invoice();
  fake.server.inject({ kind: 'reset', route: 'create', afterHandling: true });
  assert.equal((await a.create(inv)).outcome, 'unknown');
  assert.equal(fake.server.calls('create'), 1);
  assert.equal(countRef(inv.number ?? ''), 1);
});

test('neither the API key nor the secret appears in any error or log line produced above', () => {
  const all = [...seen, ...logs.map((l) => l.text())].join('\n');
  assert.ok(all.includes('provider.http.response'));
  for (const s of [
    fake.keys.sandbox.apiKey,
    fake.keys.sandbox.apiSecret,
    fake.keys.live.apiKey,
    fake.keys.live.apiSecret,
    'sk_FAKE_wrong_secret',
    'pk_FAKE_wrong',
  ]) {
    assert.ok(!all.includes(s), `leaked ${s.slice(0, 8)}…`);
  }
  assert.ok(!all.includes('nadia@example.com'));
});
