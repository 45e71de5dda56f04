/// <reference lib="dom" />
/**
 * Kassa in English, Arabic and Spanish, as a new user gets it: the browser's language (ar-EG, es-ES) decides the
 * first start; Arabic lays the whole app out right to left; navigation and headings are translated; the composer
 * works; a screenshot of every main screen in every language is kept under test-results/i18n/. The language is
 * then a setting that sticks.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { intlLocale, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/catalogue';
import { formatMoney } from '../../shared/money';
import { computeTotals } from '../../shared/totals';
import { openApp, resultsDir } from '../helpers/browser';
import { NAV, seededServices, visitMainScreens } from '../helpers/screens';
import { caller } from '../helpers/services';

const CASES: Array<{ locale: string; language: Language; dir: 'rtl' | 'ltr'; nav: string[]; heading: string }> = [
  {
    locale: 'en-US',
    language: 'en',
    dir: 'ltr',
    nav: ['Invoices', 'Quotes', 'Recurring', 'Reminders', 'Customers', 'Sync', 'PDF export', 'Bookkeeping', 'Settings'],
    heading: 'Invoices',
  },
  {
    locale: 'ar-EG',
    language: 'ar',
    dir: 'rtl',
    nav: [
      'الفواتير',
      'عروض الأسعار',
      'الفواتير المتكررة',
      'التذكيرات',
      'العملاء',
      'المزامنة',
      'تصدير PDF',
      'المحاسبة',
      'الإعدادات',
    ],
    heading: 'الفواتير',
  },
  {
    locale: 'es-ES',
    language: 'es',
    dir: 'ltr',
    nav: [
      'Facturas',
      'Presupuestos',
      'Recurrentes',
      'Recordatorios',
      'Clientes',
      'Sincronización',
      'Exportar PDF',
      'Contabilidad',
      'Ajustes',
    ],
    heading: 'Facturas',
  },
];

const shotsDir = (): string => {
  const dir = path.join(resultsDir(), 'i18n');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

for (const c of CASES) {
  test(`first start with the browser in ${c.locale}: ${c.language}, ${c.dir}, every screen translated, the composer works`, async () => {
    const { s } = await seededServices();
    const call = caller(s);
    const { host, page, problems } = await openApp(s, { locale: c.locale });
    await page.goto(host.openUrl);
    const t = createTranslator({ language: c.language });

    await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('dir')), c.dir);
    assert.equal(await page.evaluate(() => document.documentElement.lang), c.language);
    assert.deepEqual(await page.locator('nav.sidebar button.nav').allTextContents(), c.nav);
    if (c.dir === 'rtl') {
      // Mirrored: the sidebar sits at the right edge.
      const box = await page.locator('nav.sidebar').boundingBox();
      const width = await page.evaluate(() => window.innerWidth);
      assert.ok(box && box.x > width / 2, `sidebar at x=${box?.x} of ${width}`);
    }

    const headings: string[] = [];
    await visitMainScreens(page, async (screen) => {
      headings.push((await page.locator('main h1').first().textContent()) ?? '');
      await page.screenshot({ path: path.join(shotsDir(), `${c.language}-${screen}.png`), fullPage: true });
    });
    assert.deepEqual(
      [...new Set(headings)],
      [
        t.t('invoices.title'),
        t.t('quotes.title'),
        t.t('recurring.title'),
        t.t('reminders.title'),
        t.t('customers.title'),
        t.t('sync.title'),
        t.t('pdf.export.title'),
        t.t('books.title'),
        t.t('settings.title'),
      ],
    );

    // The composer in this language: a draft with one line, saved, opens with the right total.
    await page.locator('nav.sidebar button.nav').nth(NAV.invoices).click();
    await page.getByTestId('new-invoice').click();
    const editor = page.getByTestId('invoice-editor');
    await editor.getByRole('heading', { name: t.t('invoices.editor.new_title') }).waitFor();
    await page.getByTestId('customer-select').selectOption({ index: 1 });
    const row = page.getByTestId('line-row').first();
    await row.getByTestId('line-description').fill('خبز بلدي — 12 loaves');
    await row.getByTestId('line-quantity').fill('12');
    await row.getByTestId('line-price').fill('7.50');
    const expected = computeTotals([{ quantity: '12', unitPrice: 750, taxRate: '14', taxCategory: 'S' }], null).total;
    const shown = formatMoney(expected, 'EGP', intlLocale(c.language));
    await page.getByTestId('total').getByText(shown).waitFor();
    await page.screenshot({ path: path.join(shotsDir(), `${c.language}-composer-filled.png`), fullPage: true });
    await page.getByTestId('save-draft').click();
    await page.getByTestId('invoice-detail').waitFor();
    await page.getByTestId('invoice-detail').getByText(shown).first().waitFor();
    const drafts = await call('invoice.list', { status: ['draft'], limit: 10 });
    assert.ok(
      drafts.items.some((i) => i.totals.total === expected && i.lines[0]?.description === 'خبز بلدي — 12 loaves'),
    );
    assert.deepEqual(problems, []);
  });
}

test('the language is a setting: chosen in Settings it replaces the browser language, and it sticks', async () => {
  const { s } = await seededServices();
  const call = caller(s);
  const { host, page, problems } = await openApp(s, { locale: 'ar-EG' });
  await page.goto(host.openUrl);
  await page.getByRole('heading', { level: 1, name: 'الفواتير' }).waitFor();
  const langOf = async () => {
    const { language, digits } = await call('app.preferences', {});
    return { language, digits };
  };
  assert.deepEqual(await langOf(), { language: null, digits: 'latn' });

  await page.locator('nav.sidebar button.nav').nth(NAV.settings).click();
  await page.getByTestId('language-select').selectOption('es');
  await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.deepEqual(await langOf(), { language: 'es', digits: 'latn' });

  // A new start (same browser language) opens in the chosen language.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Facturas' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');

  // Changed elsewhere (here the contract, as `kassa preferences set` would): the open app follows at once,
  // and Arabic-Indic digits show when chosen.
  await call('app.setPreferences', { language: 'ar', digits: 'arab' });
  await page.getByRole('heading', { level: 1, name: 'الفواتير' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByTestId('dashboard').getByText(/[٠-٩]/).first().waitFor();
  assert.deepEqual(problems, []);
});
