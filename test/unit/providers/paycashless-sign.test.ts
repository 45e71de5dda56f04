/**
 * The Paycashless signer against vectors written by hand from the documentation (§2.1/2.2): the expected sorted
 * body is typed out literally, and the expected signature is computed here step by step with node:crypto —
 * bodyHash = HMAC-SHA512(secret, sortedBody), signature = HMAC-SHA512(secret, lowercasePath + bodyHash + timestamp).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, paycashlessHeaders, signPaycashless } from '../../../main/providers/paycashless/sign';

const SECRET = 'sk_sandbox_FAKE_unit_vector_secret';
const TS = 1712336881;
const h = (data: string): string => createHmac('sha512', SECRET).update(Buffer.from(data, 'utf8')).digest('hex');

test("nested objects are sorted recursively and serialised compactly (the docs' worked-example shape)", () => {
  const body = {
    reference: 'ref-1',
    metadata: { category: 'books' },
    description: 'Book',
    amount: { value: 5000, currency: 'NGN' },
  };
  const sorted =
    '{"amount":{"currency":"NGN","value":5000},"description":"Book","metadata":{"category":"books"},"reference":"ref-1"}';
  assert.equal(canonicalJson(body), sorted);
  const bodyHash = h(sorted);
  const expected = h(`/v1/invoices${bodyHash}${TS}`);
  assert.equal(
    signPaycashless({ path: '/v1/invoices', body: canonicalJson(body), timestamp: TS, secret: SECRET }),
    expected,
  );
  assert.match(expected, /^[0-9a-f]{128}$/);
});

test('arrays keep their order while the objects inside them are sorted', () => {
  const body = {
    items: [
      { quantity: 1, name: 'Zeta', price: 100 },
      { price: 5, name: 'Alpha', quantity: 2, description: 'd' },
    ],
    currency: 'USD',
  };
  const sorted =
    '{"currency":"USD","items":[{"name":"Zeta","price":100,"quantity":1},{"description":"d","name":"Alpha","price":5,"quantity":2}]}';
  assert.equal(canonicalJson(body), sorted);
  assert.equal(
    signPaycashless({ path: '/v1/invoices', body: sorted, timestamp: TS, secret: SECRET }),
    h(`/v1/invoices${h(sorted)}${TS}`),
  );
});

test('key order of the documented example: integer-like keys first in numeric order, then UTF-16 code-unit order', () => {
  // The official Node example signs JSON.stringify(sortObjectAlphabetically(body)); a JS object enumerates
  // canonical array indices ("2", "10") first, ascending, so those bytes are what the server compares.
  const body = {
    b: 1,
    a: 2,
    B: 3,
    _x: 4,
    '10': 5,
    '2': 6,
    '01': 7,
    '4294967295': 8,
    nested: { '3': 'x', '1': 'y', z: 0 },
  };
  const vector = '{"2":6,"10":5,"01":7,"4294967295":8,"B":3,"_x":4,"a":2,"b":1,"nested":{"1":"y","3":"x","z":0}}';
  assert.equal(canonicalJson(body), vector);
  assert.equal(canonicalJson(body), JSON.stringify(sortObjectAlphabetically(body)), 'the same bytes as the example');
  assert.equal(
    signPaycashless({ path: '/v1/invoices', body: canonicalJson(body), timestamp: TS, secret: SECRET }),
    h(`/v1/invoices${h(vector)}${TS}`),
  );
});

/** The documented example's helper (the stored page omits sort.js): sort keys, recursively, arrays kept in order. */
function sortObjectAlphabetically(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortObjectAlphabetically);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortObjectAlphabetically((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

test('any body: the canonical JSON equals the documented example’s sorted object through JSON.stringify', () => {
  const key = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.nat({ max: 5000 }).map(String),
    fc.constantFrom('0', '01', '-1', '1.5', '4294967294', '4294967295'),
  );
  const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
    ),
  }));
  fc.assert(
    fc.property(fc.dictionary(key, tree, { maxKeys: 8 }), (body) => {
      assert.equal(canonicalJson(body), JSON.stringify(sortObjectAlphabetically(body)));
    }),
    { numRuns: 1000 },
  );
});

test('unicode is signed as UTF-8 bytes of the unescaped text', () => {
  const body = { reference: 'réf', description: 'Naira ₦ – 😀 ünïcødé' };
  const sorted = '{"description":"Naira ₦ – 😀 ünïcødé","reference":"réf"}';
  assert.equal(canonicalJson(body), sorted);
  const bodyHash = createHmac('sha512', SECRET).update(Buffer.from(sorted, 'utf8')).digest('hex');
  assert.equal(
    signPaycashless({ path: '/v1/invoices', body: sorted, timestamp: TS, secret: SECRET }),
    h(`/v1/invoices${bodyHash}${TS}`),
  );
});

test('GET: the query string is not signed and there is no body hash', () => {
  const expected = h(`/v1/invoices${TS}`);
  assert.equal(
    signPaycashless({ path: '/v1/invoices?limit=10&cursor=abc', body: null, timestamp: TS, secret: SECRET }),
    expected,
  );
  assert.equal(
    signPaycashless({
      path: 'https://api.paycashless.com/v1/invoices?status=open',
      body: null,
      timestamp: TS,
      secret: SECRET,
    }),
    expected,
  );
  // A body hash of "{}" (the third-party variant) would be a different signature.
  assert.notEqual(expected, h(`/v1/invoices${h('{}')}${TS}`));
});

test('the signed path is lower-cased', () => {
  const expected = h(`/v1/invoices/inv_abc123${TS}`);
  assert.equal(
    signPaycashless({ path: '/v1/invoices/INV_ABC123', body: null, timestamp: TS, secret: SECRET }),
    expected,
  );
});

test('headers: Bearer API key, timestamp in Unix seconds, signature over exactly that timestamp', () => {
  const headers = paycashlessHeaders({
    apiKey: 'pk_FAKE',
    apiSecret: SECRET,
    path: '/v1/invoices/inv_1/cancel',
    body: '{"cancellationReason":"dup"}',
    now: new Date(TS * 1000 + 999),
  });
  assert.equal(headers.Authorization, 'Bearer pk_FAKE');
  assert.equal(headers['Request-Timestamp'], String(TS));
  assert.equal(headers['Request-Signature'], h(`/v1/invoices/inv_1/cancel${h('{"cancellationReason":"dup"}')}${TS}`));
  assert.equal(headers['Content-Type'], 'application/json');
});

test('undefined members are dropped like JSON.stringify; non-finite numbers become null', () => {
  assert.equal(canonicalJson({ b: undefined, a: [undefined, Number.NaN, 1.5] }), '{"a":[null,null,1.5]}');
});
