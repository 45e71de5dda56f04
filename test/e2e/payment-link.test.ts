/// <reference lib="dom" />
/**
 * The payment link on the invoice page (issue 18): a link that opens outside the app's window (a new window, which
 * Electron's window-open handler gives to the OS: main/electron/security.ts; here Chromium's popup), never a
 * navigation of the app itself, and a button that copies it (read back from the clipboard), in English and Arabic.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { insertAccount } from '../integration/ledger/helpers';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

const URL_AT_PROVIDER = 'https://pay.kashier.example/i/INV-77?ref=kassa';

for (const [lang, locale, copied] of [
  ['en', 'en-US', 'Copied.'],
  ['ar', 'ar-EG', 'تم النسخ.'],
] as const) {
  test(`${lang}: the payment link opens outside the app and its copy button puts it on the clipboard`, async () => {
    const s = await testServices({ runtime: 'browser-host' });
    const call = caller(s);
    await call('app.setPreferences', { setup: 'done' });
    const customer = await call('customer.create', { name: 'Nile Bakery' });
    const accountId = insertAccount(s.ledger.db, 'acc_kashier', 'kashier');
    const draft = await call('invoice.create', {
      customerId: customer.id,
      currency: 'EGP',
      lines: [{ description: 'Sourdough loaves', quantity: '3', unitPrice: 4_350, taxRate: '14', taxCategory: 'S' }],
    });
    const invoice = await call('invoice.issue', { id: draft.id, accountId });
    // What sync writes when the provider answers with its payment page (test setup, as the sync tests do).
    s.ledger.db
      .prepare(`UPDATE invoice_links SET payment_url = ?, remote_status = 'open' WHERE invoice_id = ?`)
      .run(URL_AT_PROVIDER, invoice.id);

    const { host, page, problems } = await openApp(s, { locale });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.context().route('https://pay.kashier.example/**', (r) => r.fulfill({ status: 200, body: 'pay here' }));
    await page.goto(host.openUrl);
    await page.getByTestId('invoice-row').filter({ hasText: invoice.number! }).click();
    const link = page.getByTestId('payment-link');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), URL_AT_PROVIDER);
    assert.equal(await link.textContent(), URL_AT_PROVIDER);

    // A click opens a window of its own (the OS's browser in Electron); the app stays where it was.
    const appUrl = page.url();
    const popup = page.waitForEvent('popup');
    await link.click();
    assert.equal((await popup).url(), URL_AT_PROVIDER);
    assert.equal(page.url(), appUrl);
    await page.getByTestId('invoice-detail').waitFor();

    // Copy: the exact link is on the clipboard, and the page says so.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.getByTestId('copy-payment-link').click();
    await page.getByTestId('payment-link-copied').getByText(copied).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), URL_AT_PROVIDER);
    await page.getByTestId('invoice-detail').screenshot({ path: path.join(resultsDir(), `payment-link-${lang}.png`) });
    assert.deepEqual(problems, []);
  });
}
