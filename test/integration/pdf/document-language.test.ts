/**
 * Every document in the customer's language (issue 14): a customer with `language: "ar"` gets an Arabic invoice laid
 * out right to left, `es` a Spanish one, none the business's language; numbers and dates follow the document's
 * language (Latin digits unless the business itself writes Arabic-Indic ones); a mixed Arabic/English note keeps
 * its logical order. Checked on the real files with pdftotext and pdfinfo.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { intlLocale } from '../../../shared/i18n/languages';
import { formatMoney } from '../../../shared/money';
import { kassa } from '../../helpers/cli';
import { ledgerServices, line } from '../ledger/helpers';
import { tempDir } from '../../helpers/tmp';
import { hasWords, pdfInfo, pdfText, squash, stripBidi } from './tools';

const NOTE = 'شكرا لتعاملكم مع Nile Bakery — الطلب رقم 42 يصل يوم الأحد';

async function env() {
  const e = await ledgerServices('2026-03-10T12:00:00Z');
  await e.call('profile.set', { name: 'Atelier Lumière', locale: 'en-GB', defaultCurrency: 'EGP' });
  return e;
}

async function issuedFor(e: Awaited<ReturnType<typeof env>>, customer: Record<string, unknown>, notes?: string) {
  const c = await e.call('customer.create', { name: 'Customer', ...customer } as never);
  const draft = await e.call('invoice.create', {
    customerId: c.id,
    currency: 'EGP',
    lines: [line({ description: 'Sourdough loaves', quantity: '3', unitPrice: 4_350 })],
    ...(notes ? { notes } : {}),
  });
  const inv = await e.call('invoice.issue', { id: draft.id, issueDate: '2026-03-10' });
  const file = path.join(tempDir(), `${inv.number}.pdf`);
  await e.call('pdf.render', { id: inv.id, file });
  return { inv, file, text: pdfText(file) };
}

test('a customer who reads Arabic gets «فاتورة», right to left, with correct totals in Latin digits', async () => {
  const e = await env();
  const { inv, file, text } = await issuedFor(e, { name: 'مخبز النيل', language: 'ar' }, NOTE);
  const plain = stripBidi(text);
  assert.ok(plain.includes('فاتورة'), plain.slice(0, 400));
  assert.ok(!/\bINVOICE\b|Subtotal|Balance due|Description/.test(plain), 'no English label on an Arabic document');
  // (Labels without lam-alef: pdftotext splits that ligature into its letters in another order.)
  for (const label of ['المجموع الفرعي', 'سعر الوحدة', 'الوصف', 'الكمية']) assert.ok(plain.includes(label), label);
  assert.ok(!plain.includes('\ufffd'), 'every Arabic letter of the labels has a glyph');
  // The totals the ledger holds, in Latin digits (the business's locale is en-GB; it chose no Arabic-Indic ones).
  const major = (m: number) => (m / 100).toFixed(2);
  for (const amount of [inv.totals.linesNet, inv.totals.tax, inv.totals.total])
    assert.ok(plain.includes(major(amount)), major(amount));
  assert.ok(!/[٠-٩]/.test(plain), 'Latin digits unless the business chose Arabic-Indic ones');
  // Right to left: the layout is mirrored, so the title (right column in a left-to-right document) is now on the
  // left and the business's name on the right; pdftotext's reading order puts the name before the title's facts.
  assert.ok(hasWords(plain, 'مخبز النيل'), 'the customer name in logical order');
  // The mixed note extracts in logical order: Arabic, the English name, Arabic with the number in its place.
  const at = (s: string) => plain.indexOf(s);
  const order = ['لتعاملكم مع', 'Nile Bakery', 'الطلب رقم', '42', 'يصل يوم'].map(at);
  assert.ok(order.every((i) => i >= 0) && order.every((i, k) => k === 0 || i > order[k - 1]!), `${order} in ${plain}`);
  const info = pdfInfo(file);
  assert.equal(stripBidi(info.Title ?? ''), `فاتورة ${inv.number}`);
});

test('a customer who reads Spanish gets «Factura»; a customer with no language gets the business’s (English)', async () => {
  const e = await env();
  const es = await issuedFor(e, { language: 'es' });
  assert.ok(es.text.includes('FACTURA'), es.text.slice(0, 300));
  for (const label of ['Fecha de emisión', 'Subtotal', 'Descripción', 'Importe'])
    assert.ok(es.text.includes(label), label);
  assert.equal(pdfInfo(es.file).Title, `Factura ${es.inv.number}`);
  assert.ok(squash(es.text).includes(squash(formatMoney(es.inv.totals.total, 'EGP', intlLocale('es')))));

  const en = await issuedFor(e, {});
  assert.ok(en.text.includes('INVOICE') && en.text.includes('Subtotal'), en.text.slice(0, 300));
  assert.equal(pdfInfo(en.file).Title, `Invoice ${en.inv.number}`);

  // The customer's language is kept with the invoice as issued: changing it later does not change the document.
  const c = await e.call('customer.get', { id: es.inv.customerId! });
  assert.equal(c.language, 'es');
  await e.call('customer.update', { id: c.id, language: 'ar' });
  const again = path.join(tempDir(), 'again.pdf');
  await e.call('pdf.render', { id: es.inv.id, file: again });
  assert.ok(pdfText(again).includes('FACTURA'));
  await e.call('customer.update', { id: c.id, language: null });
  assert.equal((await e.call('customer.get', { id: c.id })).language, undefined);
});

test('kassa customer create takes the language; an unknown one is refused', async () => {
  const dir = tempDir();
  const ok = kassa(['--data-dir', dir, 'customer', 'create', '--data', '{"name":"Panadería Sol","language":"es"}']);
  assert.equal(ok.code, 0, ok.stderr);
  const id = (JSON.parse(ok.stdout) as { id: string }).id;
  const shown = kassa(['--data-dir', dir, 'customer', 'show', id]);
  assert.equal((JSON.parse(shown.stdout) as { language?: string }).language, 'es');
  const bad = kassa(['--data-dir', dir, 'customer', 'create', '--data', '{"name":"X","language":"fr"}']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /language/);
});
