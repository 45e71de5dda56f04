/// <reference lib="dom" />
/**
 * A freelancer's first start, all through the UI in Chromium against the browser host, in English (Lagos) and in
 * Arabic (Cairo): setup → customer → invoice → issue → PDF. Every screen is kept under test-results/first-start-*.
 * The PDF the invoice page received is rendered to PNG (pdftoppm) beside them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { countryName } from '../../shared/countries';
import { openApp, resultsDir } from '../helpers/browser';
import { NAV } from '../helpers/screens';
import { caller, testServices } from '../helpers/services';
import { have, pdfText } from '../integration/pdf/tools';

/** A 1×1 PNG: enough for the logo field. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const nav = (page: Page, screen: keyof typeof NAV) => page.locator('nav.sidebar button.nav').nth(NAV[screen]);

interface Journey {
  lang: 'en' | 'ar';
  browserLocale: string;
  business: string;
  country: string;
  currency: string;
  rate: string;
  customer: string;
  customerCountry: string;
  localPhone: string;
  e164: string;
  /** The business profile's document choices: labels in one or two languages, digits of Arabic documents. */
  layout: 'single' | 'bilingual';
  digits: 'latn' | 'arab';
}

const JOURNEYS: Journey[] = [
  {
    lang: 'en',
    browserLocale: 'en-NG',
    business: 'Adaeze Design Studio',
    country: 'NG',
    currency: 'NGN',
    rate: '7.5',
    customer: 'Ikeja Print Works',
    customerCountry: 'NG',
    localPhone: '0803 123 4567',
    e164: '+2348031234567',
    layout: 'single',
    digits: 'latn',
  },
  {
    lang: 'ar',
    browserLocale: 'ar-EG',
    business: 'استوديو النيل للتصميم',
    country: 'EG',
    currency: 'EGP',
    rate: '14',
    customer: 'مخبز النيل',
    customerCountry: 'EG',
    localPhone: '0100 123 4567',
    e164: '+201001234567',
    layout: 'bilingual',
    digits: 'arab',
  },
];

