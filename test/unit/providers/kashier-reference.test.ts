/**
 * Kashier references: scheme 2 ("2" + year + sequence) is readable, numeric, at most 15 digits and unique as a
 * double; the legacy scheme 1 still decodes (for invoices sent by earlier versions), but only to numbers of ours,
 * so a foreign all-digit reference (the docs' own samples) stays foreign.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  decodeKashierReference,
  encodeKashierReference,
  encodeLegacyKashierReference,
  KASHIER_REFERENCE,
} from '../../../main/providers/kashier/reference';

test('scheme 2: the documented form, derived by hand', () => {
  assert.equal(encodeKashierReference('INV-2026-0042'), '2' + '2026' + '0042');
  assert.equal(encodeKashierReference('INV-1999-123456'), '21999123456');
  assert.equal(encodeKashierReference('INV-2026-7'), '220267');
  assert.equal(decodeKashierReference('220260042'), 'INV-2026-0042');
  assert.equal(decodeKashierReference('220267'), 'INV-2026-7');
});

test('scheme 2 refuses what it cannot express (another series, a sequence over 10 digits)', () => {
  for (const n of ['CN-2026-0001', 'INV-26-0001', 'INV-2026-12345678901', 'inv-2026-0001', 'INV-2026-'])
    assert.throws(() => encodeKashierReference(n), { code: 'reference_not_encodable' }, n);
});

test('unique within 15 significant digits: distinct numbers are distinct doubles', () => {
  const number = fc
    .tuple(
      fc.integer({ min: 1900, max: 2199 }),
      fc.integer({ min: 1, max: 9_999_999_999 }),
      fc.integer({ min: 1, max: 10 }),
    )
    .map(([y, seq, digits]) => `INV-${y}-${String(seq).padStart(digits, '0')}`);
  fc.assert(
    fc.property(number, number, (a, b) => {
      const ra = encodeKashierReference(a);
      const rb = encodeKashierReference(b);
      assert.match(ra, /^2\d{5,14}$/);
      assert.ok(ra.length <= 15);
      assert.equal(String(Number(ra)), ra, 'exact as a double');
      assert.equal(decodeKashierReference(ra), a);
      if (a !== b) assert.notEqual(Number(ra), Number(rb), `${a} / ${b}`);
    }),
    { numRuns: 5000 },
  );
  // Consecutive numbers (the case the 24-digit legacy form lost as doubles).
  assert.notEqual(Number(encodeKashierReference('INV-2026-0042')), Number(encodeKashierReference('INV-2026-0043')));
  assert.equal(
    Number(encodeLegacyKashierReference('INV-2026-0042')),
    Number(encodeLegacyKashierReference('INV-2026-0043')),
    'why scheme 1 was replaced',
  );
});

test('legacy scheme 1 still decodes to our numbers, and every form is looked up', () => {
  assert.equal(encodeLegacyKashierReference('INV-2026-0042'), '191892393193620269360042');
  assert.equal(decodeKashierReference('191892393193620269360042'), 'INV-2026-0042');
  assert.deepEqual(KASHIER_REFERENCE.sentForms('INV-2026-0042'), ['220260042', '191892393193620269360042']);
});

test("foreign references stay foreign: the docs' samples and anything that is not one of our numbers", () => {
  for (const s of ['143484', '1434984', '258.468', '620', '', '2123', '19', '2026', '3220260042', '1941'])
    assert.equal(decodeKashierReference(s), null, s);
});
