import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertCurrency,
  currencyExponent,
  formatMoney,
  majorToMinor,
  minorToMajorString,
  parseTypedAmount,
} from '../../shared/money';

test('exponents come from Intl', () => {
  assert.equal(currencyExponent('EUR'), 2);
  assert.equal(currencyExponent('JPY'), 0);
  assert.equal(currencyExponent('KWD'), 3);
});

test('minor ↔ major is exact', () => {
  assert.equal(minorToMajorString(1550, 'EUR'), '15.50');
  assert.equal(minorToMajorString(-5, 'EUR'), '-0.05');
  assert.equal(minorToMajorString(1234, 'JPY'), '1234');
  assert.equal(minorToMajorString(1, 'KWD'), '0.001');
  assert.equal(majorToMinor('15.50', 'EUR'), 1550);
  assert.equal(majorToMinor(0.1 + 0.2, 'EUR'), 30);
  assert.equal(majorToMinor(15.499999999, 'EUR'), 1550);
  assert.equal(majorToMinor('0.005', 'EUR'), 1);
  assert.equal(majorToMinor(1234, 'JPY'), 1234);
});

test('unknown currencies are refused with the field named', () => {
  assert.throws(
    () => assertCurrency('XXQ'),
    (e: Error & { field?: string; code?: string }) => e.code === 'unknown_currency' && e.field === 'currency',
  );
  assert.equal(assertCurrency('EGP'), 'EGP');
});

test('display uses the locale', () => {
  assert.equal(formatMoney(123456, 'EUR', 'en-US'), '€1,234.56');
  assert.match(formatMoney(123456, 'EGP', 'ar-EG'), /ج\.م\./);
});

test('typed amounts are exact and never rounded', () => {
  assert.equal(parseTypedAmount('12.50', 'EUR'), 1250);
  assert.equal(parseTypedAmount(' 1 234.5 ', 'EUR'), 123450);
  assert.equal(parseTypedAmount('7', 'JPY'), 7);
  assert.throws(
    () => parseTypedAmount('0.005', 'EUR'),
    (e: Error & { code?: string }) => e.code === 'too_many_decimals',
  );
  assert.throws(
    () => parseTypedAmount('1.5', 'JPY'),
    (e: Error & { code?: string }) => e.code === 'too_many_decimals',
  );
  assert.throws(
    () => parseTypedAmount('1', 'XYZ'),
    (e: Error & { code?: string }) => e.code === 'unknown_currency',
  );
  assert.throws(
    () => parseTypedAmount('99999999999999999', 'EUR'),
    (e: Error & { code?: string }) => e.code === 'amount_too_large',
  );
});
