/**
 * The simulators are strict on their own: these requests are built by hand (no adapter code), with the Paycashless
 * signature computed here step by step from the docs, so a lax fake cannot hide an adapter bug.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { KashierFake } from '../../fakes/kashier';
import { PaycashlessFake } from '../../fakes/paycashless';

let kashier: KashierFake;
let paycashless: PaycashlessFake;

before(async () => {
  kashier = new KashierFake();
  paycashless = new PaycashlessFake();
  await Promise.all([kashier.start(), paycashless.start()]);
});
after(async () => {
  await Promise.all([kashier.close(), paycashless.close()]);
});

async function k(method: string, path: string, body?: unknown, auth: string | null = KASHIER_KEY()) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth !== null) headers.Authorization = auth;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${kashier.url}${path}`, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const KASHIER_KEY = () => kashier.keys.test;
const MID = () => kashier.keys.merchantId;
const item = { itemName: 'x', description: '', quantity: 2, unitPrice: 10.5, subTotal: 21 };
const invoiceBody = (ref: string, over: Record<string, unknown> = {}) => ({
  paymentType: 'professional',
  merchantId: MID(),
  customerName: 'c',
  invoiceReferenceId: ref,
  invoiceItems: [item],
  state: 'submitted',
  tax: 0,
  ...over,
});

test('Kashier fake: auth is the raw secret key; anything else is 401', async () => {
  assert.equal((await k('GET', `/paymentRequests/${MID()}?currency=EGP`, undefined, null)).status, 401);
  assert.equal(
    (await k('GET', `/paymentRequests/${MID()}?currency=EGP`, undefined, `Bearer ${KASHIER_KEY()}`)).status,
    401,
  );
  assert.equal((await k('GET', `/paymentRequests/${MID()}?currency=EGP`)).status, 200);
});

test('Kashier fake: create rules (currency, numeric unique reference, amounts, tax)', async () => {
  assert.equal((await k('POST', '/paymentRequest', invoiceBody('1001'))).status, 400, 'currency query is required');
  assert.equal((await k('POST', '/paymentRequest?currency=NGN', invoiceBody('1001'))).status, 400);
  assert.equal(
    (await k('POST', '/paymentRequest?currency=EGP', invoiceBody('INV-1'))).status,
    400,
    'numeric reference',
  );
  assert.equal((await k('POST', '/paymentRequest?currency=EGP', invoiceBody('', {}))).status, 400);
  assert.equal((await k('POST', '/paymentRequest?currency=EGP', invoiceBody('1002', { tax: 14 }))).status, 422);
  assert.equal(
    (await k('POST', '/paymentRequest?currency=EGP', invoiceBody('1003', { totalAmount: 22 }))).status,
    400,
    'total must match the items',
  );
  assert.equal(
    (
      await k(
        'POST',
        '/paymentRequest?currency=EGP',
        invoiceBody('1004', { invoiceItems: [{ ...item, subTotal: 20 }] }),
      )
    ).status,
    400,
  );
  const created = await k('POST', '/paymentRequest?currency=EGP', invoiceBody('1005'));
  assert.equal(created.status, 200);
  assert.equal((created.json.response as Record<string, unknown>).totalAmount, 21);
  assert.equal(
    (await k('POST', '/paymentRequest?currency=EGP', invoiceBody('1005'))).status,
    400,
    'duplicate reference',
  );
  assert.equal(
    (await k('POST', '/paymentRequest?currency=EGP', [invoiceBody('1006')])).status,
    400,
    'bulk is not simulated',
  );
});

test('Kashier fake: status PUT takes one change at a time; delete only unpaid drafts; pagination as documented', async () => {
  const id = (
    (await k('POST', '/paymentRequest?currency=USD', invoiceBody('2001'))).json.response as Record<string, unknown>
  ).paymentRequestId as string;
  const put = (body: unknown, q = 'operation=edit&currency=USD') =>
    k('PUT', `/paymentRequest/${MID()}/${id}/?${q}`, body);
  assert.equal(
    (await put({ operation: 'changestatus', paymentType: 'professional', paymentStatus: 'paid', state: 'cancelled' }))
      .status,
    400,
  );
  assert.equal(
    (await put({ operation: 'changestatus', paymentType: 'professional', paymentStatus: 'paid' }, 'currency=USD'))
      .status,
    400,
    'operation=edit required',
  );
  assert.equal(
    (
      await put(
        { operation: 'changestatus', paymentType: 'professional', paymentStatus: 'paid' },
        'operation=edit&currency=EGP',
      )
    ).status,
    400,
    'currency must match',
  );
  assert.equal(
    (await put({ operation: 'changestatus', paymentType: 'professional', paymentStatus: 'paid' })).status,
    200,
  );
  assert.equal((await k('DELETE', `/paymentRequest/${MID()}/${id}`)).status, 400, 'not a draft');
  const draft = (
    (await k('POST', '/paymentRequest?currency=USD', invoiceBody('2002', { state: 'draft' }))).json.response as Record<
      string,
      unknown
    >
  ).paymentRequestId as string;
  assert.equal((await k('DELETE', `/paymentRequest/${MID()}/${draft}`)).status, 200);

  kashier.seed(7, { currency: 'EUR' });
  const page = await k('GET', `/paymentRequests/${MID()}?currency=EUR&currentPage=2&pageSize=3`);
  const resp = page.json.response as { data: unknown[]; pagination: Record<string, unknown> };
  assert.equal(resp.data.length, 3);
  assert.deepEqual(resp.pagination, {
    totalDocs: 7,
    limit: 3,
    totalPages: 3,
    page: 2,
    pagingCounter: 4,
    hasPrevPage: true,
    hasNextPage: true,
    prevPage: 1,
    nextPage: 3,
  });
  const def = (await k('GET', `/paymentRequests/${MID()}?currency=EUR`)).json.response as {
    pagination: Record<string, unknown>;
  };
  assert.equal(def.pagination.limit, 500, 'default pageSize');
  assert.equal((await k('GET', `/paymentRequests/${MID()}`)).status, 400, 'currency required');
  assert.equal((await k('GET', `/paymentRequests/${MID()}?currency=EUR&pageSize=0`)).status, 400);
});

const PC = () => paycashless.keys.sandbox;
const hmac = (data: string) => createHmac('sha512', PC().apiSecret).update(data).digest('hex');

async function p(
  method: string,
  pathAndQuery: string,
  bodyText: string | null,
  opts: { ts?: number; sig?: string; auth?: string | null } = {},
) {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  const path = pathAndQuery.split('?')[0]?.toLowerCase() ?? '';
  const sig = opts.sig ?? hmac(path + (bodyText === null ? '' : hmac(bodyText)) + ts);
  const headers: Record<string, string> = {
    'Request-Timestamp': String(ts),
    'Request-Signature': sig,
    'Content-Type': 'application/json',
  };
  if (opts.auth !== null) headers.Authorization = opts.auth ?? `Bearer ${PC().apiKey}`;
  const init: RequestInit = { method, headers };
  if (bodyText !== null) init.body = bodyText;
  const res = await fetch(`${paycashless.url}${pathAndQuery}`, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const errOf = (r: { json: Record<string, unknown> }) => r.json.error as { type: string; code: string };

test('Paycashless fake: Bearer key, 5-minute timestamp window, signature over path + body hash + timestamp', async () => {
  assert.equal((await p('GET', '/v1/invoices', null, { auth: null })).status, 401);
  assert.equal((await p('GET', '/v1/invoices', null, { auth: PC().apiKey })).status, 401, 'Bearer prefix required');
  const stale = await p('GET', '/v1/invoices', null, { ts: Math.floor(Date.now() / 1000) - 301 });
  assert.equal(stale.status, 401);
  assert.equal(errOf(stale).type, 'authentication_error');
  const bad = await p('GET', '/v1/invoices?limit=1', null, {
    sig: hmac(`/v1/invoices?limit=1${Math.floor(Date.now() / 1000)}`),
  });
  assert.equal(bad.status, 401, 'the query string is not part of the signed path');
  assert.deepEqual(errOf(bad), {
    type: 'authentication_error',
    code: 'request_signature_invalid',
    message: 'Request signature is invalid',
  });
  assert.equal((await p('GET', '/v1/invoices?limit=1', null)).status, 200);
  // Body hash over the key-sorted compact body; an unsorted hash is rejected.
  const body = {
    reference: 'R-1',
    description: 'd',
    currency: 'NGN',
    items: [{ quantity: 1, name: 'n', price: 500, description: 'x' }],
  };
  const sorted =
    '{"currency":"NGN","description":"d","items":[{"description":"x","name":"n","price":500,"quantity":1}],"reference":"R-1"}';
  const ts = Math.floor(Date.now() / 1000);
  assert.equal(
    (
      await p('POST', '/v1/invoices', JSON.stringify(body), {
        ts,
        sig: hmac(`/v1/invoices${hmac(JSON.stringify(body))}${ts}`),
      })
    ).status,
    401,
  );
  const ok = await p('POST', '/v1/invoices', sorted, { ts, sig: hmac(`/v1/invoices${hmac(sorted)}${ts}`) });
  assert.equal(ok.status, 201);
  assert.equal(ok.json.amountDue, 500);
  assert.equal(ok.json.status, 'draft', 'autoFinalize not set → draft');
});

test('Paycashless fake: 400 for missing parameters, 422 for invalid ones; limit 1..100', async () => {
  // Signed bodies must be key-sorted (recursively) before hashing; these ones are sent sorted too.
  const sortDeep = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortDeep)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((key) => [key, sortDeep((v as Record<string, unknown>)[key])]),
          )
        : v;
  const send = (b: unknown) => p('POST', '/v1/invoices', JSON.stringify(sortDeep(b)));
  const base = { reference: 'R-2', description: 'd', currency: 'USD', items: [{ name: 'n', quantity: 1, price: 100 }] };
  assert.equal((await send({ ...base, reference: undefined })).status, 400);
  assert.equal(errOf(await send({ ...base, description: '' })).code, 'parameter_missing');
  assert.equal((await send({ ...base, currency: 'EUR' })).status, 422);
  assert.equal(
    (await send({ ...base, items: [{ name: 'n', quantity: 1, price: 1.5 }] })).status,
    422,
    'smallest unit: integers only',
  );
  assert.equal((await send({ ...base, daysUntilDue: 0 })).status, 422);
  assert.equal((await send({ ...base, daysUntilDue: 1801 })).status, 422);
  assert.equal((await send({ ...base, taxRateIds: ['txr_unknown'] })).status, 422);
  assert.equal((await send({ ...base, acceptPartialPayments: true })).status, 400, 'maxInstallments needed');
  assert.equal((await p('GET', '/v1/invoices?limit=101', null)).status, 422);
  assert.equal((await p('GET', '/v1/invoices?limit=0', null)).status, 422);
  assert.equal((await p('GET', '/v1/invoices?cursor=bm9wZQ', null)).status, 400);
  const created = await send(base);
  assert.equal(
    (await p('POST', `/v1/invoices/${created.json.id as string}/cancel`, '{}')).status,
    400,
    'cancellationReason required',
  );
});

test('Paycashless fake: cursor pages of the documented shape', async () => {
  paycashless.seed(25, { currency: 'USD', reference: 'PAGE' });
  const seenIds: string[] = [];
  let cursor: string | null = null;
  let calls = 0;
  do {
    const r = await p('GET', `/v1/invoices?limit=10&reference=PAGE${cursor ? `&cursor=${cursor}` : ''}`, null);
    calls++;
    const page = r.json as { hasMore: boolean; cursor: string; data: Array<{ id: string; hostedInvoiceUrl?: string }> };
    assert.equal(typeof page.cursor, 'string');
    for (const d of page.data) {
      seenIds.push(d.id);
      assert.equal(d.hostedInvoiceUrl, undefined, 'list does not carry hostedInvoiceUrl');
    }
    cursor = page.hasMore ? page.cursor : null;
  } while (cursor);
  assert.equal(calls, 3);
  assert.equal(new Set(seenIds).size, 25);
});

test('fault injection applies to the next N matching requests only, and control routes are not counted', async () => {
  paycashless.server.resetCalls();
  paycashless.server.inject({ kind: 'status', status: 500, route: 'list', times: 2 });
  assert.equal((await p('GET', '/v1/invoices', null)).status, 500);
  assert.equal((await p('GET', '/v1/invoices', null)).status, 500);
  assert.equal((await p('GET', '/v1/invoices', null)).status, 200);
  await fetch(`${paycashless.url}/__fake/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'rateLimit', retryAfter: '7', route: 'list' }),
  });
  const limited = await fetch(`${paycashless.url}/v1/invoices`);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '7');
  assert.equal(paycashless.server.calls('list'), 4);
  assert.equal(paycashless.server.calls(), 4);
});
