/// <reference lib="dom" />
/** A line description that is one long word stays inside the invoice panel (it pushed the table out before). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

test('a long word without spaces wraps inside the invoice panel', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  const word = 'Supercalifragilisticexpialidocious'.repeat(8);
  await call('invoice.create', {
    currency: 'EUR',
    lines: [{ description: word, quantity: '1', unitPrice: 1_000, taxRate: '14', taxCategory: 'S' }],
  });
  const { host, page, problems } = await openApp(s);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(host.openUrl);
  await page.getByTestId('invoice-row').first().click();
  const detail = page.getByTestId('invoice-detail');
  await detail.getByText(word.slice(0, 20)).first().waitFor();
  const widths = await detail.evaluate((panel) => {
    const table = panel.querySelector('table.lines') as HTMLElement;
    return { panel: panel.getBoundingClientRect().right, table: table.getBoundingClientRect().right };
  });
  await page.screenshot({ path: path.join(resultsDir(), 'long-word.png'), fullPage: true });
  assert.ok(widths.table <= widths.panel + 0.5, `table ends at ${widths.table}, panel at ${widths.panel}`);
  assert.deepEqual(problems, []);
});
