import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { caller, testServices } from '../helpers/services';
import { openApp, resultsDir } from '../helpers/browser';

test('the browser host serves the shell, which shows live data from the ledger', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const { host, page, problems } = await openApp(s);
  const info = await caller(s)('app.info', {});

  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(host.openUrl);

  const facts = page.getByTestId('app-facts');
  await facts.getByText(`Ledger: ${info.ledgerFile}`).waitFor();
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  assert.equal(await page.getByTestId('invoice-count').textContent(), plural(info.invoiceCount, 'invoice', 'invoices'));
  assert.equal(
    await page.getByTestId('customer-count').textContent(),
    plural(info.customerCount, 'customer', 'customers'),
  );
  // The token left the address bar once read.
  assert.ok(!page.url().includes('token='), page.url());

  // Live: a change made by another client (here the contract, as the CLI would) shows up without a reload.
  await caller(s)('customer.create', { name: 'Live Data Ltd' });
  await page
    .getByTestId('customer-count')
    .getByText(plural(info.customerCount + 1, 'customer', 'customers'), { exact: true })
    .waitFor();

  for (const name of ['Customers', 'Settings', 'Invoices']) {
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }
  await page.screenshot({ path: path.join(resultsDir(), 'shell.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('without the token the page shows a clear error instead of data', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const { host, page } = await openApp(s);
  await page.goto(host.url);
  await page.getByTestId('app-facts').getByText(/token/i).waitFor();
});
