/**
 * UBL 2.1 e-invoices (EN 16931, Peppol BIS 3.0 and XRechnung variants): every fixture passes
 * ../shared/standards/validate-ubl (the UBL schemas + the official EN 16931 UBL rules) with 0 failed assertions,
 * and the same document with a wrong total fails it. Where the validator is absent the checks report themselves
 * SKIPPED (like the Factur-X check in test/integration/pdf/render.test.ts). Peppol's and XRechnung's own rule
 * sets are not on this machine: their specifics are asserted on the XML here, not validated.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildUbl, CUSTOMIZATION, PEPPOL_PROFILE } from '../../../main/einvoice/ubl';
import { minorToMajorString } from '../../../shared/money';
import { tempDir } from '../../helpers/tmp';
import { customer, invoice, profile } from '../../unit/pdf/fixtures';
import { FIXTURES } from './ubl-fixtures';
import { UBL_VALIDATOR, validateUbl } from './tools';

const dir = tempDir('kassa-ubl-');
const written = new Map<string, string>();
const built = new Map<string, ReturnType<typeof buildUbl>>();
for (const f of FIXTURES) {
  const r = buildUbl(f.invoice, f.profile, f.opts);
  built.set(f.name, r);
  const file = path.join(dir, `${f.name}.xml`);
  fs.writeFileSync(file, r.xml);
  written.set(f.name, file);
}

const tag = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

describe('UBL 2.1 (EN 16931)', () => {
  it('maps the ledger totals exactly and lists nothing missing for complete data', () => {
    for (const f of FIXTURES) {
      const r = built.get(f.name)!;
      assert.deepEqual(r.missing, [], `${f.name}: ${r.missing.join(' | ')}`);
      const m = (minor: number): string => minorToMajorString(minor, f.invoice.currency);
      const t = f.invoice.totals;
      assert.deepEqual(tag(r.xml, 'cbc:TaxExclusiveAmount'), [m(t.taxExclusive)], f.name);
      assert.deepEqual(tag(r.xml, 'cbc:TaxInclusiveAmount'), [m(t.total)], f.name);
      assert.deepEqual(tag(r.xml, 'cbc:PayableAmount'), [m(t.total - f.invoice.paid)], f.name);
      assert.deepEqual(
        tag(r.xml, 'cbc:TaxableAmount'),
        t.breakdown.map((b) => m(b.taxable)),
        f.name,
      );
      assert.equal(tag(r.xml, 'cbc:CustomizationID')[0], CUSTOMIZATION[f.opts.variant]);
    }
    const cn = built.get('credit-note')!.xml;
    assert.match(cn, /^<\?xml[^>]*>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
    assert.match(cn, /<cbc:CreditNoteTypeCode>381<\/cbc:CreditNoteTypeCode>/);
    assert.match(
      cn,
      /<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-2025-0042<\/cbc:ID><cbc:IssueDate>2025-03-01</,
    );
    assert.match(built.get('invoice-percent-discount-paid')!.xml, /<cbc:Note>Merci &amp; à bientôt &lt;3<\/cbc:Note>/);
  });

  it('carries the Peppol BIS and XRechnung specifics: CustomizationID, ProfileID, BuyerReference / Leitweg-ID, endpoints', () => {
    const peppol = built.get('peppol')!.xml;
    assert.deepEqual(tag(peppol, 'cbc:ProfileID'), [PEPPOL_PROFILE]);
    assert.deepEqual(tag(peppol, 'cbc:BuyerReference'), ['PO-4711']);
    assert.match(peppol, /<cbc:EndpointID schemeID="EM">rechnung@baeckerei\.example<\/cbc:EndpointID>/);
    assert.match(peppol, /<cbc:EndpointID schemeID="9930">DE987654321<\/cbc:EndpointID>/);
    assert.match(peppol, /<cbc:PaymentMeansCode>68<\/cbc:PaymentMeansCode><cbc:PaymentID>F-2025-0042</);
    const x = built.get('xrechnung')!.xml;
    assert.equal(
      tag(x, 'cbc:CustomizationID')[0],
      'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
    );
    assert.deepEqual(tag(x, 'cbc:BuyerReference'), ['991-12345-67']);
    assert.match(x, /<cac:Contact><cbc:Name>Bäckerei Müller GmbH<\/cbc:Name><cbc:Telephone>\+49 30 1234567</);
    assert.match(x, /<cbc:PaymentMeansCode>1<\/cbc:PaymentMeansCode>/, 'BR-DE-1: payment instructions, none invented');
    // What they require and the data lacks is listed with its rule, not invented.
    const bare = buildUbl(invoice({ customer: customer({ email: undefined }) }), profile({ phone: undefined }), {
      variant: 'xrechnung',
    });
    const rules = bare.missing.map((m) => m.split(':')[0]);
    for (const r of ['BR-DE-15', 'BR-DE-6', 'PEPPOL-EN16931-R010']) assert.ok(rules.includes(r), `${r} in ${rules}`);
    assert.doesNotMatch(bare.xml, /<cbc:BuyerReference>/);
    const p = buildUbl(invoice(), profile(), { variant: 'peppol' });
    assert.ok(p.missing.some((m) => m.startsWith('PEPPOL-EN16931-R003')));
  });

  it('the EN 16931 fixtures pass validate-ubl (UBL schemas + EN 16931 rules) with 0 failed assertions', (t) => {
    if (!fs.existsSync(UBL_VALIDATOR)) {
      t.skip(`validator not found at ${UBL_VALIDATOR} (it lives in ../shared/standards beside the repository)`);
      return;
    }
    // The Peppol and XRechnung fixtures are validated in ubl-cius.test.ts (each file has its own time budget).
    for (const f of FIXTURES.filter((x) => x.opts.variant === 'ubl')) {
      const v = validateUbl(written.get(f.name)!);
      assert.equal(v.failed, 0, `${f.name}: ${v.output}`);
      assert.match(v.output, /XSD \(UBL 2\.x\): ok/, f.name);
      assert.equal(v.ok, true, `${f.name}: ${v.output}`);
    }
  });
});
