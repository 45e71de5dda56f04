/**
 * A payment voided after a refund: the invoice owes again, so it is no longer "paid" (refunds now count in its
 * status), and migration 013 settles rows an earlier version left "paid"; `kassa check` agrees before and after.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLedger } from '../../../main/ledger/check';
import { m013 } from '../../../main/ledger/migrations/013_status_after_refunds';
import { customer, issued, ledgerServices, line } from './helpers';

test('a payment voided after a refund leaves the invoice owing (partially paid); migration 013 settles old rows', async () => {
  const { call, db } = await ledgerServices();
  const inv = await issued(call, await customer(call), { lines: [line({ quantity: '2', unitPrice: 100_000 })] });
  const total = inv.totals.total;
  await call('invoice.pay', { id: inv.id, amount: total });
  const extra = await call('invoice.pay', { id: inv.id, amount: 2_966, allowOverpayment: true });
  const over = extra.payments!.find((p) => p.amount === 2_966)!;
  const credited = (await call('invoice.credit', { id: inv.id, items: [{ line: 1, quantity: '1' }] })).creditNote;
  const owed = -(await call('invoice.get', { id: inv.id })).balance;
  assert.equal(owed, credited.totals.total + 2_966);
  assert.equal((await call('invoice.refund', { id: inv.id, amount: owed })).status, 'paid');
  const after = await call('invoice.voidPayment', { id: inv.id, paymentId: over.id, reason: 'bounced' });
  assert.equal(after.balance, 2_966);
  assert.equal(after.status, 'partially_paid');
  assert.equal((await checkLedger(db)).ok, true);

  // The row as version 12 left it: "paid" though it owes 29.66.
  db.prepare(`UPDATE invoices SET status = 'paid' WHERE id = ?`).run(inv.id);
  const before = await checkLedger(db);
  assert.ok(
    before.problems.some((p) => p.code === 'status_inconsistent'),
    JSON.stringify(before.problems),
  );
  m013.up(db);
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'partially_paid');
  const report = await checkLedger(db);
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});
