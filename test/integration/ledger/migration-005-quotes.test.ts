/**
 * Migration 005 (quotes) on a ledger made by version 4 with issued invoices, a credit note and an external series:
 * `series` is rebuilt to accept the quote kind with every row, counter and reference intact.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger, writeTx } from '../../../main/ledger/connection';
import type { LedgerCtx } from '../../../main/ledger/context';
import { migrations } from '../../../main/ledger/migrations';
import { ensureExternalSeries, takeNumber } from '../../../main/ledger/numbering';
import { createCustomer } from '../../../main/ledger/tables/customers';
import { tempDir } from '../../helpers/tmp';
import { insertAccount } from './helpers';

test('005_quotes: series gains the quote kind and QUO; rows, counters and references survive the rebuild', async () => {
  const file = path.join(tempDir(), 'kassa.db');
  const before = await openLedger(file, { migrations: migrations.slice(0, 4) });
  const ctx: LedgerCtx = { db: before.db, now: new Date('2026-04-02T12:00:00Z'), actor: 'system' };
  insertAccount(before.db, 'acc_m4', 'kashier');
  // Issued documents as version 4 wrote them: numbers from the real counters, rows inserted directly (today's
  // issueInvoice also writes the record chain of migration 008, which a version-4 ledger does not have).
  writeTx(before.db, () => {
    const customerId = createCustomer(ctx, { name: 'Old Co' });
    const insert = before.db.prepare(
      `INSERT INTO invoices (id, kind, status, series, number, number_year, number_seq, customer_id, currency,
         issue_date, corrects_invoice_id, lines_net, tax_total, total, created_at, updated_at, issued_at)
       VALUES (@id, @kind, 'issued', @series, @number, @year, @seq, @customerId, 'EUR', '2026-04-02', @corrects,
         1000, 140, 1140, @at, @at, @at)`,
    );
    const issue = (id: string, series: 'INV' | 'CN', corrects: string | null): void => {
      const n = takeNumber(ctx, series, '2026-04-02');
      insert.run({
        id,
        kind: corrects ? 'credit_note' : 'invoice',
        series,
        number: n.number,
        year: n.year,
        seq: n.seq,
        customerId,
        corrects,
        at: ctx.now.toISOString(),
      });
    };
    for (let i = 0; i < 3; i++) issue(`inv_m4_${i}`, 'INV', null);
    issue('inv_m4_cn', 'CN', 'inv_m4_0');
    ensureExternalSeries(ctx, 'acc_m4');
  });
  const dump = (db: typeof before.db) => ({
    series: db.prepare(`SELECT code, kind, prefix, digits, account_id, created_at FROM series ORDER BY code`).all(),
    counters: db.prepare(`SELECT * FROM series_counters ORDER BY series, year`).all(),
    invoices: db.prepare(`SELECT id, series, number FROM invoices ORDER BY id`).all(),
  });
  const old = dump(before.db);
  before.close();

  const after = await openLedger(file, { migrations });
  try {
    assert.equal(after.schemaVersion, migrations.length);
    const now = dump(after.db);
    assert.deepEqual(
      now.series.filter((s) => (s as { code: string }).code !== 'QUO'),
      old.series,
    );
    assert.deepEqual(
      now.series.find((s) => (s as { code: string }).code === 'QUO'),
      {
        ...(now.series.find((s) => (s as { code: string }).code === 'QUO') as object),
        kind: 'quote',
        prefix: 'QUO',
        digits: 4,
        account_id: null,
      },
    );
    assert.deepEqual(now.counters, old.counters);
    assert.deepEqual(now.invoices, old.invoices);
    assert.deepEqual(after.db.pragma('foreign_key_check'), []);
    assert.deepEqual(after.db.pragma('integrity_check', { simple: true }), 'ok');
    // References are still enforced against the new table.
    assert.throws(
      () => after.db.prepare(`INSERT INTO series_counters (series, year, next_number) VALUES ('NOPE', 2026, 1)`).run(),
      /FOREIGN KEY/,
    );
    assert.throws(
      () =>
        after.db
          .prepare(`INSERT INTO series (code, kind, prefix, created_at) VALUES ('X', 'proforma', 'X', 'x')`)
          .run(),
      /CHECK/,
    );
  } finally {
    after.close();
  }
});
