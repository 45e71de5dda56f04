import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucketLimiter } from '../../../main/providers/rate-limit';

function clock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => void (t += ms),
    sleeps,
  };
}

test('a burst passes at once, then requests are spaced at the sustained rate', async () => {
  const c = clock();
  const l = new TokenBucketLimiter({ ratePerSecond: 2, burst: 3, nowMs: c.now, sleep: c.sleep });
  for (let i = 0; i < 3; i++) await l.acquire('a');
  assert.deepEqual(c.sleeps, []);
  await l.acquire('a');
  await l.acquire('a');
  assert.deepEqual(c.sleeps, [500, 500]);
});

test('concurrent callers queue at evenly spaced times without polling', () => {
  const c = clock();
  const l = new TokenBucketLimiter({ ratePerSecond: 4, burst: 1, nowMs: c.now, sleep: c.sleep });
  assert.deepEqual([l.reserve('k'), l.reserve('k'), l.reserve('k'), l.reserve('k')], [0, 250, 500, 750]);
});

test('keys are independent (one budget per account)', async () => {
  const c = clock();
  const l = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, nowMs: c.now, sleep: c.sleep });
  assert.equal(l.reserve('acct-1'), 0);
  assert.equal(l.reserve('acct-2'), 0);
  assert.equal(l.reserve('acct-1'), 1000);
});

test('blockUntil holds a key (after a 429) and refills over time', () => {
  const c = clock();
  const l = new TokenBucketLimiter({ ratePerSecond: 10, burst: 10, nowMs: c.now, sleep: c.sleep });
  l.blockUntil('k', c.now() + 5_000);
  assert.equal(l.reserve('k'), 5_000);
  assert.equal(l.reserve('other'), 0);
  c.advance(6_000);
  assert.equal(l.reserve('k'), 0);
});
