/**
 * The ledger through `kassa …` as a user or script runs it: JSON on stdout, JSON errors on stderr, exit codes.
 * Every command under test runs in its own child process; the set-up a test only needs (a customer, an issued
 * invoice) runs through the same CLI in this process (kassaInProcess), so no test waits for a dozen cold starts
 * before its own (one test with ~20 children hit the 300 s limit on a loaded machine).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Invoice } from '../../../shared/domain';
import type { CheckReport } from '../../../shared/contract/ledger';
import { createTranslator, isMessageKey } from '../../../shared/i18n/catalogue';
import { englishText } from '../../../shared/i18n/english';
import { kassa } from '../../helpers/cli';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';
import { dumpLedger } from './helpers';

interface ErrorOut {
  error: { code: string; message: string; field: string | null };
}

function ok<T>(args: string[], input?: string): T {
  const r = kassa(args, input === undefined ? {} : { input });
  assert.equal(r.code, 0, `kassa ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The same as ok(), through the CLI in this process: for set-up. */
async function okHere<T>(args: string[], input?: string): Promise<T> {
  const r = await kassaInProcess(args, input ?? '');
  assert.equal(r.code, 0, `kassa ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

type Run = <T>(args: string[], input?: string) => T | Promise<T>;

/**
 * A working day: profile, a customer, a draft that is edited, issued, part paid and credited. Run through child
 * processes by the test that checks each step, and in this process as the set-up of the export/backup test.
 */
async function workingDay(run: Run, d: string[]) {
  await run([
    'profile',
    'set',
    '--data',
    '{"name":"Studio Amal","locale":"ar-EG","defaultCurrency":"EGP","paymentTermsDays":30}',
    ...d,
  ]);
  const cust = await run<{ id: string; phone: string }>([
    'customer',
    'create',
    '--data',
    '{"name":"Nile Bakery","phone":"+20 100 123 4567"}',
    ...d,
  ]);
  const draftJson = JSON.stringify({
    customerId: cust.id,
    lines: [{ description: 'Logo design', quantity: '1', unitPrice: 150000, taxRate: '14', taxCategory: 'S' }],
  });
  const draft = await run<Invoice>(['invoice', 'create', '--data', '-', ...d], draftJson);
  await run(['invoice', 'update', draft.id, '--data', '{"notes":"Thanks!"}', ...d]);
  const inv = await run<Invoice>(['invoice', 'issue', draft.id, ...d]);
  const paid = await run<Invoice>(['invoice', 'pay', inv.id, '--amount', '1000.50', '--method', 'cash', ...d]);
  const credit = await run<{ creditNote: Invoice; invoice: Invoice }>([
    'invoice',
    'credit',
    inv.id,
    '--reason',
    'price changed',
    ...d,
  ]);
  return { cust, draftJson, draft, inv, paid, credit };
}

/** A customer and one issued invoice of 1.00 EUR, made in this process. */
async function issuedInvoice(d: string[]): Promise<{ cust: { id: string }; inv: Invoice }> {
  const cust = await okHere<{ id: string }>(['customer', 'create', '--data', '{"name":"A"}', ...d]);
  const inv = await okHere<Invoice>([
    'invoice',
    'create',
    '--data',
    JSON.stringify({
      customerId: cust.id,
      currency: 'EUR',
      lines: [{ description: 'x', quantity: '1', unitPrice: 100, taxRate: '0', taxCategory: 'Z' }],
    }),
    ...d,
  ]);
  await okHere(['invoice', 'issue', inv.id, ...d]);
  return { cust, inv };
}

function fails(args: string[], exit: number, code: string, input?: string): ErrorOut['error'] {
  const r = kassa(args, input === undefined ? {} : { input });
  assert.equal(r.code, exit, `expected exit ${exit}: ${r.stderr}`);
  const err = JSON.parse(r.stderr.trim().split('\n').pop()!) as ErrorOut;
  assert.equal(err.error.code, code, err.error.message);
  return err.error;
}

function snapshot(dir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dir, 'kassa.db'), { readonly: true });
  try {
    return dumpLedger(db);
  } finally {
    db.close();
  }
}

test('kassa profile/customer/invoice: a working day through the CLI, each step its own process', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const day = await workingDay(ok, d);
  assert.equal(ok<{ locale: string }>(['profile', 'show', ...d]).locale, 'ar-EG');
  assert.match(day.cust.id, /^cus_/);
  assert.equal(day.cust.phone, '+201001234567');
  assert.equal(day.draft.currency, 'EGP', 'profile default currency');
  const inv = day.inv;
  assert.match(inv.number ?? '', /^INV-\d{4}-0001$/);
  assert.equal(day.paid.paid, 100050);
  assert.equal(day.paid.status, 'partially_paid');
  assert.match(day.credit.creditNote.number ?? '', /^CN-\d{4}-0001$/);
  const page = ok<{ items: Invoice[]; nextCursor: string | null }>([
    'invoice',
    'list',
    '--status',
    'partially_paid,paid',
    '--q',
    'nile',
    ...d,
  ]);
  assert.deepEqual(
    page.items.map((i) => i.id),
    [inv.id],
  );
  assert.equal(ok<Invoice>(['invoice', 'show', inv.id, ...d]).notes, 'Thanks!');
  const history = ok<Array<{ action: string; actor: string }>>(['invoice', 'history', inv.id, ...d]);
  assert.deepEqual(
    history.map((h) => h.action),
    ['created', 'updated', 'issued', 'payment_recorded', 'credited'],
  );
  assert.ok(history.every((h) => h.actor === 'cli'));
});

test('kassa export/backup/restore/check/dashboard after a working day', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const { draftJson } = await workingDay(okHere, d);

  const csvFile = path.join(dir, 'lines.csv');
  assert.deepEqual(ok(['export', 'csv', '--what', 'lines', '--out', csvFile, ...d]), {
    what: 'lines',
    rows: 2,
    file: csvFile,
    csv: null,
  });
  assert.match(fs.readFileSync(csvFile, 'utf8'), /Logo design,1,C62,1500.00/);
  const raw = kassa(['export', 'csv', '--what', 'invoices', '--out', '-', ...d]);
  assert.equal(raw.code, 0);
  assert.equal(raw.stdout.trim().split('\n').length, 3);

  const backup = ok<{ file: string }>(['backup', '--out', path.join(dir, 'before.db'), ...d]);
  await okHere(['invoice', 'create', '--data', draftJson, ...d]);
  const restored = ok<{ restoredFrom: string; check: { ok: boolean } }>(['restore', backup.file, ...d]);
  assert.equal(restored.check.ok, true);
  assert.equal(ok<{ items: Invoice[] }>(['invoice', 'list', '--status', 'draft', ...d]).items.length, 0);
  const report = ok<{ ok: boolean; counts: { invoices: number } }>(['check', ...d]);
  assert.equal(report.ok, true);
  assert.equal(report.counts.invoices, 2);
  assert.equal(ok<{ currencies: unknown[] }>(['dashboard', ...d]).currencies.length, 1);
});

test('bad invoice input through the CLI: a JSON error on stderr, exit 1, nothing on stdout, ledger unchanged', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const { cust, inv } = await issuedInvoice(d);
  const before = snapshot(dir);

  // 10 MB of notes through stdin.
  const big = JSON.stringify({ customerId: cust.id, notes: 'n'.repeat(10 * 1024 * 1024) });
  const r = kassa(['invoice', 'create', '--data', '-', ...d], { input: big });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const e = (JSON.parse(r.stderr) as ErrorOut).error;
  assert.equal(e.field, 'notes');
  assert.match(e.message, /too long/);
  assert.ok(r.stderr.length < 1000, 'the error does not echo the input');

  assert.equal(
    fails(
      [
        'invoice',
        'create',
        '--data',
        '{"lines":[{"description":"x","quantity":"-2","unitPrice":1,"taxRate":"0","taxCategory":"Z"}]}',
        ...d,
      ],
      1,
      'invalid_input',
    ).field,
    'lines.0.quantity',
  );
  assert.equal(
    fails(['invoice', 'create', '--data', '{"currency":"ABC"}', ...d], 1, 'invalid_input').field,
    'currency',
  );
  assert.equal(
    fails(['invoice', 'create', '--data', '{"dueDate":"2026-02-29"}', ...d], 1, 'invalid_input').field,
    'dueDate',
  );
  fails(['invoice', 'issue', inv.id, ...d], 1, 'already_issued');
  fails(['invoice', 'update', inv.id, '--data', '{"notes":"edit"}', ...d], 1, 'invoice_not_draft');
  fails(['invoice', 'pay', inv.id, '--amount', '1.005', ...d], 1, 'too_many_decimals');
  fails(['invoice', 'pay', inv.id, '--amount', '5', ...d], 1, 'overpayment');
  fails(['invoice', 'create', '--data', '{not json', ...d], 1, 'invalid_json');
  fails(['invoice', 'show', 'inv_doesnotexist0', ...d], 1, 'invoice_not_found');

  assert.deepEqual(snapshot(dir), before);
});

test('usage errors (exit 2), a missing backup and a bad import file through the CLI leave the ledger unchanged', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const { inv } = await issuedInvoice(d);
  const before = snapshot(dir);

  fails(['invoice', 'show', ...d], 2, 'usage');
  fails(['invoice', 'pay', inv.id, ...d], 2, 'usage');
  fails(['invoice', 'list', '--status', 'bogus', ...d], 2, 'usage');
  fails(['restore', path.join(dir, 'nope.db'), ...d], 1, 'backup_not_found');

  const csv = path.join(dir, 'c.csv');
  fs.writeFileSync(csv, 'name,phone\nGood,+201001234567\nBad,12345\n');
  const imp = kassa(['customer', 'import', csv, ...d]);
  assert.equal(imp.code, 1);
  const rep = JSON.parse(imp.stdout) as { ok: boolean; errors: Array<{ row: number; field: string }> };
  assert.deepEqual(
    rep.errors.map((x) => [x.row, x.field]),
    [[3, 'phone']],
  );
  assert.equal((JSON.parse(imp.stderr) as ErrorOut).error.code, 'import_rows_invalid');

  assert.deepEqual(snapshot(dir), before);
  // And a valid import from stdin works.
  assert.equal(ok<{ imported: number }>(['customer', 'import', '-', ...d], 'name\nB\nC\n').imported, 2);
});

test('kassa check exits 1 with the report on stdout when an invariant is broken', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const { inv } = await issuedInvoice(d);
  const db = new Database(path.join(dir, 'kassa.db'));
  db.exec('DROP TRIGGER invoices_issued_immutable');
  db.prepare('UPDATE invoices SET paid = 50, status = ? WHERE id = ?').run('partially_paid', inv.id);
  db.close();
  const r = kassa(['check', ...d]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.equal(report.ok, false);
  assert.deepEqual(new Set(report.problems.map((p) => p.code)), new Set(['paid_mismatch', 'history_inconsistent']));
  assert.equal((JSON.parse(r.stderr) as ErrorOut).error.code, 'check_failed');

  // Codes and parameters, worded where they are read: English for the CLI, the reader's language on a screen.
  const paid = report.problems.find((p) => p.code === 'paid_mismatch')!;
  const number = String(paid.params?.invoice);
  assert.match(number, /^INV-\d{4}-\d{4}$/);
  assert.deepEqual(paid.params, {
    invoice: number,
    stored: { minor: 50, currency: inv.currency },
    actual: { minor: 0, currency: inv.currency },
  });
  assert.match(paid.message, new RegExp(`^${number} says .*0\\.50 paid; its payments add up to .*0\\.00\\.$`));
  const ar = createTranslator({ language: 'ar' });
  const es = createTranslator({ language: 'es' });
  for (const p of report.problems) {
    assert.ok(isMessageKey(`check.${p.code}`), p.code);
    assert.equal(p.message, englishText(`check.${p.code}`, p.params));
    const arabic = ar.text(`check.${p.code}`, p.params);
    assert.match(arabic, /[\u0600-\u06ff]/, arabic);
    assert.ok(arabic.includes(number), arabic);
  }
  assert.match(
    es.text('check.history_inconsistent', report.problems.find((p) => p.code !== 'paid_mismatch')!.params),
    /historial termina en emitida/,
  );
  assert.ok(report.checked.length >= 10);
  for (const id of report.checked) {
    assert.ok(isMessageKey(`check.invariant.${id}`), id);
    assert.match(ar.text(`check.invariant.${id}`), /[\u0600-\u06ff]|SQLite/);
  }
});

test('kassa series set-prefix: the new prefix in the next number; refused with the reason once numbered', async () => {
  const d = ['--data-dir', tempDir()];
  const info = await okHere<{ prefix: string; example: string }>(['series', 'set-prefix', 'INV', 'rech', ...d]);
  assert.equal(info.prefix, 'RECH');
  assert.match(info.example, /^RECH-\d{4}-0001$/);
  const taken = fails(['series', 'set-prefix', 'QUO', 'CN', ...d], 1, 'series_prefix_taken');
  assert.equal(taken.field, 'prefix');
  fails(['series', 'set-prefix', 'XX', 'ABC', ...d], 2, 'usage');
});
