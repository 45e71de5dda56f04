/**
 * An invoice imported from a provider, in the document's language: the PDF, its Factur-X and the UBL say what Kassa
 * words for it (the whole-invoice line, the exemption reason BT-120, the unnamed customer BT-44) in Arabic or
 * Spanish, never the English a version-1 import stored; the CSV for scripts says it in English.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importRemote, remoteInvoice } from '../../helpers/imported';
import { tempDir } from '../../helpers/tmp';
import { insertAccount, ledgerServices } from '../ledger/helpers';
import { attachment, pdfText, squash, stripBidi } from './tools';

test('an imported invoice is worded in the document language: PDF, Factur-X and UBL; English in the CSV', async () => {
  const { call, clock, db } = await ledgerServices('2026-03-10T12:00:00Z');
  await call('profile.set', {
    name: 'Atelier Lumière',
    locale: 'en-GB',
    language: 'ar',
    address: { line1: '1 Nile St', city: 'Cairo', country: 'EG' },
  });
  const accountId = insertAccount(db, 'acc_ksh', 'kashier');
  const id = importRemote(
    db,
    { id: accountId, provider: 'kashier' },
    remoteInvoice({ dueDate: '2026-03-20' }),
    clock.now,
    '2026-03-10',
  );
  const dir = tempDir();

  const file = path.join(dir, 'ar.pdf');
  const r = await call('pdf.render', { id, file });
  const ar = stripBidi(pdfText(file));
  for (const want of ['مستوردة من', 'عميل غير مسمى', 'فاتورة'])
    assert.ok(ar.includes(want), `${want} in ${ar.slice(0, 600)}`);
  assert.ok(ar.includes('4711') && ar.includes('Kashier'));
  assert.ok(!ar.includes('\ufffd'), 'every letter has a glyph');
  assert.ok(!/Imported from|Kashier invoice|Kashier customer|Unnamed/.test(ar), ar.slice(0, 600));
  assert.ok(squash(ar).includes('123.45'), 'the amount the provider holds');
  // BT-120 and BT-44 are there, in Arabic: no rule about them is missing.
  assert.ok(!r.facturX.missing.some((m) => /BR-O-10|BR-07/.test(m)), r.facturX.missing.join(' | '));
  // Arabic text on screen and on paper isolates names and numbers; the XML, which software reads, has no isolates.
  const fx = attachment(file, 'factur-x.xml');
  assert.doesNotMatch(fx, /[\u2066-\u2069]/);
  assert.match(fx, /<ram:ExemptionReason>مستوردة من Kashier: [^<]+<\/ram:ExemptionReason>/);
  assert.match(fx, /<ram:BuyerTradeParty><ram:Name>عميل غير مسمى<\/ram:Name>/);
  assert.match(fx, /<ram:Name>فاتورة Kashier رقم 4711<\/ram:Name>/);

  const ubl = await call('einvoice.xml', { id, format: 'ubl' });
  assert.doesNotMatch(ubl.xml ?? '', /[\u2066-\u2069]/);
  assert.match(stripBidi(ubl.xml ?? ''), /<cbc:TaxExemptionReason>مستوردة من Kashier: [^<]+<\/cbc:TaxExemptionReason>/);
  assert.match(stripBidi(ubl.xml ?? ''), /<cbc:Name>فاتورة Kashier رقم 4711<\/cbc:Name>/);
  assert.ok(!ubl.missing.some((m) => /BR-O-10|BR-07/.test(m)), ubl.missing.join(' | '));
  // The XML the app is given is the one the PDF embeds.
  assert.equal((await call('einvoice.xml', { id, format: 'facturx' })).xml, fx);

  await call('profile.set', { language: 'es' });
  const esFile = path.join(dir, 'es.pdf');
  await call('pdf.render', { id, file: esFile });
  const es = pdfText(esFile);
  for (const want of ['Factura de Kashier 4711', 'Cliente sin nombre', 'Importada de Kashier'])
    assert.ok(squash(es).includes(squash(want)), `${want} in ${es.slice(0, 600)}`);

  const csv = await call('export.csv', { what: 'lines', inline: true });
  const [line] = parse(csv.csv!, { columns: true }) as Array<Record<string, string>>;
  assert.equal(line!.description, 'Kashier invoice 4711');
  assert.equal(line!.exemption_reason, 'Imported from Kashier: amounts as Kashier holds them, tax (if any) included.');
  const invoices = await call('export.csv', { what: 'invoices', inline: true });
  const [row] = parse(invoices.csv!, { columns: true }) as Array<Record<string, string>>;
  assert.equal(row!.customer_name, 'Unnamed customer');
  fs.rmSync(dir, { recursive: true, force: true });
});
