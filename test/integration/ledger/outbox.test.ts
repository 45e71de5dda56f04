import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyProviderStatus } from '../../../main/ledger/lifecycle';
import { importExternalInvoice } from '../../../main/ledger/imports';
import { recordPayment } from '../../../main/ledger/payments';
import { writeTx } from '../../../main/ledger/connection';
import { customer, draft, dumpLedger, expectError, insertAccount, issued, ledgerServices, line } from './helpers';

interface OutboxRow {
  invoice_id: string;
  account_id: string;
  op: string;
  state: string;
  payload_json: string;
}

test('issuing to a provider account writes the link and an outbox "create" in the same transaction', async () => {
  const { call, db } = await ledgerServices();
  const acc = insertAccount(db);
  const c = await customer(call);
  const inv = await issued(call, c, {}, { accountId: acc });
  assert.deepEqual(inv.links, [
    {
      accountId: acc,
      provider: 'kashier',
      remoteId: null,
      reference: inv.number,
      remoteStatus: null,
      paymentUrl: null,
      paymentUrlObserved: false,
      lastSyncedAt: null,
    },
  ]);
  const rows = db.prepare('SELECT invoice_id, account_id, op, state, payload_json FROM outbox').all() as OutboxRow[];
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.op, 'create');
  assert.equal(rows[0]?.state, 'pending');
  assert.equal(JSON.parse(rows[0]!.payload_json).reference, inv.number);

  // Payments and cancellation of a linked invoice queue mark_paid / cancel.
  await call('invoice.pay', { id: inv.id, amount: 100 });
  const other = await issued(call, c, {}, { accountId: acc });
  await call('invoice.cancel', { id: other.id, reason: 'duplicate' });
  const third = await issued(call, c, {}, { accountId: acc });
  await call('invoice.credit', { id: third.id });
  const ops = (db.prepare('SELECT invoice_id, op FROM outbox ORDER BY id').all() as OutboxRow[]).map((r) => [
    r.invoice_id,
    r.op,
  ]);
  assert.deepEqual(ops, [
    [inv.id, 'create'],
    [inv.id, 'mark_paid'],
    [other.id, 'create'],
    [other.id, 'cancel'],
    [third.id, 'create'],
    [third.id, 'cancel'],
  ]);
  // Unlinked invoices queue nothing.
  const plain = await issued(call, c);
  await call('invoice.pay', { id: plain.id, amount: 100 });
  assert.equal(
    (db.prepare('SELECT count(*) AS n FROM outbox WHERE invoice_id = ?').get(plain.id) as { n: number }).n,
    0,
  );
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('an unknown account refuses the issue and leaves the ledger exactly as it was (no number taken)', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const d = await draft(call, c);
  const before = dumpLedger(db);
  await expectError(call('invoice.issue', { id: d.id, accountId: 'acc_missing' }), 'account_not_found');
  assert.deepEqual(dumpLedger(db), before);
});

test('a failure after the number was taken rolls everything back (number, link, outbox, history)', async () => {
  const { call, db } = await ledgerServices();
  const acc = insertAccount(db);
  const c = await customer(call);
  await issued(call, c, {}, { accountId: acc }); // INV-2026-0001
  const x = await issued(call, c); // INV-2026-0002
  // A stray link already uses reference INV-2026-0003 at this account: the next linked issue fails after numbering.
  db.prepare(
    `INSERT INTO invoice_links (invoice_id, account_id, reference, created_at, updated_at) VALUES (?, ?, 'INV-2026-0003', 'x', 'x')`,
  ).run(x.id, acc);
  const d = await draft(call, c);
  const before = dumpLedger(db);
  await expectError(call('invoice.issue', { id: d.id, accountId: acc }), 'constraint_failed');
  assert.deepEqual(dumpLedger(db), before);
  assert.equal((await call('invoice.get', { id: d.id })).status, 'draft');
  assert.equal((await call('invoice.issue', { id: d.id })).number, 'INV-2026-0003');
});

