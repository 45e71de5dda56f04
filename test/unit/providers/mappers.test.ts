import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  kashierInvoices,
  kashierPaymentUrl,
  kashierStatus,
  kashierToRemote,
  unwrapKashier,
} from '../../../main/providers/kashier/map';
import {
  describePaycashlessError,
  paycashlessStatus,
  paycashlessToRemote,
} from '../../../main/providers/paycashless/map';
import { createKashierAdapter } from '../../../main/providers/kashier/adapter';
import { createPaycashlessAdapter } from '../../../main/providers/paycashless/adapter';
import { makeAccount, makeDeps, makeInvoice } from '../../fakes/provider-fixtures';

// The documented view sample (kashier.md §6 / seed 001), verbatim in the fields that matter.
const KASHIER_VIEW = {
  response: {
    data: [
      {
        merchantInfo: { storeName: 'MK Company' },
        paymentStatus: 'unpaid',
        currency: 'EGP',
        _id: '606dc41e37affc0018d26370',
        merchantId: 'MID-3552-454',
        invoiceReferenceId: '1434984',
        paymentType: 'professional',
        totalAmount: 50,
        state: 'submitted',
        dueDate: '2021-06-01T00:00:00.000Z',
        customerName: 'test customer',
        paymentRequestId: 'INV-3552454160',
        tax: 0,
        creationDate: '2021-04-07T14:39:26.389Z',
        transactions: [],
      },
    ],
  },
  messages: { en: 'The Payment Requests have been retrieved [success]', ar: '…' },
  status: 'SUCCESS',
};

test('Kashier status: paymentStatus + state; unknown combinations stay null', () => {
  const table: Array<[unknown, unknown, string | null]> = [
    ['paid', 'submitted', 'paid'],
    ['paid', 'whatever', 'paid'],
    ['unpaid', 'submitted', 'issued'],
    ['unpaid', 'draft', 'draft'],
    ['unpaid', 'cancelled', 'cancelled'],
    ['unpaid', 'expired', null],
    ['refunded', 'submitted', null],
    [undefined, undefined, null],
  ];
  for (const [p, s, want] of table) assert.equal(kashierStatus(p, s), want, `${String(p)}/${String(s)}`);
});

test('Kashier view sample: array-wrapped envelope maps to a RemoteInvoice with raw kept verbatim', () => {
  const env = unwrapKashier(KASHIER_VIEW);
  assert.equal(env.ok, true);
  const rows = kashierInvoices(env.payload);
  const r = kashierToRemote(rows[0], 'test');
  assert.ok(r);
  assert.equal(r.remoteId, 'INV-3552454160');
  assert.equal(r.reference, '1434984');
  assert.equal(r.remoteStatus, 'unpaid/submitted');
  assert.equal(r.status, 'issued');
  assert.equal(r.total, 5_000);
  assert.equal(r.dueDate, '2021-06-01');
  assert.equal(r.paymentUrl, 'https://merchant.kashier.io/en/prepay/INV-3552454160?mode=test');
  assert.equal(r.raw, rows[0]);
});

test('Kashier envelope variations: create (object), share (flat), webhook (status 200/body), failure', () => {
  assert.equal(unwrapKashier({ status: 'SUCCESS', message: 'Payment link sms sent succesfully' }).ok, true);
  const hook = unwrapKashier({ status: 200, body: { _id: 'x' } });
  assert.equal(hook.ok, true);
  assert.deepEqual(hook.payload, { _id: 'x' });
  const fail = unwrapKashier({ status: 'FAILURE', messages: { en: 'invoiceReferenceId already exists' } });
  assert.equal(fail.ok, false);
  assert.equal(fail.message, 'invoiceReferenceId already exists');
  assert.deepEqual(kashierInvoices({ data: { _id: 'a1', paymentRequestId: 'INV-1' } }).length, 1);
  assert.equal(unwrapKashier('nope').ok, false);
});

test('Kashier payment URL is built only for INV-/PR- ids', () => {
  assert.equal(kashierPaymentUrl('INV-1', 'live'), 'https://merchant.kashier.io/en/prepay/INV-1?mode=live');
  assert.equal(kashierPaymentUrl('606dc41e37affc0018d26370', 'live'), null);
});

