import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customer, draft, dumpLedger, expectError, issued, ledgerServices, line } from './helpers';

test('partial payments move issued → partially paid → paid; the balance is total − paid', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, { lines: [line({ unitPrice: 10_000, taxRate: '14' })] }); // 114.00
  assert.equal(inv.totals.total, 11_400);
  const p1 = await call('invoice.pay', { id: inv.id, amount: 4_000, method: 'cash', note: 'first half-ish' });
  assert.equal(p1.status, 'partially_paid');
  assert.equal(p1.paid, 4_000);
  assert.equal(p1.balance, 7_400);
  const p2 = await call('invoice.pay', { id: inv.id, amount: 7_400, date: '2026-03-09' });
  assert.equal(p2.status, 'paid');
  assert.equal(p2.balance, 0);
  assert.deepEqual(
    p2.payments?.map((p) => [p.date, p.amount, p.method]),
    [
      ['2026-03-09', 7_400, 'bank_transfer'],
      ['2026-03-10', 4_000, 'cash'],
    ],
  );
});

test('a payment above the balance is refused unless overpayment is explicitly allowed', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, { lines: [line({ unitPrice: 1_000, taxRate: '0', taxCategory: 'Z' })] });
  const before = dumpLedger(db);
  const e = await expectError(call('invoice.pay', { id: inv.id, amount: 1_001 }), 'overpayment', 'amount');
  assert.match(e.message, /Allow an overpayment to record it/);
  assert.deepEqual(dumpLedger(db), before);
  const over = await call('invoice.pay', { id: inv.id, amount: 1_500, allowOverpayment: true });
  assert.equal(over.status, 'paid');
  assert.equal(over.balance, -500); // a refund is owed
  await expectError(call('invoice.pay', { id: inv.id, amount: 1 }), 'overpayment');
});

test('a wrong payment is voided, never deleted; the status follows', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, { lines: [line({ unitPrice: 5_000, taxRate: '0', taxCategory: 'Z' })] });
  const paid = await call('invoice.pay', { id: inv.id, amount: 5_000 });
  assert.equal(paid.status, 'paid');
  const pid = paid.payments![0]!.id;
  const voided = await call('invoice.voidPayment', { id: inv.id, paymentId: pid, reason: 'bounced cheque' });
  assert.equal(voided.status, 'issued');
  assert.equal(voided.paid, 0);
  assert.equal(voided.payments?.length, 1);
  assert.equal(voided.payments?.[0]?.voidReason, 'bounced cheque');
  assert.ok(voided.payments?.[0]?.voidedAt);
  await expectError(
    call('invoice.voidPayment', { id: inv.id, paymentId: pid, reason: 'again' }),
    'payment_already_voided',
  );
  assert.throws(() => db.prepare('DELETE FROM payments').run(), /payment_undeletable/);
  assert.throws(() => db.prepare('UPDATE payments SET amount = 1').run(), /payment_immutable/);
  assert.throws(
    () => db.prepare('UPDATE payments SET voided_at = NULL, void_reason = NULL').run(),
    /payment_immutable/,
  );
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('drafts and credit notes take no payments', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const d = await draft(call, c);
  await expectError(call('invoice.pay', { id: d.id, amount: 100 }), 'invoice_not_issued');
  const inv = await issued(call, c);
  const { creditNote } = await call('invoice.credit', { id: inv.id });
  await expectError(call('invoice.pay', { id: creditNote.id, amount: 100 }), 'credit_note_not_payable');
  await expectError(call('invoice.pay', { id: inv.id, amount: 100, date: '2026-12-01' }), 'invoice_cancelled');
});