for (const j of JOURNEYS) {
  test(`first start in ${j.lang}: setup → customer → invoice → issue → PDF, every screen kept`, async () => {
    const s = await testServices({ runtime: 'browser-host' });
    const call = caller(s);
    const { host, page, problems } = await openApp(s, { locale: j.browserLocale });
    page.on('response', (r) => r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
    await page.setViewportSize({ width: 1280, height: 900 });
    const shot = (name: string) =>
      page.screenshot({ path: path.join(resultsDir(), `first-start-${j.lang}-${name}.png`), fullPage: true });
    await page.goto(host.openUrl);

    // 1. The first start opens on the setup, not on an empty list.
    const setup = page.getByTestId('setup');
    await setup.waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), j.lang === 'ar' ? 'rtl' : 'ltr');
    await shot('1-setup');

    await page.getByTestId('setup-name').fill(j.business);
    // Countries are chosen by name in the reader's language, never typed as a code.
    await page.getByTestId('setup-country').selectOption(j.country);
    const shownCountry = await page.getByTestId('setup-country').evaluate((el) => {
      const select = el as HTMLSelectElement;
      return select.options[select.selectedIndex]?.text ?? '';
    });
    assert.equal(shownCountry, countryName(j.country, j.lang));
    await page.getByTestId('setup-line1').fill('12 Admiralty Way');
    await page.getByTestId('setup-city').fill(j.lang === 'ar' ? 'القاهرة' : 'Lagos');
    await page.getByTestId('setup-vatId').fill('12345678-0001');
    await page.getByTestId('setup-currency').fill(j.currency);
    await page.getByTestId('setup-taxRate').fill(j.rate);
    await page.getByTestId('setup-language').selectOption(j.lang);
    await page.getByTestId('setup-document-layout').selectOption(j.layout);
    await page.getByTestId('setup-document-digits').selectOption(j.digits);
    await page.getByTestId('setup-firstNumber').fill('42');
    await page.getByTestId('setup-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await shot('2-setup-filled');
    await page.getByTestId('setup-save').click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="setup"]') || document.querySelector('[data-testid="form-error"]'),
    );
    assert.equal(await page.getByTestId('form-error').count(), 0, await page.locator('body').innerText());
    await page.getByTestId('new-invoice').waitFor();
    await shot('3-invoices-empty');

    const profile = await call('profile.get', {});
    assert.equal(profile.name, j.business);
    assert.equal(profile.address.country, j.country);
    assert.equal(profile.defaultCurrency, j.currency);
    assert.equal(profile.locale, `${j.lang}-${j.country}`);
    assert.equal(profile.language, j.lang);
    assert.equal(profile.documentLayout, j.layout);
    assert.equal(profile.documentDigits, j.digits);
    assert.equal(profile.vatId, '12345678-0001');
    assert.equal(profile.logo?.base64, PNG.toString('base64'));
    const rates = await call('taxRate.list', {});
    assert.equal(Number(rates.find((r) => r.id === profile.defaultTaxRateId)?.rate), Number(j.rate));
    assert.equal((await call('app.preferences', {})).setup, 'done');

    // 2. A customer with a country from the list and a local phone number.
    await nav(page, 'customers').click();
    await page.getByTestId('new-customer').click();
    await page.getByTestId('customer-name').fill(j.customer);
    await page.getByTestId('customer-country').selectOption(j.customerCountry);
    await page.getByTestId('customer-phone').fill(j.localPhone);
    await shot('4-customer-form');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('customer-row').filter({ hasText: j.customer }).waitFor();
    await shot('5-customers');
    const customer = (await call('customer.list', {})).items[0]!;
    assert.equal(customer.address.country, j.customerCountry);
    assert.equal(customer.phone, j.e164);

    // 3. An invoice: the line's tax is the business's default; focus follows "Add line".
    await nav(page, 'invoices').click();
    await page.getByTestId('new-invoice').click();
    await page.getByTestId('customer-select').selectOption({ label: j.customer });
    const rows = page.getByTestId('line-row');
    const defaultRate = profile.defaultTaxRateId!;
    await page.waitForFunction(
      (id) => (document.querySelector('[data-testid="line-tax"]') as HTMLSelectElement | null)?.value === id,
      defaultRate,
    );
    await rows
      .nth(0)
      .getByTestId('line-description')
      .fill(j.lang === 'ar' ? 'تصميم شعار' : 'Logo design');
    await rows.nth(0).getByTestId('line-quantity').fill('2');
    await rows.nth(0).getByTestId('line-price').fill('15000');
    await page.getByTestId('add-line').click();
    assert.equal(await rows.count(), 2);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const all = Array.from(document.querySelectorAll('[data-testid="line-description"]'));
      return el?.getAttribute('data-testid') === 'line-description' ? all.indexOf(el) : -1;
    });
    assert.equal(focused, 1, 'the cursor is in the new line');
    assert.equal(await rows.nth(1).getByTestId('line-tax').inputValue(), defaultRate);
    await rows
      .nth(1)
      .getByTestId('line-description')
      .fill(j.lang === 'ar' ? 'بطاقات عمل' : 'Business cards');
    await rows.nth(1).getByTestId('line-price').fill('5000');
    await shot('6-composer');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('invoice-detail').waitFor();

    // 4. Issue: numbering starts where the setup said.
    await page.getByTestId('issue').click();
    await shot('7-issue-panel');
    await page.getByTestId('confirm-issue').click();
    const year = new Date().getFullYear();
    await page.getByTestId('invoice-number').getByText(`INV-${year}-0042`).waitFor();
    const issued = (await call('invoice.list', {})).items[0]!;
    assert.equal(issued.number, `INV-${year}-0042`);
    assert.deepEqual(
      (await call('invoice.get', { id: issued.id })).lines.map((l) => Number(l.taxRate)),
      [Number(j.rate), Number(j.rate)],
    );
    await shot('8-issued');

    // 5. The PDF, as the invoice page received it.
    const preview = page.waitForResponse((r) => r.url().includes('/api/pdf.preview'));
    await page.getByTestId('pdf-preview-toggle').click();
    const body = (await (await preview).json()) as { result?: { base64: string }; base64?: string };
    const base64 = body.result?.base64 ?? body.base64;
    assert.ok(base64, 'the preview carried a PDF');
    await page.getByTestId('pdf-frame').waitFor();
    await shot('9-pdf-preview');
    const pdf = path.join(resultsDir(), `first-start-${j.lang}-invoice.pdf`);
    fs.writeFileSync(pdf, Buffer.from(base64, 'base64'));
    if (have('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, pdf.replace(/\.pdf$/, '')]);
      const text = pdfText(pdf).replace(/[\u202a-\u202e]/g, '');
      assert.ok(text.includes(`INV-${year}-0042`), text);
      for (const word of j.business.split(' ')) assert.ok(text.includes(word), `${word} in the PDF`);
      assert.ok(!/observed|not documented|pattern/i.test(text), 'no developer text in the customer PDF');
      // The profile's document choices: the Arabic business prints English labels beside the Arabic ones, with
      // Arabic-Indic digits; the English one neither.
      assert.equal(text.includes('INVOICE') && text.includes('فاتورة'), j.layout === 'bilingual', text);
      assert.equal(/[٠-٩]/.test(text), j.digits === 'arab', text);
    } else {
      console.log('SKIPPED: pdftoppm/pdftotext not installed, the PDF was not rendered to PNG');
    }
    assert.deepEqual(problems, []);
  });
}

test('the setup can be skipped and finished later from Settings', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('setup-skip').click();
  await page.getByTestId('new-invoice').waitFor();
  assert.equal((await call('app.preferences', {})).setup, 'skipped');
  await nav(page, 'settings').click();
  const panel = page.getByTestId('profile-panel');
  await panel.getByText('not finished yet').waitFor();
  await page.getByTestId('open-setup').click();
  await page.getByTestId('setup-name').fill('Later Ltd');
  await page.getByTestId('setup-save').click();
  await page.getByTestId('new-invoice').waitFor();
  assert.equal((await call('profile.get', {})).name, 'Later Ltd');
  assert.equal((await call('app.preferences', {})).setup, 'done');

  // A reload after the setup no longer opens it.
  await page.reload();
  await page.getByTestId('new-invoice').waitFor();
  assert.equal(await page.getByTestId('setup').count(), 0);
  assert.deepEqual(problems, []);
});

test('"Delete draft" asks first, says it cannot be undone, and deletes nothing when the user says no', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  const draft = await call('invoice.create', {
    currency: 'EUR',
    lines: [{ description: 'Poster', quantity: '1', unitPrice: 1_000, taxRate: '14', taxCategory: 'S' }],
  });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('invoice-row').first().click();
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByTestId('delete-draft').click();
  await page.waitForTimeout(300);
  assert.equal(asked.length, 1);
  assert.match(asked[0]!, /cannot be undone/);
  assert.equal((await call('invoice.get', { id: draft.id })).status, 'draft');

  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('delete-draft').click();
  await page.getByTestId('invoice-detail').waitFor({ state: 'detached' });
  await assert.rejects(call('invoice.get', { id: draft.id }));
  assert.deepEqual(problems, []);
});
