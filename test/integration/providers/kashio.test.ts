/**
 * The KashIO adapter against its simulator over real HTTP on 127.0.0.1: every operation (create, get, list by day
 * with a cursor, lookup by invoice_id, update, void, the events feed), every fault, and a scan proving the key
 * (and its Basic form) never reaches an error or a log line.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { ProviderAccount } from '../../../shared/domain';
import { KashioAdapter } from '../../../main/providers/kashio/adapter';
import { KashioFake } from '../../fakes/kashio';
import {
  type fastTuning,
  makeAccount,
  makeDeps,
  makeInvoice,
  okValue,
  rejectsWith,
} from '../../fakes/provider-fixtures';
import { assertNoLeaks, scanBytes } from '../../helpers/leaks';
import { faultSuite } from './fault-suite';

let fake: KashioFake;
let account: ProviderAccount;
const seen: string[] = [];
const logs: Array<{ text(): string }> = [];

before(async () => {
  fake = new KashioFake();
  await fake.start();
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.server.clearFaults();
  fake.server.resetCalls();
  account = makeAccount('kashio', { baseUrl: fake.url });
});

function adapter(over: { key?: string; tuning?: ReturnType<typeof fastTuning>; now?: () => Date } = {}) {
  const extra: Parameters<typeof makeDeps>[2] = {};
  if (over.tuning) extra.http = over.tuning;
  if (over.now) extra.now = over.now;
  const deps = makeDeps(account, { secretKey: over.key ?? fake.keys.test }, extra);
  logs.push(deps.log);
  return new KashioAdapter(deps);
}

let seq = 0;
const invoice = (over: Parameters<typeof makeInvoice>[0] = {}) =>
  makeInvoice({ currency: 'PEN', number: `INV-2026-${String(++seq).padStart(4, '0')}`, id: `led_${seq}`, ...over });
const countRef = (n: string | null) => fake.all().filter((i) => i.invoice_id === n).length;

test('test connection: ok; wrong key; unreachable; Basic auth with the key as user and an empty password', async () => {
  assert.equal((await adapter().testConnection()).result, 'ok');
  const wrong = await adapter({ key: 'sk_test_FAKE_wrong_key_0000' }).testConnection();
  assert.equal(wrong.result, 'wrong_key');
  assert.equal(wrong.httpStatus, 401);
  const auth = fake.server.requests[0]?.headers.authorization ?? '';
  assert.equal(auth, `Basic ${Buffer.from(`${fake.keys.test}:`).toString('base64')}`);
});

test('create: customer with E.164 phone, request_datetime, amount in major units, invoice_id = our number', async () => {
  const a = adapter();
  const inv = invoice({ discount: { kind: 'percent', percent: '7.5' } });
  const r = okValue(await a.create(inv));
  const stored = fake.get(r.remoteId)!;
  assert.equal(stored.invoice_id, inv.number);
  assert.equal(stored.currency, 'PEN');
  assert.equal(Math.round((stored.amount as number) * 100), inv.totals.total);
  assert.deepEqual(stored.customer, {
    name: 'Nadia Customer',
    email: 'nadia@example.com',
    phone: '+201001234567',
    external_id: 'cus_1',
  });
  assert.match(String(stored.request_datetime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  assert.equal(stored.due_datetime, '2026-03-31T23:59:59');
  assert.equal(stored.expiration_datetime, undefined, 'never an expiry the ledger does not expect');
  assert.equal(r.status, 'issued', 'NEW in capitals is open');
  assert.equal(r.remoteStatus, 'NEW');
  assert.equal(r.total, inv.totals.total);
  assert.equal(r.reference, inv.number);
  assert.equal(r.ourNumber, inv.number);
  assert.equal(r.paymentUrl, null, 'KashIO documents no payment URL');
  assert.ok(r.remoteNumber, 'the KTIN payment code');
});

test('create: refusals before any request (credit note, three-decimal amount that does not fit two decimals)', async () => {
  const a = adapter();
  await assert.rejects(a.create(invoice({ kind: 'credit_note' })), { code: 'credit_note_not_supported' });
  const kwd = invoice({
    currency: 'KWD',
    lines: [{ description: 'X', quantity: '1', unitPrice: 1_234, taxRate: '0', taxCategory: 'Z' }],
  });
  await assert.rejects(a.create(kwd), { code: 'amount_not_representable' });
  const ok = invoice({
    currency: 'KWD',
    lines: [{ description: 'X', quantity: '1', unitPrice: 1_230, taxRate: '0', taxCategory: 'Z' }],
  });
  assert.equal(okValue(await a.create(ok)).total, 1_230);
  assert.equal(fake.server.calls('create'), 1);
});

test('get; unknown id is not found; statuses in any case (new / pending / PAID / EXPIRED / VOIDED)', async () => {
  const a = adapter();
  const r = okValue(await a.create(invoice()));
  assert.equal((await a.get(r.remoteId)).status, 'issued');
  await assert.rejects(a.get('inv_nope'), { code: 'provider_not_found' });
  fake.markPaid(r.remoteId);
  assert.equal((await a.get(r.remoteId)).status, 'paid');
  const e = okValue(await a.create(invoice()));
  fake.expire(e.remoteId);
  assert.equal((await a.get(e.remoteId)).status, 'expired');
});

test('list: by day with starting_after pages; lower-case statuses; everything without a day', async () => {
  const a = adapter();
  fake.seed(250, { created: new Date('2026-02-10T12:00:00Z') });
  fake.seed(3, { created: new Date('2026-02-11T09:00:00Z') });
  let cursor: string | null = null;
  let n = 0;
  let pages = 0;
  do {
    const page = await a.listPage(cursor, { createdFrom: '2026-02-10T00:00:00Z', createdTo: '2026-02-11T23:00:00Z' });
    n += page.invoices.length;
    pages++;
    if (page.invoices[0]) assert.equal(page.invoices[0].remoteStatus, 'new');
    cursor = page.next;
  } while (cursor !== null);
  assert.equal(n, 253);
  assert.equal(pages, 4, '3 pages of day one (100+100+50) and 1 of day two');
  const q = fake.server.requests.filter((r) => r.route === 'list').map((r) => r.query);
  assert.ok(
    q.some((s) => /date=2026-02-10/.test(s) && /starting_after=inv_/.test(s)),
    q.join('\n'),
  );
  const all = await a.listPage(null);
  assert.ok(all.invoices.length > 0 && !fake.server.requests.at(-1)!.query.includes('date='));
});

test('findByReference: the days around the send time, matching invoice_id; null when absent', async () => {
  const a = adapter();
  const inv = invoice();
  okValue(await a.create(inv));
  const found = await a.findByReference(inv.number!, { currency: 'PEN', createdAround: new Date() });
  assert.equal(found?.reference, inv.number);
  assert.equal(await a.findByReference('INV-2026-9999', { currency: 'PEN', createdAround: new Date() }), null);
});

test('update: amount, currency, expiration only; void: VOIDED, idempotent; a paid order is refused', async () => {
  const a = adapter();
  const r = okValue(await a.create(invoice()));
  const u = okValue(await a.update(r.remoteId, { amount: 12_345, expiration: '2026-05-01T10:00:00Z' }));
  assert.equal(u.total, 12_345);
  assert.equal(fake.get(r.remoteId)?.expiration_datetime, '2026-05-01T10:00:00');
  assert.deepEqual(JSON.parse(fake.server.requests.at(-1)!.body), {
    amount: 123.45,
    expiration_datetime: '2026-05-01T10:00:00',
  });
  await assert.rejects(a.update(r.remoteId, {}), { code: 'nothing_to_update' });
  const v = okValue(await a.cancel(r.remoteId, 'duplicate'));
  assert.equal(v?.status, 'cancelled');
  assert.equal(v?.remoteStatus, 'VOIDED');
  fake.server.resetCalls();
  okValue(await a.cancel(r.remoteId, 'again'));
  assert.equal(fake.server.calls('void'), 0, 'already void: nothing sent');
  const p = okValue(await a.create(invoice()));
  fake.markPaid(p.remoteId);
  await assert.rejects(a.cancel(p.remoteId, 'x'), { code: 'remote_paid' });
});

test('events: changesSince returns the invoices paid or expired since then, oldest first, day by day', async () => {
  let now = new Date('2026-03-01T10:00:00Z');
  const clock = () => now;
  const localFake = new KashioFake({ now: clock });
  await localFake.start();
  try {
    account = makeAccount('kashio', { baseUrl: localFake.url });
    const b = adapter({ now: clock });
    const one = okValue(await b.create(invoice()));
    const two = okValue(await b.create(invoice()));
    now = new Date('2026-03-02T10:00:00Z');
    localFake.markPaid(one.remoteId);
    now = new Date('2026-03-03T10:00:00Z');
    localFake.expire(two.remoteId);
    const got: Array<[string, string | null]> = [];
    let cursor: string | null = null;
    do {
      const page = await b.changesSince(cursor, new Date('2026-03-01T00:00:00Z'));
      got.push(...page.invoices.map((r): [string, string | null] => [r.remoteId, r.status]));
      cursor = page.next;
    } while (cursor !== null);
    assert.deepEqual(got, [
      [one.remoteId, 'paid'],
      [two.remoteId, 'expired'],
    ]);
    assert.ok(localFake.server.requests.some((r) => r.route === 'events' && r.query.includes('date=2026-03-02')));
  } finally {
    await localFake.close();
  }
});

faultSuite('KashIO', {
  server: () => fake.server,
  adapter: (tuning) => adapter(tuning ? { tuning } : {}),
  invoice: () => invoice(),
  count: (inv) => countRef(inv.number),
  read: { route: 'list', call: (a) => a.listPage(null) },
  createRoute: 'create',
  seen,
});

test('the key never appears, plain or in its Basic form, in any error or log line produced above', async () => {
  await rejectsWith(adapter({ key: 'sk_test_FAKE_wrong_key_0000' }).get('inv_x'), seen);
  const all = [...seen, ...logs.map((l) => l.text())].join('\n');
  assert.ok(all.includes('provider.http.response'));
  assertNoLeaks(scanBytes('kashio errors and logs', all, [fake.keys.test, 'sk_test_FAKE_wrong_key_0000']));
});