test('invoices imported from a provider keep its number in an external series and never consume ours', async () => {
  const { call, db, clock } = await ledgerServices();
  const acc = insertAccount(db, 'acc_kashio', 'kashio');
  const c = await customer(call);
  const ctx = { db, now: clock.now, actor: 'system' as const };
  const imported = writeTx(db, () =>
    importExternalInvoice(ctx, {
      accountId: acc,
      remoteId: 'rem_123',
      number: 'KSH-000045',
      currency: 'EGP',
      issueDate: '2026-03-01',
      dueDate: '2026-03-15',
      customerId: c,
      customer: { name: 'Nile Bakery', address: {} },
      lines: [{ description: 'Imported', quantity: '1', unitPrice: 25_000, taxRate: '14', taxCategory: 'S' }],
      discount: null,
      remoteStatus: 'UNPAID',
      paymentUrl: 'https://pay.example/rem_123',
      rawJson: '{"id":"rem_123","status":"UNPAID","amount":285.00}',
    }),
  );
  assert.equal(imported.created, true);
  // Idempotent on (account, remote id).
  assert.deepEqual(
    writeTx(db, () =>
      importExternalInvoice(ctx, {
        accountId: acc,
        remoteId: 'rem_123',
        number: 'x',
        currency: 'EGP',
        issueDate: '2026-03-01',
        dueDate: null,
        customerId: null,
        customer: { name: 'x', address: {} },
        lines: [],
        discount: null,
        remoteStatus: null,
        paymentUrl: null,
        rawJson: '{}',
      }),
    ),
    { invoiceId: imported.invoiceId, created: false },
  );
  const inv = await call('invoice.get', { id: imported.invoiceId });
  assert.equal(inv.series, `ext:${acc}`);
  assert.equal(inv.number, 'KSH-000045');
  assert.equal(inv.totals.total, 28_500);
  assert.equal(inv.links[0]?.remoteId, 'rem_123');
  assert.equal(
    (db.prepare('SELECT raw_json FROM invoice_links').get() as { raw_json: string }).raw_json,
    '{"id":"rem_123","status":"UNPAID","amount":285.00}',
  );
  // A provider-reported payment is idempotent and queues nothing back to the provider.
  const pay = () =>
    writeTx(db, () =>
      recordPayment(ctx, {
        invoiceId: inv.id,
        amount: 28_500,
        date: '2026-03-05',
        method: 'provider',
        provider: { accountId: acc, remoteId: 'txn_9' },
      }),
    );
  assert.equal(pay().duplicate, false);
  assert.equal(pay().duplicate, true);
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'paid');
  assert.equal((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n, 0);
  // Our own numbering is untouched.
  assert.equal((await issued(call, c)).number, 'INV-2026-0001');
  const found = await call('invoice.list', { q: 'KSH-0000' });
  assert.deepEqual(
    found.items.map((i) => i.id),
    [inv.id],
  );
  const report = await call('ledger.check', {});
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});

test('a provider can expire an open invoice (and reopen it); history records the provider as actor', async () => {
  const { call, db, clock } = await ledgerServices();
  const c = await customer(call);
  const inv = await issued(call, c, { lines: [line()] });
  const ctx = { db, now: clock.now, actor: 'system' as const };
  assert.equal(
    writeTx(db, () => applyProviderStatus(ctx, inv.id, 'expired', { remoteStatus: 'EXPIRED' })),
    true,
  );
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'expired');
  const d = await call('dashboard.totals', {});
  assert.equal(d.currencies[0]?.outstanding, inv.totals.total, 'expired still counts as owed');
  assert.equal(
    writeTx(db, () => applyProviderStatus(ctx, inv.id, 'issued', { remoteStatus: 'UNPAID' })),
    true,
  );
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'issued');
  assert.equal(
    writeTx(db, () => applyProviderStatus(ctx, inv.id, 'issued')),
    false,
    'no change, no history',
  );
  writeTx(db, () => applyProviderStatus(ctx, inv.id, 'expired'));
  await call('invoice.pay', { id: inv.id, amount: 100 });
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'partially_paid');
  const h = await call('invoice.history', { id: inv.id });
  assert.equal(h.find((e) => e.action === 'expired')?.actor, 'provider');
  assert.equal((await call('ledger.check', {})).ok, true);
});
