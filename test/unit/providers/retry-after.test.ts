import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryWaitMs } from '../../../main/providers/retry-after';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const hdrs = (h: Record<string, string>) => new Headers(h);

test('Retry-After in seconds (integer or decimal) and as an HTTP-date', () => {
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': '120' }), NOW), 120_000);
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': '1.5' }), NOW), 1_500);
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': new Date(NOW + 30_000).toUTCString() }), NOW), 30_000);
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': new Date(NOW - 30_000).toUTCString() }), NOW), 0);
});

test('X-RateLimit-Reset as epoch seconds, epoch milliseconds or delta seconds', () => {
  assert.equal(retryWaitMs(hdrs({ 'X-RateLimit-Reset': String(NOW / 1000 + 42) }), NOW), 42_000);
  assert.equal(retryWaitMs(hdrs({ 'X-RateLimit-Reset': String(NOW + 7_000) }), NOW), 7_000);
  assert.equal(retryWaitMs(hdrs({ 'X-RateLimit-Reset': '15' }), NOW), 15_000);
  assert.equal(retryWaitMs(hdrs({ 'X-RateLimit-Reset': String(NOW / 1000 - 5) }), NOW), 0);
});

test('Retry-After wins; garbage falls through to the next header or null', () => {
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': '3', 'X-RateLimit-Reset': '60' }), NOW), 3_000);
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': 'soon', 'X-RateLimit-Reset': '60' }), NOW), 60_000);
  assert.equal(retryWaitMs(hdrs({ 'Retry-After': 'soon' }), NOW), null);
  assert.equal(retryWaitMs(hdrs({}), NOW), null);
});
