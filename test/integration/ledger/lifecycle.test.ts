import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customer, draft, dumpLedger, expectError, issued, ledgerServices, line } from './helpers';

test('a draft is editable and has no number; issuing freezes it with the customer snapshot of that moment', async () => {
  const { call, s } = await ledgerServices('2026-03-10T12:00:00Z');
  const events: string[] = [];
  s.events.subscribe((name, payload) => events.push(`${name}:${(payload as { entity: string }).entity}`));
  const c = await customer(call, 'Cedar Studio');
  const d = await draft(call, c, { notes: 'first' });
  assert.equal(d.status, 'draft');
  assert.equal(d.number, null);
  assert.equal(d.customer.name, 'Cedar Studio');
  const edited = await call('invoice.update', {
    id: d.id,
    notes: 'second',
    lines: [
      line({ quantity: '2.5', unitPrice: 1999 }),
      line({ description: 'Travel', taxRate: '0', taxCategory: 'Z' }),
    ],
  });
  assert.equal(edited.notes, 'second');
  assert.equal(edited.lines.length, 2);
  assert.equal(edited.totals.lineNets[0], 4998); // 2.5 × 19.99 = 49.975 → 49.98
  // A draft follows its customer …
  await call('customer.update', { id: c, name: 'Cedar Studio GmbH' });
  assert.equal((await call('invoice.get', { id: d.id })).customer.name, 'Cedar Studio GmbH');
  const inv = await call('invoice.issue', { id: d.id });
  assert.equal(inv.status, 'issued');
  assert.equal(inv.number, 'INV-2026-0001');
  assert.equal(inv.issueDate, '2026-03-10');
  assert.equal(inv.dueDate, '2026-03-24'); // default terms: 14 days
  assert.ok(inv.issuedAt);
  // … an issued invoice keeps the snapshot.
  await call('customer.update', { id: c, name: 'Renamed Later' });
  assert.equal((await call('invoice.get', { id: d.id })).customer.name, 'Cedar Studio GmbH');
  assert.ok(events.includes('ledger.changed:invoice') && events.includes('ledger.changed:customer'));
});