test('Paycashless status and object mapping; unknown statuses stay null with the raw string kept', () => {
  assert.deepEqual(['draft', 'open', 'partially_paid', 'paid', 'cancelled', 'expired', 'OPEN'].map(paycashlessStatus), [
    'draft',
    'issued',
    'partially_paid',
    'paid',
    'cancelled',
    null,
    null,
  ]);
  const raw = {
    id: 'inv_1',
    status: 'expired',
    currency: 'NGN',
    amountDue: 150_000,
    amountPaid: 0,
    reference: 'INV-1',
    number: '000001',
    dueDate: '2026-04-01T00:00:00Z',
    hostedInvoiceUrl: 'https://invoicing.paycashless.com/inv_1',
  };
  const r = paycashlessToRemote(raw);
  assert.ok(r);
  assert.equal(r.status, null);
  assert.equal(r.remoteStatus, 'expired');
  assert.equal(r.total, 150_000);
  assert.equal(r.dueDate, '2026-04-01');
  assert.equal(r.paymentUrl, 'https://invoicing.paycashless.com/inv_1');
  assert.equal(r.raw, raw);
  assert.equal(paycashlessToRemote({ status: 'open' }), null);
  assert.equal(
    paycashlessToRemote({ id: 'inv_2', amountDue: 1.5 })?.total,
    null,
    'a non-integer smallest-unit amount is not trusted',
  );
});

test('Paycashless error shape {error:{type,code,message}}', () => {
  assert.deepEqual(
    describePaycashlessError(
      401,
      { error: { type: 'authentication_error', code: 'request_signature_invalid', message: 'bad sig' } },
      '',
    ),
    {
      message: 'bad sig',
      code: 'authentication_error/request_signature_invalid',
    },
  );
  assert.deepEqual(describePaycashlessError(502, null, '<html>bad gateway</html>'), { message: null, code: null });
});

test('validateForCreate refuses what a provider cannot take, naming the field', () => {
  const kashier = createKashierAdapter(
    makeDeps(makeAccount('kashier', { settings: { merchantId: 'MID-1' } }), { secretKey: 'x' }),
  );
  const paycashless = createPaycashlessAdapter(makeDeps(makeAccount('paycashless'), { apiKey: 'k', apiSecret: 's' }));
  assert.throws(() => kashier.validateForCreate(makeInvoice({ currency: 'NGN' })), {
    kind: 'refused',
    code: 'currency_not_supported',
    field: 'currency',
  });
  assert.throws(() => paycashless.validateForCreate(makeInvoice({ currency: 'EGP' })), {
    kind: 'refused',
    code: 'currency_not_supported',
    field: 'currency',
  });
  assert.throws(() => kashier.validateForCreate(makeInvoice({ kind: 'credit_note' })), {
    code: 'credit_note_not_supported',
  });
  assert.throws(() => kashier.validateForCreate(makeInvoice({ number: null })), {
    code: 'invoice_not_issued',
    field: 'number',
  });
  assert.throws(
    () =>
      paycashless.validateForCreate(
        makeInvoice({
          currency: 'USD',
          lines: [{ description: 'free', quantity: '1', unitPrice: 0, taxRate: '0', taxCategory: 'Z' }],
        }),
      ),
    { code: 'nothing_to_pay' },
  );
  assert.throws(() => paycashless.validateForCreate(makeInvoice({ currency: 'USD', dueDate: '2040-01-01' })), {
    code: 'due_date_too_far',
    field: 'dueDate',
  });
  const noMid = createKashierAdapter(makeDeps(makeAccount('kashier'), { secretKey: 'x' }));
  assert.throws(() => noMid.validateForCreate(makeInvoice()), {
    code: 'merchant_id_missing',
    field: 'settings.merchantId',
  });
  kashier.validateForCreate(makeInvoice({ currency: 'USD' }));
  paycashless.validateForCreate(makeInvoice({ currency: 'NGN', dueDate: null }));
});

test('lines are normalised by the adapter: exact minor units and decimal quantities, or none at all', () => {
  const k = kashierToRemote(
    {
      paymentRequestId: 'INV-1',
      currency: 'EGP',
      totalAmount: 62.5,
      invoiceItems: [
        { itemName: 'Bread', quantity: 5, unitPrice: 10, subTotal: 50 },
        { description: 'Jam', quantity: '2.5', unitPrice: '5' },
      ],
    },
    'test',
  );
  assert.deepEqual(k?.items, [
    { description: 'Bread', quantity: '5', unitPrice: 1_000 },
    { description: 'Jam', quantity: '2.5', unitPrice: 500 },
  ]);
  const p = paycashlessToRemote({ id: 'inv_1', items: [{ name: 'Rice', quantity: 3, price: 12_345 }] });
  assert.deepEqual(p?.items, [{ description: 'Rice', quantity: '3', unitPrice: 12_345 }]);
  // One unreadable line (too many decimals, a float smallest-unit price, a price that is no number) drops them all.
  assert.equal(paycashlessToRemote({ id: 'i', items: [{ name: 'A', quantity: 1.23456, price: 1 }] })?.items, null);
  assert.equal(paycashlessToRemote({ id: 'i', items: [{ name: 'A', quantity: 1, price: 1.5 }] })?.items, null);
  assert.equal(
    kashierToRemote(
      { paymentRequestId: 'INV-2', currency: 'EGP', invoiceItems: [{ quantity: 1, unitPrice: 'ten' }] },
      'test',
    )?.items,
    null,
  );
  assert.equal(paycashlessToRemote({ id: 'i' })?.items, null);
});
