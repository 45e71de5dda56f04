/**
 * The Kaspa Living Invoices adapter against its simulator over real HTTP on 127.0.0.1: create, list pages with the
 * status filter, the lookup by our number in the notes (and its refusal to guess), the documented 100 requests per
 * minute (a burst of 300 list calls with no 429 reaching the caller), every fault, and the key never in a log.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { ProviderAccount } from '../../../shared/domain';
import { KaspaAdapter } from '../../../main/providers/kaspa/adapter';
import type { ProviderAdapter } from '../../../main/providers/types';
import { KASPA_LIMIT, KaspaFake } from '../../fakes/kaspa';
import { fastTuning, makeAccount, makeDeps, makeInvoice, okValue, rejectsWith } from '../../fakes/provider-fixtures';
import { assertNoLeaks, scanBytes } from '../../helpers/leaks';
import { faultSuite } from './fault-suite';

let fake: KaspaFake;
let account: ProviderAccount;
const seen: string[] = [];
const logs: Array<{ text(): string }> = [];

before(async () => {
  fake = new KaspaFake();
  await fake.start();
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.server.clearFaults();
  fake.server.resetCalls();
  account = makeAccount('kaspa', { baseUrl: fake.url });
});

function adapter(over: { key?: string; tuning?: ReturnType<typeof fastTuning>; now?: () => Date; url?: string } = {}) {
  const extra: Parameters<typeof makeDeps>[2] = {};
  if (over.tuning) extra.http = over.tuning;
  if (over.now) extra.now = over.now;
  const acct = over.url ? makeAccount('kaspa', { baseUrl: over.url }) : account;
  const deps = makeDeps(acct, { apiKey: over.key ?? fake.keys.key }, extra);
  logs.push(deps.log);
  return new KaspaAdapter(deps);
}

let seq = 0;
const invoice = (over: Parameters<typeof makeInvoice>[0] = {}) =>
  makeInvoice({ currency: 'USD', number: `INV-2026-${String(++seq).padStart(4, '0')}`, id: `led_${seq}`, ...over });
const countRef = (n: string | null) =>
  fake.all().filter((i) => typeof i.notes === 'string' && i.notes.startsWith(`Invoice ${n}`)).length;

test('test connection: ok; wrong key; the key travels as X-API-Key', async () => {
  assert.equal((await adapter().testConnection()).result, 'ok');
  const wrong = await adapter({ key: 'liv_FAKE_wrong_key_00000' }).testConnection();
  assert.equal(wrong.result, 'wrong_key');
  assert.equal(fake.server.requests[0]?.headers['x-api-key'], fake.keys.key);
});

test('create: items in fiat major units, to_email, notes with our number, send → pending, link on our host', async () => {
  const a = adapter();
  const inv = invoice({ notes: 'Thank you!' });
  const r = okValue(await a.create(inv));
  const body = JSON.parse(fake.server.requests.find((x) => x.route === 'create')!.body) as Record<string, unknown>;
  assert.equal(body.to_email, 'nadia@example.com');
  assert.equal(body.to_name, 'Nadia Customer');
  assert.equal(body.send, true);
  assert.equal(body.due_date, '2026-03-31');
  assert.equal(body.notes, `Invoice ${inv.number}\n\nThank you!`);
  assert.equal(body.currency, undefined, 'there is no currency field');
  const items = body.items as Array<{ unit_price: number; quantity: number }>;
  assert.equal(Math.round(items.reduce((s, it) => s + it.unit_price * 100 * it.quantity, 0)), inv.totals.total);
  assert.equal(r.status, 'issued');
  assert.equal(r.total, inv.totals.total);
  assert.equal(r.currency, 'USD');
  assert.equal(r.reference, inv.number);
  assert.equal(r.paymentUrl, `${fake.url}/i/${r.remoteId}`, 'the customer link follows the account base URL');
  assert.equal(a.paymentUrl(r), r.paymentUrl);
});

test('create: refused before anything is sent — another currency, no customer e-mail', async () => {
  const a = adapter();
  const eur = await rejectsWith(a.create(invoice({ currency: 'EUR' })), seen);
  assert.equal(eur.code, 'currency_not_supported');
  assert.match(eur.message, /Kaspa Living Invoices accepts USD, not EUR/);
  const noMail = invoice();
  noMail.customer = { ...noMail.customer, email: undefined };
  delete noMail.customer.email;
  assert.equal((await rejectsWith(a.create(noMail), seen)).code, 'customer_email_required');
  assert.equal(fake.server.calls('create'), 0);
});

test('no get, cancel, update or delete: the adapter offers none of them', () => {
  const a: ProviderAdapter = adapter();
  for (const op of ['get', 'cancel', 'markPaid', 'delete', 'share'] as const) assert.equal(a[op], undefined, op);
  assert.deepEqual([...a.capabilities.operations].sort(), ['lookupByReference', 'paymentUrl']);
});

test('list: pages of 100 with the status filter; statuses mapped (overdue is still open)', async () => {
  const local = new KaspaFake();
  await local.start();
  try {
    local.seed(230, { status: 'pending' });
    local.seed(2, { status: 'overdue' });
    local.seed(1, { status: 'paid' });
    const a = adapter({ url: local.url, key: local.keys.key });
    let cursor: string | null = null;
    let n = 0;
    do {
      const page = await a.listPage(cursor, { status: 'pending' });
      n += page.invoices.length;
      cursor = page.next;
    } while (cursor !== null);
    assert.equal(n, 230);
    assert.equal(local.server.calls('list'), 3);
    assert.ok(local.server.requests.every((r) => /limit=100/.test(r.query) && /status=pending/.test(r.query)));
    const overdue = await a.listPage(null, { status: 'overdue' });
    assert.deepEqual(
      overdue.invoices.map((r) => [r.remoteStatus, r.status]),
      [
        ['overdue', 'issued'],
        ['overdue', 'issued'],
      ],
    );
    await assert.rejects(a.listPage(null, { status: 'expired' }), { code: 'invalid_status_filter' });
  } finally {
    await local.close();
  }
});

test('findByReference: by our number in the notes; null when absent; "cannot tell" when rows carry no notes', async () => {
  const local = new KaspaFake();
  await local.start();
  try {
    const a = adapter({ url: local.url, key: local.keys.key });
    local.seed(150);
    const inv = invoice();
    okValue(await a.create(inv));
    const found = await a.findByReference(inv.number!, { currency: 'USD', createdAround: new Date() });
    assert.equal(found?.reference, inv.number);
    assert.equal(await a.findByReference('INV-2026-9999', { currency: 'USD', createdAround: new Date() }), null);
    local.seed(1, { notes: null });
    const e = await rejectsWith(
      a.findByReference('INV-2026-9998', { currency: 'USD', createdAround: new Date() }),
      seen,
    );
    assert.equal(e.code, 'lookup_inconclusive');
  } finally {
    await local.close();
  }
});

test('rate limit: 300 list calls in a burst, another client already using the window — zero 429s reach the caller', async () => {
  let clock = Date.parse('2026-03-01T10:00:30Z');
  const now = () => new Date(clock);
  const local = new KaspaFake({ now });
  await local.start();
  try {
    // Virtual time: waiting advances the clock shared by the simulator and the adapter's limiter.
    const tuning = fastTuning({ sleep: async (ms: number) => void (clock += ms) });
    const a = adapter({ url: local.url, key: local.keys.key, now, tuning });
    local.useWindow(60);
    const started = clock;
    const errors: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      if (i === 150) local.useWindow(KASPA_LIMIT); // someone else used up the rest of this window
      try {
        await a.listPage(null, { pageSize: 1 });
      } catch (err) {
        errors.push(err);
      }
    }
    assert.deepEqual(errors, []);
    assert.equal(local.server.calls('list'), 300 + local.rateLimited);
    assert.ok(local.rateLimited <= 1, `the headers kept us under the limit (${local.rateLimited} 429 absorbed)`);
    assert.ok(clock - started >= 2 * 60_000, 'paced over at least two windows');
  } finally {
    await local.close();
  }
});

faultSuite('Kaspa', {
  server: () => fake.server,
  adapter: (tuning) => adapter(tuning ? { tuning } : {}),
  invoice: () => invoice(),
  count: (inv) => countRef(inv.number),
  read: { route: 'list', call: (a) => a.listPage(null) },
  createRoute: 'create',
  seen,
});

test('the key never appears in any error or log line produced above', async () => {
  await rejectsWith(adapter({ key: 'liv_FAKE_wrong_key_00000' }).listPage(null), seen);
  const all = [...seen, ...logs.map((l) => l.text())].join('\n');
  assert.ok(all.includes('provider.http.response'));
  assertNoLeaks(scanBytes('kaspa errors and logs', all, [fake.keys.key, 'liv_FAKE_wrong_key_00000']));
});
