/**
 * The SimpleCash adapter against its simulator over real HTTP on 127.0.0.1: create (timeout from the due date, USD
 * above 0.25, e-mail and name), get with the guessed status table (unknown statuses never paid), list pages, every
 * fault, and the store key — which travels in the URL — never in a log, an error or a payload kept for the ledger.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { ProviderAccount } from '../../../shared/domain';
import { simplecashTimeout } from '../../../shared/providers/simplecash';
import { SimplecashAdapter } from '../../../main/providers/simplecash/adapter';
import type { ProviderAdapter } from '../../../main/providers/types';
import { SimplecashFake } from '../../fakes/simplecash';
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

let fake: SimplecashFake;
let account: ProviderAccount;
const seen: string[] = [];
const logs: Array<{ text(): string }> = [];
/** Every payload the adapter handed back (what the ledger would store). */
const payloads: unknown[] = [];

before(async () => {
  fake = new SimplecashFake();
  await fake.start();
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.server.clearFaults();
  fake.server.resetCalls();
  account = makeAccount('simplecash', { baseUrl: fake.url });
});

function adapter(over: { key?: string; tuning?: ReturnType<typeof fastTuning>; now?: () => Date } = {}) {
  const extra: Parameters<typeof makeDeps>[2] = {};
  if (over.tuning) extra.http = over.tuning;
  if (over.now) extra.now = over.now;
  const deps = makeDeps(account, { apiKey: over.key ?? fake.keys.key }, extra);
  logs.push(deps.log);
  return new SimplecashAdapter(deps);
}

let seq = 0;
const invoice = (over: Parameters<typeof makeInvoice>[0] = {}) =>
  makeInvoice({ currency: 'USD', number: `INV-2026-${String(++seq).padStart(4, '0')}`, id: `led_${seq}`, ...over });
const countRef = (n: string | null) => fake.all().filter((i) => i.name === `Invoice ${n}`).length;

test('the due date becomes the nearest allowed timeout', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  assert.equal(simplecashTimeout(null, now), 'week');
  assert.equal(simplecashTimeout('2026-02-20', now), '3 hours');
  assert.equal(simplecashTimeout('2026-03-01', now), '12 hours');
  assert.equal(simplecashTimeout('2026-03-02', now), 'day');
  assert.equal(simplecashTimeout('2026-03-04', now), '3 days');
  assert.equal(simplecashTimeout('2026-03-07', now), 'week');
  assert.equal(simplecashTimeout('2026-12-31', now), 'week');
});

test('test connection: ok; wrong key; the key travels as the api_key query parameter', async () => {
  assert.equal((await adapter().testConnection()).result, 'ok');
  const wrong = await adapter({ key: 'ffffffffffffffffffffffffffff0000' }).testConnection();
  assert.equal(wrong.result, 'wrong_key');
  seen.push(wrong.message);
  assert.match(fake.server.requests[0]?.query ?? '', /api_key=cc8d/);
});

test('create: amount in USD major units, timeout, e-mail, name with our number; the uid links it', async () => {
  const now = new Date('2026-03-28T12:00:00Z');
  const a = adapter({ now: () => now });
  const inv = invoice();
  const r = okValue(await a.create(inv));
  payloads.push(r.raw);
  const stored = fake.get(r.remoteId)!;
  assert.equal(Math.round((stored.amount as number) * 100), inv.totals.total);
  assert.equal(stored.timeout, '3 days', 'due 2026-03-31 is about three days away');
  assert.equal(stored.email, 'nadia@example.com');
  assert.equal(stored.name, `Invoice ${inv.number}`);
  assert.match(String(stored.description), /^Nadia Customer: Consulting, Travel$/);
  assert.equal(r.remoteId, stored.uid);
  assert.equal(r.paymentUrl, null, 'SimpleCash e-mails the invoice; no link is documented');
});

test('create: refused before anything is sent — 0.25 USD or less, no e-mail, another currency', async () => {
  const a = adapter();
  const cheap = invoice({
    lines: [{ description: 'Gum', quantity: '1', unitPrice: 25, taxRate: '0', taxCategory: 'Z' }],
  });
  const e = await rejectsWith(a.create(cheap), seen);
  assert.equal(e.code, 'amount_too_small');
  assert.match(e.message, /needs more than \$0\.25/);
  const noMail = invoice();
  delete noMail.customer.email;
  assert.equal((await rejectsWith(a.create(noMail), seen)).code, 'customer_email_required');
  assert.equal((await rejectsWith(a.create(invoice({ currency: 'EUR' })), seen)).code, 'currency_not_supported');
  assert.equal(fake.server.calls('create'), 0);
  const justAbove = invoice({
    lines: [{ description: 'Gum', quantity: '1', unitPrice: 26, taxRate: '0', taxCategory: 'Z' }],
  });
  okValue(await a.create(justAbove));
});

