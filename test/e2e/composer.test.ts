/**
 * The renderer reads main's data through one query cache and checks forms with the contract's own schemas:
 * the composer words a problem exactly as the server would (no regex of its own), marks the field, and the
 * lists and dashboard follow changes made elsewhere (here through the contract, as the CLI would).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lineInput } from '../../shared/contract/invoices';
import { validate } from '../../shared/contract/validation';
import { englishMessage } from '../../shared/i18n/english';
import { openApp } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

test('the composer words problems with the contract schema and marks the field', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  await caller(s)('app.setPreferences', { setup: 'done' }); // past the first-start setup (first-start.test.ts)
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('new-invoice').click();
  // A fresh form shows no problem for fields nobody has touched yet.
  await page.getByTestId('invoice-editor').waitFor();
  assert.equal(await page.getByTestId('form-error').count(), 0);

  const row = page.getByTestId('line-row').first();
  await row.getByTestId('line-description').fill('Consulting');
  await row.getByTestId('line-price').fill('100');
  await row.getByTestId('line-quantity').fill('1.2345');
  const bad = validate(lineInput, {
    description: 'Consulting',
    quantity: '1.2345',
    unitPrice: 10000,
    taxRate: '14',
    taxCategory: 'S',
  });
  assert.equal(bad.ok, false);
  const expected = `Line 1: ${englishMessage(!bad.ok ? bad.problem : { key: '' })}`;
  assert.equal(expected, 'Line 1: quantity must be a positive decimal with at most 3 decimal places (e.g. "1.5").');
  await page.getByTestId('form-error').getByText(expected, { exact: true }).waitFor();
  assert.equal(await row.getByTestId('line-quantity').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('total').textContent(), '—', 'no totals from an invalid line');

  await row.getByTestId('line-quantity').fill('2');
  await page.getByTestId('form-error').waitFor({ state: 'detached' });
  await page.getByTestId('total').getByText(/228/).waitFor();

  // A rule across fields, from the same schema: the due date before the issue date.
  const dates = page.getByTestId('invoice-editor').locator('input[type=date]');
  await dates.nth(0).fill('2026-03-10');
  await dates.nth(1).fill('2026-03-01');
  await page
    .getByTestId('form-error')
    .getByText('The due date must not be before the issue date.', { exact: true })
    .waitFor();
  assert.deepEqual(problems, []);
});

test('lists and the dashboard follow changes made elsewhere, without a reload', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' }); // past the first-start setup (first-start.test.ts)
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('no-invoices').waitFor();

  const customer = await call('customer.create', { name: 'Cairo Print House' });
  const draft = await call('invoice.create', {
    customerId: customer.id,
    currency: 'EGP',
    lines: [{ description: 'Posters', quantity: '10', unitPrice: 2500, taxRate: '14', taxCategory: 'S' }],
  });
  await page.getByTestId('invoice-row').filter({ hasText: 'Cairo Print House' }).waitFor();
  await call('invoice.issue', { id: draft.id });
  // The dashboard appears with the issued invoice's currency once main reports the change.
  await page.getByTestId('dashboard').getByText('EGP', { exact: true }).waitFor();
  assert.deepEqual(problems, []);
});

test('the renderer has one error component and fetches only through the query cache', () => {
  const root = path.join(__dirname, '..', '..', 'renderer', 'src');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
  const errorComponents = files.filter(({ text }) => /function ErrorLine\b/.test(text)).map(({ f }) => f);
  assert.deepEqual(errorComponents, [path.join('components', 'ErrorLine.tsx')]);
  // Reads (list/get/status/history) go through useQuery; call() is for actions.
  const reads = files
    .filter(({ f }) => f !== path.join('data', 'queries.ts'))
    .flatMap(({ f, text }) =>
      [...text.matchAll(/call\('([a-zA-Z]+\.(?:list|get|info|status|history|totals))'/g)].map((m) => `${f}: ${m[1]}`),
    );
  assert.deepEqual(reads, []);
});
