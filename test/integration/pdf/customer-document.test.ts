/**
 * What the customer's PDF must (not) say, through the ledger and the contract: every credit note passes EN 16931
 * as issued (BR-CO-25), no pay-online QR once an invoice is paid or cancelled, no developer text, and characters
 * no shipped font has (emoji) printed as a fallback glyph and flagged before issuing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeTx } from '../../../main/ledger/connection';
import { insertLink } from '../../../main/ledger/tables/invoice-links';
import { MemorySecretStore } from '../../../main/secrets';
import { kassa } from '../../helpers/cli';
import { caller, testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { insertAccount } from '../ledger/helpers';
import { seedProfile } from './seed';
import { VALIDATOR, attachment, pdfText, validateFacturX } from './tools';

async function shop() {
  const s = await testServices({ now: () => new Date('2026-03-10T12:00:00Z'), secretStore: new MemorySecretStore() });
  seedProfile(s.ledger.db);
  const call = caller(s);
  const customer = await call('customer.create', {
    name: 'Brasserie du Parc SARL',
    vatId: 'FR12345678901',
    address: { line1: '3 place du Marché', city: 'Lyon', postalCode: '69002', country: 'FR' },
  });
  const invoice = (lines = [{ description: 'Consulting', quantity: '3', unitPrice: 45_000 }]) =>
    call('invoice.create', {
      customerId: customer.id,
      lines: lines.map((l) => ({ ...l, taxRate: '20', taxCategory: 'S' as const })),
    }).then((d) => call('invoice.issue', { id: d.id }));
  const render = async (id: string) => {
    const file = path.join(tempDir('kassa-doc-'), `${id}.pdf`);
    const r = await call('pdf.render', { id, file });
    return { file, text: pdfText(file), missing: r.facturX.missing };
  };
  return { s, call, invoice, render };
}

describe('credit notes as issued', () => {
  it('a whole and a by-line credit note pass the EN 16931 rules (BR-CO-25: payment terms say how it is settled)', async (t) => {
    const { call, invoice, render } = await shop();
    const inv = await invoice([
      { description: 'Consulting', quantity: '3', unitPrice: 45_000 },
      { description: 'Travel', quantity: '1', unitPrice: 12_000 },
    ]);
    const partial = (await call('invoice.credit', { id: inv.id, items: [{ line: 2 }] })).creditNote;
    const rest = (
      await call('invoice.credit', { id: inv.id, items: [{ line: 1 }], terms: 'Refunded by bank transfer.' })
    ).creditNote;
    // A credit note has no due date; before, its XML asked for payment with neither a due date nor terms.
    assert.equal(partial.dueDate, null);
    for (const cn of [partial, rest]) {
      const { file, text, missing } = await render(cn.id);
      assert.deepEqual(missing, [], `${cn.number} lacks EN 16931 data`);
      const xml = attachment(file, 'factur-x.xml');
      assert.match(xml, /<ram:SpecifiedTradePaymentTerms><ram:Description>[^<]+<\/ram:Description>/);
      assert.ok(text.includes(cn === partial ? `Set off against invoice ${inv.number}` : 'Refunded by bank transfer.'));
      if (!fs.existsSync(VALIDATOR)) {
        t.diagnostic(`SKIPPED: validator not found at ${VALIDATOR}`);
        continue;
      }
      const v = validateFacturX(file);
      assert.ok(v.ok, `${cn.number}:\n${v.output}`);
    }
  });

  it('the credited, paid and refunded invoice shows what was settled and a zero balance, and still validates', async (t) => {
    const { call, invoice, render } = await shop();
    const inv = await invoice();
    await call('invoice.pay', { id: inv.id, amount: inv.totals.total });
    const cn = (await call('invoice.credit', { id: inv.id })).creditNote;
    let doc = await render(inv.id);
    assert.ok(doc.text.includes('Credited') && doc.text.includes('Due to you'), doc.text);
    await call('invoice.refund', { id: inv.id, amount: inv.totals.total, creditNoteId: cn.id });
    doc = await render(inv.id);
    assert.ok(doc.text.includes('Refunded') && doc.text.includes('Balance due'));
    assert.match(attachment(doc.file, 'factur-x.xml'), /<ram:DuePayableAmount>0\.00<\/ram:DuePayableAmount>/);
    if (!fs.existsSync(VALIDATOR)) {
      t.diagnostic(`SKIPPED: validator not found at ${VALIDATOR}`);
      return;
    }
    const v = validateFacturX(doc.file);
    assert.ok(v.ok, v.output);
  });
});

describe('pay online', () => {
  it('the QR code and link are offered while money is owed, never once paid or cancelled; no developer text', async () => {
    const { s, call, invoice, render } = await shop();
    const account = insertAccount(s.ledger.db, 'acc_kashier1', 'kashier');
    const link = (id: string, number: string) =>
      writeTx(s.ledger.db, () =>
        insertLink(s.ledger.db, {
          invoiceId: id,
          accountId: account,
          remoteId: `r-${number}`,
          reference: number,
          remoteStatus: 'unpaid',
          paymentUrl: `https://checkout.kashier.example/pay/${number}`,
          paymentUrlObserved: true,
          rawJson: null,
          lastSyncedAt: null,
          at: '2026-03-10T12:00:00Z',
        }),
      );
    const open = await invoice();
    link(open.id, open.number!);
    const paid = await invoice();
    link(paid.id, paid.number!);
    await call('invoice.pay', { id: paid.id, amount: paid.totals.total });
    const cancelled = await invoice();
    link(cancelled.id, cancelled.number!);
    await call('invoice.cancel', { id: cancelled.id });

    const openDoc = await render(open.id);
    assert.ok(openDoc.text.includes('Pay online'), 'an open invoice offers the link');
    assert.ok(!/observed|not documented|pattern/i.test(openDoc.text), 'no developer caveat on the customer document');
    for (const id of [paid.id, cancelled.id]) {
      const doc = await render(id);
      assert.ok(!doc.text.includes('Pay online'), `${id}: no pay-online block`);
      assert.ok(!doc.text.includes('checkout.kashier.example'), `${id}: no payment link`);
    }
  });
});

describe('characters no font can draw', () => {
  it('are flagged per field before issuing, and print as the replacement sign instead of an empty box', async () => {
    const { s, call, render } = await shop();
    const customer = (await call('customer.list', {})).items[0]!;
    const d = await call('invoice.create', {
      customerId: customer.id,
      notes: 'Thank you 🙏',
      lines: [
        {
          description: 'Birthday cake 🎂 with candles',
          quantity: '1',
          unitPrice: 4_500,
          taxRate: '20',
          taxCategory: 'S',
        },
        { description: 'Café crème, شاي بالنعناع', quantity: '2', unitPrice: 350, taxRate: '20', taxCategory: 'S' },
      ],
    });
    const checked = await call('pdf.checkText', {
      texts: [
        ...d.lines.map((l, i) => ({ field: `lines.${i}.description`, text: l.description })),
        { field: 'notes', text: d.notes ?? '' },
        { field: 'family', text: '👨‍👩‍👧 ❤️' },
      ],
    });
    assert.deepEqual(checked.problems, [
      { field: 'lines.0.description', characters: ['🎂'] },
      { field: 'notes', characters: ['🙏'] },
      // One sign per user-perceived character: a family emoji is one, a heart with its variation selector one.
      { field: 'family', characters: ['👨‍👩‍👧', '❤️'] },
    ]);
    const inv = await call('invoice.issue', { id: d.id });
    const { text } = await render(inv.id);
    assert.ok(text.includes('Birthday cake \ufffd with candles'), text);
    assert.ok(!text.includes('🎂'));
    assert.ok(text.includes('Café crème'));

    // The CLI asks the same question about a stored invoice.
    s.close();
    const r = kassa(['--data-dir', s.config.dataDir, 'invoice', 'check-text', inv.id]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      problems: [
        { field: 'lines.0.description', characters: ['🎂'] },
        { field: 'notes', characters: ['🙏'] },
      ],
    });
  });
});
