/// <reference lib="dom" />
/**
 * The customers and quotes lists on the one virtualised list the invoices use (issue 18): an empty state first, then
 * the count, only the rows in view in the page, the ledger's row at every position (the end after a jump, by its
 * offset), rows reached with the keyboard and opened with Enter, the count following a search, a filter and a
 * change made elsewhere; no serious or critical axe finding; in English and Arabic, with screenshots.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedInvoices } from '../bench/seed-invoices';
import { seriousFindings } from '../helpers/axe';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

const CUSTOMERS = 130;
const QUOTES = 75;

/** The screen's button in the side bar (SCREENS order in renderer/src/App.tsx). */
const go = (page: Page, screen: 'quotes' | 'customers') =>
  page
    .locator('nav.sidebar button.nav')
    .nth(screen === 'quotes' ? 1 : 4)
    .click();

const rowAt = (page: Page, list: 'customer' | 'quote', i: number) =>
  page.locator(`tr[data-testid="${list}-row"][data-index="${i}"]`);

const countOf = (page: Page, list: 'customer' | 'quote') =>
  page.getByTestId(`${list}-list-count`).getAttribute('data-count');

const focused = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-index') ?? null);

for (const [lang, locale] of [
  ['en', 'en-US'],
  ['ar', 'ar-EG'],
] as const) {
  test(`${lang}: customers and quotes are one scrolling list each, counted, keyboard-reachable, empty states first`, async () => {
    const s = await testServices({ runtime: 'browser-host' });
    const call = caller(s);
    await call('app.setPreferences', { setup: 'done' });
    const { host, page, problems } = await openApp(s, { locale });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(host.openUrl);
    await page.getByTestId('new-invoice').waitFor();

    // Nothing yet: each list says so (in the reader's language), no table.
    await go(page, 'customers');
    const noCustomers = page.getByTestId('no-customers');
    await noCustomers.waitFor();
    if (lang === 'en') assert.equal(await noCustomers.textContent(), 'No customers yet.');
    else assert.match((await noCustomers.textContent()) ?? '', /[\u0600-\u06FF]/);
    assert.equal(await page.getByTestId('customer-table').count(), 0);
    await page.screenshot({ path: path.join(resultsDir(), `customer-list-empty-${lang}.png`), fullPage: true });
    await go(page, 'quotes');
    await page.getByTestId('no-quotes').waitFor();
    assert.equal(await page.getByTestId('quote-table').count(), 0);
    await page.screenshot({ path: path.join(resultsDir(), `quote-list-empty-${lang}.png`), fullPage: true });

    // Customers (names from the benchmarks' vocabulary) and quotes.
    seedInvoices(s.ledger.db, 0, CUSTOMERS);
    const customers = await call('customer.list', { limit: 500 });
    for (let i = 0; i < QUOTES; i++) {
      const c = customers.items[i % 7]!;
      await call('quote.create', {
        customerId: c.id,
        lines: [{ description: `Item ${i}`, quantity: '1', unitPrice: 1_000 + i, taxRate: '14', taxCategory: 'S' }],
      });
    }
    await page.reload();
    await page.getByTestId('new-invoice').waitFor();

    for (const [list, total] of [
      ['customer', CUSTOMERS],
      ['quote', QUOTES],
    ] as const) {
      await go(page, list === 'customer' ? 'customers' : 'quotes');
      await rowAt(page, list, 0).waitFor();
      assert.equal(await countOf(page, list), String(total));
      assert.equal(await page.getByTestId(`${list}-table`).getAttribute('aria-rowcount'), String(total + 1));
      const rendered = await page.locator(`tr[data-testid="${list}-row"]`).count();
      assert.ok(rendered < 40, `${list} rows in the page: ${rendered} of ${total}`);

      // A jump to the end shows the ledger's last row (read by its offset).
      await page.getByTestId(`${list}-scroll`).evaluate((b) => (b.scrollTop = b.scrollHeight));
      await rowAt(page, list, total - 1).waitFor();
      const lastWant =
        list === 'customer'
          ? (await call('customer.list', { limit: 1, offset: total - 1 })).items[0]!.name
          : (await call('quote.list', { limit: 1, offset: total - 1 })).items[0]!.number;
      assert.equal(
        await rowAt(page, list, total - 1)
          .locator('td')
          .first()
          .textContent(),
        lastWant,
      );
      assert.deepEqual(await seriousFindings(page), [], `axe on the ${list} list scrolled to its end`);
      await page.screenshot({ path: path.join(resultsDir(), `${list}-list-end-${lang}.png`), fullPage: true });

      // Keyboard: the row in the tab order, Home, arrows, End, and Enter opens what the row shows.
      await rowAt(page, list, total - 1).focus();
      await page.keyboard.press('Home');
      await rowAt(page, list, 0).waitFor();
      assert.equal(await focused(page), '0');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), '2');
      const shown = (await rowAt(page, list, 2).locator('td').first().textContent()) ?? '';
      await page.keyboard.press('Enter');
      if (list === 'customer') {
        await page.getByTestId('customer-form').waitFor();
        assert.equal(await page.getByTestId('customer-name').inputValue(), shown);
      } else {
        await page.getByTestId('quote-detail').getByText(shown).first().waitFor();
      }
      await page.screenshot({ path: path.join(resultsDir(), `${list}-list-open-${lang}.png`), fullPage: true });
    }

    // A search (Enter does not wait for the typing pause) and a status filter: the count is the ledger's.
    await go(page, 'customers');
    const q = customers.items[3]!.name;
    await page.getByTestId('customer-search').fill(q);
    await page.getByTestId('customer-search').press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="customer-list-count"]')?.getAttribute('data-count') === '1',
    );
    assert.equal(await rowAt(page, 'customer', 0).locator('td').first().textContent(), q);
    await page.getByTestId('customer-search').fill('no such customer anywhere');
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('no-customers').waitFor();
    await go(page, 'quotes');
    await page.getByTestId('quote-status-filter').selectOption('accepted');
    await page.getByTestId('no-quotes').waitFor();
    await page.getByTestId('quote-status-filter').selectOption('open');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="quote-list-count"]')?.getAttribute('data-count') === String(n),
      QUOTES,
    );
    // A change made elsewhere (the CLI, a sync): the counts follow without a reload.
    const countIs = (list: string, n: number) =>
      page.waitForFunction(
        ([l, want]) =>
          document.querySelector(`[data-testid="${l}-list-count"]`)?.getAttribute('data-count') === String(want),
        [list, n] as const,
      );
    await call('quote.create', {
      customerId: customers.items[0]!.id,
      lines: [{ description: 'Late', quantity: '1', unitPrice: 500, taxRate: '14', taxCategory: 'S' }],
    });
    await countIs('quote', QUOTES + 1);
    await go(page, 'customers');
    await page.getByTestId('customer-search').fill('');
    await page.getByTestId('customer-search').press('Enter');
    await countIs('customer', CUSTOMERS);
    await call('customer.create', { name: 'Zanzibar Spice Traders' });
    await countIs('customer', CUSTOMERS + 1);
    assert.deepEqual(await seriousFindings(page), []);
    assert.deepEqual(problems, []);
  });
}
