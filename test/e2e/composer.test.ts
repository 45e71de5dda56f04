/**
 * The renderer reads main's data through one query cache and checks forms with the contract's own schemas:
 * the composer words a problem exactly as the server would (no regex of its own), marks the field, and the
 * lists and dashboard follow changes made elsewhere (here through the contract, as the CLI would).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { addDays, localDate } from '../../shared/contract/dates';
import { lineInput } from '../../shared/contract/invoices';
import { validate } from '../../shared/contract/validation';
import { msg } from '../../shared/i18n/catalogue';
import { englishMessage } from '../../shared/i18n/english';
import { openApp, resultsDir } from '../helpers/browser';
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

test('a message sits at its field and goes when that field changes (the stale "description must not be empty")', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  await caller(s)('app.setPreferences', { setup: 'done' });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('new-invoice').click();
  const editor = page.getByTestId('invoice-editor');
  await editor.waitFor();
  const row = page.getByTestId('line-row').first();
  await row.getByTestId('line-price').fill('10');
  // Create draft with an empty description: the message is at the description, which is marked.
  await page.getByTestId('save-draft').click();
  const description = row.getByTestId('line-description');
  assert.equal(await description.getAttribute('aria-invalid'), 'true');
  const describedBy = await description.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the description names its message');
  const message = page.locator(`[id="${describedBy}"]`);
  assert.match((await message.textContent()) ?? '', /^Line 1: description must not be empty/i);

  // Typing a description clears its message; a negative price then shows its own, at the price.
  await description.fill('Consulting');
  await message.waitFor({ state: 'detached' });
  await row.getByTestId('line-price').fill('-100');
  const price = row.getByTestId('line-price');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="line-price"]')?.getAttribute('aria-describedby'),
  );
  const priceMessage = page.locator(`[id="${await price.getAttribute('aria-describedby')}"]`);
  const text = (await priceMessage.textContent()) ?? '';
  assert.doesNotMatch(text, /description/i);
  assert.doesNotMatch(text, /lines\.0|unitPrice/, `no internal field paths: ${text}`);
  assert.match(text, /^Line 1: .*(negative|price)/i);
  assert.equal(await price.getAttribute('aria-invalid'), 'true');
  assert.equal(await description.getAttribute('aria-invalid'), null);
  assert.equal(await editor.getByText(/description must not be empty/i).count(), 0, 'nothing stale anywhere');
  assert.deepEqual(problems, []);
});

const composerShots = (): string => {
  const dir = path.join(resultsDir(), 'composer');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

test('a new invoice is dated today and due after the payment terms; the due date follows until the user sets it', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  await call('profile.set', { paymentTermsDays: 30 });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByTestId('new-invoice').click();
  const issue = page.getByTestId('issue-date');
  const due = page.getByTestId('due-date');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(await issue.inputValue(), today);
  await page.waitForFunction(
    (want) => (document.querySelector('[data-testid="due-date"]') as HTMLInputElement).value === want,
    addDays(today, 30),
  );
  await issue.fill('2026-03-01');
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="due-date"]') as HTMLInputElement).value === '2026-03-31',
  );
  await due.fill('2026-04-15');
  await issue.fill('2026-03-05');
  assert.equal(await due.inputValue(), '2026-04-15', 'a due date the user chose stays');
  assert.deepEqual(problems, []);
});

test('a draft dated in the future is issued on its date or refused with the reason, never silently dated today', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  const today = localDate(new Date());
  const line = {
    description: 'Consulting',
    quantity: '1',
    unitPrice: 10_000,
    taxRate: '14',
    taxCategory: 'S' as const,
  };
  const customerId = (await call('customer.create', { name: 'Nile Bakery' })).id;
  const past = await call('invoice.create', {
    customerId,
    currency: 'EUR',
    issueDate: addDays(today, -3),
    lines: [line],
  });
  const future = await call('invoice.create', {
    customerId,
    currency: 'EUR',
    issueDate: addDays(today, 19),
    lines: [{ ...line, unitPrice: 20_000 }],
  });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  // The two drafts by their totals (€114.00 and €228.00).
  const open = async (id: string) => {
    await page
      .getByTestId('invoice-row')
      .filter({ hasText: id === future.id ? '228.00' : '114.00' })
      .click();
    await page.getByTestId('invoice-detail').getByTestId('issue').waitFor();
  };

  // A draft dated three days ago is offered for issue on its own date, and issued on it.
  await open(past.id);
  await page.getByTestId('issue').click();
  assert.equal(await page.getByTestId('issue-date').inputValue(), addDays(today, -3));
  await page.getByTestId('confirm-issue').click();
  await page.getByTestId('invoice-number').getByText(/INV-/).waitFor();
  assert.equal((await call('invoice.get', { id: past.id })).issueDate, addDays(today, -3));

  // A draft dated in 19 days: its date is shown with the reason it cannot be issued now, and nothing is issued.
  await open(future.id);
  await page.getByTestId('invoice-detail').getByTestId('issue').click();
  const date = page.getByTestId('issue-date');
  assert.equal(await date.inputValue(), addDays(today, 19));
  const reason = page.getByTestId('issue-date-problem');
  const expected = englishMessage(msg('error.draft_dated_in_future', { date: addDays(today, 19) }));
  assert.match(expected, /^This draft is dated .* which is in the future\. Issue it on that day/);
  assert.equal(await reason.textContent(), expected);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('confirm-issue').isDisabled(), true);
  await page.screenshot({ path: path.join(composerShots(), 'en-issue-future-date.png'), fullPage: true });
  assert.equal((await call('invoice.get', { id: future.id })).status, 'draft');
  // The user chooses today: issued today, because they said so.
  await date.fill(today);
  await reason.waitFor({ state: 'detached' });
  await page.getByTestId('confirm-issue').click();
  await page.getByTestId('invoice-number').getByText(/INV-/).waitFor();
  const issued = await call('invoice.get', { id: future.id });
  assert.deepEqual([issued.status, issued.issueDate], ['issued', today]);
  assert.deepEqual(problems, []);
});

for (const lang of ['en', 'ar'] as const) {
  test(`characters no PDF font can draw are flagged at their field before issuing (${lang})`, async () => {
    const s = await testServices({ runtime: 'browser-host' });
    const call = caller(s);
    await call('app.setPreferences', { setup: 'done' });
    const { host, page, problems } = await openApp(s, { locale: lang === 'ar' ? 'ar-EG' : 'en-US' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(host.openUrl);
    await page.getByTestId('new-invoice').click();
    const row = page.getByTestId('line-row').first();
    await row.getByTestId('line-description').fill('Birthday cake 🎂 with candles');
    await row.getByTestId('line-price').fill('12.50');
    await page.getByTestId('notes').fill('Thank you 🙏 — شكرًا');
    const warnings = page.getByTestId('undrawable');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="undrawable"]').length === 2);
    const texts = await warnings.allTextContents();
    assert.ok(texts[0]?.includes('🎂') && !texts[0].includes('🙏'), texts[0]);
    assert.ok(texts[1]?.includes('🙏') && !texts[1].includes('🎂'), texts[1]);
    if (lang === 'en') assert.match(texts[0] ?? '', /^The PDF cannot draw 🎂: it would print as “�” on the invoice\./);
    // The Arabic in the note is drawn (Noto Sans Arabic): only the emoji are flagged.
    assert.ok(!texts[1]?.includes('شكر'), texts[1]);
    // A line with a problem shows both, each at its line.
    await row.getByTestId('line-quantity').fill('0');
    await page.getByTestId('form-error').first().waitFor();
    await page.screenshot({ path: path.join(composerShots(), `${lang}-composer-field-messages.png`), fullPage: true });
    await row.getByTestId('line-quantity').fill('1');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('invoice-detail').getByTestId('issue').click();
    const note = page.getByTestId('issue-undrawable');
    await note.waitFor();
    assert.ok(((await note.textContent()) ?? '').includes('🎂 🙏'));
    await page.screenshot({ path: path.join(composerShots(), `${lang}-issue-undrawable.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });
}
