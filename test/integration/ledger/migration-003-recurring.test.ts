/** Migration 003 (recurring schedules and runs) on a ledger made by version 2, with invoices in it. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger, writeTx } from '../../../main/ledger/connection';
import type { LedgerCtx } from '../../../main/ledger/context';
import { createDraft } from '../../../main/ledger/drafts';
import { migrations } from '../../../main/ledger/migrations';
import { createSchedule, runNextPeriod } from '../../../main/ledger/recurring';
import { createCustomer } from '../../../main/ledger/tables/customers';
import { tempDir } from '../../helpers/tmp';

test('003_recurring: a version-2 ledger gains the schedule tables, keeps its invoices, and runs a schedule', async () => {
  const file = path.join(tempDir(), 'kassa.db');
  const before = await openLedger(file, { migrations: migrations.slice(0, 2) });
  assert.equal(before.schemaVersion, 2);
  const ctx = (db: LedgerCtx['db']): LedgerCtx => ({ db, now: new Date('2026-04-02T12:00:00Z'), actor: 'system' });
  const templateId = writeTx(before.db, () => {
    const customerId = createCustomer(ctx(before.db), { name: 'Old Co' });
    return createDraft(ctx(before.db), {
      customerId,
      currency: 'EUR',
      lines: [
        {
          description: 'Rent',
          quantity: '1',
          unitPrice: 80_000,
          taxRate: '0',
          taxCategory: 'E',
          exemptionReason: 'Exempt',
        },
      ],
    });
  });
  before.close();

  // Up to the current schema: the schedule below runs today's ledger code, which reads later migrations' columns too.
  const after = await openLedger(file, { migrations });
  try {
    assert.equal(after.schemaVersion, migrations.length);
    const tables = (
      after.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>
    ).map((r) => r.name);
    assert.ok(tables.includes('recurring_schedules') && tables.includes('recurring_runs'));
    const id = writeTx(after.db, () =>
      createSchedule(ctx(after.db), {
        templateId,
        frequency: 'month',
        startDate: '2026-03-31',
        end: { kind: 'never' },
        action: 'draft',
      }),
    );
    const runs = writeTx(after.db, () => [
      runNextPeriod(ctx(after.db)),
      runNextPeriod(ctx(after.db)),
      runNextPeriod(ctx(after.db)),
    ]);
    assert.deepEqual(
      runs.map((r) => r && `${r.scheduleId === id} ${r.date} ${r.outcome}`),
      ['true 2026-03-31 draft', null, null],
    );
    // A run's draft can still be deleted: the run forgets it (ON DELETE SET NULL), the period stays done.
    after.db.pragma('foreign_keys = ON');
    after.db.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ?`).run(runs[0]!.invoiceId);
    after.db.prepare(`DELETE FROM invoices WHERE id = ?`).run(runs[0]!.invoiceId);
    assert.deepEqual(after.db.prepare(`SELECT period, invoice_id FROM recurring_runs`).all(), [
      { period: 0, invoice_id: null },
    ]);
    // The schema refuses a run without its reason when held, and a second claim of the same period.
    assert.throws(
      () =>
        after.db
          .prepare(
            `INSERT INTO recurring_runs (schedule_id, period, period_date, outcome, at) VALUES (?, 1, '2026-04-30', 'held', 'x')`,
          )
          .run(id),
      /CHECK/,
    );
    assert.throws(
      () =>
        after.db
          .prepare(
            `INSERT INTO recurring_runs (schedule_id, period, period_date, outcome, at) VALUES (?, 0, '2026-03-31', 'draft', 'x')`,
          )
          .run(id),
      /UNIQUE|PRIMARY/,
    );
  } finally {
    after.close();
  }
});