test('get: the guessed status table (any case); any other status is unknown and never paid', async () => {
  const a = adapter();
  const r = okValue(await a.create(invoice()));
  const got = await a.get(r.remoteId);
  payloads.push(got.raw);
  assert.deepEqual([got.remoteStatus, got.status, got.total], ['Pending', 'issued', r.total ?? got.total]);
  for (const [raw, want] of [
    ['PAID', 'paid'],
    ['paid', 'paid'],
    ['Expired', 'expired'],
    ['PENDING', 'issued'],
    ['Confirmed', null],
    ['refunded', null],
    ['unpaid', null],
  ] as const) {
    fake.setStatus(r.remoteId, raw);
    const g = await a.get(r.remoteId);
    payloads.push(g.raw);
    assert.equal(g.status, want, raw);
    assert.equal(g.remoteStatus, raw, 'the raw status is kept');
  }
  await assert.rejects(a.get('0000000000nope'), { code: 'provider_not_found' });
});

test('list: start/limit offset pages until a short page; no lookup, no cancel', async () => {
  const local = new SimplecashFake();
  await local.start();
  try {
    local.seed(45);
    account = makeAccount('simplecash', { baseUrl: local.url });
    const a = adapter({ key: local.keys.key });
    let cursor: string | null = null;
    let n = 0;
    do {
      const page = await a.listPage(cursor);
      n += page.invoices.length;
      payloads.push(...page.invoices.map((i) => i.raw));
      cursor = page.next;
    } while (cursor !== null);
    assert.equal(n, 45);
    assert.deepEqual(
      local.server.requests.map((r) => /start=(\d+)/.exec(r.query)?.[1]),
      ['1', '21', '41'],
    );
    const p: ProviderAdapter = a;
    for (const op of ['findByReference', 'cancel', 'markPaid', 'delete', 'share'] as const)
      assert.equal(p[op], undefined);
  } finally {
    await local.close();
  }
});

faultSuite('SimpleCash', {
  server: () => fake.server,
  adapter: (tuning) => adapter(tuning ? { tuning } : {}),
  invoice: () => invoice(),
  count: (inv) => countRef(inv.number),
  read: { route: 'list', call: (a) => a.listPage(null) },
  createRoute: 'create',
  seen,
});

test('the key never appears in any error, log line or kept payload (the simulator echoes it in every answer)', async () => {
  await rejectsWith(adapter({ key: 'ffffffffffffffffffffffffffff0000' }).get('x0000000'), seen);
  const all = [...seen, ...logs.map((l) => l.text()), JSON.stringify(payloads)].join('\n');
  assert.ok(all.includes('provider.http.response'));
  assert.ok(JSON.stringify(payloads).includes('api_key=[redacted]'), 'the echoed link was kept, without the key');
  assertNoLeaks(
    scanBytes('simplecash errors, logs and payloads', all, [fake.keys.key, 'ffffffffffffffffffffffffffff0000']),
  );
});

test('a key with characters URL encoding changes never appears, plain or URL-encoded, in errors, logs or kept payloads', async () => {
  // Space, +, /, =, ~, %, ( ) and ! are written differently by encodeURIComponent and by a query string.
  const KEY = 'sc live+Key/0123=~%(abc)!';
  const WRONG = 'sc wrong+Key/9876=~%(xyz)!';
  const local = new SimplecashFake({ key: KEY });
  await local.start();
  const texts: string[] = [];
  const kept: unknown[] = [];
  const lines: Array<{ text(): string }> = [];
  const make = (key: string): SimplecashAdapter => {
    const deps = makeDeps(makeAccount('simplecash', { baseUrl: local.url }), { apiKey: key });
    lines.push(deps.log);
    return new SimplecashAdapter(deps);
  };
  try {
    const a = make(KEY);
    const created = okValue(await a.create(invoice()));
    kept.push(created.raw, (await a.get(created.remoteId)).raw);
    kept.push(...(await a.listPage(null)).invoices.map((r) => r.raw));
    texts.push((await rejectsWith(a.get('x0000000'), texts)).message);
    const wrong = make(WRONG);
    const check = await wrong.testConnection();
    assert.equal(check.result, 'wrong_key');
    texts.push(check.message ?? '');
    const refused = await rejectsWith(wrong.get(created.remoteId), texts);
    assert.match(refused.message, /\[redacted\]/, 'the 401 echoed the key it refused, and it was scrubbed');

    // The scan means something: the key did travel URL-encoded, and the answers echoed it that way.
    const asSent = new URLSearchParams({ k: KEY }).toString().slice(2);
    assert.notEqual(asSent, KEY);
    assert.ok(local.server.requests.some((r) => r.query.includes(`api_key=${asSent}`)));
    assert.match(JSON.stringify(kept), /api_key=\[redacted\]/);
    const all = [...texts, ...lines.map((l) => l.text()), JSON.stringify(kept)].join('\n');
    assert.ok(all.includes('provider.http.request'), 'request lines (with their query) were logged');
    assertNoLeaks(scanBytes('simplecash errors, logs and payloads (odd key)', all, [KEY, WRONG]));
  } finally {
    await local.close();
  }
});
