/// <reference lib="dom" />
/**
 * The invoice list at scale (issue 18): the total count, one scrolling list whose rows are read page by page as
 * they come into view (only the rows in view are in the page), the row at any position being the ledger's row at
 * that position (after a jump to the middle or the end, and after a change in the ledger), screen-reader positions,
 * keyboard moves through the whole list, search and filters; in English and Arabic (rows keep their height).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedInvoices } from '../bench/seed-invoices';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

const ROW_H = 40; // renderer/src/components/VirtualList.tsx

const scroll = (page: Page, to: 'end' | number): Promise<void> =>
  page.evaluate((t) => {
    const b = document.querySelector('[data-testid="invoice-scroll"]')!;
    b.scrollTop = t === 'end' ? b.scrollHeight : t;
  }, to);

/** The row at this index of the whole list, once its page is read. */
const rowAt = (page: Page, i: number) => page.locator(`tr[data-testid="invoice-row"][data-index="${i}"]`);

for (const [lang, locale] of [
  ['en', 'en-US'],
  ['ar', 'ar-EG'],
] as const) {
  test(`${lang}: the invoice list shows the count and scrolls through every invoice, reading only what is in view`, async () => {
    const s = await testServices({ runtime: 'browser-host' });
    const call = caller(s);
    await call('app.setPreferences', { setup: 'done' });
    seedInvoices(s.ledger.db, 400, 12);
    const total = (await call('invoice.count', {})).count;
    assert.ok(total >= 400, `seeded ${total}`);
    const { host, page, problems } = await openApp(s, { locale });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(host.openUrl);
    await rowAt(page, 0).waitFor();

    // The count, and the positions screen readers hear.
    const count = page.getByTestId('invoice-list-count');
    assert.equal(await count.getAttribute('data-count'), String(total));
    assert.match((await count.textContent()) ?? '', new RegExp(lang === 'en' ? `^${total} invoices$` : `^${total} `));
    assert.equal(await page.getByTestId('invoice-table').getAttribute('aria-rowcount'), String(total + 1));
    assert.equal(await rowAt(page, 0).getAttribute('aria-rowindex'), '2');

    // Only the rows in view (and a margin) are in the page, each of the height the list counts with.
    const rendered = (): Promise<number> => page.locator('tr[data-testid="invoice-row"]').count();
    assert.ok((await rendered()) < 60, `rows in the page: ${await rendered()} of ${total}`);
    const heights = await page
      .locator('tr[data-testid="invoice-row"]')
      .evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).getBoundingClientRect().height))]);
    assert.deepEqual(heights, [ROW_H]);

    // The row at each position is the ledger's row at that position (newest first): the last, and the middle.
    const number = async (offset: number): Promise<string> => {
      const inv = (await call('invoice.list', { limit: 1, offset })).items[0]!;
      return inv.number ?? (lang === 'en' ? 'draft' : 'مسودة');
    };
    await scroll(page, 'end');
    await rowAt(page, total - 1).waitFor();
    assert.equal(
      await rowAt(page, total - 1)
        .locator('td')
        .first()
        .textContent(),
      await number(total - 1),
    );
    assert.equal(await rowAt(page, total - 1).getAttribute('aria-rowindex'), String(total + 1));
    // The first rows left the page, but for the one in the tab order (it keeps a keyboard user's place).
    assert.equal(await rowAt(page, 1).count(), 0, 'the first rows left the page');
    assert.equal(await rowAt(page, 0).getAttribute('tabindex'), '0');
    const middle = Math.floor(total / 2);
    await scroll(page, middle * ROW_H);
    await rowAt(page, middle).waitFor();
    assert.equal(await rowAt(page, middle).locator('td').first().textContent(), await number(middle));
    await page.screenshot({ path: path.join(resultsDir(), `invoice-list-middle-${lang}.png`) });
    assert.ok((await rendered()) < 60);

    // Keyboard: Home, End, arrows and Page Down move the focus through the whole list; Enter opens.
    await rowAt(page, middle).focus();
    const focused = (): Promise<string | null> =>
      page.evaluate(() => document.activeElement?.getAttribute('data-index') ?? null);
    await page.keyboard.press('Home');
    await rowAt(page, 0).waitFor();
    assert.equal(await focused(), '0');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), '1');
    await page.keyboard.press('PageDown');
    assert.ok(Number(await focused()) > 5, `Page Down went to ${await focused()}`);
    await page.keyboard.press('End');
    await page.waitForFunction((i) => document.activeElement?.getAttribute('data-index') === String(i), total - 1);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), String(total - 2));
    assert.equal(await page.locator('tr[data-testid="invoice-row"][tabindex="0"]').count(), 1, 'one row in tab order');
    const opened = await number(total - 2);
    await page.keyboard.press('Enter');
    await page.getByTestId('invoice-detail').waitFor();
    if (/\d/.test(opened)) await page.getByTestId('invoice-number').getByText(opened).waitFor();
    await page
      .getByTestId('invoice-detail')
      .getByRole('button', { name: lang === 'en' ? 'Close' : 'إغلاق' })
      .click();

    // A change in the ledger: the count follows and rows after the first page are still the ledger's own.
    const customer = await call('customer.create', { name: 'Zanzibar Spice Traders' });
    await call('invoice.create', {
      customerId: customer.id,
      currency: 'EGP',
      lines: [{ description: 'Cloves', quantity: '1', unitPrice: 1_000, taxRate: '14', taxCategory: 'S' }],
    });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="invoice-list-count"]')?.getAttribute('data-count') === String(n),
      total + 1,
    );
    await scroll(page, 0);
    await rowAt(page, 0).filter({ hasText: 'Zanzibar Spice Traders' }).waitFor();
    await scroll(page, 60 * ROW_H);
    await rowAt(page, 60).waitFor();
    await page.waitForFunction(([i, n]) => document.querySelector(`tr[data-index="${i}"] td`)?.textContent === n, [
      60,
      await number(60),
    ] as const);

    // Search (Enter does not wait for the typing pause) and a status filter: the count is the ledger's count.
    // Until the new count is in, the list and its count stay as they were (the page does not empty and refill).
    await page.evaluate(() => {
      const w = window as { gaps?: number };
      w.gaps = 0;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="invoice-list-count"]') || !document.querySelector('tbody tr'))
          w.gaps = (w.gaps ?? 0) + 1;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const q = 'Zanzibar';
    await page.getByTestId('invoice-search').fill(q);
    await page.getByTestId('invoice-search').press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="invoice-list-count"]')?.getAttribute('data-count') === '1',
    );
    assert.equal(await page.evaluate(() => (window as { gaps?: number }).gaps), 0, 'the list never left the page');
    assert.match((await rowAt(page, 0).textContent()) ?? '', /Zanzibar Spice Traders/);
    await page.getByTestId('invoice-search').fill('');
    await page.getByTestId('invoice-search').press('Enter');
    await page.getByTestId('status-filter').selectOption('paid');
    const paid = (await call('invoice.count', { status: ['paid'] })).count;
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="invoice-list-count"]')?.getAttribute('data-count') === String(n),
      paid,
    );
    await scroll(page, 'end');
    await rowAt(page, paid - 1).waitFor();
    const statuses = await page.getByTestId('invoice-status').allTextContents();
    assert.deepEqual([...new Set(statuses)], [lang === 'en' ? 'Paid' : 'مدفوعة']);
    assert.deepEqual(problems, []);
  });
}
