/// <reference lib="dom" />
/**
 * Keyboard only: from a new customer to an issued invoice without the mouse (shortcuts, Tab, Enter, typing), rows
 * reached and opened with Enter, and the `?` overlay listing the shortcuts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

/** Presses Tab (or Shift+Tab) until the element with this test id has the focus. */
async function tabTo(page: Page, testId: string, back = false): Promise<void> {
  await page.getByTestId(testId).first().waitFor();
  const seen: string[] = [];
  for (let i = 0; i < 250; i++) {
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('data-testid') ?? el?.tagName ?? '';
    });
    if (at === testId) return;
    seen.push(at);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const state = await page.evaluate(
    (id) =>
      Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).map(
        (e) =>
          `${e.tagName} tabindex=${(e as HTMLElement).tabIndex} visible=${(e as HTMLElement).offsetParent !== null}`,
      ),
    testId,
  );
  await page.screenshot({ path: path.join(resultsDir(), `keyboard-failed-${testId}.png`), fullPage: true });
  assert.fail(`Tab never reached ${testId} (${state.join('; ')}); focus went through ${seen.slice(0, 40).join(' ')}`);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('keyboard only: new customer → new invoice → save → issue, rows open with Enter, ? lists the shortcuts', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  await call('profile.set', { defaultCurrency: 'EGP' });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('new-invoice').waitFor();
  // The mouse is never used below: a click would be a bug in the test.
  await page.evaluate(() =>
    document.addEventListener('mousedown', () => ((window as { mouse?: boolean }).mouse = true)),
  );

  // ? shows the shortcuts; Escape closes it.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await help.waitFor();
  for (const text of ['New invoice', 'New customer', 'Search the list', 'Save the form', 'Issue the draft shown'])
    await help.getByText(text).waitFor();
  assert.equal(await focusedTestId(page), 'shortcuts-close');
  await page.screenshot({ path: path.join(resultsDir(), 'keyboard-help.png'), fullPage: true });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // C: a new customer (from another screen: the shortcut opens Customers first).
  await page.keyboard.press('c');
  await page.getByTestId('customer-form').waitFor();
  await tabTo(page, 'customer-name');
  await page.keyboard.type('Nile Bakery');
  await tabTo(page, 'customer-country');
  await page.keyboard.type('Egypt');
  await page.keyboard.press('Control+s');
  await page.getByTestId('customer-row').filter({ hasText: 'Nile Bakery' }).waitFor();
  const c = (await call('customer.list', {})).items[0]!;
  assert.deepEqual([c.name, c.address.country], ['Nile Bakery', 'EG']);

  // N: a new invoice; fields reached with Tab, the customer chosen by typing in its list.
  await page.keyboard.press('n');
  await page.getByTestId('invoice-editor').waitFor();
  await tabTo(page, 'customer-select');
  await page.keyboard.type('Nile');
  await tabTo(page, 'line-description');
  await page.keyboard.type('Sourdough loaves');
  await tabTo(page, 'line-quantity');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3');
  await tabTo(page, 'line-price');
  await page.keyboard.type('43.50');
  await page.keyboard.press('Control+s');
  await page.getByTestId('invoice-detail').waitFor();
  const draft = (await call('invoice.list', {})).items[0]!;
  assert.equal(draft.customer.name, 'Nile Bakery');
  assert.equal(draft.status, 'draft');

  // I: issue; the confirmation reached with Tab and pressed with Enter.
  await page.keyboard.press('Escape'); // out of whatever field has the focus
  await page.keyboard.press('i');
  await tabTo(page, 'confirm-issue');
  await page.keyboard.press('Enter');
  await page
    .getByTestId('invoice-number')
    .getByText(/INV-\d{4}-0001/)
    .waitFor();
  assert.equal((await call('invoice.get', { id: draft.id })).status, 'issued');

  // Rows: reached with Tab, opened with Enter; / goes to the search box.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  assert.equal(await focusedTestId(page), 'invoice-search');
  assert.equal(await page.getByTestId('invoice-search').inputValue(), '', 'the / is not typed into the box');
  await tabTo(page, 'invoice-row');
  await page.keyboard.press('Enter');
  await page
    .getByTestId('invoice-detail')
    .getByText(/INV-\d{4}-0001/)
    .first()
    .waitFor();
  await page.keyboard.press('c');
  await page.getByTestId('customer-form').waitFor();
  await tabTo(page, 'customer-row');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('customer-name').inputValue(), 'Nile Bakery');
  await page.screenshot({ path: path.join(resultsDir(), 'keyboard-customer.png'), fullPage: true });

  assert.equal(await page.evaluate(() => (window as { mouse?: boolean }).mouse ?? false), false, 'no mouse used');
  assert.deepEqual(problems, []);
});

test('ar: the ? overlay lists the shortcuts in Arabic, right to left, and Escape closes it', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done', language: 'ar' });
  const { host, page, problems } = await openApp(s, { locale: 'ar-EG' });
  await page.goto(host.openUrl);
  await page.getByTestId('new-invoice').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await help.waitFor();
  await help.getByRole('heading', { name: 'اختصارات لوحة المفاتيح' }).waitFor();
  for (const text of [
    'فاتورة جديدة',
    'عميل جديد',
    'البحث في القائمة',
    'حفظ النموذج',
    'إصدار المسودة المعروضة',
    'إظهار هذه القائمة أو إخفاؤها',
    'التنقل بين الصفوف وفتح أحدها',
    'التنقل في قائمة الفواتير كلها',
  ])
    await help.getByText(text, { exact: true }).waitFor();
  // No English left in it, and the dialog is laid out right to left: each label sits left of its keys.
  assert.doesNotMatch((await help.textContent()) ?? '', /New invoice|Search|Save|Issue|Close|Move/);
  const rows = await help.locator('tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [keys, label] = Array.from(tr.querySelectorAll('td'), (td) => td.getBoundingClientRect());
      return { keysLeft: keys!.left, labelRight: label!.right, dir: getComputedStyle(tr).direction };
    }),
  );
  assert.ok(rows.length >= 8);
  for (const r of rows) {
    assert.equal(r.dir, 'rtl');
    assert.ok(r.labelRight <= r.keysLeft + 1, `label left of its keys: ${JSON.stringify(r)}`);
  }
  assert.equal(await focusedTestId(page), 'shortcuts-close');
  assert.equal((await page.getByTestId('shortcuts-close').textContent())?.trim(), 'إغلاق');
  await page.screenshot({ path: path.join(resultsDir(), 'keyboard-help-ar.png'), fullPage: true });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});
