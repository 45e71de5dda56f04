/** Migration 004 (refunds) on a ledger written by version 3: data kept, refunds possible, dashboard index rebuilt. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../../main/ledger/connection';
import { migrations } from '../../../main/ledger/migrations';
import { tempDir } from '../../helpers/tmp';

test('004: a version-3 ledger gains refunds, keeps its invoices, and its dashboard index covers refunded', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'kassa.db');
  const v1 = await openLedger(file, { migrations: migrations.slice(0, 3) });
  v1.db.exec(`
    INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('cus_aaaaaa01', 'Old', 'old', 'x', 'x');
    INSERT INTO invoices (id, kind, status, customer_id, currency, lines_net, tax_total, total, created_at, updated_at)
      VALUES ('inv_aaaaaa01', 'invoice', 'draft', 'cus_aaaaaa01', 'EUR', 1000, 0, 1000, 'x', 'x');`);
  v1.close();
  const v2 = await openLedger(file, { migrations: migrations.slice(0, 4) });
  try {
    assert.equal(v2.schemaVersion, 4);
    assert.deepEqual(v2.db.prepare(`SELECT id, total, refunded FROM invoices`).all(), [
      { id: 'inv_aaaaaa01', total: 1000, refunded: 0 },
    ]);
    const cols = (
      v2.db.prepare(`SELECT name FROM pragma_index_info('invoices_open')`).all() as Array<{ name: string }>
    ).map((r) => r.name);
    assert.ok(cols.includes('refunded'), cols.join(','));
    assert.throws(
      () => v2.db.prepare(`UPDATE invoices SET refunded = -1 WHERE id = 'inv_aaaaaa01'`).run(),
      /CHECK constraint/,
    );
    // Refunds on a missing invoice are refused by the foreign key.
    assert.throws(
      () =>
        v2.db
          .prepare(
            `INSERT INTO refunds (id, invoice_id, currency, date, amount, method, created_at) VALUES ('ref_1', 'inv_nope', 'EUR', '2026-01-01', 1, 'x', 'x')`,
          )
          .run(),
      /FOREIGN KEY/,
    );
  } finally {
    v2.close();
  }
});
