/**
 * The Peppol BIS 3.0 and XRechnung 3.0 fixtures (UBL syntax) pass ../shared/standards/validate-ubl — the UBL
 * schemas and the official EN 16931 rules their CIUS build on — with 0 failed assertions, and a wrong total fails it.
 * Peppol's and XRechnung's own Schematron rule sets are not on this machine, so their specifics are asserted on
 * the XML in ubl.test.ts, not validated. SKIPPED where the validator is absent.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildUbl } from '../../../main/einvoice/ubl';
import { tempDir } from '../../helpers/tmp';
import { UBL_VALIDATOR, validateUbl } from './tools';
import { FIXTURES } from './ubl-fixtures';

const dir = tempDir('kassa-ubl-cius-');
const write = (name: string, xml: string): string => {
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(file, xml);
  return file;
};

describe('UBL CIUS variants against the EN 16931 rules', () => {
  it('the Peppol and XRechnung fixtures pass validate-ubl with 0 failed assertions', (t) => {
    if (!fs.existsSync(UBL_VALIDATOR)) {
      t.skip(`validator not found at ${UBL_VALIDATOR} (it lives in ../shared/standards beside the repository)`);
      return;
    }
    const cius = FIXTURES.filter((f) => f.opts.variant !== 'ubl');
    assert.ok(cius.length >= 3);
    for (const f of cius) {
      const r = buildUbl(f.invoice, f.profile, f.opts);
      assert.deepEqual(r.missing, [], f.name);
      const v = validateUbl(write(f.name, r.xml));
      assert.equal(v.failed, 0, `${f.name}: ${v.output}`);
      assert.equal(v.ok, true, `${f.name}: ${v.output}`);
    }
  });

  it('a wrong total fails validate-ubl (BR-CO-16)', (t) => {
    if (!fs.existsSync(UBL_VALIDATOR)) {
      t.skip(`validator not found at ${UBL_VALIDATOR}`);
      return;
    }
    const first = FIXTURES.find((f) => f.name === 'invoice-percent-discount-paid')!;
    const good = buildUbl(first.invoice, first.profile, first.opts).xml;
    const bad = good.replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]*/, '$1999.99');
    assert.notEqual(bad, good);
    const v = validateUbl(write('wrong-total', bad));
    assert.equal(v.ok, false);
    assert.ok((v.failed ?? 0) >= 1, v.output);
    assert.match(v.output, /BR-CO-16/);
  });
});
