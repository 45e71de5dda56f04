import { customerCreateInput } from '../../../shared/contract/customers';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isIsoDate, localDate, monthRange } from '../../../shared/contract/dates';
import { currencyCode, phone, quantity, percent, taxCategoryProblem } from '../../../shared/contract/fields';
import { decodeCursor, encodeCursor } from '../../../main/ledger/cursor';
import { safeCell } from '../../../main/ledger/csv-export';
import { formatNumber } from '../../../main/ledger/numbering';
import { searchTerms } from '../../../main/ledger/queries';
import { searchNormalize, translateSqliteError } from '../../../main/ledger/sql';
import { isOverdue, settledStatus } from '../../../main/ledger/status';
import type { InvoiceStatus } from '../../../shared/domain';
import type { KassaError } from '../../../shared/errors';

test('status rules: payments and credits settle an invoice; drafts, cancelled and credit notes keep theirs', () => {
  const st = (
    kind: 'invoice' | 'credit_note',
    current: InvoiceStatus,
    total: number,
    paid: number,
    credited: number,
    refunded = 0,
  ) => settledStatus(kind, current, { total, paid, credited, refunded });
  assert.equal(st('invoice', 'issued', 1000, 0, 0), 'issued');
  assert.equal(st('invoice', 'issued', 1000, 1, 0), 'partially_paid');
  assert.equal(st('invoice', 'partially_paid', 1000, 1000, 0), 'paid');
  assert.equal(st('invoice', 'issued', 1000, 1500, 0), 'paid');
  assert.equal(st('invoice', 'issued', 1000, 400, 600), 'paid');
  assert.equal(st('invoice', 'issued', 1000, 0, 1000), 'cancelled');
  assert.equal(st('invoice', 'issued', 1000, 0, 999), 'issued');
  assert.equal(st('invoice', 'paid', 1000, 0, 0), 'issued', 'voiding the only payment reopens it');
  assert.equal(st('invoice', 'expired', 1000, 0, 0), 'expired');
  assert.equal(st('invoice', 'expired', 1000, 10, 0), 'partially_paid');
  assert.equal(st('invoice', 'issued', 0, 0, 0), 'paid', 'nothing to pay');
  assert.equal(st('invoice', 'cancelled', 1000, 0, 0), 'cancelled');
  assert.equal(st('invoice', 'draft', 1000, 0, 0), 'draft');
  assert.equal(st('credit_note', 'issued', 1000, 0, 0), 'issued');
  // Paid in full plus an overpayment, credited, the credit and overpayment paid back, then the overpayment voided:
  // what was received (paid − refunded) no longer covers the rest, so it owes again (it stayed "paid" before).
  assert.equal(st('invoice', 'paid', 132_657, 132_657, 19_703, 22_669), 'partially_paid');
  assert.equal(st('invoice', 'paid', 1000, 1000, 1000, 1000), 'paid', 'credited in full and paid back');
  assert.equal(st('invoice', 'paid', 1000, 200, 0, 200), 'issued', 'everything received was paid back');
});

test('overdue is derived: issued or partially paid invoices past their due date', () => {
  assert.equal(isOverdue('invoice', 'issued', '2026-03-09', '2026-03-10'), true);
  assert.equal(isOverdue('invoice', 'partially_paid', '2026-03-09', '2026-03-10'), true);
  assert.equal(isOverdue('invoice', 'issued', '2026-03-10', '2026-03-10'), false, 'due today is not overdue');
  assert.equal(isOverdue('invoice', 'paid', '2026-01-01', '2026-03-10'), false);
  assert.equal(isOverdue('invoice', 'expired', '2026-01-01', '2026-03-10'), false);
  assert.equal(isOverdue('credit_note', 'issued', '2026-01-01', '2026-03-10'), false);
  assert.equal(isOverdue('invoice', 'issued', null, '2026-03-10'), false);
});

