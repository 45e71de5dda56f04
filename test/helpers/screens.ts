/**
 * The app's main screens, filled with data and opened one after the other, for the language tests
 * (pseudo-localisation, Arabic and Spanish first starts, screenshots in every language).
 */
import type { Page } from 'playwright-core';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import type { Services } from '../../main/services';
import { caller, testServices } from './services';

/** The data shown on the screens: what a pseudo-localisation scan may find outside catalogue text. */
export const SEED = {
  business: 'Atelier Lumière',
  customers: ['Nile Bakery', 'مخبز النيل'],
  email: 'orders@nile.example',
  city: 'Cairo',
  account: 'Paycashless shop',
  lines: ['Sourdough loaves', 'Delivery'],
};

export async function seededServices(): Promise<{ s: Services; invoiceId: string }> {
  const s = await testServices({ runtime: 'browser-host', secretStore: new MemorySecretStore() });
  const call = caller(s);
  await call('profile.set', { name: SEED.business, defaultCurrency: 'EGP' });
  const nile = await call('customer.create', {
    name: SEED.customers[0]!,
    email: SEED.email,
    phone: '+201001234567',
    address: { city: SEED.city, country: 'EG' },
  });
  await call('customer.create', { name: SEED.customers[1]! });
  await call('account.add', {
    provider: 'paycashless',
    name: SEED.account,
    mode: 'test',
    baseUrl: 'http://127.0.0.1:9',
    secrets: { apiKey: 'pk_test_seed', apiSecret: 'sk_test_seed' },
  });
  const draft = await call('invoice.create', {
    customerId: nile.id,
    currency: 'EGP',
    lines: [
      { description: SEED.lines[0]!, quantity: '3', unitPrice: 4_350, taxRate: '14', taxCategory: 'S' },
      { description: SEED.lines[1]!, quantity: '1', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' },
    ],
  });
  const issued = await call('invoice.issue', { id: draft.id });
  await call('invoice.pay', { id: issued.id, amount: 5_000, method: 'cash' });
  await call('invoice.create', {
    customerId: nile.id,
    currency: 'EGP',
    lines: [{ description: SEED.lines[1]!, quantity: '2', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' }],
  });
  return { s, invoiceId: issued.id };
}

export type ScreenName =
  'invoices' | 'invoice-detail' | 'composer' | 'customers' | 'customer-form' | 'sync' | 'pdf' | 'settings';

/** The sidebar's buttons in order: invoices, customers, sync, PDF export, settings (whatever their language). */
const nav = (page: Page, i: number) => page.locator('nav.sidebar button.nav').nth(i);

/**
 * Opens each main screen (with its panels unfolded) and calls `visit` once it shows; the page is already at the
 * app. Navigation goes by position and test id, never by text, so it works in every language.
 */
export async function visitMainScreens(
  page: Page,
  visit: (screen: ScreenName) => Promise<void>,
  invoiceNumberPattern = /INV-\d{4}-0001/,
): Promise<void> {
  await nav(page, 0).click();
  await page.getByTestId('invoice-row').first().waitFor();
  await page.getByTestId('dashboard').waitFor();
  await visit('invoices');

  await page.getByTestId('invoice-row').filter({ hasText: invoiceNumberPattern }).click();
  await page.getByTestId('invoice-detail').getByTestId('history').locator('li').first().waitFor();
  await page.getByTestId('record-payment').click();
  await visit('invoice-detail');

  await page.getByTestId('new-invoice').click();
  await page.getByTestId('invoice-editor').waitFor();
  await visit('composer');

  await nav(page, 1).click();
  await page.getByTestId('customer-row').first().waitFor();
  await visit('customers');
  await page.getByTestId('customer-row').first().click();
  await page.getByTestId('customer-form').waitFor();
  await page.getByTestId('import-customers').click();
  await page.getByTestId('import-panel').waitFor();
  await visit('customer-form');

  await nav(page, 2).click();
  await page.locator('[data-testid^="sync-account-"]').first().waitFor();
  await visit('sync');

  await nav(page, 3).click();
  await page.getByTestId('pdf-export').waitFor();
  await visit('pdf');

  await nav(page, 4).click();
  await page.getByTestId('account-row').first().waitFor();
  await page.getByTestId('language-panel').waitFor();
  await visit('settings');
}