test('issued invoices are immutable, through the contract and even through raw SQL', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c);
  const before = dumpLedger(db);
  await expectError(call('invoice.update', { id: inv.id, notes: 'changed' }), 'invoice_not_draft', 'id');
  await expectError(call('invoice.issue', { id: inv.id }), 'already_issued', 'id');
  await expectError(call('invoice.delete', { id: inv.id }), 'invoice_not_draft', 'id');
  assert.deepEqual(dumpLedger(db), before);
  // The schema guards too: another process with a bug cannot alter an issued invoice, its lines or its history.
  assert.throws(() => db.prepare(`UPDATE invoices SET total = 1 WHERE id = ?`).run(inv.id), /issued_invoice_immutable/);
  assert.throws(
    () => db.prepare(`UPDATE invoices SET status = 'draft', number = NULL WHERE id = ?`).run(inv.id),
    /issued_invoice_immutable|CHECK/,
  );
  assert.throws(() => db.prepare(`DELETE FROM invoices WHERE id = ?`).run(inv.id), /issued_invoice_undeletable/);
  assert.throws(
    () => db.prepare(`UPDATE invoice_lines SET unit_price = 1 WHERE invoice_id = ?`).run(inv.id),
    /issued_invoice_immutable/,
  );
  assert.throws(
    () => db.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ?`).run(inv.id),
    /issued_invoice_immutable/,
  );
  assert.throws(
    () =>
      db
        .prepare(
          `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate, tax_category, net) VALUES (?, 9, 'x', '1', 1, '0', 'Z', 1)`,
        )
        .run(inv.id),
    /issued_invoice_immutable/,
  );
  assert.throws(() => db.prepare(`UPDATE invoice_history SET action = 'x'`).run(), /history_append_only/);
  assert.throws(() => db.prepare(`DELETE FROM invoice_history`).run(), /history_append_only/);
  assert.deepEqual(dumpLedger(db), before);
});

test('every change is in the history, in order, with who did it', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const d = await draft(call, c, { lines: [line({ unitPrice: 10_000 })] });
  await call('invoice.update', { id: d.id, notes: 'n' });
  await call('invoice.issue', { id: d.id });
  const p = await call('invoice.pay', { id: d.id, amount: 4000 });
  await call('invoice.voidPayment', { id: d.id, paymentId: p.payments![0]!.id, reason: 'typo' });
  await call('invoice.cancel', { id: d.id, reason: 'client went away' });
  const h = await call('invoice.history', { id: d.id });
  assert.deepEqual(
    h.map((e) => [e.action, e.fromStatus, e.toStatus]),
    [
      ['created', null, 'draft'],
      ['updated', 'draft', 'draft'],
      ['issued', 'draft', 'issued'],
      ['payment_recorded', 'issued', 'partially_paid'],
      ['payment_voided', 'partially_paid', 'issued'],
      ['cancelled', 'issued', 'cancelled'],
    ],
  );
  assert.ok(h.every((e) => e.actor === 'user'));
  assert.equal(h[5]?.details.reason, 'client went away');
  // A deleted draft leaves its history behind.
  const gone = await draft(call, c);
  await call('invoice.delete', { id: gone.id });
  await expectError(call('invoice.get', { id: gone.id }), 'invoice_not_found');
  assert.deepEqual(
    (await call('invoice.history', { id: gone.id })).map((e) => e.action),
    ['created', 'deleted'],
  );
});

test('cancelling: only issued invoices without payments; drafts are deleted instead', async () => {
  const { call } = await ledgerServices();
  const c = await customer(call);
  const d = await draft(call, c);
  await expectError(call('invoice.cancel', { id: d.id }), 'draft_not_cancellable');
  const paid = await issued(call, c);
  await call('invoice.pay', { id: paid.id, amount: 100 });
  await expectError(call('invoice.cancel', { id: paid.id }), 'invoice_has_payments');
  const open = await issued(call, c);
  const cancelled = await call('invoice.cancel', { id: open.id });
  assert.equal(cancelled.status, 'cancelled');
  await expectError(call('invoice.cancel', { id: open.id }), 'already_cancelled');
  await expectError(call('invoice.pay', { id: open.id, amount: 100 }), 'invoice_cancelled');
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('issuing needs a customer and at least one line', async () => {
  const { call } = await ledgerServices();
  const noCustomer = await call('invoice.create', { currency: 'EUR', lines: [line()] });
  await expectError(call('invoice.issue', { id: noCustomer.id }), 'customer_required', 'customerId');
  const c = await customer(call);
  const empty = await call('invoice.create', { customerId: c, currency: 'EUR' });
  await expectError(call('invoice.issue', { id: empty.id }), 'lines_required', 'lines');
  const series = await call('series.list', {});
  assert.deepEqual(series.find((x) => x.code === 'INV')?.counters, [], 'a refused issue takes no number');
});

test("a draft's own issue date is kept: a future one is refused with the reason, never replaced by today", async () => {
  const { call, clock, db } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const d = await draft(call, c, { issueDate: '2026-12-20', dueDate: '2027-01-19' });
  const before = dumpLedger(db);
  const e = await expectError(call('invoice.issue', { id: d.id }), 'draft_dated_in_future', 'issueDate');
  assert.match(e.message, /Dec 20, 2026.*in the future/);
  assert.deepEqual(dumpLedger(db), before, 'nothing issued, no number taken');
  // On that day it is issued with its own date.
  clock.set('2026-12-20T09:00:00Z');
  const inv = await call('invoice.issue', { id: d.id });
  assert.equal(inv.issueDate, '2026-12-20');
  assert.equal(inv.dueDate, '2027-01-19');
  // A draft dated in the past keeps its date too.
  const past = await draft(call, c, { issueDate: '2026-12-20' });
  clock.set('2026-12-28T09:00:00Z');
  assert.equal((await call('invoice.issue', { id: past.id })).issueDate, '2026-12-20');
});