test('dates: real calendar dates only, arithmetic without time zones', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2026-04-31'), false);
  assert.equal(isIsoDate('2026-4-3'), false);
  assert.equal(isIsoDate('1899-12-31'), false);
  assert.equal(addDays('2026-12-25', 14), '2027-01-08');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.deepEqual(monthRange('2026-02-14'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(monthRange('2024-02-01'), { from: '2024-02-01', to: '2024-02-29' });
  assert.match(localDate(new Date()), /^\d{4}-\d{2}-\d{2}$/);
});

test('field schemas normalize what people type', () => {
  // A phone is read with its owner's country (the ledger stores it in E.164, see countries-phones.test.ts).
  const customer = (phone: string, country?: string) =>
    customerCreateInput.safeParse({ name: 'A', phone, ...(country ? { address: { country } } : {}) }).success;
  assert.equal(customer('+20 100-123-4567'), true);
  assert.equal(customer('01001234567'), false, 'a national number without a country is ambiguous');
  assert.equal(customer('01001234567', 'EG'), true, 'with the country it is not');
  assert.equal(customer('+20 1'), false);
  assert.equal(phone.parse(''), '', 'empty clears');
  assert.equal(currencyCode.parse('egp'), 'EGP');
  assert.equal(currencyCode.safeParse('EURO').success, false);
  assert.equal(quantity.parse('01.500'), '1.5');
  assert.equal(quantity.safeParse('1e3').success, false);
  assert.equal(quantity.safeParse('0.000').success, false);
  assert.equal(percent().parse('7.50'), '7.5');
  assert.equal(percent().safeParse('100.0001').success, false);
  assert.equal(taxCategoryProblem('S', '14', undefined), null);
  assert.equal(taxCategoryProblem('E', '0', undefined)?.field, 'exemptionReason');
  assert.equal(taxCategoryProblem('Z', '5', undefined)?.field, 'rate');
  assert.equal(taxCategoryProblem('AE', '0', 'Reverse charge'), null);
});

test('numbers are formatted with the series prefix, the year and padded digits', () => {
  assert.equal(formatNumber('INV', 2026, 1, 4), 'INV-2026-0001');
  assert.equal(formatNumber('CN', 2026, 12345, 4), 'CN-2026-12345');
});

test('cursors are opaque, tied to their sort, and refuse tampering', () => {
  const c = encodeCursor({ tag: 'invoices:dueDate:asc', key: '2026-03-01', id: 'inv_abc' });
  assert.deepEqual(decodeCursor(c, 'invoices:dueDate:asc'), {
    tag: 'invoices:dueDate:asc',
    key: '2026-03-01',
    id: 'inv_abc',
  });
  assert.throws(
    () => decodeCursor(c, 'invoices:total:asc'),
    (e: KassaError) => e.code === 'invalid_cursor' && e.field === 'cursor',
  );
  assert.throws(
    () => decodeCursor('%%%', 'x'),
    (e: KassaError) => e.code === 'invalid_cursor',
  );
  assert.throws(
    () => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'x'),
    (e: KassaError) => e.code === 'invalid_cursor',
  );
});

test('search text: case, accents and Arabic marks are folded; FTS syntax in input is inert', () => {
  assert.equal(searchNormalize('  Amélie   CAFÉ '), 'amelie cafe');
  assert.equal(searchNormalize('مُحَمَّد'), 'محمد');
  assert.deepEqual(searchTerms('Nile "Bak'), { match: '"nile" AND """bak"', likes: [] });
  assert.deepEqual(searchTerms('ab INV'), { match: '"inv"', likes: ['%ab%'] });
  assert.deepEqual(searchTerms('50%_'), { match: '"50%_"', likes: [] });
  assert.deepEqual(searchTerms('5_'), { match: null, likes: ['%5\\_%'] });
});

test('CSV cells that a spreadsheet would run as formulas are neutralized', () => {
  assert.equal(safeCell('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(safeCell('+1'), "'+1");
  assert.equal(safeCell('@cmd'), "'@cmd");
  assert.equal(safeCell('Nile Bakery'), 'Nile Bakery');
  assert.equal(safeCell(null), '');
});

test('SQLite failures become KassaErrors with stable codes', () => {
  const guard = translateSqliteError(
    Object.assign(new Error('kassa:issued_invoice_immutable'), { code: 'SQLITE_CONSTRAINT_TRIGGER' }),
  ) as KassaError;
  assert.equal(guard.code, 'issued_invoice_immutable');
  assert.equal(guard.kind, 'refused');
  const busy = translateSqliteError(
    Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
  ) as KassaError;
  assert.equal(busy.code, 'ledger_busy');
  assert.equal(busy.kind, 'io');
  const plain = new TypeError('x');
  assert.equal(translateSqliteError(plain), plain);
});
