/**
 * The KashIO, Kaspa and SimpleCash simulators are strict on their own: requests built by hand here (no adapter
 * code) are refused exactly where the docs say they must be, so a lax fake cannot hide an adapter bug. Each
 * simulator also runs standalone (`npm run fake -- <provider>`), printing its URL and test keys.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../../main/native/bindings';
import { KashioFake } from '../../fakes/kashio';
import { KASPA_LIMIT, KaspaFake } from '../../fakes/kaspa';
import { SimplecashFake } from '../../fakes/simplecash';

let kashio: KashioFake;
let kaspa: KaspaFake;
let simplecash: SimplecashFake;

before(async () => {
  kashio = new KashioFake();
  kaspa = new KaspaFake();
  simplecash = new SimplecashFake();
  await Promise.all([kashio.start(), kaspa.start(), simplecash.start()]);
});
after(async () => {
  await Promise.all([kashio.close(), kaspa.close(), simplecash.close()]);
});

async function call(
  base: string,
  method: string,
  p: string,
  o: { headers?: Record<string, string>; body?: unknown } = {},
) {
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json', ...(o.headers ?? {}) } };
  if (o.body !== undefined) init.body = JSON.stringify(o.body);
  const res = await fetch(`${base}${p}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}

test('KashIO fake: Basic auth with an empty password; required create fields; two decimals; PATCH only three fields', async () => {
  const basic = (user: string, pass = '') => ({
    Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
  });
  const ok = basic(kashio.keys.test);
  const body = {
    customer: { name: 'A', phone: '+51987654321' },
    request_datetime: '2026-03-01T10:00:00',
    currency: 'PEN',
    amount: 15.5,
    invoice_id: 'INV-1',
  };
  const u = '/v1/payments/invoices';
  assert.equal((await call(kashio.url, 'POST', u, { body })).status, 401);
  assert.equal((await call(kashio.url, 'POST', u, { headers: basic(kashio.keys.test, 'x'), body })).status, 401);
  assert.equal(
    (await call(kashio.url, 'POST', u, { headers: { Authorization: `Bearer ${kashio.keys.test}` }, body })).status,
    401,
  );
  for (const missing of ['customer', 'request_datetime', 'currency', 'amount', 'invoice_id']) {
    const b: Record<string, unknown> = { ...body };
    delete b[missing];
    assert.equal((await call(kashio.url, 'POST', u, { headers: ok, body: b })).status, 400, missing);
  }
  assert.equal((await call(kashio.url, 'POST', u, { headers: ok, body: { ...body, amount: 15.555 } })).status, 400);
  assert.equal(
    (await call(kashio.url, 'POST', u, { headers: ok, body: { ...body, customer: { name: 'A', phone: '0987' } } }))
      .status,
    400,
  );
  const created = await call(kashio.url, 'POST', u, { headers: ok, body: { ...body, amount: '20.00' } });
  assert.equal(created.status, 201);
  assert.equal(created.json.status, 'NEW');
  const id = created.json.id as string;
  assert.equal((await call(kashio.url, 'PATCH', `${u}/${id}`, { headers: ok, body: { invoice_id: 'X' } })).status, 400);
  assert.equal(
    (await call(kashio.url, 'PATCH', `${u}/${id}`, { headers: ok, body: { amount: 9.99 } })).json.amount,
    9.99,
  );
  // Both documented cursor shapes page the same list.
  for (let i = 0; i < 4; i++)
    await call(kashio.url, 'POST', u, { headers: ok, body: { ...body, invoice_id: `P${i}` } });
  const first = await call(kashio.url, 'GET', `${u}?limit=2`, { headers: ok });
  const after1 = (first.json.data as Array<{ id: string }>)[1]!.id;
  const a = await call(kashio.url, 'GET', `${u}?limit=2&starting_after=${after1}`, { headers: ok });
  const b = await call(kashio.url, 'GET', `${u}?limit=2&start=${after1}`, { headers: ok });
  assert.deepEqual(a.json.data, b.json.data);
  assert.equal((a.json.data as Array<{ status: string }>)[0]!.status, 'new', 'lists write statuses in lower case');
  const voided = await call(kashio.url, 'DELETE', `${u}/${id}`, { headers: ok });
  assert.equal(voided.json.status, 'VOIDED');
  // The live key sees nothing of the test key.
  assert.equal((await call(kashio.url, 'GET', `${u}/${id}`, { headers: basic(kashio.keys.live) })).status, 404);
});

test('Kaspa fake: X-API-Key or Bearer; required fields; status filter; page/limit ≤ 100; 100 per minute with headers', async () => {
  const key = { 'X-API-Key': kaspa.keys.key };
  const u = '/api/v1/invoices';
  const body = { to_email: 'a@example.com', items: [{ description: 'Logo', unit_price: 300 }] };
  assert.equal((await call(kaspa.url, 'POST', u, { body })).status, 401);
  assert.equal((await call(kaspa.url, 'POST', u, { headers: key, body: { items: body.items } })).status, 400);
  assert.equal(
    (await call(kaspa.url, 'POST', u, { headers: key, body: { to_email: 'a@example.com', items: [] } })).status,
    400,
  );
  assert.equal(
    (await call(kaspa.url, 'POST', u, { headers: key, body: { ...body, due_date: '31/03/2026' } })).status,
    400,
  );
  const draft = await call(kaspa.url, 'POST', u, { headers: { Authorization: `Bearer ${kaspa.keys.key}` }, body });
  assert.equal(draft.status, 201);
  assert.equal((draft.json.invoice as { status: string }).status, 'draft', 'without send: true');
  assert.equal((await call(kaspa.url, 'GET', `${u}?status=expired`, { headers: key })).status, 400);
  assert.equal((await call(kaspa.url, 'GET', `${u}?limit=101`, { headers: key })).status, 400);
  const list = await call(kaspa.url, 'GET', `${u}?status=draft`, { headers: key });
  assert.equal(list.headers.get('x-ratelimit-limit'), String(KASPA_LIMIT));
  assert.match(list.headers.get('x-ratelimit-reset') ?? '', /^\d{10}$/);
  const remaining = Number(list.headers.get('x-ratelimit-remaining'));
  kaspa.useWindow(remaining);
  const over = await call(kaspa.url, 'GET', u, { headers: key });
  assert.equal(over.status, 429);
  assert.equal(over.headers.get('x-ratelimit-remaining'), '0');
});

test('SimpleCash fake: api_key query; amount > 0.25; timeout from the documented set; email and name required', async () => {
  const q = `?api_key=${simplecash.keys.key}`;
  const body = { amount: 299, timeout: '3 days', email: 'payer@example.com', name: 'Invoice 1' };
  assert.equal((await call(simplecash.url, 'POST', '/v1/invoice', { body })).status, 401);
  assert.equal(
    (await call(simplecash.url, 'POST', `/v1/invoice${q}`, { body: { ...body, amount: 0.25 } })).status,
    400,
  );
  assert.equal(
    (await call(simplecash.url, 'POST', `/v1/invoice${q}`, { body: { ...body, timeout: '2 days' } })).status,
    400,
  );
  for (const missing of ['email', 'name', 'timeout', 'amount']) {
    const b: Record<string, unknown> = { ...body };
    delete b[missing];
    assert.equal((await call(simplecash.url, 'POST', `/v1/invoice${q}`, { body: b })).status, 400, missing);
  }
  const created = await call(simplecash.url, 'POST', `/v1/invoice${q}`, { body: { ...body, timeout: 'test' } });
  assert.equal(created.status, 200);
  const got = await call(simplecash.url, 'GET', `/v1/invoice/${created.json.uid as string}${q}`);
  assert.equal(got.json.status, 'Pending');
  assert.equal((await call(simplecash.url, 'GET', `/v1/invoices${q}&start=0`)).status, 400);
});

test('every simulator runs standalone and prints its URL and keys', { timeout: 120_000 }, async () => {
  for (const provider of ['kashio', 'kaspa', 'simplecash']) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot(), 'test', 'fakes', 'cli.ts'), provider],
      {
        cwd: projectRoot(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('\n')) resolve(out.split('\n')[0] as string);
        });
        child.on('exit', (code) => reject(new Error(`${provider} fake exited with ${code}`)));
      });
      const info = JSON.parse(line) as { provider: string; url: string; keys: unknown };
      assert.equal(info.provider, provider);
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(info.keys);
      const res = await fetch(`${info.url}/__fake/calls`);
      assert.equal(res.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  }
});
