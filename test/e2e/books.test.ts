/// <reference lib="dom" />
/**
 * The Bookkeeping screen in Chromium against the browser host: close a period (and be refused closing it twice),
 * read the VAT summary, see the record intact, make an archive with progress and verify it, reopen with a reason;
 * the same screen in Arabic, right to left. Screenshots in test-results/books-*.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

async function seeded(locale: string) {
  const s = await testServices({ runtime: 'browser-host', now: () => new Date('2026-04-10T10:00:00Z') });
  const call = caller(s);
  await call('profile.set', { name: 'Nile Bakery', vatId: 'EG123456789', address: { city: 'Cairo', country: 'EG' } });
  const c = await call('customer.create', { name: 'Delta Traders', address: { country: 'EG' } });
  const issue = async (day: string, lines: Array<Record<string, unknown>>) => {
    const d = await call('invoice.create', { customerId: c.id, currency: 'EGP', lines: lines as never });
    return call('invoice.issue', { id: d.id, issueDate: day });
  };
  const base = { description: 'Bread', quantity: '10', unitPrice: 2_500 };
  const a = await issue('2026-03-03', [
    { ...base, taxRate: '14', taxCategory: 'S' },
    { ...base, description: 'Milk', taxRate: '0', taxCategory: 'E', exemptionReason: 'Basic food, Art. 12' },
  ]);
  await issue('2026-03-18', [{ ...base, unitPrice: 3_333, taxRate: '14', taxCategory: 'S' }]);
  await call('invoice.credit', {
    id: a.id,
    issueDate: '2026-03-25',
    lines: [{ ...base, quantity: '2', taxRate: '14', taxCategory: 'S' }] as never,
  });
  const { host, page, problems } = await openApp(s, { locale });
  await page.goto(host.openUrl);
  return { s, call, page, problems };
}

async function fillRange(page: Awaited<ReturnType<typeof seeded>>['page'], prefix: string): Promise<void> {
  await page.getByTestId(`${prefix}-from`).fill('2026-03-01');
  await page.getByTestId(`${prefix}-to`).fill('2026-03-31');
}

test('Bookkeeping: close a period, VAT summary, record, archive made and verified, reopen with a reason', async () => {
  const { call, page, problems } = await seeded('en-US');
  await page.getByRole('button', { name: 'Bookkeeping', exact: true }).click();
  const screen = page.getByTestId('books-screen');
  await screen.getByRole('heading', { name: 'Bookkeeping' }).waitFor();

  await page.getByTestId('period-input').fill('2026-03');
  await page.getByTestId('period-note').fill('VAT return filed');
  await page.getByTestId('period-close').click();
  await page.locator('[data-testid="closed-periods"] tr[data-period="2026-03"]').waitFor();
  await page.getByTestId('period-input').fill('2026-03');
  await page.getByTestId('period-close').click();
  await page.getByTestId('period-error').getByText('2026-03 is already closed.').waitFor();
  await page.getByTestId('period-input').fill('March');
  await page.getByTestId('period-close').click();
  await page
    .getByTestId('period-error')
    .getByText(/must be a month such as 2026-03/)
    .waitFor();

  await fillRange(page, 'vat');
  const egp = page.getByTestId('vat-EGP');
  await egp.waitFor();
  // 14 % of 25,000 + 14 % of 33,330 (each rounded on its invoice), less 14 % of the 5,000 credited.
  const netTax = await egp.getByTestId('vat-total-tax').textContent();
  assert.match(netTax ?? '', /74\.66/);
  await page
    .getByTestId('vat-state')
    .getByText(/Closed periods: 2026-03/)
    .waitFor();
  await page
    .getByTestId('record-ok')
    .getByText(/Intact: 4 entries/)
    .waitFor();

  await fillRange(page, 'archive');
  await page.getByTestId('archive-format').selectOption('xrechnung');
  await page.getByTestId('archive-start').click();
  await page.locator('[data-testid="archive-status"][data-state="done"]').waitFor({ timeout: 120_000 });
  await page
    .getByTestId('archive-status')
    .getByText(/Done: 3 documents/)
    .waitFor();
  await page.getByTestId('archive-verify').first().click();
  await page.locator('[data-testid="archive-verified"][data-ok="true"]').waitFor();
  await page
    .getByTestId('archive-verified')
    .getByText(/Verified: 11 files match the manifest/)
    .waitFor();
  await page.screenshot({ path: path.join(resultsDir(), 'books-en.png'), fullPage: true });

  await page.getByTestId('reopen-2026-03').click();
  await page.getByTestId('reopen-confirm').click();
  await page.getByTestId('period-error').waitFor();
  await page.getByTestId('reopen-reason').fill('Late supplier credit');
  await page.getByTestId('reopen-confirm').click();
  await page.getByText('No period is closed.').waitFor();
  const overview = await call('period.list', {});
  assert.deepEqual(
    overview.history.map((h) => [h.period, h.action, h.reason]),
    [
      ['2026-03', 'reopened', 'Late supplier credit'],
      ['2026-03', 'closed', 'VAT return filed'],
    ],
  );
  assert.deepEqual(problems, []);
});

test('Bookkeeping in Arabic: right to left, every label from the catalogue', async () => {
  const { call, page, problems } = await seeded('ar-EG');
  await call('period.close', { period: '2026-Q1', note: 'أُقدِّم الإقرار' });
  await page.getByRole('button', { name: 'المحاسبة', exact: true }).click();
  await page.getByTestId('books-screen').getByRole('heading', { name: 'المحاسبة' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.locator('[data-testid="closed-periods"] tr[data-period="2026-Q1"]').waitFor();
  await fillRange(page, 'vat');
  await page.getByTestId('vat-EGP').waitFor();
  await page.getByTestId('record-ok').waitFor();
  // The archive's progress and result (the same job form as the PDF export), in Arabic.
  await fillRange(page, 'archive');
  await page.getByTestId('archive-start').click();
  await page.locator('[data-testid="archive-status"][data-state="done"]').waitFor({ timeout: 120_000 });
  const progress = page.getByTestId('archive-progress');
  assert.equal(await progress.getAttribute('aria-valuenow'), await progress.getAttribute('aria-valuemax'));
  await page.screenshot({ path: path.join(resultsDir(), 'books-ar.png'), fullPage: true });
  const state = (await page.getByTestId('vat-state').textContent()) ?? '';
  assert.ok(state.includes('2026-Q1') && state.includes('الفترات'), state);
  assert.deepEqual(problems, []);
});
