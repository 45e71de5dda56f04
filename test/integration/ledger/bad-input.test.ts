/**
 * Bad input through the contract: each is refused with a clear error naming the field, and the ledger is
 * byte-for-byte the same afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodInput, MethodName } from '../../../shared/api';
import { customer, draft, dumpLedger, issued, ledgerServices, line } from './helpers';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

test('bad input is refused with a clear error and changes nothing', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const d = await draft(call, c);
  const inv = await issued(call, c);
  const before = dumpLedger(db);

  const cases: Array<{
    name: string;
    method: MethodName;
    input: unknown;
    code: string;
    field?: string;
    message?: RegExp;
  }> = [
    {
      name: 'negative quantity',
      method: 'invoice.create',
      input: { lines: [line({ quantity: '-1' })] },
      code: 'invalid_input',
      field: 'lines.0.quantity',
      message: /greater than 0/,
    },
    {
      name: 'zero quantity',
      method: 'invoice.update',
      input: { id: d.id, lines: [line({ quantity: '0' })] },
      code: 'invalid_input',
      field: 'lines.0.quantity',
    },
    {
      name: 'quantity as a float',
      method: 'invoice.create',
      input: { lines: [{ ...line(), quantity: 1.5 }] },
      code: 'invalid_input',
      field: 'lines.0.quantity',
      message: /decimal string/,
    },
    {
      name: 'quantity with 4 decimals',
      method: 'invoice.create',
      input: { lines: [line({ quantity: '1.2345' })] },
      code: 'invalid_input',
      field: 'lines.0.quantity',
      message: /3 decimal/,
    },
    {
      name: 'unit price in major units',
      method: 'invoice.create',
      input: { lines: [{ ...line(), unitPrice: 12.5 }] },
      code: 'invalid_input',
      field: 'lines.0.unitPrice',
      message: /minor units/,
    },
    {
      name: 'negative unit price',
      method: 'invoice.create',
      input: { lines: [line({ unitPrice: -5 })] },
      code: 'invalid_input',
      field: 'lines.0.unitPrice',
    },
    {
      name: 'line discount above the line',
      method: 'invoice.create',
      input: { lines: [line({ unitPrice: 100, discount: 101 })] },
      code: 'invalid_input',
      field: 'lines.0.discount',
    },
    {
      name: 'unknown currency',
      method: 'invoice.create',
      input: { currency: 'XXQ' },
      code: 'invalid_input',
      field: 'currency',
      message: /ISO-4217/,
    },
    {
      name: 'currency as a symbol',
      method: 'invoice.update',
      input: { id: d.id, currency: '€' },
      code: 'invalid_input',
      field: 'currency',
    },
    {
      name: '10 MB notes',
      method: 'invoice.create',
      input: { notes: TEN_MB },
      code: 'invalid_input',
      field: 'notes',
      message: /too long/,
    },
    {
      name: '10 MB notes on update',
      method: 'invoice.update',
      input: { id: d.id, notes: TEN_MB },
      code: 'invalid_input',
      field: 'notes',
    },
    {
      name: '10 MB customer notes',
      method: 'customer.create',
      input: { name: 'A', notes: TEN_MB },
      code: 'invalid_input',
      field: 'notes',
    },
    {
      name: '10 MB description',
      method: 'invoice.create',
      input: { lines: [line({ description: TEN_MB })] },
      code: 'invalid_input',
      field: 'lines.0.description',
    },
    {
      name: 'February 30th',
      method: 'invoice.create',
      input: { issueDate: '2026-02-30' },
      code: 'invalid_input',
      field: 'issueDate',
      message: /real date/,
    },
    {
      name: 'date in another format',
      method: 'invoice.create',
      input: { dueDate: '03/10/2026' },
      code: 'invalid_input',
      field: 'dueDate',
    },
    {
      name: 'due before issue',
      method: 'invoice.create',
      input: { issueDate: '2026-03-10', dueDate: '2026-03-01' },
      code: 'invalid_input',
      field: 'dueDate',
    },
    {
      name: 'payment date that does not exist',
      method: 'invoice.pay',
      input: { id: inv.id, amount: 100, date: '2026-13-01' },
      code: 'invalid_input',
      field: 'date',
    },
    {
      name: 'exempt category without a reason',
      method: 'invoice.create',
      input: { lines: [line({ taxRate: '0', taxCategory: 'E' })] },
      code: 'invalid_input',
      field: 'lines.0.exemptionReason',
      message: /exemption reason/,
    },
    {
      name: 'standard rate at 0 %',
      method: 'invoice.create',
      input: { lines: [line({ taxRate: '0', taxCategory: 'S' })] },
      code: 'invalid_input',
      field: 'lines.0.taxRate',
    },
    {
      name: 'unknown VAT category',
      method: 'invoice.create',
      input: { lines: [{ ...line(), taxCategory: 'X' }] },
      code: 'invalid_input',
      field: 'lines.0.taxCategory',
    },
    {
      name: 'rate above 100 %',
      method: 'taxRate.create',
      input: { name: 'odd', rate: '140', category: 'S' },
      code: 'invalid_input',
      field: 'rate',
    },
    {
      name: 'local phone number without a country to read it with',
      method: 'customer.create',
      input: { name: 'A', phone: '0100 123 4567' },
      code: 'invalid_input',
      field: 'phone',
      message: /local number: choose the country/,
    },
    {
      name: 'empty customer name',
      method: 'customer.create',
      input: { name: '   ' },
      code: 'invalid_input',
      field: 'name',
    },
    { name: 'unknown field', method: 'invoice.create', input: { total: 5 }, code: 'invalid_input' },
    {
      name: 'amount discount above the lines',
      method: 'invoice.update',
      input: { id: d.id, discount: { kind: 'amount', amount: 999_999_999 } },
      code: 'discount_exceeds_lines',
      field: 'discount.amount',
    },
    {
      name: 'unknown customer',
      method: 'invoice.update',
      input: { id: d.id, customerId: 'cus_doesnotexist1' },
      code: 'customer_not_found',
    },
    { name: 'malformed id', method: 'invoice.get', input: { id: "1' OR '1'='1" }, code: 'invalid_input', field: 'id' },
    {
      name: 'issuing an issued invoice',
      method: 'invoice.issue',
      input: { id: inv.id },
      code: 'already_issued',
      field: 'id',
    },
    {
      name: 'editing an issued invoice',
      method: 'invoice.update',
      input: { id: inv.id, notes: 'changed' },
      code: 'invoice_not_draft',
      field: 'id',
      message: /immutable/,
    },
    {
      name: 'editing lines of an issued invoice',
      method: 'invoice.update',
      input: { id: inv.id, lines: [line({ unitPrice: 1 })] },
      code: 'invoice_not_draft',
    },
    { name: 'deleting an issued invoice', method: 'invoice.delete', input: { id: inv.id }, code: 'invoice_not_draft' },
    {
      name: 'payment of zero',
      method: 'invoice.pay',
      input: { id: inv.id, amount: 0 },
      code: 'invalid_input',
      field: 'amount',
    },
    {
      name: 'payment of a fraction of a cent',
      method: 'invoice.pay',
      input: { id: inv.id, amount: 10.5 },
      code: 'invalid_input',
      field: 'amount',
    },
    {
      name: 'payment in the future',
      method: 'invoice.pay',
      input: { id: inv.id, amount: 10, date: '2027-01-01' },
      code: 'payment_date_in_future',
      field: 'date',
    },
    {
      name: 'bad locale',
      method: 'profile.set',
      input: { locale: 'not a locale!' },
      code: 'invalid_input',
      field: 'locale',
    },
    {
      name: 'logo that is not a PNG',
      method: 'profile.set',
      input: { logo: { mime: 'image/png', base64: 'SGVsbG8=' } },
      code: 'invalid_input',
      field: 'logo.base64',
    },
    {
      name: 'too many lines',
      method: 'invoice.create',
      input: { lines: Array.from({ length: 501 }, () => line()) },
      code: 'invalid_input',
      field: 'lines',
    },
  ];
  for (const k of cases) {
    await assert.rejects(
      call(k.method, k.input as MethodInput<typeof k.method>),
      (e: Error & { code?: string; field?: string }) => {
        assert.equal(e.code, k.code, `${k.name}: ${e.message}`);
        if (k.field !== undefined) assert.equal(e.field, k.field, `${k.name}: field`);
        if (k.message) assert.match(e.message, k.message, k.name);
        assert.ok(e.message.length < 400, `${k.name}: the message stays short (never echoes the input)`);
        return true;
      },
      k.name,
    );
  }
  assert.deepEqual(dumpLedger(db), before);
  assert.equal((await call('ledger.check', {})).ok, true);
});
