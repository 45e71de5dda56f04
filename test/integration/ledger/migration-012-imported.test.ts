/**
 * Migration 012 on a ledger whose imported provider invoices hold the English version 1 wrote ("Kashier invoice
 * 4711", "Imported from Kashier: …", "Kashier customer"): the rows become data (the provider and number in
 * `imported_json`, no exemption text, an empty customer name), text a person typed is left alone, every record
 * chain hash stays what it was and `kassa check` finds nothing — while a change to the new data is still caught.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { checkLedger } from '../../../main/ledger/check';
import { openLedger, writeTx } from '../../../main/ledger/connection';
import { creditInvoice } from '../../../main/ledger/lifecycle';
import { m012 } from '../../../main/ledger/migrations/012_imported_as_data';
import type { RemoteInvoice } from '../../../main/providers/types';
import { englishMessage } from '../../../shared/i18n/english';
import { invoiceInWords } from '../../../shared/invoice-text';
import { importRemote, remoteInvoice } from '../../helpers/imported';
import { customer, insertAccount, ledgerServices } from './helpers';

const V1_REASON = 'Imported from Kashier: amounts as Kashier holds them, tax (if any) included.';

const FROZEN = ['invoices_issued_immutable', 'invoice_lines_frozen_update'];

/** Runs `fn` on the raw file with the triggers that freeze issued documents lifted, then puts them back. */
function unfrozen(db: Database.Database, fn: () => void): void {
  const sql = FROZEN.map(
    (n) => (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(n) as { sql: string }).sql,
  );
  for (const n of FROZEN) db.exec(`DROP TRIGGER ${n}`);
  fn();
  for (const s of sql) db.exec(s);
}

