/**
 * A quote's own PDF: titled QUOTE in the document's language (en, ar, es), its number, date and valid-until date and
 * totals; nothing of an invoice (no "INVOICE", no due date, no status, no Factur-X data); a valid PDF. And
 * `kassa quote pdf ID --out FILE` as a user types it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { PdfRenderResult } from '../../../shared/contract/pdf';
import type { Quote } from '../../../shared/contract/quotes';
import { createFormatter } from '../../../main/pdf/format';
import { createTranslator } from '../../../shared/i18n/catalogue';
import { pickLanguage } from '../../../shared/i18n/languages';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { customer, issued, ledgerServices, line } from '../ledger/helpers';
import { attachments, hasAmount, hasWords, have, pdfInfo, pdfText, qpdfCheck, squash, stripBidi } from '../pdf/tools';

const CASES = [
  { locale: 'en-GB', title: 'QUOTE' },
  { locale: 'ar-EG', title: 'عرض سعر' },
  { locale: 'es-ES', title: 'PRESUPUESTO' },
] as const;

const tools = have('pdftotext') && have('qpdf');

for (const c of CASES) {
  test(
    `quote PDF in ${c.locale}: titled ${c.title}, number, date, valid-until and totals; nothing of an invoice`,
    { skip: tools ? false : 'SKIPPED: pdftotext/qpdf not installed' },
    async () => {
      const { call } = await ledgerServices('2026-03-10T12:00:00Z');
      await call('profile.set', { locale: c.locale });
      const cus = await customer(call);
      // An invoice with the same customer exists: the quote's PDF must not borrow its words or number.
      await issued(call, cus);
      const q = await call('quote.create', {
        customerId: cus,
        currency: 'EGP',
        validUntil: '2026-04-15',
        notes: 'Prices include installation',
        lines: [line({ description: 'Survey', unitPrice: 30_000 }), line({ description: 'Install', quantity: '4' })],
        discount: { kind: 'percent', percent: '10' },
      });
      const p = await call('quote.preview', { id: q.id });
      assert.equal(p.fileName, 'QUO-2026-0001.pdf');
      assert.deepEqual(p.facturX, { embedded: false, missing: [], gaps: [] });
      const dir = tempDir('kassa-quote-pdf-');
      const file = path.join(dir, p.fileName);
      fs.writeFileSync(file, Buffer.from(p.base64, 'base64'));
      assert.equal(p.bytes, fs.statSync(file).size);

      const check = qpdfCheck(file);
      assert.ok(check.ok, check.output);
      const text = pdfText(file);
      assert.ok(hasWords(text, c.title), `title ${c.title} in:\n${text.slice(0, 400)}`);
      assert.ok(text.includes('QUO-2026-0001'));
      assert.ok(!text.includes('INV-2026-0001'), "not the invoice's number");
      assert.ok(!/INVOICE|BILL TO|Due date|Status|Pay online/.test(text), text.slice(0, 600));
      // The labels in the document's language (here the business's).
      const tr = createTranslator({ language: pickLanguage([c.locale]) });
      assert.ok(text.includes(tr.t('pdf.doc.valid_until')), tr.t('pdf.doc.valid_until'));
      // Latin digits: the business did not choose Arabic-Indic ones (its ar-EG locale alone does not decide).
      const fmt = createFormatter(`${c.locale}-u-nu-latn`, 'EGP');
      assert.ok(squash(text).includes(squash(fmt.date('2026-04-15'))), `valid until ${fmt.date('2026-04-15')}`);
      assert.ok(squash(text).includes(squash(fmt.date('2026-03-10'))), 'the quote date');
      assert.ok(hasAmount(text, fmt.money(q.totals.total)), `total ${fmt.money(q.totals.total)}`);
      assert.ok(text.includes('Prices include installation'));
      assert.deepEqual(attachments(file), [], 'no Factur-X data: a quote is not an invoice');
      assert.equal(
        stripBidi(pdfInfo(file).Title ?? ''),
        stripBidi(tr.t('pdf.doc.quote_name', { number: 'QUO-2026-0001' })),
      );
    },
  );
}

test(
  'kassa quote pdf ID --out FILE writes the quote PDF; an unknown quote is refused',
  { skip: tools ? false : 'SKIPPED: pdftotext/qpdf not installed' },
  () => {
    const dir = tempDir('kassa-cli-quote-pdf-');
    const ok = <T>(args: string[]): T => {
      const r = kassa([...args, '--data-dir', dir]);
      assert.equal(r.code, 0, `kassa ${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    };
    const c = ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Quote Co"}']);
    const q = ok<Quote>([
      'quote',
      'create',
      '--data',
      JSON.stringify({ customerId: c.id, lines: [line({ description: 'Survey' })] }),
    ]);
    const out = path.join(dir, 'out', 'quote.pdf');
    const r = ok<PdfRenderResult>(['quote', 'pdf', q.id, '--out', out]);
    assert.equal(r.id, q.id);
    assert.equal(r.file, out);
    assert.equal(r.bytes, fs.statSync(out).size);
    assert.equal(r.pages, 1);
    assert.ok(hasWords(pdfText(out), 'QUOTE'));
    assert.ok(pdfText(out).includes(q.number));

    const bad = kassa(['quote', 'pdf', 'quo_doesnotexist0000', '--out', out, '--data-dir', dir]);
    assert.notEqual(bad.code, 0);
    assert.equal(bad.stdout, '');
    assert.equal((JSON.parse(bad.stderr) as { error: { code: string } }).error.code, 'quote_not_found');
  },
);
