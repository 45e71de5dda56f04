/// <reference lib="dom" />
/**
 * A keyboard user keeps their place in a virtualised list (issue 18): the row that has the focus stays in the page
 * (at its own position) while the mouse wheel scrolls the list far away, so the focus does not fall to the page's
 * body; Tab leaves the list and Shift+Tab comes back to that row; the arrows go on from it (scrolling it back into
 * view).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedInvoices } from '../bench/seed-invoices';
import { openApp } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

const ROW_H = 40; // renderer/src/components/VirtualList.tsx

test('the focused invoice row keeps the focus when the list is scrolled far away with the mouse', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  seedInvoices(s.ledger.db, 300, 8);
  const { host, page, problems } = await openApp(s, { locale: 'en-US' });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(host.openUrl);
  const row = (i: number) => page.locator(`tr[data-testid="invoice-row"][data-index="${i}"]`);
  await row(0).waitFor();

  // Keyboard to the fourth row.
  await row(0).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const focused = (): Promise<string | null> =>
    page.evaluate(() => document.activeElement?.getAttribute('data-index') ?? document.activeElement?.tagName ?? null);
  assert.equal(await focused(), '3');
  const number = await row(3).locator('td').first().textContent();

  // The wheel takes the list 200 rows down: rows near the top leave the page, the focused one does not.
  const box = page.getByTestId('invoice-scroll');
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.wheel(0, 200 * ROW_H);
  await row(200).waitFor();
  assert.equal(await row(10).count(), 0, 'rows far from the view left the page');
  assert.equal(await focused(), '3', 'the focus stayed on the row');
  assert.equal(await row(3).locator('td').first().textContent(), number);
  assert.ok((await box.evaluate((el) => el.scrollTop)) > 150 * ROW_H, 'the list stayed where the wheel took it');
  // Still the one row in the tab order, at its own position in the list (the spacers keep every row's place).
  assert.equal(await page.locator('tr[data-testid="invoice-row"][tabindex="0"]').getAttribute('data-index'), '3');
  assert.equal(
    await box.evaluate((el) => {
      const r = el.querySelector<HTMLElement>('tr[data-index="3"]')!;
      return r.offsetTop;
    }),
    4 * ROW_H,
  );

  // Tab out and back: the same row.
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(), '3');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), '3');

  // The arrows go on from there and bring it back into view.
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '4');
  const top = await box.evaluate((el) => el.scrollTop);
  assert.ok(top <= 4 * ROW_H, `scrolled back to the row (scrollTop ${top})`);
  assert.deepEqual(problems, []);
});
