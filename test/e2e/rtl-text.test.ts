/// <reference lib="dom" />
/**
 * Right-to-left display in Chromium (issues 14 and 18): where each character actually lands on screen, measured
 * from the page's own layout (Range rectangles), not from the text.
 * - An amount keeps its order inside Arabic text: "US$ 99.00" reads whole with the sign on the left, where it ends
 *   a line (the invoice list) and where other text follows it (the dashboard: amount, then the count).
 * - A Latin code inside an Arabic message keeps its order (the Period field's message: 2026-Q1, not Q1-2026).
 * - A long Latin description in the Arabic composer shows its beginning, not its end.
 * - The invoice list shows money owed back to the customer in words, as the invoice page does, never "-216.00".
 * Screenshots under test-results/rtl/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createTranslator } from '../../shared/i18n/catalogue';
import { intlLocale, type Language } from '../../shared/i18n/languages';
import { formatMoney } from '../../shared/money';
import { resultsDir } from '../helpers/browser';
import { NAV, openSeeded } from '../helpers/screens';

const shots = (): string => {
  const dir = path.join(resultsDir(), 'rtl');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** The screen x (left edge) of each character of the first `needle` in the element's text. */
async function charLefts(el: Locator, needle: string): Promise<number[]> {
  return el.evaluate((root, want) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const all = nodes.map((n) => n.data).join('');
    const at = all.indexOf(want);
    if (at < 0) throw new Error(`${JSON.stringify(want)} not in ${JSON.stringify(all)}`);
    const lefts: number[] = [];
    for (let i = at; i < at + want.length; i++) {
      let k = i;
      const node = nodes.find((n) => (k < n.data.length ? true : ((k -= n.data.length), false)))!;
      const r = document.createRange();
      r.setStart(node, k);
      r.setEnd(node, k + 1);
      lefts.push(r.getBoundingClientRect().left);
    }
    return lefts;
  }, needle);
}

const increasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? -Infinity));

/** "US$" reads left to right and stands left of its number (the Arabic order of "99.00 US$"). */
async function assertUsdReadable(el: Locator, number: string): Promise<void> {
  const sign = await charLefts(el, 'US$');
  const digits = await charLefts(el, number);
  assert.ok(increasing(sign), `"US$" drawn in order: x=${sign.join(', ')}`);
  assert.ok(increasing(digits), `"${number}" drawn in order: x=${digits.join(', ')}`);
  assert.ok(Math.max(...sign) < Math.min(...digits), `the sign left of the number: ${sign} / ${digits}`);
}