test('credit notes: whole or per line, never more than the invoice; fully credited and unpaid = cancelled', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, {
    lines: [line({ description: 'A', unitPrice: 10_000 }), line({ description: 'B', unitPrice: 5_000 })],
    discount: { kind: 'percent', percent: '10' },
  });
  // 15,000 − 1,500 = 13,500 net, 14 % → 1,890 VAT → 15,390
  assert.equal(inv.totals.total, 15_390);
  const part = await call('invoice.credit', {
    id: inv.id,
    lines: [line({ description: 'B returned', unitPrice: 5_000 })],
    reason: 'B returned',
  });
  assert.equal(part.creditNote.kind, 'credit_note');
  assert.equal(part.creditNote.correctsInvoiceId, inv.id);
  assert.equal(part.creditNote.totals.total, 5_700);
  assert.equal(part.creditNote.customer.name, inv.customer.name);
  assert.equal(part.invoice.credited, 5_700);
  assert.equal(part.invoice.balance, 15_390 - 5_700);
  assert.equal(part.invoice.status, 'issued');
  assert.deepEqual(part.invoice.creditNoteIds, [part.creditNote.id]);
  await expectError(call('invoice.credit', { id: inv.id }), 'partial_credit_exists', 'lines');
  await expectError(
    call('invoice.credit', { id: inv.id, lines: [line({ unitPrice: 9_000 })] }),
    'credit_exceeds_invoice',
    'lines',
  );
  await expectError(call('invoice.credit', { id: part.creditNote.id }), 'credit_note_not_allowed');
  const rest = await call('invoice.credit', {
    id: inv.id,
    lines: [
      line({ description: 'rest', unitPrice: 8_500, taxRate: '14' }),
      line({ description: 'rounding', unitPrice: 0, taxRate: '14' }),
    ],
  });
  // 8,500 × 1.14 = 9,690 = exactly what was left
  assert.equal(rest.invoice.balance, 0);
  assert.equal(rest.invoice.status, 'cancelled');
  await expectError(call('invoice.credit', { id: inv.id, lines: [line({ unitPrice: 1 })] }), 'invoice_cancelled');

  const paidInv = await issued(call, c);
  await call('invoice.pay', { id: paidInv.id, amount: paidInv.totals.total });
  const refund = await call('invoice.credit', { id: paidInv.id });
  assert.equal(refund.invoice.status, 'paid');
  assert.equal(refund.invoice.balance, -paidInv.totals.total, 'fully paid then credited: a refund is owed');
  const report = await call('ledger.check', {});
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});

test('dashboard totals per currency: outstanding, overdue, paid this month', async () => {
  const { call, clock } = await ledgerServices('2026-02-01T12:00:00Z');
  const c = await customer(call);
  const eur = (unitPrice: number) => ({
    currency: 'EUR',
    lines: [line({ unitPrice, taxRate: '0', taxCategory: 'Z' as const })],
  });
  const a = await issued(call, c, eur(10_000), { dueDate: '2026-02-10' });
  const b = await issued(call, c, eur(20_000), { dueDate: '2026-03-31' });
  const e = await issued(
    call,
    c,
    { currency: 'EGP', lines: [line({ unitPrice: 50_000, taxRate: '0', taxCategory: 'Z' })] },
    { dueDate: '2026-02-05' },
  );
  await issued(call, c, eur(99_999)).then((x) => call('invoice.cancel', { id: x.id }));
  await draft(call, c, eur(77_777));
  await call('invoice.pay', { id: a.id, amount: 1_000, date: '2026-02-01' }); // last month: not "this month"
  clock.set('2026-03-05T12:00:00Z');
  await call('invoice.pay', { id: b.id, amount: 5_000 });
  await call('invoice.pay', { id: e.id, amount: 50_000 });
  const d = await call('dashboard.totals', {});
  const noRefundsOrCredits = {
    refundedThisMonth: 0,
    refundedThisMonthCount: 0,
    creditedThisMonth: 0,
    creditedThisMonthCount: 0,
    refundOwed: 0,
    refundOwedCount: 0,
  };
  assert.equal(d.asOf, '2026-03-05');
  assert.deepEqual(d.month, { from: '2026-03-01', to: '2026-03-31' });
  assert.deepEqual(d.currencies, [
    {
      currency: 'EGP',
      outstanding: 0,
      outstandingCount: 0,
      overdue: 0,
      overdueCount: 0,
      paidThisMonth: 50_000,
      paidThisMonthCount: 1,
      ...noRefundsOrCredits,
      receivedThisMonth: 50_000,
    },
    {
      currency: 'EUR',
      outstanding: 9_000 + 15_000,
      outstandingCount: 2,
      overdue: 9_000,
      overdueCount: 1,
      paidThisMonth: 5_000,
      paidThisMonthCount: 1,
      ...noRefundsOrCredits,
      receivedThisMonth: 5_000,
    },
  ]);
  const overdue = await call('invoice.list', { status: ['overdue'] });
  assert.deepEqual(
    overdue.items.map((i) => i.id),
    [a.id],
  );
  assert.equal(overdue.items[0]?.overdue, true);
});