test('migration 012 turns the English of imported invoices into data; chain hashes unchanged, check clean', async () => {
  const { s, call, clock, db } = await ledgerServices('2026-03-10T12:00:00Z');
  const accountId = insertAccount(db, 'acc_ksh', 'kashier');
  const put = (r: RemoteInvoice) =>
    importRemote(db, { id: accountId, provider: 'kashier' }, r, clock.now, '2026-03-10');
  // No items, no customer name: one whole-invoice line, an unnamed customer.
  const whole = put(remoteInvoice({ remoteId: 'r1', remoteNumber: '4711', customerEmail: 'a@example.com' }));
  // Items that add up, a named customer.
  const items = put(
    remoteInvoice({
      remoteId: 'r2',
      remoteNumber: '4712',
      customerName: 'Nile Bakery',
      total: 3_000,
      items: [
        { description: 'Bread', quantity: '2', unitPrice: 1_000 },
        { description: 'Milk', quantity: '1', unitPrice: 1_000 },
      ],
    }),
  );
  clock.set('2026-03-11T09:00:00Z');
  const credit = (await call('invoice.credit', { id: whole })).creditNote;
  // Someone typed the very words on an invoice of their own: not an import, never rewritten.
  const c = await customer(call, 'Kashier customer');
  const d = await call('invoice.create', {
    customerId: c,
    currency: 'EGP',
    lines: [
      {
        description: 'Kashier invoice 4711',
        quantity: '1',
        unitPrice: 500,
        taxRate: '0',
        taxCategory: 'O',
        exemptionReason: V1_REASON,
      },
    ],
  });
  const typed = await call('invoice.issue', { id: d.id });
  const chain = () => db.prepare('SELECT * FROM record_chain ORDER BY seq').all();
  const chainBefore = chain();
  const today = await Promise.all([whole, items, credit.id].map((id) => call('invoice.get', { id })));
  const file = s.ledger.file;
  await s.close();

  // The same file as version 1 stored it: the English texts, no imported_json.
  const raw = new Database(file);
  unfrozen(raw, () => {
    raw.exec(`
      UPDATE invoice_lines SET exemption_reason = '${V1_REASON}' WHERE imported_json IS NOT NULL;
      UPDATE invoice_lines SET description = 'Kashier invoice 4711' WHERE imported_json GLOB '*"number":"4711"*';
      UPDATE invoice_lines SET imported_json = NULL;
      UPDATE invoices SET customer_name = 'Kashier customer',
        customer_json = json_set(customer_json, '$.name', 'Kashier customer') WHERE customer_name = '';
    `);
  });
  // Today's code on the English rows hashes them as version 1 did: the chain written with the data verifies.
  const v1Check = await checkLedger(raw);
  assert.equal(v1Check.ok, true, JSON.stringify(v1Check.problems));
  raw.exec('ALTER TABLE invoice_lines DROP COLUMN imported_json');
  raw.pragma(`user_version = ${m012.version - 1}`);
  const englishLines = raw
    .prepare(`SELECT count(*) AS n FROM invoice_lines WHERE exemption_reason = ?`)
    .get(V1_REASON) as { n: number };
  assert.equal(englishLines.n, 1 + 2 + 1 + 1, 'whole line, two item lines, the credit note, the typed one');
  raw.close();

  const ledger = await openLedger(file, { backupDir: path.join(path.dirname(file), 'backups') });
  try {
    const lines = ledger.db
      .prepare(
        'SELECT invoice_id, description, exemption_reason, imported_json FROM invoice_lines ORDER BY invoice_id, position',
      )
      .all() as Array<{
      invoice_id: string;
      description: string;
      exemption_reason: string | null;
      imported_json: string | null;
    }>;
    const of = (id: string) => lines.filter((l) => l.invoice_id === id).map(({ invoice_id: _, ...l }) => l);
    const wholeLine = {
      description: '4711',
      exemption_reason: null,
      imported_json: '{"provider":"Kashier","number":"4711"}',
    };
    assert.deepEqual(of(whole), [wholeLine]);
    assert.deepEqual(of(credit.id), [wholeLine]);
    assert.deepEqual(of(items), [
      { description: 'Bread', exemption_reason: null, imported_json: '{"provider":"Kashier"}' },
      { description: 'Milk', exemption_reason: null, imported_json: '{"provider":"Kashier"}' },
    ]);
    assert.deepEqual(of(typed.id), [
      { description: 'Kashier invoice 4711', exemption_reason: V1_REASON, imported_json: null },
    ]);
    const names = ledger.db
      .prepare('SELECT id, customer_name, customer_json, search_text FROM invoices ORDER BY id')
      .all() as Array<{ id: string; customer_name: string; customer_json: string; search_text: string }>;
    const named = (id: string) => names.find((n) => n.id === id)!;
    for (const id of [whole, credit.id]) {
      assert.equal(named(id).customer_name, '');
      assert.equal(JSON.parse(named(id).customer_json).name, '');
      assert.ok(!named(id).search_text.includes('customer'), named(id).search_text);
    }
    assert.equal(named(items).customer_name, 'Nile Bakery');
    assert.equal(named(typed.id).customer_name, 'Kashier customer');
    // Exactly the rows today's import writes, and the English version 1 showed is what they say in English.
    assert.equal(named(whole).customer_json, JSON.stringify(today[0]!.customer));
    const words = invoiceInWords(today[0]!, englishMessage);
    assert.equal(words.lines[0]!.description, 'Kashier invoice 4711');
    assert.equal(words.lines[0]!.exemptionReason, V1_REASON);
    assert.equal(words.customer.name, 'Unnamed customer');

    assert.deepEqual(ledger.db.prepare('SELECT * FROM record_chain ORDER BY seq').all(), chainBefore);
    const report = await checkLedger(ledger.db);
    assert.equal(report.ok, true, JSON.stringify(report.problems));

    // A credit note of an unnamed import with lines of its own: no imported line, still no customer name to ask for.
    const third = importRemote(
      ledger.db,
      { id: accountId, provider: 'kashier' },
      remoteInvoice({ remoteId: 'r3', remoteNumber: '4713' }),
      new Date('2026-03-12T09:00:00Z'),
      '2026-03-12',
    );
    writeTx(ledger.db, () =>
      creditInvoice(
        { db: ledger.db, now: new Date('2026-03-12T10:00:00Z'), actor: 'user' },
        {
          id: third,
          issueDate: '2026-03-12',
          lines: [
            {
              description: 'Goodwill',
              quantity: '1',
              unitPrice: 1_000,
              taxRate: '0',
              taxCategory: 'O',
              exemptionReason: 'Not subject',
            },
          ],
        },
      ),
    );
    const withCredit = await checkLedger(ledger.db);
    assert.equal(withCredit.ok, true, JSON.stringify(withCredit.problems));

    // The hash still covers the data: another provider or number on the imported line is named by check.
    ledger.db.exec('DROP TRIGGER invoice_lines_frozen_update');
    ledger.db
      .prepare(`UPDATE invoice_lines SET imported_json = '{"provider":"Kashier","number":"4799"}' WHERE invoice_id = ?`)
      .run(whole);
    const tampered = await checkLedger(ledger.db);
    assert.ok(
      tampered.problems.some((p) => p.code === 'record_changed' && p.invoiceId === whole),
      JSON.stringify(tampered.problems),
    );
  } finally {
    ledger.close();
  }
});
