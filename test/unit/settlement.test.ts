/** The one balance rule (shared/settlement.ts), by example and as a property. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { balanceOf, creditNoteOwedBack, refundableOf, signedTotal } from '../../shared/settlement';

const base = { kind: 'invoice' as const, status: 'issued' as const, total: 10_000, paid: 0, credited: 0, refunded: 0 };

test('examples: open, credited paid, refunded, overpaid, cancelled, credit note', () => {
  assert.equal(balanceOf(base), 10_000);
  assert.equal(balanceOf({ ...base, status: 'paid', paid: 10_000, credited: 10_000 }), -10_000);
  assert.equal(balanceOf({ ...base, status: 'paid', paid: 10_000, credited: 10_000, refunded: 10_000 }), 0);
  assert.equal(refundableOf({ ...base, status: 'paid', paid: 12_000 }), 2_000);
  assert.equal(refundableOf(base), 0);
  assert.equal(balanceOf({ ...base, status: 'cancelled', credited: 3_000 }), 0);
  assert.equal(balanceOf({ ...base, kind: 'credit_note' }), 0);
  assert.equal(signedTotal('credit_note', 500), -500);
  assert.equal(signedTotal('invoice', 500), 500);
});

test('property: for any invoice that is not cancelled, balance + paid + credited − refunded = total', () => {
  const amount = fc.integer({ min: 0, max: 1e12 });
  fc.assert(
    fc.property(
      amount,
      amount,
      amount,
      amount,
      fc.constantFrom('issued', 'partially_paid', 'paid', 'expired'),
      (total, paid, credited, refunded, status) => {
        const f = { kind: 'invoice' as const, status: status as 'issued', total, paid, credited, refunded };
        assert.equal(balanceOf(f) + paid + credited - refunded, total);
        assert.equal(refundableOf(f), Math.max(0, -balanceOf(f)));
      },
    ),
  );
});

test('a refund defaults to the newest credit note not yet paid back in full, none when all are (or none exists)', () => {
  const note = (id: string, total: number, paidOut: number) => ({ id, number: id, issueDate: null, total, paidOut });
  assert.equal(creditNoteOwedBack([]), null);
  assert.equal(creditNoteOwedBack([note('cn1', 500, 0), note('cn2', 300, 0)]), 'cn2');
  assert.equal(creditNoteOwedBack([note('cn1', 500, 0), note('cn2', 300, 300)]), 'cn1');
  assert.equal(creditNoteOwedBack([note('cn1', 500, 200), note('cn2', 300, 300)]), 'cn1');
  assert.equal(creditNoteOwedBack([note('cn1', 500, 500), note('cn2', 300, 300)]), null);
});
