/**
 * The app's main screens, filled with data and opened one after the other, for the language tests
 * (pseudo-localisation, Arabic and Spanish first starts, screenshots in every language).
 */
import type { Page } from 'playwright-core';
import { addDays, localDate } from '../../shared/contract/dates';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import type { Services } from '../../main/services';
import { openApp } from './browser';
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
  const account = await call('account.add', {
    provider: 'paycashless',
    name: SEED.account,
    mode: 'test',
    baseUrl: 'http://127.0.0.1:9',
    secrets: { apiKey: 'pk_test_seed', apiSecret: 'sk_test_seed' },
  });
  const lines = [
    { description: SEED.lines[0]!, quantity: '3', unitPrice: 4_350, taxRate: '14', taxCategory: 'S' as const },
    { description: SEED.lines[1]!, quantity: '1', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' as const },
  ];
  const day = (n: number): string => addDays(localDate(new Date()), n);
  // Invoices are issued in date order (numbers follow dates). A monthly schedule from 45 days ago, made from a draft
  // template, issues its two past periods on the first run.
  const template = await call('invoice.create', {
    customerId: nile.id,
    currency: 'EGP',
    lines: [{ description: SEED.lines[1]!, quantity: '2', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' }],
  });
  await call('recurring.create', { templateId: template.id, frequency: 'month', startDate: day(-45), action: 'issue' });
  await call('recurring.run', {});
  // Overdue: its reminder is due.
  const overdue = await call('invoice.create', { customerId: nile.id, currency: 'EGP', lines: lines.slice(1) });
  await call('invoice.issue', { id: overdue.id, issueDate: day(-10), dueDate: day(-5) });
  const draft = await call('invoice.create', { customerId: nile.id, currency: 'EGP', lines });
  const issued = await call('invoice.issue', { id: draft.id });
  await call('invoice.pay', { id: issued.id, amount: 5_000, method: 'cash' });
  // Paid, then partly credited by line: money owed back, part of it refunded against the credit note (the only paid
  // invoice: its refund and void-refund panels, its credit panel for the line left).
  // (In US dollars: the Egyptian pound figures on the dashboard stay those of the invoices above.)
  const credited = await call('invoice.issue', {
    id: (await call('invoice.create', { customerId: nile.id, currency: 'USD', lines })).id,
  });
  await call('invoice.pay', { id: credited.id, amount: credited.totals.total, method: 'bank_transfer' });
  await call('invoice.credit', { id: credited.id, items: [{ line: 1 }] });
  const creditNoteId = (await call('invoice.get', { id: credited.id })).creditNoteIds?.[0];
  await call('invoice.refund', { id: credited.id, amount: 1_000, method: 'cash', creditNoteId });
  // Quotes: one open, one converted to an invoice.
  await call('quote.create', { customerId: nile.id, currency: 'EGP', lines });
  const q = await call('quote.create', { customerId: nile.id, currency: 'EGP', lines });
  await call('quote.convert', { id: q.id, items: [{ line: 1 }] });
  // Reminders on, by e-mail, with no mail server yet: the reminders that are due wait as failed, with the reason.
  await call('reminder.setRules', { enabled: true });
  await call('reminder.run', {});
  // An invoice for the provider account, which nothing listens for: the sync panel then has an item with the
  // error it ran into, and the invoice's history an entry from sync.
  const queued = await call('invoice.create', {
    customerId: nile.id,
    currency: 'USD',
    lines: [{ description: SEED.lines[0]!, quantity: '1', unitPrice: 9_900, taxRate: '0', taxCategory: 'Z' }],
  });
  await call('invoice.issue', { id: queued.id, accountId: account.id });
  await call('sync.now', { accountId: account.id, poll: false });
  // A backup, for the restore confirmation.
  await call('ledger.backup', {});
  return { s, invoiceId: issued.id };
}

/** The seeded app in Chromium with the browser in `locale` (its first language), 1280×900, once it shows. */
export async function openSeeded(
  locale: string,
): Promise<{ s: Services; call: ReturnType<typeof caller>; page: Page; problems: string[] }> {
  const { s } = await seededServices();
  const { host, page, problems } = await openApp(s, { locale });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(host.openUrl);
  await page.locator('nav.sidebar button.nav').first().waitFor();
  return { s, call: caller(s), page, problems };
}

export type ScreenName =
  | 'invoices'
  | 'invoice-detail'
  | 'void-payment'
  | 'credit'
  | 'credit-confirm'
  | 'refund'
  | 'void-refund'
  | 'cancel'
  | 'delete-draft'
  | 'share'
  | 'composer'
  | 'quotes'
  | 'quote-detail'
  | 'recurring'
  | 'schedule-form'
  | 'reminders'
  | 'customers'
  | 'customer-form'
  | 'sync'
  | 'pdf'
  | 'books'
  | 'settings'
  | 'restore-confirm';

/** What a screen shows besides the page: the text of a confirmation the browser draws itself (window.confirm). */
export interface Shown {
  dialog?: string;
}

/** The sidebar's buttons in order (whatever their language). */
export const NAV = {
  invoices: 0,
  quotes: 1,
  recurring: 2,
  reminders: 3,
  customers: 4,
  sync: 5,
  pdf: 6,
  books: 7,
  settings: 8,
} as const;
const nav = (page: Page, screen: keyof typeof NAV) => page.locator('nav.sidebar button.nav').nth(NAV[screen]);

/**
 * Opens each main screen (with its panels unfolded) and calls `visit` once it shows; the page is already at the
 * app. Navigation goes by position and test id, never by text, so it works in every language.
 */
export async function visitMainScreens(
  page: Page,
  visit: (screen: ScreenName, shown?: Shown) => Promise<void>,
): Promise<void> {
  const detail = page.getByTestId('invoice-detail');
  const openRow = async (status: string): Promise<void> => {
    await page
      .getByTestId('invoice-row')
      .filter({ has: page.locator(`[data-testid="invoice-status"].${status}`) })
      .first()
      .click();
    await detail.getByTestId('history').locator('li').first().waitFor();
  };
  await nav(page, 'invoices').click();
  await page.getByTestId('invoice-row').first().waitFor();
  await page.getByTestId('dashboard').waitFor();
  await visit('invoices');

  // The seed's partly paid invoice (the only one in that status).
  await page
    .getByTestId('invoice-row')
    .filter({ has: page.locator('[data-testid="invoice-status"].partially_paid') })
    .click();
  await page.getByTestId('invoice-detail').getByTestId('history').locator('li').first().waitFor();
  await page.getByTestId('record-payment').click();
  await visit('invoice-detail');
  // Every panel and confirmation of the invoice page (each opened and left without doing anything).
  await detail.getByTestId('void-payment').first().click();
  await detail.getByTestId('void-form').waitFor();
  await visit('void-payment');
  await detail.getByTestId('credit-invoice').click();
  await detail.getByTestId('credit-preview').waitFor();
  await visit('credit');
  await detail.getByTestId('review-credit').click();
  await detail.getByTestId('credit-confirm').waitFor();
  await visit('credit-confirm');
  await detail.getByTestId('credit-back').click();
  await detail.getByTestId('credit-invoice').click(); // closes the panel

  await openRow('paid');
  await detail.getByTestId('record-refund').click();
  await detail.getByTestId('refund-what').waitFor();
  await visit('refund');
  await detail.getByTestId('void-refund').first().click();
  await detail.getByTestId('voidRefund-form').waitFor();
  await visit('void-refund');

  await openRow('overdue');
  await detail.getByTestId('cancel-invoice').click();
  await detail.getByTestId('cancel-what').waitFor();
  await visit('cancel');

  // Deleting a draft asks through the browser's own dialog: its text is handed to `visit`, and it is dismissed.
  await openRow('draft');
  let text = '';
  page.once('dialog', (d) => {
    text = d.message();
    void d.dismiss();
  });
  await detail.getByTestId('delete-draft').click();
  await visit('delete-draft', { dialog: text });

  await openRow('partially_paid');

  await page.getByTestId('share-invoice').click();
  await page.getByTestId('share-dialog').getByTestId('share-preview').waitFor();
  await visit('share');

  await page.getByTestId('new-invoice').click();
  await page.getByTestId('invoice-editor').waitFor();
  await visit('composer');

  await nav(page, 'quotes').click();
  await page.getByTestId('quote-row').first().waitFor();
  await visit('quotes');
  await page.getByTestId('quote-row').last().click();
  await page.getByTestId('quote-detail').getByTestId('pick-line').first().waitFor();
  await visit('quote-detail');

  await nav(page, 'recurring').click();
  await page.getByTestId('schedule-row').first().click();
  await page.getByTestId('recurring-run').first().waitFor();
  await visit('recurring');
  await page.getByTestId('new-schedule').click();
  await page.getByTestId('schedule-form').waitFor();
  await visit('schedule-form');

  await nav(page, 'reminders').click();
  await page.getByTestId('reminder-row').first().waitFor();
  await page.getByTestId('reminder-rules').waitFor();
  await visit('reminders');

  await nav(page, 'customers').click();
  await page.getByTestId('customer-row').first().waitFor();
  await visit('customers');
  await page.getByTestId('customer-row').first().click();
  await page.getByTestId('customer-form').waitFor();
  await page.getByTestId('import-customers').click();
  await page.getByTestId('import-panel').waitFor();
  await visit('customer-form');

  await nav(page, 'sync').click();
  await page.locator('[data-testid^="sync-account-"]').first().waitFor();
  await visit('sync');

  await nav(page, 'pdf').click();
  await page.getByTestId('pdf-export').waitFor();
  await visit('pdf');

  await nav(page, 'books').click();
  await page.getByTestId('books-screen').waitFor();
  await page.getByTestId('record-ok').waitFor();
  await page.getByTestId('vat-EGP').waitFor();
  await visit('books');

  await nav(page, 'settings').click();
  await page.getByTestId('account-row').first().waitFor();
  await page.getByTestId('language-panel').waitFor();
  await page.getByTestId('series-row').first().waitFor();
  await page.getByTestId('auto-backups-status').waitFor();
  await visit('settings');
  await page.getByTestId('backup-row').first().getByTestId('backup-action').click();
  await page.getByTestId('restore-confirm').waitFor();
  await visit('restore-confirm');
  await page.getByTestId('restore-cancel').click();
}

/** The first-start setup, opened from the app (after visitMainScreens or on its own). */
export async function visitSetup(page: Page, visit: (screen: 'setup') => Promise<void>): Promise<void> {
  await page.getByTestId('open-setup').click();
  await page.getByTestId('setup').waitFor();
  await visit('setup');
}
