/**
 * `einvoice.xml` / `kassa invoice xml ID --format ubl|peppol|xrechnung|facturx --out FILE` on documents issued through
 * the ledger: the files validate (UBL with validate-ubl where present), Factur-X is the same XML the PDF embeds,
 * drafts are refused, and the app may not choose a path.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildFacturX } from '../../../main/pdf/facturx';
import { buildHandlers } from '../../../main/handlers';
import { PAGE_CALLER } from '../../../main/handlers/types';
import { dispatch } from '../../../main/dispatch';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { draft, ledgerServices } from '../ledger/helpers';
import { UBL_VALIDATOR, validateUbl } from './tools';

async function germanLedger() {
  const env = await ledgerServices('2026-03-10T12:00:00Z');
  await env.call('profile.set', {
    name: 'Bäckerei Müller GmbH',
    address: { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    email: 'rechnung@baeckerei.example',
    phone: '+49 30 1234567',
    vatId: 'DE123456789',
  });
  const c = await env.call('customer.create', {
    name: 'Bezirksamt Mitte',
    email: 'eingang@bezirksamt.example',
    address: { line1: 'Karl-Marx-Allee 31', city: 'Berlin', postalCode: '10178', country: 'DE' },
  });
  const d = await env.call('invoice.create', {
    customerId: c.id,
    currency: 'EUR',
    discount: { kind: 'percent', percent: '3' },
    lines: [
      { description: 'Brötchen', quantity: '200', unitPrice: 45, taxRate: '7', taxCategory: 'S' },
      { description: 'Kaffee', quantity: '12.5', unitPrice: 1990, taxRate: '19', taxCategory: 'S', discount: 500 },
    ],
  });
  const inv = await env.call('invoice.issue', { id: d.id });
  await env.call('invoice.pay', { id: inv.id, amount: 3000 });
  const credit = await env.call('invoice.credit', {
    id: inv.id,
    lines: [{ description: 'Brötchen', quantity: '10', unitPrice: 45, taxRate: '7', taxCategory: 'S' }],
  });
  return { ...env, inv, creditNote: credit.creditNote, customerId: c.id };
}

describe('einvoice.xml', () => {
  it('writes XRechnung, Peppol and plain UBL for ledger documents; each passes validate-ubl', async (t) => {
    const { call, inv, creditNote } = await germanLedger();
    const dir = tempDir();
    const files: string[] = [];
    // Two documents through the validator (each run costs seconds); the other formats of the same data are
    // checked against the validator in ubl.test.ts and ubl-cius.test.ts.
    for (const [id, format] of [
      [inv.id, 'xrechnung'],
      [creditNote.id, 'xrechnung'],
      [inv.id, 'peppol'],
      [creditNote.id, 'ubl'],
    ] as const) {
      const file = path.join(dir, `${id}-${format}.xml`);
      const r = await call('einvoice.xml', { id, format, file, buyerReference: '991-12345-67' });
      assert.deepEqual(r.missing, [], `${format}: ${r.missing.join(' | ')}`);
      assert.equal(r.file, file);
      assert.equal(fs.statSync(file).size, r.bytes);
      files.push(file);
    }
    assert.match(fs.readFileSync(files[1]!, 'utf8'), /<cbc:ID>INV-2026-0001<\/cbc:ID><cbc:IssueDate>2026-03-10</);
    if (!fs.existsSync(UBL_VALIDATOR)) {
      t.skip(`validator not found at ${UBL_VALIDATOR}`);
      return;
    }
    for (const f of files.slice(0, 2)) {
      const v = validateUbl(f);
      assert.equal(v.failed, 0, `${path.basename(f)}: ${v.output}`);
      assert.equal(v.ok, true, v.output);
    }
  });

  it('Factur-X is the CII the PDF embeds; missing data is reported; drafts are refused; the app gets XML inline only', async () => {
    const { s, call, inv, customerId } = await germanLedger();
    const fx = await call('einvoice.xml', { id: inv.id, format: 'facturx' });
    const profile = await call('profile.get', {});
    const full = await call('invoice.get', { id: inv.id });
    assert.equal(fx.xml, buildFacturX({ invoice: full, profile }).xml);
    assert.equal(fx.fileName, 'INV-2026-0001.factur-x.xml');

    const x = await call('einvoice.xml', { id: inv.id, format: 'xrechnung' });
    assert.ok(
      x.missing.some((m) => m.startsWith('BR-DE-15')),
      'no Leitweg-ID given',
    );
    assert.ok(x.xml?.startsWith('<?xml'));

    const d = await draft(call, customerId);
    await assert.rejects(call('einvoice.xml', { id: d.id, format: 'ubl' }), { code: 'xml_of_draft' });

    // Over IPC / HTTP a path is refused: the app's own files live in the data dir.
    const r = await dispatch(
      buildHandlers(s),
      'einvoice.xml',
      { id: inv.id, format: 'ubl', file: '/tmp/x.xml' },
      PAGE_CALLER,
    );
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'path_not_allowed');
  });

  it('kassa invoice xml ID --format xrechnung --out FILE, and to stdout without --out', () => {
    const dir = tempDir();
    const run = (args: string[]) => kassa([...args, '--data-dir', dir]);
    const json = <T>(args: string[]): T => {
      const r = run(args);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as T;
    };
    json([
      'profile',
      'set',
      '--data',
      JSON.stringify({ name: 'Atelier', vatId: 'FR40303265045', address: { city: 'Lyon', country: 'FR' } }),
    ]);
    const c = json<{ id: string }>([
      'customer',
      'create',
      '--data',
      JSON.stringify({ name: 'Brasserie', address: { country: 'FR' } }),
    ]);
    const d = json<{ id: string }>([
      'invoice',
      'create',
      '--data',
      JSON.stringify({
        customerId: c.id,
        currency: 'EUR',
        lines: [{ description: 'Menu', quantity: '2', unitPrice: 1850, taxRate: '10', taxCategory: 'S' }],
      }),
    ]);
    json(['invoice', 'issue', d.id]);
    const out = path.join(dir, 'inv.xml');
    const r = json<{ file: string; missing: string[]; format: string }>([
      'invoice',
      'xml',
      d.id,
      '--format',
      'xrechnung',
      '--out',
      out,
      '--buyer-reference',
      '04011000-1234512345-06',
    ]);
    assert.equal(r.file, out);
    assert.equal(r.format, 'xrechnung');
    assert.match(fs.readFileSync(out, 'utf8'), /<cbc:BuyerReference>04011000-1234512345-06<\/cbc:BuyerReference>/);
    const stdout = run(['invoice', 'xml', d.id, '--format', 'ubl']);
    assert.equal(stdout.code, 0, stdout.stderr);
    assert.match(stdout.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Invoice /);
    const bad = run(['invoice', 'xml', d.id, '--format', 'pdf']);
    assert.equal(bad.code, 2);
  });
});
