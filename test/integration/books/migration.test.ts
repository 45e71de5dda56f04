/**
 * Migration 008 on an existing ledger: the record chain is built for what exists, in the order it happened, and
 * comes out identical to the chain the same history writes live.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { checkLedger } from '../../../main/ledger/check';
import { openLedger } from '../../../main/ledger/connection';
import { m008 } from '../../../main/ledger/migrations/008_periods_and_record_chain';
import { customer, issued, ledgerServices } from '../ledger/helpers';

test('migration 008 builds the chain of an existing ledger in time order, equal to the live one', async () => {
  const { s, call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
  const minute = (n: number): void => clock.set(`2026-03-10T12:${String(n).padStart(2, '0')}:00Z`);
  const c = await customer(call);
  minute(1);
  const a = await issued(call, c);
  minute(2);
  const paid = await call('invoice.pay', { id: a.id, amount: 1000 });
  minute(3);
  const b = await issued(call, c);
  minute(4);
  await call('invoice.credit', { id: b.id });
  minute(5);
  await call('invoice.voidPayment', { id: a.id, paymentId: paid.payments![0]!.id, reason: 'bounced' });
  minute(6);
  const d = await issued(call, c);
  minute(7);
  await call('invoice.cancel', { id: d.id });
  minute(8);
  await call('invoice.pay', { id: a.id, amount: 300 });
  minute(9);
  const e = await issued(call, c);
  await call('invoice.pay', { id: e.id, amount: e.totals.total + 100, allowOverpayment: true });
  minute(10);
  const r = await call('invoice.refund', { id: e.id, amount: 100 });
  minute(11);
  await call('invoice.voidRefund', { id: e.id, refundId: r.refunds![0]!.id, reason: 'twice' });

  const live = s.ledger.db
    .prepare('SELECT seq, kind, ref_id, doc_hash, prev_hash, hash FROM record_chain ORDER BY seq')
    .all();
  assert.equal(live.length, 12);
  const file = s.ledger.file;
  await s.close();

  // The same file as a ledger of the version before: no periods, no chain (and nothing of the later migrations,
  // which run again: 009 rewrites stored texts, which today's code never wrote; 010 adds customers.language; 011 the
  // profile's document choices; 012 invoice_lines.imported_json).
  const raw = new Database(file);
  raw.exec('DROP TABLE record_chain; DROP TABLE period_history; DROP TABLE closed_periods;');
  raw.exec('ALTER TABLE customers DROP COLUMN language;');
  raw.exec('ALTER TABLE invoice_lines DROP COLUMN imported_json;');
  for (const column of ['language', 'document_layout', 'document_digits'])
    raw.exec(`ALTER TABLE profile DROP COLUMN ${column};`);
  raw.pragma(`user_version = ${m008.version - 1}`);
  raw.close();

  const ledger = await openLedger(file, { backupDir: path.join(path.dirname(file), 'backups') });
  try {
    assert.ok(ledger.schemaVersion >= m008.version);
    const rebuilt = ledger.db
      .prepare('SELECT seq, kind, ref_id, doc_hash, prev_hash, hash FROM record_chain ORDER BY seq')
      .all();
    assert.deepEqual(rebuilt, live);
    const report = await checkLedger(ledger.db);
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.record.length, 12);
  } finally {
    ledger.close();
  }
});
