/** The one rule for a line's VAT when not everything is said (shared/tax-default.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryForRate, resolveLineTax } from '../../shared/tax-default';

const lagos = { rate: '7.5', category: 'S' as const };
const exempt = { rate: '0', category: 'E' as const, exemptionReason: 'Small business' };

test('nothing given: the default; no default: unknown', () => {
  assert.deepEqual(resolveLineTax({}, lagos), { taxRate: '7.5', taxCategory: 'S' });
  assert.deepEqual(resolveLineTax({}, exempt), { taxRate: '0', taxCategory: 'E', exemptionReason: 'Small business' });
  assert.equal(resolveLineTax({}, null), null);
});

test('a rate alone: its category follows from it', () => {
  assert.equal(categoryForRate('14'), 'S');
  assert.equal(categoryForRate('0'), 'Z');
  assert.deepEqual(resolveLineTax({ taxRate: '14' }, lagos), { taxRate: '14', taxCategory: 'S' });
  assert.deepEqual(resolveLineTax({ taxRate: '0' }, lagos), { taxRate: '0', taxCategory: 'Z' });
});

test('a category alone: 0 % for zero and exempt ones, the default rate when it has that category', () => {
  assert.deepEqual(resolveLineTax({ taxCategory: 'E', exemptionReason: 'Art. 13' }, lagos), {
    taxRate: '0',
    taxCategory: 'E',
    exemptionReason: 'Art. 13',
  });
  assert.deepEqual(resolveLineTax({ taxCategory: 'S' }, lagos), { taxRate: '7.5', taxCategory: 'S' });
  assert.equal(resolveLineTax({ taxCategory: 'S' }, exempt), null);
  assert.equal(resolveLineTax({ taxCategory: 'L' }, null), null);
});

test('both given: as given, whatever the default', () => {
  assert.deepEqual(resolveLineTax({ taxRate: '20', taxCategory: 'S' }, lagos), { taxRate: '20', taxCategory: 'S' });
});
