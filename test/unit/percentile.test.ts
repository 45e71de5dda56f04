import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile } from '../bench/percentile';

test('benchmark percentiles are nearest-rank: p95 of a few runs is the slowest one, p50 the middle one', () => {
  const five = [10, 20, 30, 40, 50];
  assert.equal(percentile(five, 0.5), 30);
  assert.equal(percentile(five, 0.95), 50);
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(hundred, 0.95), 95);
  assert.equal(percentile(hundred, 0.5), 50);
  assert.equal(percentile([7], 0.95), 7);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});
