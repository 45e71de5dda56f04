import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeKashierReference, encodeKashierReference } from '../../../main/providers/kashier/reference';

test('the documented example, derived by hand from the scheme', () => {
  // "1" scheme; TABLE index + 10: I=18, N=23, V=31, "-"=36 (after A–Z); digits as they are.
  assert.equal(encodeKashierReference('INV-2026-0042'), '1' + '918' + '923' + '931' + '936' + '2026' + '936' + '0042');
  assert.equal(decodeKashierReference('191892393193620269360042'), 'INV-2026-0042');
});

test('nines, lower case and characters outside the table', () => {
  assert.equal(encodeKashierReference('9'), '199');
  assert.equal(encodeKashierReference('a'), '1941');
  assert.equal(encodeKashierReference('é'), `1989${'233'.padStart(7, '0')}`);
  assert.equal(decodeKashierReference(encodeKashierReference('FA-٣٢/é 99')), 'FA-٣٢/é 99');
});

test('not one of ours → null', () => {
  for (const s of ['', '2123', '1a', '19', '190', '1989123', '258.468', '1434984'.replace(/^1/, '3')]) {
    assert.equal(decodeKashierReference(s), null, s);
  }
});

test('every string round-trips, is digits only, and never starts with 0', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })),
      (s) => {
        const ref = encodeKashierReference(s);
        assert.match(ref, /^1\d*$/);
        assert.equal(decodeKashierReference(ref), s);
      },
    ),
    { numRuns: 2000 },
  );
});

test('distinct numbers give distinct references', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
      fc.pre(a !== b);
      assert.notEqual(encodeKashierReference(a), encodeKashierReference(b));
    }),
  );
});
