/**
 * The customer CSV import reads files strictly and changes nothing in silence: UTF-8 with or without BOM is read,
 * another encoding is refused with the line where it stops being UTF-8, a column given twice is refused, control
 * characters in a cell are a row error, and every value stored differently from the file is in the report.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { decodeCsvBytes, firstInvalidUtf8 } from '../../../main/ledger/csv-decode';
import type { CustomerImportReport } from '../../../shared/contract/customers';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';
import { dumpLedger, ledgerServices } from '../ledger/helpers';

const b64 = (b: Buffer): string => b.toString('base64');
const problemKeys = (r: CustomerImportReport): string[] => r.errors.map((e) => e.problem.key);

test('the UTF-8 check agrees with a strict decoder on well-formed and broken byte sequences', () => {
  const samples = [
    Buffer.from('plain ascii'),
    Buffer.from('Café Müller شركة 👩‍👩‍👧'),
    Buffer.from([0xc3]), // truncated
    Buffer.from([0xc0, 0xaf]), // overlong
    Buffer.from([0xed, 0xa0, 0x80]), // surrogate
    Buffer.from([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
    Buffer.from([0x61, 0xe9, 0x62]), // Latin-1 é
    Buffer.from([0xe2, 0x82]), // truncated 3-byte
  ];
  for (const s of samples) {
    let strict = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(s);
    } catch {
      strict = false;
    }
    assert.equal(firstInvalidUtf8(s) < 0, strict, s.toString('hex'));
  }
  assert.deepEqual(decodeCsvBytes(Buffer.from('name\nA\nCaf\xe9\n', 'latin1')), {
    ok: false,
    problem: 'not_utf8',
    line: 3,
  });
});

test('encodings: UTF-8 with or without BOM is read; Latin-1, UTF-16 and lossy text are refused with the line; nothing is written', async () => {
  const { call, db } = await ledgerServices();
  const before = dumpLedger(db);
  const latin1 = await call('customer.import', {
    csvBytes: b64(Buffer.from('name,city\nNile Bakery,Cairo\nCafé Müller,Köln\n', 'latin1')),
    dryRun: false,
  });
  assert.equal(latin1.ok, false);
  assert.deepEqual(problemKeys(latin1), ['customers.import.not_utf8']);
  assert.equal(latin1.errors[0]?.row, 3);
  assert.match(latin1.errors[0]?.message ?? '', /Line 3 is not UTF-8/);
  const utf16 = await call('customer.import', {
    csvBytes: b64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\nA\n', 'utf16le')])),
  });
  assert.deepEqual(problemKeys(utf16), ['customers.import.utf16']);
  // What File.text() makes of Latin-1: U+FFFD where the bytes were.
  const lossy = await call('customer.import', { csv: 'name\nOK\nCaf\ufffd M\ufffdller\n' });
  assert.deepEqual(problemKeys(lossy), ['customers.import.not_utf8']);
  assert.equal(lossy.errors[0]?.row, 3);
  assert.deepEqual(dumpLedger(db), before);

  for (const bytes of [
    Buffer.from('name,city\nCafé Müller,Köln\n'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,city\nCafé Müller,Köln\n')]),
  ]) {
    const r = await call('customer.import', { csvBytes: b64(bytes), dryRun: true });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.rows, 1);
  }
  const imported = await call('customer.import', { csvBytes: b64(Buffer.from('\ufeffname\nCafé Müller\n')) });
  assert.equal(imported.imported, 1);
  assert.equal((await call('customer.get', { id: imported.ids[0]! })).name, 'Café Müller');
  await assert.rejects(call('customer.import', { csv: 'name\nA\n', csvBytes: b64(Buffer.from('name\nB\n')) }), /once/);
  await assert.rejects(call('customer.import', {}), /once/);
});

test('a column named twice (or by two aliases) is refused; a NUL in a cell is a row error; nothing is written', async () => {
  const { call, db } = await ledgerServices();
  const before = dumpLedger(db);
  const dup = await call('customer.import', { csv: 'name,email,name\nA,a@x.example,B\n' });
  assert.equal(dup.ok, false);
  assert.deepEqual(problemKeys(dup), ['customers.import.duplicate_column']);
  assert.deepEqual(dup.errors[0]?.problem.params, { column: 'name', first: 1, second: 3 });
  const alias = await call('customer.import', { csv: 'name,zip,postal_code\nA,1,2\n' });
  assert.deepEqual(problemKeys(alias), ['customers.import.duplicate_column']);
  const nul = await call('customer.import', { csv: 'name,notes\nA\u0000B,fine\nC,"two\nlines"\n' });
  assert.equal(nul.ok, false);
  assert.deepEqual(
    nul.errors.map((e) => [e.row, e.field, e.problem.key]),
    [[2, 'name', 'validation.control_characters']],
  );
  assert.deepEqual(dumpLedger(db), before);
});

test('every value stored differently from the file is reported (trimmed, phone in E.164, country upper-case)', async () => {
  const { call } = await ledgerServices();
  const csv = 'name,phone,country,email\n  Nile Bakery ,+20 100 123 4567,eg,orders@nile.example\nCedar,,,\n';
  const r = await call('customer.import', { csv });
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.imported, 2);
  assert.deepEqual(
    r.changes.map((c) => [c.row, c.field, c.change, c.from, c.to]),
    [
      [2, 'name', 'trimmed', '  Nile Bakery ', 'Nile Bakery'],
      [2, 'phone', 'reformatted', '+20 100 123 4567', '+201001234567'],
      [2, 'address.country', 'reformatted', 'eg', 'EG'],
    ],
  );
  assert.equal(r.changeCount, 3);
});

test('kassa customer import FILE: a Latin-1 file is refused naming the line; a UTF-8 one imports', async () => {
  const dir = tempDir();
  const latin1 = path.join(dir, 'latin1.csv');
  fs.writeFileSync(latin1, Buffer.from('name\nCafé Müller\n', 'latin1'));
  const bad = await kassaInProcess(['customer', 'import', latin1, '--data-dir', dir]);
  assert.equal(bad.code, 1);
  const report = JSON.parse(bad.stdout) as CustomerImportReport;
  assert.equal(report.errors[0]?.row, 2);
  assert.equal(report.errors[0]?.problem.key, 'customers.import.not_utf8');
  const good = await kassaInProcess(['customer', 'import', '-', '--data-dir', dir], Buffer.from('name\nCafé Müller\n'));
  assert.equal(good.code, 0, good.stderr);
  assert.equal((JSON.parse(good.stdout) as CustomerImportReport).imported, 1);
  console.log(
    'csv campaign: 3 encodings refused with their line, 2 accepted, 2 duplicate headers and 1 NUL refused, 3 changes reported',
  );
});
