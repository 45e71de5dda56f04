/// <reference lib="dom" />
/**
 * UI flows found broken in review: each test drives the real renderer in Chromium against the browser host.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

async function open() {
  const s = await testServices({ runtime: 'browser-host' });
  await caller(s)('app.setPreferences', { setup: 'done' }); // past the first-start setup (first-start.test.ts)
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  return { s, call: caller(s), page, problems };
}

test('a PDF export that finishes at once (no invoice in the range) shows Done, not a job running for ever', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: 'PDF export', exact: true }).click();
  await page.getByTestId('pdf-export-from').fill('1990-01-01');
  await page.getByTestId('pdf-export-to').fill('1990-01-31');
  await page.getByTestId('pdf-export-start').click();
  const status = page.getByTestId('pdf-export-status');
  await status.getByText('Done').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('pdf-export-cancel').count(), 0, 'no Cancel button for a finished job');
  await page.screenshot({ path: path.join(resultsDir(), 'pdf-export-empty.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('"New invoice" while a draft is being edited opens an empty form, not a copy of that draft', async () => {
  const { call, page, problems } = await open();
  const draft = await call('invoice.create', {
    currency: 'EUR',
    lines: [{ description: 'Sourdough loaves', quantity: '3', unitPrice: 435, taxRate: '14', taxCategory: 'S' }],
  });
  await page.getByTestId('invoice-row').first().click();
  await page.getByTestId('edit-draft').click();
  const editor = page.getByTestId('invoice-editor');
  await editor.getByText('Edit draft').waitFor();
  assert.equal(await editor.getByTestId('line-description').first().inputValue(), 'Sourdough loaves');

  await page.getByTestId('new-invoice').click();
  await editor.getByRole('heading', { name: 'New invoice' }).waitFor();
  assert.equal(await editor.getByTestId('line-description').first().inputValue(), '');
  assert.equal(await editor.getByTestId('line-price').first().inputValue(), '');
  assert.equal(await editor.getByTestId('currency').inputValue(), '');
  await page.screenshot({ path: path.join(resultsDir(), 'new-after-edit.png'), fullPage: true });
  assert.equal((await call('invoice.list', {})).items.length, 1);
  assert.equal((await call('invoice.get', { id: draft.id })).lines[0]?.description, 'Sourdough loaves');
  assert.deepEqual(problems, []);
});
