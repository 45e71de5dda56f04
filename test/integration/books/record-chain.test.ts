/**
 * The tamper-evident record: every issued document, payment, void, cancellation and period close appends one
 * entry in the same transaction; `check` recomputes the chain and names what was changed outside Kassa — by raw
 * SQL that bypasses the schema's triggers, or by editing bytes of the SQLite file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { canonicalJson, entryHash, sha256, ZERO_HASH } from '../../../main/ledger/chain';
import type { CheckReport } from '../../../shared/contract/ledger';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { customer, draft, issued, ledgerServices } from '../ledger/helpers';

interface EntryRow {
  seq: number;
  kind: string;
  ref_id: string;
  invoice_id: string | null;
  label: string;
  doc_hash: string;
  prev_hash: string;
  hash: string;
}

const entries = (db: Database.Database): EntryRow[] =>
  db.prepare('SELECT * FROM record_chain ORDER BY seq').all() as EntryRow[];

/** Runs `sql` with one trigger dropped and recreated afterwards: an edit "outside Kassa" that the schema would refuse. */
function bypassingTrigger(db: Database.Database, trigger: string, sql: string, ...params: unknown[]): void {
  const def = (
    db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).get(trigger) as {
      sql: string;
    }
  ).sql;
  db.exec(`DROP TRIGGER ${trigger}`);
  db.prepare(sql).run(...params);
  db.exec(def);
}

