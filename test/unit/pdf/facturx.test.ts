import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFacturX, xmlEscape } from '../../../main/pdf/facturx';
import { minorToMajorString } from '../../../shared/money';
import { customer, invoice, line, paymentLink, profile } from './fixtures';

/** Text of every element with this local name, in document order. */
function all(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<ram:${name}(?: [^>]*)?>([^<]*)</ram:${name}>`, 'g'))].map((m) => m[1] ?? '');
}
function one(xml: string, name: string): string | undefined {
  return all(xml, name)[0];
}
/** The header monetary summation block only (line items have their own LineTotalAmount). */
function summation(xml: string): string {
  return (
    /<ram:SpecifiedTradeSettlementHeaderMonetarySummation>.*<\/ram:SpecifiedTradeSettlementHeaderMonetarySummation>/s.exec(
      xml,
    )?.[0] ?? ''
  );
}

describe('Factur-X CII mapping (EN 16931)', () => {
  it('carries the ledger totals, per-category VAT and line nets exactly', () => {
    const inv = invoice({ discount: { kind: 'percent', percent: '5' }, paid: 10000 });
    const { xml, missing } = buildFacturX({ invoice: inv, profile: profile() });
    assert.deepEqual(missing, []);
    const money = (m: number): string => minorToMajorString(m, 'EUR');
    const sum = summation(xml);
    assert.equal(one(sum, 'LineTotalAmount'), money(inv.totals.linesNet));
    assert.equal(one(sum, 'AllowanceTotalAmount'), money(inv.totals.allowance));
    assert.equal(one(sum, 'TaxBasisTotalAmount'), money(inv.totals.taxExclusive));
    assert.equal(one(sum, 'TaxTotalAmount'), money(inv.totals.tax));
    assert.equal(one(sum, 'GrandTotalAmount'), money(inv.totals.total));
    assert.equal(one(sum, 'TotalPrepaidAmount'), money(inv.paid));
    assert.equal(one(sum, 'DuePayableAmount'), money(inv.balance));
    assert.deepEqual(
      all(xml, 'CalculatedAmount'),
      inv.totals.breakdown.map((b) => money(b.tax)),
    );
    const lineTotals = all(xml.split('<ram:ApplicableHeaderTradeAgreement>')[0] ?? '', 'LineTotalAmount');
    assert.deepEqual(lineTotals, inv.totals.lineNets.map(money));
    assert.equal(one(xml, 'TypeCode'), '380');
    assert.match(xml, /<ram:ID>urn:cen\.eu:en16931:2017<\/ram:ID>/);
    // The line discount is a line allowance with a reason; the document discount is one allowance per VAT category.
    assert.match(xml, /<ram:ActualAmount>9\.90<\/ram:ActualAmount><ram:Reason>Discount<\/ram:Reason>/);
    assert.equal(
      (xml.match(/<ram:CalculationPercent>5<\/ram:CalculationPercent>/g) ?? []).length,
      inv.totals.breakdown.length,
    );
  });

  it('maps a credit note to TypeCode 381 with the corrected invoice (BT-25, BT-26)', () => {
    const { xml } = buildFacturX({
      invoice: invoice({ kind: 'credit_note', number: 'CN-1' }),
      profile: profile(),
      corrected: { number: 'INV-9', issueDate: '2025-02-01' },
    });
    assert.equal(one(xml, 'TypeCode'), '381');
    assert.match(
      xml,
      /<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>INV-9<\/ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20250201</,
    );
  });

  it('maps exemption reasons, leaves the rate out for O, and carries payment terms, due date and the payment link', () => {
    const exempt = buildFacturX({
      invoice: invoice({
        lines: [line('Training', { taxRate: '0', taxCategory: 'E', exemptionReason: 'Art. 261-4-4° CGI' })],
        terms: 'Net 30',
        links: [paymentLink()],
      }),
      profile: profile(),
    });
    assert.deepEqual(exempt.missing, []);
    assert.equal(one(exempt.xml, 'ExemptionReason'), 'Art. 261-4-4° CGI');
    assert.match(
      exempt.xml,
      /<ram:SpecifiedTradePaymentTerms><ram:Description>Net 30<\/ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20250331</,
    );
    assert.match(exempt.xml, /<ram:TypeCode>68<\/ram:TypeCode><ram:Information>Pay online: https:\/\/checkout/);
    const o = buildFacturX({
      invoice: invoice({ lines: [line('Grant', { taxRate: '0', taxCategory: 'O', exemptionReason: 'Not subject' })] }),
      profile: profile(),
    });
    assert.doesNotMatch(o.xml, /RateApplicablePercent/);
    assert.doesNotMatch(o.xml, /schemeID="VA"/, 'no VAT ids on an invoice not subject to VAT (BR-O-02)');
    assert.ok(
      o.missing.some((m) => m.startsWith('BR-CO-26')),
      'and says it cannot identify the seller then',
    );
  });

  it('says which EN 16931 requirements the data cannot meet instead of inventing data', () => {
    const { xml, missing } = buildFacturX({
      invoice: invoice({
        customer: customer({ address: {}, vatId: undefined }),
        dueDate: null,
        lines: [line('Service', { taxRate: '0', taxCategory: 'AE' })],
      }),
      profile: profile({ vatId: undefined, taxId: undefined, address: { city: 'Lyon' } }),
    });
    const rules = missing.map((m) => m.split(':')[0]);
    for (const r of [
      'BR-08/BR-09',
      'BR-10/BR-11',
      'BR-CO-26',
      'BR-S-02/BR-Z-02/BR-E-02',
      'BR-AE-02/BR-IC-02/BR-G-02',
      'BR-AE-02/BR-IC-02',
      'BR-AE-10',
      'BR-CO-25',
    ]) {
      assert.ok(rules.includes(r), `${r} in ${JSON.stringify(rules)}`);
    }
    assert.doesNotMatch(xml, /<ram:CountryID>/, 'no country invented');
    assert.doesNotMatch(xml, /<ram:DueDateDateTime>/, 'no due date invented');
  });

  it('escapes text and drops characters XML cannot hold', () => {
    assert.equal(xmlEscape('A & B <"x"> \'y\'\u0001'), 'A &amp; B &lt;&quot;x&quot;&gt; &apos;y&apos;');
    const { xml } = buildFacturX({ invoice: invoice({ notes: 'Tom & Jerry <3' }), profile: profile() });
    assert.match(xml, /<ram:Content>Tom &amp; Jerry &lt;3<\/ram:Content>/);
    assert.match(xml, /<ram:Name>Atelier Lumière &amp; Co<\/ram:Name>/);
  });

  it('flags currencies whose amounts have more than two decimals', () => {
    const { missing } = buildFacturX({ invoice: invoice({ currency: 'KWD' }), profile: profile() });
    assert.ok(missing.some((m) => m.startsWith('BR-DEC')));
  });
});
