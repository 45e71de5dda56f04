import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { PAGE_CALLER } from '../../../main/handlers/types';
import { tempDir } from '../../helpers/tmp';
import { customer, dumpLedger, issued, ledgerServices, line } from './helpers';

const GOOD = `Name,E-mail,Phone,Address Line1,City,Postal Code,Country,VAT ID,Notes
Nile Bakery,orders@nile.example,+20 100 123 4567,12 Tahrir St,Cairo,11511,eg,EG123456789,"Pays late, but pays"
"Müller & Söhne GmbH",info@mueller.example,,Hauptstr. 5,Berlin,10115,DE,DE999999999,
شركة الدلتا,,+201001234568,,Alexandria,,EG,,
`;

test('customer CSV import: all rows in one transaction, with headers matched loosely and values normalized', async () => {
  const { call } = await ledgerServices();
  const dry = await call('customer.import', { csv: GOOD, dryRun: true });
  assert.deepEqual({ ok: dry.ok, rows: dry.rows, imported: dry.imported }, { ok: true, rows: 3, imported: 0 });
  assert.equal((await call('customer.list', {})).items.length, 0, 'a dry run writes nothing');
  const r = await call('customer.import', { csv: GOOD });
  assert.equal(r.ok, true);
  assert.equal(r.imported, 3);
  const nile = await call('customer.get', { id: r.ids[0]! });
  assert.equal(nile.phone, '+201001234567');
  assert.deepEqual(nile.address, { line1: '12 Tahrir St', city: 'Cairo', postalCode: '11511', country: 'EG' });
  assert.equal(nile.notes, 'Pays late, but pays');
  assert.equal((await call('customer.get', { id: r.ids[2]! })).name, 'شركة الدلتا');
});

test('customer CSV import with bad rows: a report per row and nothing imported', async () => {
  const { call, db } = await ledgerServices();
  await customer(call, 'Existing');
  const before = dumpLedger(db);
  const csv = `name,email,phone,country
Good One,good@example.com,,EG
,nobody@example.com,,EG
Bad Mail,not-an-email,,EG
Bad Phone,,0100 12,EG
Bad Country,,,Egypt
${'x'.repeat(300)},,,
`;
  const r = await call('customer.import', { csv });
  assert.equal(r.ok, false);
  assert.equal(r.imported, 0);
  assert.deepEqual(
    r.errors.map((e) => [e.row, e.field]),
    [
      [3, 'name'],
      [4, 'email'],
      [5, 'phone'],
      [6, 'address.country'],
      [7, 'name'],
    ],
  );
  assert.ok(r.errors.every((e) => e.message.length > 10));
  assert.deepEqual(dumpLedger(db), before);
  const unknown = await call('customer.import', { csv: 'name,emial\nA,a@b.co\n' });
  assert.deepEqual(
    unknown.errors.map((e) => [e.row, e.field]),
    [[1, 'emial']],
  );
  const broken = await call('customer.import', { csv: 'name,email\n"unterminated,a@b.co\n' });
  assert.equal(broken.ok, false);
  assert.match(broken.errors[0]!.message, /could not be read/);
  const noName = await call('customer.import', { csv: 'email\na@b.co\n' });
  assert.equal(noName.errors[0]?.field, 'name');
  assert.deepEqual(dumpLedger(db), before);
});

test('customer CSV import: a language column (en, ar, es) sets their document language; another is reported by row', async () => {
  const { call, db } = await ledgerServices();
  const csv = 'name,language\nمخبز النيل,ar\nPanadería Sol, ES \nNo Language,\n';
  const r = await call('customer.import', { csv });
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  const languages = await Promise.all(r.ids.map(async (id) => (await call('customer.get', { id })).language));
  assert.deepEqual(languages, ['ar', 'es', undefined]);
  // " ES " was stored as "es": reported, never changed in silence.
  assert.deepEqual(
    r.changes.map((c) => [c.row, c.field]),
    [[3, 'language']],
  );

  const before = dumpLedger(db);
  const bad = await call('customer.import', { csv: 'name,language\nA,en\nB,fr\nC,Arabic\n' });
  assert.equal(bad.ok, false);
  assert.equal(bad.imported, 0);
  assert.deepEqual(
    bad.errors.map((e) => [e.row, e.field]),
    [
      [3, 'language'],
      [4, 'language'],
    ],
  );
  // The problem names the field in the reader's language (a catalogue message), English for the CLI.
  assert.ok(
    bad.errors.every((e) => e.problem.key.startsWith('validation.') && /language/.test(e.message)),
    JSON.stringify(bad.errors),
  );
  assert.deepEqual(dumpLedger(db), before);
});

test('CSV export of invoices and of line items: major units, formulas neutralized, filters applied', async () => {
  const { call } = await ledgerServices();
  const c = (await call('customer.create', { name: '=HYPERLINK("http://evil")' })).id;
  const a = await issued(call, c, {
    currency: 'EUR',
    lines: [
      line({ description: 'Design', quantity: '2.5', unitPrice: 1999 }),
      line({ description: '+cmd', unitPrice: 100, taxRate: '0', taxCategory: 'Z' }),
    ],
  });
  const b = await issued(call, c, { currency: 'JPY', lines: [line({ unitPrice: 1500 })] });
  await call('invoice.pay', { id: b.id, amount: 1710 });
  const dir = tempDir();
  const file = path.join(dir, 'out', 'invoices.csv');
  const r = await call('export.csv', { what: 'invoices', file });
  assert.deepEqual({ rows: r.rows, file: r.file }, { rows: 2, file });
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const ra = rows.find((x) => x.id === a.id)!;
  assert.equal(ra.number, 'INV-2026-0001');
  assert.equal(ra.total, '57.98'); // 49.98 + VAT 14 % of 49.98 (6.9972 → 7.00) + 1.00 at 0 %
  assert.equal(ra.total, (a.totals.total / 100).toFixed(2));
  assert.equal(ra.customer_name, `'=HYPERLINK("http://evil")`);
  const rb = rows.find((x) => x.id === b.id)!;
  assert.equal(rb.total, '1710');
  assert.equal(rb.status, 'paid');
  assert.equal(rb.balance, '0');

  const lines = await call('export.csv', { what: 'lines', inline: true, filter: { currency: 'EUR' } });
  assert.equal(lines.rows, 2);
  const lr = parse(lines.csv!, { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    lr.map((l) => [l.invoice_number, l.position, l.description, l.quantity, l.unit_price, l.net]),
    [
      ['INV-2026-0001', '1', 'Design', '2.5', '19.99', '49.98'],
      ['INV-2026-0001', '2', "'+cmd", '1', '1.00', '1.00'],
    ],
  );
  // The app (not the CLI) may not choose where files go.
  const { s } = await ledgerServices();
  const denied = await dispatch(
    buildHandlers(s),
    'export.csv',
    { what: 'invoices', file: path.join(dir, 'x.csv') },
    PAGE_CALLER,
  );
  assert.equal(denied.ok, false);
  assert.equal(!denied.ok && denied.error.code, 'path_not_allowed');
  const allowed = await dispatch(buildHandlers(s), 'export.csv', { what: 'invoices' }, PAGE_CALLER);
  assert.ok(allowed.ok && (allowed.result as { file: string }).file.startsWith(path.join(s.config.dataDir, 'exports')));
});