test('ar: a USD amount reads "US$ 99.00" where it ends a line (the list) and where text follows it (the dashboard)', async () => {
  const { page, problems } = await openSeeded('ar-EG');
  await page.getByTestId('invoice-row').first().waitFor();
  const usdRow = page.getByTestId('invoice-row').filter({ hasText: 'US$' }).first();
  // The seed's USD invoice of 99.00, as the app formats it for Arabic readers.
  const shown = formatMoney(9_900, 'USD', intlLocale('ar'));
  await usdRow.locator('td.num').first().getByText(shown).waitFor();
  await assertUsdReadable(usdRow.locator('td.num').first(), '99.00');
  const card = page.getByTestId('dashboard').locator('.stat').filter({ hasText: 'USD' });
  const outstanding = card.locator('div', { has: page.locator('strong') }).first();
  await outstanding.getByText(shown).waitFor();
  await assertUsdReadable(outstanding, '99.00');
  await page.screenshot({ path: path.join(shots(), 'ar-invoices.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('ar: a Latin code inside an Arabic message keeps its order (2026-Q1 in the Period field message)', async () => {
  const { page, problems } = await openSeeded('ar-EG');
  await page.locator('nav.sidebar button.nav').nth(NAV.books).click();
  await page.getByTestId('period-input').fill('2026-13');
  await page.getByTestId('period-close').click();
  const error = page.getByTestId('period-error');
  await error.waitFor();
  for (const code of ['2026-Q1', '2026-03']) {
    const xs = await charLefts(error, code);
    // Left to right as written: "2026" before "Q1" / "03".
    assert.ok(Math.max(...xs.slice(0, 4)) < Math.min(...xs.slice(5)), `${code}: x=${xs.join(', ')}`);
  }
  await page.getByTestId('books-periods').screenshot({ path: path.join(shots(), 'ar-books-period-error.png') });
  await page.getByTestId('period-input').fill('');
  await page.getByTestId('books-periods').screenshot({ path: path.join(shots(), 'ar-books-period-hint.png') });
  assert.deepEqual(problems, []);
});

test('ar: Latin text a user typed keeps its own order in Arabic screens ("Acme Inc." in the list and the invoice)', async () => {
  const { call, page, problems } = await openSeeded('ar-EG');
  const c = await call('customer.create', { name: 'Acme Inc.' });
  const draft = await call('invoice.create', {
    customerId: c.id,
    currency: 'EGP',
    lines: [{ description: 'Logo (2 drafts).', quantity: '1', unitPrice: 10_000, taxRate: '14', taxCategory: 'S' }],
    notes: 'Thanks for your order!',
  });
  const inv = await call('invoice.issue', { id: draft.id });
  const row = page.getByTestId('invoice-row').filter({ hasText: inv.number! });
  await row.waitFor();
  // Before: the trailing "." took the Arabic line's direction and stood left of "Acme".
  assert.ok(increasing(await charLefts(row.locator('td').nth(1), 'Acme Inc.')), 'the customer in the list');
  await row.click();
  const detail = page.getByTestId('invoice-detail');
  await detail.getByText('Thanks for your order!').waitFor();
  assert.ok(increasing(await charLefts(detail.locator('dd').first(), 'Acme Inc.')), 'the customer on the invoice page');
  assert.ok(increasing(await charLefts(detail.locator('td', { hasText: 'Logo' }), 'Logo (2 drafts).')), 'a line');
  assert.ok(increasing(await charLefts(detail.getByText('Thanks for your order!'), 'order!')), 'the notes');
  await page.screenshot({ path: path.join(shots(), 'ar-latin-user-text.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

/** Pixels of the first `width` px (from the left) of a field's content. */
async function leftPixels(page: Page, field: Locator, width: number): Promise<Buffer> {
  const box = await field.boundingBox();
  assert.ok(box);
  const pad = await field.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft) + el.clientLeft);
  return page.screenshot({ clip: { x: box.x + pad, y: box.y + 2, width, height: box.height - 4 } });
}

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['ar-EG', 'ar'],
] as const) {
  test(`${lang}: a long Latin description in the composer shows its beginning`, async () => {
    const { page, problems } = await openSeeded(locale);
    await page.getByTestId('new-invoice').click();
    const field = page.getByTestId('line-row').first().getByTestId('line-description');
    const start = 'Website redesign';
    const long = `${start} for Nile Bakery including photography, copywriting and three rounds of revisions`;
    // What the first characters look like alone, then with the rest of the text after them: the same pixels.
    await field.fill(start);
    await field.blur();
    const width = await field.evaluate((el, text) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return Math.floor(ctx.measureText(text).width) - 2;
    }, start);
    const alone = await leftPixels(page, field, width);
    await field.fill(long);
    await field.blur();
    const withRest = await leftPixels(page, field, width);
    await page.getByTestId('invoice-editor').screenshot({ path: path.join(shots(), `${lang}-composer-long.png`) });
    assert.ok(alone.equals(withRest), `"${start}" is not what the field shows first`);
    assert.deepEqual(problems, []);
  });

  test(`${lang}: a long name cut in a list shows its beginning, Latin or Arabic (invoices, customers); dates are not cut`, async () => {
    const { call, page, problems } = await openSeeded(locale);
    const names = [
      'Saffron Pharmacy and Medical Supplies International GmbH 0919',
      'شركة الزعفران للأدوية والمستلزمات الطبية الدولية المحدودة',
    ];
    for (const name of names) {
      const c = await call('customer.create', { name });
      const draft = await call('invoice.create', {
        customerId: c.id,
        currency: 'EGP',
        lines: [{ description: 'Cake order', quantity: '1', unitPrice: 9_474, taxRate: '14', taxCategory: 'S' }],
      });
      await call('invoice.issue', { id: draft.id });
    }
    const check = async (cell: Locator, name: string): Promise<void> => {
      await cell.waitFor();
      const seen = await cell.evaluate((td) => {
        const text = document.createTreeWalker(td, NodeFilter.SHOW_TEXT).nextNode() as Text;
        const r = document.createRange();
        r.setStart(text, 0);
        r.setEnd(text, 1);
        const first = r.getBoundingClientRect();
        const box = td.getBoundingClientRect();
        return { cut: td.scrollWidth > td.clientWidth, inside: first.left >= box.left && first.right <= box.right };
      });
      assert.ok(seen.cut, `${name} is long enough to be cut`);
      assert.ok(seen.inside, `the first letter of ${name} is in its cell`);
    };
    for (const name of names) {
      const row = page.getByTestId('invoice-row').filter({ hasText: name.slice(0, 12) });
      await check(row.locator('td').nth(1), name);
    }
    // Dates are never cut ("Dec 16, 2…"): their columns are as wide as a date.
    const cutDates = await page.getByTestId('invoice-row').evaluateAll((rows) =>
      rows
        .flatMap((r) => [2, 3].map((i) => r.children[i] as HTMLElement))
        .filter((td) => td.scrollWidth > td.clientWidth)
        .map((td) => td.textContent),
    );
    assert.deepEqual(cutDates, []);
    await page.screenshot({ path: path.join(shots(), `${lang}-long-names-invoices.png`), fullPage: true });
    await page.locator('nav.sidebar button.nav').nth(NAV.customers).click();
    for (const name of names) {
      const row = page.getByTestId('customer-row').filter({ hasText: name.slice(0, 12) });
      await check(row.locator('td').first(), name);
    }
    await page.screenshot({ path: path.join(shots(), `${lang}-long-names-customers.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });

  test(`${lang}: the invoice list shows money owed back to the customer in words, as the invoice page does`, async () => {
    const { call, page, problems } = await openSeeded(locale);
    const language: Language = lang;
    const t = createTranslator({ language });
    const customers = await call('customer.list', { limit: 1 });
    const draft = await call('invoice.create', {
      customerId: customers.items[0]!.id,
      currency: 'EGP',
      lines: [{ description: 'Cake order', quantity: '2', unitPrice: 9_474, taxRate: '14', taxCategory: 'S' }],
    });
    const inv = await call('invoice.issue', { id: draft.id });
    await call('invoice.pay', { id: inv.id, amount: inv.totals.total, method: 'cash' });
    await call('invoice.credit', { id: inv.id });
    const owed = (await call('invoice.get', { id: inv.id })).balance;
    assert.equal(owed, -inv.totals.total);

    const row = page.getByTestId('invoice-row').filter({ hasText: inv.number! });
    const cell = row.getByTestId('row-balance');
    await cell.getByText(t.t('invoices.detail.owed_back')).waitFor();
    const positive = formatMoney(-owed, 'EGP', intlLocale(language));
    const text = (await cell.textContent()) ?? '';
    assert.ok(text.includes(positive), `${JSON.stringify(text)} has ${JSON.stringify(positive)}`);
    assert.ok(!/[-\u2212]/.test(text), `no minus: ${JSON.stringify(text)}`);
    const dashboard = page.getByTestId('dashboard-owed-back');
    await dashboard.getByText(positive).waitFor();
    await page.screenshot({ path: path.join(shots(), `${lang}-owed-back-list.png`), fullPage: true });

    // The invoice page says the same.
    await row.click();
    const detail = page.getByTestId('invoice-detail');
    await detail.getByTestId('invoice-balance').getByText(positive).waitFor();
    await detail.getByText(t.t('invoices.detail.owed_back'), { exact: true }).waitFor();
    await page.screenshot({ path: path.join(shots(), `${lang}-owed-back-detail.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });
}