describe('record chain', () => {
  it('appends one entry per issued document, payment, refund, void, cancellation and period event, in order, linked', async () => {
    const { call, db, clock } = await ledgerServices('2026-03-10T12:00:00Z');
    const c = await customer(call);
    const a = await issued(call, c, { notes: 'first' }, { issueDate: '2026-02-10' });
    const paid = await call('invoice.pay', { id: a.id, amount: 2000, date: '2026-02-15' });
    await call('invoice.voidPayment', { id: a.id, paymentId: paid.payments![0]!.id, reason: 'bounced' });
    const b = await issued(call, c);
    const credit = await call('invoice.credit', { id: b.id, reason: 'returned' });
    const d = await issued(call, c);
    await call('invoice.cancel', { id: d.id, reason: 'duplicate' });
    const e = await issued(call, c);
    await call('invoice.pay', { id: e.id, amount: e.totals.total + 500, allowOverpayment: true });
    const refunded = await call('invoice.refund', { id: e.id, amount: 500 });
    await call('invoice.voidRefund', { id: e.id, refundId: refunded.refunds![0]!.id, reason: 'sent twice' });
    clock.set('2026-03-11T09:00:00Z');
    await call('period.close', { period: '2026-02' });
    await call('period.reopen', { period: '2026-02', reason: 'late' });
    const draftOnly = await draft(call, c);

    const rows = entries(db);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.label]),
      [
        ['invoice', a.number],
        ['payment', a.number],
        ['payment_void', a.number],
        ['invoice', b.number],
        ['credit_note', credit.creditNote.number],
        ['invoice', d.number],
        ['cancellation', d.number],
        ['invoice', e.number],
        ['payment', e.number],
        ['refund', e.number],
        ['refund_void', e.number],
        ['period_closed', '2026-02'],
        ['period_reopened', '2026-02'],
      ],
    );
    assert.ok(!rows.some((r) => r.ref_id === draftOnly.id), 'drafts are not recorded');
    rows.forEach((r, i) => {
      assert.equal(r.seq, i + 1);
      assert.equal(r.prev_hash, i === 0 ? ZERO_HASH : rows[i - 1]!.hash);
      assert.equal(r.hash, entryHash(r));
    });
    // The document hash is the SHA-256 of the canonical form as stored, e.g. for the payment:
    const p = db.prepare('SELECT * FROM payments WHERE id = ?').get(paid.payments![0]!.id) as Record<string, unknown>;
    const form = canonicalJson({
      v: 1,
      type: 'payment',
      id: p.id,
      invoiceId: p.invoice_id,
      currency: p.currency,
      date: p.date,
      amount: p.amount,
      method: p.method,
      note: p.note,
      source: p.source,
      accountId: p.account_id,
      remoteId: p.remote_id,
      createdAt: p.created_at,
    });
    assert.equal(rows[1]!.doc_hash, sha256(form));

    const report = await call('ledger.check', {});
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.deepEqual(report.record, { length: 13, head: rows[12]!.hash });
  });

  it('the chain is append-only and written in the same transaction as the document', async () => {
    const { call, db } = await ledgerServices();
    const c = await customer(call);
    await issued(call, c);
    assert.throws(() => db.prepare(`UPDATE record_chain SET label = 'x'`).run(), /record_chain_append_only/);
    assert.throws(() => db.prepare(`DELETE FROM record_chain`).run(), /record_chain_append_only/);
    const head = entries(db)[0]!;
    assert.throws(
      () =>
        db
          .prepare(
            `INSERT INTO record_chain (seq, kind, ref_id, label, at, doc_hash, prev_hash, hash) VALUES (3, 'invoice', 'x', 'x', 'x', ?, ?, ?)`,
          )
          .run(ZERO_HASH, head.hash, 'f'.repeat(64)),
      /record_chain_append_only/,
      'a gap is refused',
    );
    // A failing issue (closed period) leaves neither the invoice nor an entry.
    const d = await draft(call, c, { issueDate: '2026-02-02' });
    await call('period.close', { period: '2026-02' });
    const n = entries(db).length;
    await assert.rejects(call('invoice.issue', { id: d.id }), /closed/);
    assert.equal(entries(db).length, n);
  });

  it('check names the invoice changed by raw SQL that bypasses the triggers, and the entry of an edited chain', async () => {
    const { call, db } = await ledgerServices();
    const c = await customer(call);
    const a = await issued(call, c);
    const b = await issued(call, c, { notes: 'Net 30' });
    const paid = await call('invoice.pay', { id: a.id, amount: 5000 });
    assert.equal((await call('ledger.check', {})).ok, true);

    bypassingTrigger(db, 'invoices_issued_immutable', `UPDATE invoices SET notes = 'Net 31' WHERE id = ?`, b.id);
    let report = await call('ledger.check', {});
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => [p.code, p.invoiceId, p.params?.label]),
      [['record_changed', b.id, b.number]],
    );
    assert.match(report.problems[0]!.message, new RegExp(`Invoice ${b.number} was changed outside Kassa`));
    bypassingTrigger(db, 'invoices_issued_immutable', `UPDATE invoices SET notes = 'Net 30' WHERE id = ?`, b.id);
    assert.equal((await call('ledger.check', {})).ok, true, 'restored: the hash matches again');

    // A payment's amount changed (the totals check would also see paid ≠ payments; the chain names the payment).
    bypassingTrigger(db, 'payments_void_only', `UPDATE payments SET amount = 4000 WHERE id = ?`, paid.payments![0]!.id);
    report = await call('ledger.check', {});
    assert.ok(
      report.problems.some((p) => p.code === 'record_changed' && p.params?.kind === 'payment' && p.invoiceId === a.id),
      JSON.stringify(report.problems),
    );
    bypassingTrigger(db, 'payments_void_only', `UPDATE payments SET amount = 5000 WHERE id = ?`, paid.payments![0]!.id);

    // The chain itself edited: the entry no longer follows from the one before.
    bypassingTrigger(db, 'record_chain_no_update', `UPDATE record_chain SET label = 'INV-FAKE' WHERE seq = 2`);
    assert.equal((await call('record.verify', {})).ok, true, 'the label is not part of the hash');
    bypassingTrigger(
      db,
      'record_chain_no_update',
      `UPDATE record_chain SET doc_hash = ? WHERE seq = 2`,
      'a'.repeat(64),
    );
    const r = await call('record.verify', {});
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.params?.seq]),
      [
        ['record_chain_broken', 2],
        ['record_changed', 2],
      ],
    );
  });

  it('an issued invoice inserted or an entry removed outside Kassa is named as not recorded', async () => {
    const { call, db } = await ledgerServices();
    const c = await customer(call);
    const a = await issued(call, c);
    await issued(call, c);
    bypassingTrigger(db, 'record_chain_no_delete', `DELETE FROM record_chain WHERE seq = 2`);
    const r = await call('record.verify', {});
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['record_not_chained'],
    );
    bypassingTrigger(db, 'invoice_lines_frozen_delete', `DELETE FROM invoice_lines WHERE invoice_id = ?`, a.id);
    const r2 = await call('record.verify', {});
    assert.ok(r2.problems.some((p) => p.code === 'record_changed' && p.invoiceId === a.id));
  });

  it('kassa check exits non-zero and names the invoice after one byte of it was changed in the SQLite file', () => {
    const dir = tempDir();
    const run = (args: string[]) => kassa([...args, '--data-dir', dir]);
    const ok = <T>(args: string[], input?: string): T => {
      const r = input === undefined ? run(args) : kassa([...args, '--data-dir', dir], { input });
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as T;
    };
    const c = ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Delta Traders"}']);
    const marker = 'Payable to account Q7ZK-4411';
    const inv = ok<{ id: string }>([
      'invoice',
      'create',
      '--data',
      JSON.stringify({
        customerId: c.id,
        currency: 'EGP',
        notes: marker,
        lines: [{ description: 'Bread', quantity: '3', unitPrice: 2500, taxRate: '14', taxCategory: 'S' }],
      }),
    ]);
    const issuedInv = ok<{ number: string }>(['invoice', 'issue', inv.id]);
    const other = ok<{ id: string }>([
      'invoice',
      'create',
      '--data',
      JSON.stringify({
        customerId: c.id,
        currency: 'EGP',
        lines: [{ description: 'Cake', quantity: '1', unitPrice: 9000, taxRate: '14', taxCategory: 'S' }],
      }),
    ]);
    ok(['invoice', 'issue', other.id]);
    assert.equal(ok<CheckReport>(['check']).ok, true);

    // Every CLI process has closed the ledger, so the WAL is checkpointed into kassa.db: edit the file itself.
    const file = path.join(dir, 'kassa.db');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from(marker, 'utf8'));
    assert.ok(at > 0, 'the notes are in the file');
    assert.equal(bytes.indexOf(Buffer.from(marker, 'utf8'), at + 1), -1, 'once');
    bytes[at + marker.indexOf('Q')] = 'R'.charCodeAt(0);
    fs.writeFileSync(file, bytes);

    const r = run(['check']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout.trim().split('\n')[0]!) as CheckReport;
    assert.deepEqual(report.integrity, ['ok'], 'SQLite itself sees nothing wrong');
    assert.deepEqual(
      report.problems.map((p) => [p.code, p.invoiceId]),
      [['record_changed', inv.id]],
    );
    assert.match(report.problems[0]!.message, new RegExp(`Invoice ${issuedInv.number} was changed outside Kassa`));
    const err = JSON.parse(r.stderr.trim()) as { error: { code: string } };
    assert.equal(err.error.code, 'check_failed');
  });
});
