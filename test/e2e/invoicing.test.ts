/// <reference lib="dom" />
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { formatMoney } from '../../shared/money';
import { computeTotals } from '../../shared/totals';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

test('a user creates a customer and an invoice, issues it and records a payment — all through the UI', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  const { host, page, problems } = await openApp(s);
  const profile = await call('profile.get', {});

  page.on('response', (r) => r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(host.openUrl);

  // Customer
  await page.getByRole('button', { name: 'Customers', exact: true }).click();
  await page.getByTestId('new-customer').click();
  await page.getByTestId('customer-name').fill('Nile Bakery');
  await page.getByTestId('customer-email').fill('orders@nile.example');
  await page.getByTestId('save-customer').click();
  await page.getByTestId('customer-row').filter({ hasText: 'Nile Bakery' }).waitFor();

  // Draft with two lines; the totals update live as the user types.
  await page.getByRole('button', { name: 'Invoices', exact: true }).click();
  await page.getByTestId('new-invoice').click();
  await page.getByTestId('customer-select').selectOption({ label: 'Nile Bakery' });
  await page.getByTestId('currency').fill('EUR');
  const rows = page.getByTestId('line-row');
  await rows.nth(0).getByTestId('line-description').fill('Sourdough loaves');
  await rows.nth(0).getByTestId('line-quantity').fill('3');
  await rows.nth(0).getByTestId('line-price').fill('4.35');
  await page.getByTestId('add-line').click();
  await rows.nth(1).getByTestId('line-description').fill('Delivery');
  await rows.nth(1).getByTestId('line-quantity').fill('1');
  await rows.nth(1).getByTestId('line-price').fill('2.50');

  const created = await call('invoice.list', {});
  assert.equal(created.items.length, 0, 'nothing is written before the user saves');
  await page.getByTestId('save-draft').click();
  await page.getByTestId('invoice-detail').waitFor();

  const list = await call('invoice.list', {});
  assert.equal(list.items.length, 1);
  const draft = await call('invoice.get', { id: list.items[0]!.id });
  assert.equal(draft.status, 'draft');
  assert.deepEqual(
    draft.lines.map((l) => [l.description, l.quantity, l.unitPrice]),
    [
      ['Sourdough loaves', '3', 435],
      ['Delivery', '1', 250],
    ],
  );
  const expected = computeTotals(draft.lines, draft.discount);
  assert.equal(draft.totals.total, expected.total);
  await page
    .getByTestId('invoice-detail')
    .getByText(formatMoney(expected.total, 'EUR', profile.locale))
    .first()
    .waitFor();

  // Issue: the next number of the gapless series.
  await page.getByTestId('issue').click();
  await page.getByTestId('confirm-issue').click();
  await page
    .getByTestId('invoice-number')
    .getByText(/INV-\d{4}-0001/)
    .waitFor();

  // Pay the whole balance.
  await page.getByTestId('record-payment').click();
  await page.getByTestId('pay-amount').fill((expected.total / 100).toFixed(2));
  await page.getByTestId('confirm-payment').click();
  await page
    .getByTestId('invoice-balance')
    .getByText(formatMoney(0, 'EUR', profile.locale))
    .waitFor();

  const paid = await call('invoice.get', { id: draft.id });
  assert.equal(paid.status, 'paid');
  assert.equal(paid.number, `INV-${paid.issueDate!.slice(0, 4)}-0001`);
  assert.equal(paid.paid, expected.total);
  await page.screenshot({ path: path.join(resultsDir(), 'invoice-paid.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
