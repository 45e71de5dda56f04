/**
 * Amounts in an Arabic document (issue 14, "numbers and amounts kept readable inside RTL text"): a USD amount ends
 * right-to-left lines (the totals) and a sentence (the zero-rate line of the tax summary). Checked on the real file:
 * pdftotext, and the glyph runs the text engine draws for the total, left to right.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadFonts } from '../../../main/pdf/fonts';
import { TextEngine, type TextSurface } from '../../../main/pdf/text';
import { formatMoney } from '../../../shared/money';
import { tempDir } from '../../helpers/tmp';
import { ledgerServices, line } from '../ledger/helpers';
import { pdfText, stripBidi } from './tools';

test('an Arabic USD invoice shows "US$" whole, on the left of each amount, in the table, totals and tax sentence', async () => {
  const e = await ledgerServices('2026-03-10T12:00:00Z');
  await e.call('profile.set', {
    name: 'Gulf Trading LLC',
    address: { line1: 'Sheikh Zayed Road 1', city: 'Dubai', postalCode: '00000', country: 'AE' },
    locale: 'en-GB',
    defaultCurrency: 'USD',
    language: 'ar',
  } as never);
  const c = await e.call('customer.create', { name: 'Customer Co', address: { city: 'Abu Dhabi', country: 'AE' } });
  const draft = await e.call('invoice.create', {
    customerId: c.id,
    currency: 'USD',
    lines: [line({ description: 'Consulting', quantity: '3', unitPrice: 3_300, taxRate: '0', taxCategory: 'Z' })],
  });
  const inv = await e.call('invoice.issue', { id: draft.id, issueDate: '2026-03-10' });
  const file = path.join(tempDir(), 'ar-usd.pdf');
  await e.call('pdf.render', { id: inv.id, file });
  const text = stripBidi(pdfText(file));
  assert.ok(text.includes('فاتورة'), text.slice(0, 200));
  // Before the fix the trailing "$" took the line's direction: "$US 99.00".
  assert.ok(!text.includes('$US'), text);
  const taxLine = text.split('\n').find((l) => l.includes('99.00') && /[\u0600-\u06ff]/.test(l));
  assert.ok(taxLine?.includes('US$ 99.00') || taxLine?.includes('US$\u00a099.00'), JSON.stringify(taxLine));

  // What is drawn for the total, left to right: the sign, then the number.
  const drawn: string[] = [];
  const surface: TextSurface = {
    font: () => undefined,
    fontSize: () => undefined,
    fillColor: () => undefined,
    text: (t) => drawn.push(t),
    markContent: () => undefined,
    endMarkedContent: () => undefined,
  };
  new TextEngine(surface, loadFonts()).line(formatMoney(inv.totals.total, 'USD', 'ar-u-nu-latn'), 0, 0, {
    style: { size: 10 },
  });
  assert.equal(drawn.join(''), 'US$ 99.00');
});
