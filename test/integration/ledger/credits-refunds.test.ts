/**
 * Credit notes read as credits, partial credits by line, refunds (money paid back) that settle a credited paid
 * invoice to zero, cancelled invoices that owe nothing, and a dashboard that nets credits and refunds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { kassa } from '../../helpers/cli';
import { customer, dumpLedger, expectError, issued, ledgerServices, line } from './helpers';

const zeroRated = (unitPrice: number, over: Parameters<typeof line>[0] = {}) =>
  line({ unitPrice, taxRate: '0', taxCategory: 'Z', ...over });

test('a paid invoice credited afterwards owes the customer a refund; recording it settles the balance to zero', async () => {
  const { call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const inv = await issued(call, c, { lines: [line({ unitPrice: 608_447 })] }); // 6,084.47 + 14 % = 6,936.30
  assert.equal(inv.totals.total, 693_630);
  await call('invoice.pay', { id: inv.id, amount: 693_630 });
  const { creditNote, invoice } = await call('invoice.credit', { id: inv.id, reason: 'Returned' });
  // The credit note is a credit: it owes nothing itself …
  assert.equal(creditNote.kind, 'credit_note');
  assert.equal(creditNote.balance, 0);
  assert.equal(creditNote.totals.total, 693_630);
  // … and the paid invoice now owes the customer the money back (the "−6,936.30").
  assert.equal(invoice.status, 'paid');
  assert.equal(invoice.credited, 693_630);
  assert.equal(invoice.balance, -693_630);
  let d = (await call('dashboard.totals', {})).currencies.find((x) => x.currency === 'EUR')!;
  assert.equal(d.refundOwed, 693_630);
  assert.equal(d.refundOwedCount, 1);
  assert.equal(d.creditedThisMonth, 693_630);

  clock.set('2026-03-12T09:00:00Z');
  const refunded = await call('invoice.refund', {
    id: inv.id,
    amount: 693_630,
    method: 'bank_transfer',
    creditNoteId: creditNote.id,
    note: 'Wired back',
  });
  assert.equal(refunded.balance, 0);
  assert.equal(refunded.refunded, 693_630);
  assert.equal(refunded.status, 'paid');
  assert.deepEqual(
    refunded.refunds?.map((r) => [r.date, r.amount, r.creditNoteId, r.voidedAt]),
    [['2026-03-12', 693_630, creditNote.id, null]],
  );
  d = (await call('dashboard.totals', {})).currencies.find((x) => x.currency === 'EUR')!;
  assert.equal(d.refundOwed, 0);
  assert.equal(d.paidThisMonth, 693_630);
  assert.equal(d.refundedThisMonth, 693_630);
  assert.equal(d.receivedThisMonth, 0);
  assert.equal(d.outstanding, 0);

  const history = await call('invoice.history', { id: inv.id });
  const last = history.at(-1)!;
  assert.equal(last.action, 'refund_recorded');
  assert.equal(last.details.amount, 693_630);
  assert.equal(last.details.balance, 0);

  const csv = await call('export.csv', { what: 'invoices', inline: true });
  const rows = parse(csv.csv!, { columns: true }) as Array<Record<string, string>>;
  const row = rows.find((r) => r.id === inv.id)!;
  assert.deepEqual([row.paid, row.credited, row.refunded, row.balance], ['6936.30', '6936.30', '6936.30', '0.00']);
  assert.equal(rows.find((r) => r.id === creditNote.id)?.balance, '0.00');
  assert.equal((await call('ledger.check', {})).ok, true);

  // A wrong refund is voided, not deleted: the balance goes back to what is owed.
  const voided = await call('invoice.voidRefund', {
    id: inv.id,
    refundId: refunded.refunds![0]!.id,
    reason: 'typo',
  });
  assert.equal(voided.balance, -693_630);
  assert.equal(voided.refunds?.[0]?.voidReason, 'typo');
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('refunds are refused where nothing is owed back, and refused refunds change nothing', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const open = await issued(call, c, { lines: [zeroRated(10_000)] });
  const other = await issued(call, c, { lines: [zeroRated(5_000)] });
  const draftId = (await call('invoice.create', { customerId: c, currency: 'EUR', lines: [zeroRated(1)] })).id;
  const otherCredit = (await call('invoice.credit', { id: other.id })).creditNote;
  const before = dumpLedger(db);
  await expectError(call('invoice.refund', { id: open.id, amount: 1 }), 'refund_not_owed', 'amount');
  await expectError(call('invoice.refund', { id: draftId, amount: 1 }), 'refund_on_draft', 'id');
  await expectError(call('invoice.refund', { id: otherCredit.id, amount: 1 }), 'refund_on_credit_note', 'id');
  await call('invoice.pay', { id: open.id, amount: 12_000, allowOverpayment: true });
  const beforeRefund = dumpLedger(db);
  const e = await expectError(call('invoice.refund', { id: open.id, amount: 2_001 }), 'refund_exceeds_owed', 'amount');
  assert.match(e.message, /20\.01.*20\.00/);
  await expectError(
    call('invoice.refund', { id: open.id, amount: 100, creditNoteId: otherCredit.id }),
    'refund_credit_note_mismatch',
    'creditNoteId',
  );
  await expectError(
    call('invoice.refund', { id: open.id, amount: 100, date: '2099-01-01' }),
    'refund_date_in_future',
    'date',
  );
  assert.deepEqual(dumpLedger(db), beforeRefund);
  void before;
  // An overpayment is settled by a refund too; a payment that was refunded cannot be voided first.
  const settled = await call('invoice.refund', { id: open.id, amount: 2_000 });
  assert.equal(settled.balance, 0);
  await expectError(
    call('invoice.voidPayment', { id: open.id, paymentId: settled.payments![0]!.id, reason: 'oops' }),
    'payment_refunded',
    'paymentId',
  );
  // The schema guards refunds like payments: never deleted, never edited.
  assert.throws(() => db.prepare(`DELETE FROM refunds`).run(), /refund_undeletable/);
  assert.throws(() => db.prepare(`UPDATE refunds SET amount = 1`).run(), /refund_immutable/);
});

test('a cancelled invoice owes nothing, on every surface', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const a = await issued(call, c, { lines: [zeroRated(10_000)] });
  const cancelled = await call('invoice.cancel', { id: a.id, reason: 'wrong customer' });
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.balance, 0);
  // Partly credited, then cancelled: still nothing owed.
  const b = await issued(call, c, { lines: [zeroRated(6_000), zeroRated(4_000, { description: 'Travel' })] });
  await call('invoice.credit', { id: b.id, items: [{ line: 2 }] });
  const bc = await call('invoice.cancel', { id: b.id });
  assert.equal(bc.balance, 0);
  const listed = await call('invoice.list', { status: ['cancelled'] });
  assert.deepEqual(
    listed.items.map((i) => i.balance),
    [0, 0],
  );
  const csv = parse((await call('export.csv', { what: 'invoices', inline: true })).csv!, { columns: true }) as Array<
    Record<string, string>
  >;
  for (const id of [a.id, b.id]) assert.equal(csv.find((r) => r.id === id)?.balance, '0.00');
  const d = await call('dashboard.totals', {});
  assert.deepEqual(
    d.currencies.map((x) => x.outstanding).filter((x) => x !== 0),
    [],
  );
});

test('a partial credit by line: chosen lines, part of a quantity, with their share of the discounts', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, {
    lines: [
      line({ description: 'Design', quantity: '4', unitPrice: 25_000, discount: 10_000 }),
      line({ description: 'Hosting', quantity: '12', unitPrice: 1_500 }),
      zeroRated(3_000, { description: 'Training', taxCategory: 'E', exemptionReason: 'Exempt training' }),
    ],
    discount: { kind: 'amount', amount: 5_000 },
  });
  const { creditNote, invoice } = await call('invoice.credit', {
    id: inv.id,
    items: [{ line: 1, quantity: '1' }, { line: 3 }],
    reason: 'One design day not delivered; training cancelled',
  });
  assert.deepEqual(
    creditNote.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.discount ?? 0, l.taxCategory]),
    [
      ['Design', '1', 25_000, 2_500, 'S'], // a quarter of the line's 100.00 discount
      ['Training', '1', 3_000, 0, 'E'],
    ],
  );
  // The invoice discount (50.00 over 1,110.00 of line nets) in proportion to the 255.00 credited: 11.49.
  assert.deepEqual(creditNote.discount, { kind: 'amount', amount: 1_149 });
  assert.equal(invoice.credited, creditNote.totals.total);
  assert.equal(invoice.balance, inv.totals.total - creditNote.totals.total);
  // The rest, line by line and in full, brings the credits to exactly the invoice total.
  // The rest, line by line and in full: two documents each round their own VAT, so the credits may differ from
  // the invoice total by a minor unit, and the last one is accepted rather than refused for a cent.
  const rest = await call('invoice.credit', { id: inv.id, items: [{ line: 1, quantity: '3' }, { line: 2 }] });
  assert.deepEqual(rest.creditNote.discount, { kind: 'amount', amount: 3_851 });
  assert.ok(
    Math.abs((rest.invoice.credited ?? 0) - inv.totals.total) <= 1,
    `${rest.invoice.credited} vs ${inv.totals.total}`,
  );
  assert.equal(rest.invoice.status, 'cancelled');
  assert.equal(rest.invoice.balance, 0);

  const again = await issued(call, c, { lines: [line({ quantity: '2' })] });
  await expectError(
    call('invoice.credit', { id: again.id, items: [{ line: 3 }] }),
    'credit_line_unknown',
    'items.0.line',
  );
  await expectError(
    call('invoice.credit', { id: again.id, items: [{ line: 1 }, { line: 1, quantity: '1' }] }),
    'credit_line_twice',
    'items.1.line',
  );
  const e = await expectError(
    call('invoice.credit', { id: again.id, items: [{ line: 1, quantity: '2.5' }] }),
    'credit_quantity_exceeds_line',
    'items.0.quantity',
  );
  assert.match(e.message, /Line 1: 2\.5 is more than the 2 invoiced/);
});

test('a line is never credited for more than is left of it after earlier credit notes', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, {
    lines: [
      line({ description: 'Design', quantity: '4', unitPrice: 25_000 }),
      line({ description: 'Hosting', quantity: '12', unitPrice: 1_500 }),
      line({ description: 'Design', quantity: '1', unitPrice: 25_000 }), // the same goods again: credited after line 1
    ],
  });
  assert.deepEqual((await call('invoice.get', { id: inv.id })).uncredited, ['4', '12', '1']);
  await call('invoice.credit', { id: inv.id, items: [{ line: 1, quantity: '2.5' }] });
  assert.deepEqual((await call('invoice.get', { id: inv.id })).uncredited, ['1.5', '12', '1']);
  // Line 1 in full again: money is left on the invoice (line 2), but not of line 1.
  const e = await expectError(
    call('invoice.credit', { id: inv.id, items: [{ line: 1, quantity: '4' }] }),
    'credit_quantity_exceeds_left',
    'items.0.quantity',
  );
  assert.match(e.message, /Line 1: 4 is more than is left to credit \(1\.5\)/);
  // Without a quantity a line gives what is left of it.
  const rest = await call('invoice.credit', { id: inv.id, items: [{ line: 1 }, { line: 2, quantity: '0.5' }] });
  assert.deepEqual(
    rest.creditNote.lines.map((l) => [l.description, l.quantity]),
    [
      ['Design', '1.5'],
      ['Hosting', '0.5'],
    ],
  );
  assert.deepEqual((await call('invoice.get', { id: inv.id })).uncredited, ['0', '11.5', '1']);
  await expectError(
    call('invoice.credit', { id: inv.id, items: [{ line: 1 }] }),
    'credit_line_credited',
    'items.0.line',
  );
  // A free credit line that copies no invoice line takes money, not quantities.
  await call('invoice.credit', {
    id: inv.id,
    lines: [line({ description: 'Goodwill', quantity: '1', unitPrice: 1_000 })],
  });
  assert.deepEqual((await call('invoice.get', { id: inv.id })).uncredited, ['0', '11.5', '1']);
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('every line credited in full gives exactly the whole-invoice credit', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const spec = {
    lines: [
      line({ quantity: '3', unitPrice: 3_333, discount: 17 }),
      line({ description: 'B', quantity: '1.25', unitPrice: 999, taxRate: '7.5' }),
    ],
    discount: { kind: 'percent' as const, percent: '3' },
  };
  const a = await issued(call, c, spec);
  const b = await issued(call, c, spec);
  const whole = await call('invoice.credit', { id: a.id });
  const byLine = await call('invoice.credit', { id: b.id, items: [{ line: 1 }, { line: 2 }] });
  assert.deepEqual(byLine.creditNote.totals, whole.creditNote.totals);
  assert.equal(byLine.invoice.status, 'cancelled');
  assert.equal(byLine.invoice.balance, 0);
});

test('CLI: invoice credit --line N[:QTY] and invoice refund --amount', async () => {
  const { s, call } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, {
    lines: [zeroRated(10_000, { quantity: '2' }), zeroRated(5_000, { description: 'Extra' })],
  });
  await call('invoice.pay', { id: inv.id, amount: inv.totals.total });
  s.close();
  const dataDir = s.config.dataDir;
  const credit = kassa(['--data-dir', dataDir, 'invoice', 'credit', inv.id, '--line', '1:0.5', '--line', '2']);
  assert.equal(credit.code, 0, credit.stderr);
  const cn = JSON.parse(credit.stdout) as {
    creditNote: { id: string; totals: { total: number } };
    invoice: { balance: number };
  };
  assert.equal(cn.creditNote.totals.total, 10_000);
  assert.equal(cn.invoice.balance, -10_000);
  const refund = kassa([
    '--data-dir',
    dataDir,
    'invoice',
    'refund',
    inv.id,
    '--amount',
    '100.00',
    '--credit-note',
    cn.creditNote.id,
  ]);
  assert.equal(refund.code, 0, refund.stderr);
  assert.equal((JSON.parse(refund.stdout) as { balance: number }).balance, 0);
  const bad = kassa(['--data-dir', dataDir, 'invoice', 'credit', inv.id, '--line', 'two']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--line takes a line number/);
});
