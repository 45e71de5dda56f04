/**
 * The HTTP client's retry rules with a scripted fetch (no network): what is repeated, what becomes
 * "outcome unknown", how 429s are honoured, and that nothing secret reaches an error or a log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../../shared/errors';
import { HttpClient, type HttpCall } from '../../../main/providers/http';
import { fastTuning, rawLogger } from '../../fakes/provider-fixtures';

const SECRET = 'sk_FAKE_unit_secret_value_123';
type Step = (init: RequestInit) => Response | Promise<Response>;

function netError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

function scripted(steps: Step[]) {
  const seen: RequestInit[] = [];
  const fetchFn = (async (_url: string | URL | Request, init?: RequestInit) => {
    const step = steps[seen.length];
    seen.push(init ?? {});
    if (!step) throw new Error('unexpected extra request');
    return step(init ?? {});
  }) as typeof fetch;
  return { fetchFn, seen };
}

const hang: Step = (init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const text =
  (status: number, body: string): Step =>
  () =>
    new Response(body, { status });

function client(steps: Step[], tuningOver = {}) {
  const s = scripted(steps);
  const tuning = fastTuning(tuningOver);
  const log = rawLogger();
  const now = new Date('2026-03-01T12:00:00Z');
  const http = new HttpClient({
    provider: 'paycashless',
    accountId: 'acct_1',
    fetch: s.fetchFn,
    log,
    now: () => now,
    tuning,
    describeError: (_st, j) => ({
      message: (j as { error?: { message?: string } } | null)?.error?.message ?? null,
      code: null,
    }),
  });
  return { http, seen: s.seen, sleeps: tuning.sleeps, log, now };
}

const get = (): HttpCall => ({
  operation: 'list',
  method: 'GET',
  url: new URL('https://api.example.com/v1/invoices?limit=1&api_key=' + SECRET),
  headers: () => ({ Authorization: `Bearer ${SECRET}` }),
  secrets: [SECRET],
});
const post = (): HttpCall => ({
  operation: 'create',
  method: 'POST',
  url: new URL('https://api.example.com/v1/invoices'),
  headers: () => ({ Authorization: `Bearer ${SECRET}` }),
  body: '{}',
  secrets: [SECRET],
});

async function rejects(p: Promise<unknown>): Promise<KassaError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof KassaError, String(e));
    return e;
  }
  assert.fail('expected a rejection');
}

test('GET: 500, timeout and reset are retried with full-jitter exponential backoff', async () => {
  const c = client([json(500, {}), hang, () => Promise.reject(netError('ECONNRESET')), json(200, { ok: 1 })], {
    timeoutMs: 30,
  });
  const r = await c.http.read(get());
  assert.deepEqual(r.json, { ok: 1 });
  assert.equal(c.seen.length, 4);
  // random pinned to 0.999: floor(0.999 × min(1000, 100 × 2^(n-1)))
  assert.deepEqual(c.sleeps, [99, 199, 399]);
});

test('GET: gives up after maxAttempts with a retryable provider error', async () => {
  const c = client([
    json(503, { error: { message: 'down' } }),
    json(503, {}),
    json(503, {}),
    json(503, { error: { message: 'still down' } }),
  ]);
  const e = await rejects(c.http.read(get()));
  assert.equal(e.code, 'provider_server_error');
  assert.equal(e.details?.httpStatus, 503);
  assert.equal(e.details?.providerMessage, 'still down');
  assert.equal(e.details?.retryable, true);
  assert.equal(e.details?.provider, 'paycashless');
  assert.equal(e.details?.operation, 'list');
});

test('POST: a 5xx, a timeout or a reset is never repeated and comes back as outcome unknown', async () => {
  for (const step of [
    json(502, { error: { message: 'bad gateway' } }),
    hang,
    () => Promise.reject(netError('ECONNRESET')),
    () => Promise.reject(netError('UND_ERR_SOCKET')),
  ]) {
    const c = client([step], { timeoutMs: 30 });
    const out = await c.http.write(post());
    assert.equal(out.outcome, 'unknown');
    assert.equal(c.seen.length, 1);
    if (out.outcome === 'unknown') {
      assert.equal(out.error.code, 'outcome_unknown');
      assert.equal(out.error.kind, 'provider');
      assert.equal(out.error.details?.retryable, false);
    }
  }
});

test('POST: a request that never left (refused, DNS) is repeated safely', async () => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
    const c = client([() => Promise.reject(netError(code)), json(201, { id: 'inv_1' })]);
    const out = await c.http.write(post());
    assert.equal(out.outcome, 'ok');
    assert.equal(c.seen.length, 2, code);
  }
  const c = client(Array.from({ length: 4 }, () => () => Promise.reject(netError('ECONNREFUSED'))));
  const e = await rejects(c.http.write(post()));
  assert.equal(e.code, 'provider_unreachable');
  assert.equal(e.details?.retryable, true);
});

test('429: Retry-After (seconds / HTTP-date) and X-RateLimit-Reset are honoured, for reads and writes', async () => {
  let c = client([json(429, {}, { 'Retry-After': '2' }), json(200, [])]);
  await c.http.read(get());
  assert.deepEqual(c.sleeps, [2000]);

  c = client([
    json(429, {}, { 'Retry-After': new Date(Date.parse('2026-03-01T12:00:05Z')).toUTCString() }),
    json(201, { id: 'x' }),
  ]);
  assert.equal((await c.http.write(post())).outcome, 'ok');
  assert.deepEqual(c.sleeps, [5000]);
  assert.equal(c.seen.length, 2);

  c = client([
    json(429, {}, { 'X-RateLimit-Reset': String(Date.parse('2026-03-01T12:00:07Z') / 1000) }),
    json(200, []),
  ]);
  await c.http.read(get());
  assert.deepEqual(c.sleeps, [7000]);

  c = client([json(429, {}), json(200, [])]);
  await c.http.read(get());
  assert.deepEqual(c.sleeps, [99], 'no header: plain backoff');
});

test('429 asking for longer than we wait in-process fails at once, retryable, with the wait in details', async () => {
  const c = client([json(429, { error: { message: 'slow down' } }, { 'Retry-After': '3600' })]);
  const e = await rejects(c.http.read(get()));
  assert.equal(e.code, 'provider_rate_limited');
  assert.equal(e.details?.retryAfterSeconds, 3600);
  assert.equal(e.details?.retryable, true);
  assert.deepEqual(c.sleeps, []);
});

test('4xx is final: 401 → auth failed, 404 → not found, 422 → rejected; none repeated', async () => {
  for (const [status, code] of [
    [401, 'provider_auth_failed'],
    [403, 'provider_auth_failed'],
    [404, 'provider_not_found'],
    [422, 'provider_rejected'],
    [400, 'provider_rejected'],
  ] as const) {
    const c = client([json(status, { error: { message: 'nope' } })]);
    const e = await rejects(c.http.write(post()));
    assert.equal(e.code, code);
    assert.equal(e.details?.retryable, false);
    assert.equal(c.seen.length, 1);
  }
});

test('malformed JSON: a read fails clearly keeping the raw text; a write becomes outcome unknown', async () => {
  let c = client([text(200, '{"data": [ {"id": "inv_1", ')]);
  const e = await rejects(c.http.read(get()));
  assert.equal(e.code, 'provider_malformed_response');
  assert.equal(e.details?.rawText, '{"data": [ {"id": "inv_1", ');
  assert.equal(c.seen.length, 1);

  c = client([text(201, '{"id": "inv_')]);
  const out = await c.http.write(post());
  assert.equal(out.outcome, 'unknown');
  if (out.outcome === 'unknown') {
    assert.equal(out.error.details?.reason, 'malformed_response');
    assert.equal(out.error.details?.rawText, '{"id": "inv_');
  }
});

test('secrets never reach errors or logs, even when the provider echoes them', async () => {
  const c = client([json(401, { error: { message: `invalid key ${SECRET} for nadia@example.com` } })]);
  const e = await rejects(c.http.read(get()));
  const everything = JSON.stringify(e.toBody()) + e.message + c.log.text();
  assert.ok(!everything.includes(SECRET), everything);
  assert.ok(!everything.includes('nadia@example.com'));
  assert.match(String(e.details?.providerMessage), /\[redacted\]/);
  assert.ok(c.log.lines.some((l) => l.event === 'provider.http.response' && l.fields.status === 401));
  assert.ok(
    c.log.lines.every((l) => !('body' in l.fields)),
    'bodies are never logged',
  );
  const req = c.log.lines.find((l) => l.event === 'provider.http.request');
  assert.deepEqual(req?.fields.headers, { Authorization: '[redacted]' }, 'header names only for sensitive headers');
  assert.match(String(req?.fields.path), /api_key=\[redacted\]/);
});
