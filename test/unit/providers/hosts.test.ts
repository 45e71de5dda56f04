import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdapter } from '../../../main/providers/registry';
import { makeAccount, makeDeps } from '../../fakes/provider-fixtures';

/** A fetch that records the URL and answers an empty, valid page. */
function recorder(body: unknown) {
  const urls: string[] = [];
  const fetchFn = (async (url: string | URL | Request) => {
    urls.push(String(url));
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  return { urls, fetchFn };
}

test('Kashier: the account mode picks the documented test or live host; an override replaces only the origin', async () => {
  const kashierPage = { response: { data: [], pagination: { hasNextPage: false } }, status: 'SUCCESS' };
  for (const [mode, baseUrl, want] of [
    ['test', null, 'https://test-api.kashier.io/paymentRequests/MID-1?currency=EGP&currentPage=1&pageSize=1'],
    ['live', null, 'https://api.kashier.io/paymentRequests/MID-1?currency=EGP&currentPage=1&pageSize=1'],
    [
      'live',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010/paymentRequests/MID-1?currency=EGP&currentPage=1&pageSize=1',
    ],
  ] as const) {
    const r = recorder(kashierPage);
    const a = createAdapter(
      makeDeps(
        makeAccount('kashier', { mode, baseUrl, settings: { merchantId: 'MID-1' } }),
        { secretKey: 'FAKE' },
        { fetch: r.fetchFn },
      ),
    );
    assert.equal((await a.testConnection()).result, 'ok');
    assert.deepEqual(r.urls, [want]);
  }
});

test('Paycashless: one documented host with the /v1 path kept under an override', async () => {
  for (const [baseUrl, want] of [
    [null, 'https://api.paycashless.com/v1/invoices?limit=1'],
    ['https://sandbox-proxy.example.com', 'https://sandbox-proxy.example.com/v1/invoices?limit=1'],
  ] as const) {
    const r = recorder({ hasMore: false, cursor: '', data: [] });
    const a = createAdapter(
      makeDeps(makeAccount('paycashless', { baseUrl }), { apiKey: 'FAKE', apiSecret: 'FAKE-S' }, { fetch: r.fetchFn }),
    );
    assert.equal((await a.testConnection()).result, 'ok');
    assert.deepEqual(r.urls, [want]);
  }
});

test('a missing secret is a clear refusal naming the field (test connection: wrong_key)', async () => {
  const r = recorder({});
  const a = createAdapter(makeDeps(makeAccount('paycashless'), { apiKey: 'FAKE' }, { fetch: r.fetchFn }));
  const check = await a.testConnection();
  assert.equal(check.result, 'wrong_key');
  assert.match(check.message, /API secret/);
  assert.deepEqual(check.detail?.params?.secret, { key: 'providers.field.paycashless.apiSecret' });
  assert.deepEqual(r.urls, []);
});
