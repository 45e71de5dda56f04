/**
 * The Settings screen's ledger sections in Debian Chromium against the browser host: tax rates and the default new
 * lines use (in the composer and through the contract), numbering, CSV export (a download) and customer import
 * with its report, backups (make, restore after a confirmation, automatic copies), the ledger check in the
 * reader's language, and the payment polling interval. Each reads back what main stored, not only the screen.
 * The in-page index (its links in page order, followed with the keyboard, right to left in Arabic). Then axe-core on
 * the screen with its confirmation and reports open, in English and Arabic, with screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate, yearOf } from '../../shared/contract/dates';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import type { Services } from '../../main/services';
import { seriousFindings } from '../helpers/axe';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

interface App {
  s: Services;
  call: ReturnType<typeof caller>;
  page: Page;
  problems: string[];
  customerId: string;
}

async function settingsApp(lang: 'en' | 'ar' = 'en'): Promise<App> {
  const s = await testServices({ runtime: 'browser-host', secretStore: new MemorySecretStore() });
  const call = caller(s);
  await call('profile.set', { name: 'Lagos Studio', defaultCurrency: 'NGN' });
  await call('app.setPreferences', { language: lang, setup: 'done' });
  const customer = await call('customer.create', { name: 'Ada Stores' });
  const { host, page, problems } = await openApp(s);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(host.openUrl);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await openSettings(page);
  return { s, call, page, problems, customerId: customer.id };
}

async function openSettings(page: Page): Promise<void> {
  await page.locator('nav.sidebar button.nav').nth(8).click();
  await page.getByTestId('tax-rates-panel').waitFor();
}

const textOf = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

test('settings: tax rates — a default that new lines use, the category from the rate, exemptions with a reason', async () => {
  const { call, page, problems, customerId } = await settingsApp();
  const panel = page.getByTestId('tax-rates-panel');
  await panel.getByTestId('tax-none').waitFor();

  // 7.5 % made the default: its category follows from the rate (standard).
  await panel.getByTestId('tax-new-name').fill('VAT Nigeria');
  await panel.getByTestId('tax-new-rate').fill('7.5');
  await panel.getByTestId('tax-new-default').check();
  await panel.getByTestId('tax-add-button').click();
  const row = panel.getByTestId('tax-row').filter({ hasText: 'VAT Nigeria' });
  await row.getByTestId('tax-default').waitFor();
  assert.match(await row.getByTestId('tax-category').innerText(), /^S · Standard rate$/);
  const profile = await call('profile.get', {});
  const rates = await call('taxRate.list', {});
  assert.equal(rates.find((r) => r.id === profile.defaultTaxRateId)?.rate, '7.5');

  // An exemption needs its reason: the contract's message at the reason field, then it is accepted.
  await panel.getByTestId('tax-new-name').fill('Exempt services');
  await panel.getByTestId('tax-new-rate').fill('0');
  await panel.getByTestId('tax-new-category').selectOption('E');
  await panel.getByTestId('tax-add-button').click();
  await panel.getByTestId('tax-add-error').getByText('Category E requires an exemption reason (EN 16931).').waitFor();
  assert.equal(await panel.getByTestId('tax-new-reason').getAttribute('aria-invalid'), 'true');
  await panel.getByTestId('tax-new-reason').fill('Article 3 exempt supply');
  await panel.getByTestId('tax-add-button').click();
  await panel.getByTestId('tax-row').filter({ hasText: 'Exempt services' }).waitFor();
  assert.equal(await panel.getByTestId('tax-add-error').count(), 0, 'the stale message is gone');

  // The default cannot be archived (new lines would lose their VAT): main's reason is shown.
  await row.getByTestId('tax-archive').click();
  await panel
    .getByTestId('tax-row-error')
    .getByText(/default tax rate/)
    .waitFor();

  // Edit: 7.5 → 10; the category stays the rate's.
  await row.getByTestId('tax-edit-button').click();
  await panel.getByTestId('tax-edit-rate').fill('10');
  await panel.getByTestId('tax-edit-save').click();
  await panel.getByTestId('tax-row').filter({ hasText: 'VAT Nigeria' }).getByText('10 %').waitFor();

  // The composer's new line and a line given through the contract with no VAT both get the default.
  await page.locator('nav.sidebar button.nav').nth(0).click();
  await page.getByTestId('new-invoice').click();
  await page.getByTestId('invoice-editor').waitFor();
  await page.waitForFunction(
    (id) =>
      (document.querySelector('[data-testid="invoice-editor"] [data-testid="line-tax"]') as HTMLSelectElement | null)
        ?.value === id,
    profile.defaultTaxRateId,
  );
  const draft = await call('invoice.create', {
    customerId,
    currency: 'NGN',
    lines: [{ description: 'Design', quantity: '1', unitPrice: 10_000 }],
  });
  assert.deepEqual([draft.lines[0]?.taxRate, draft.lines[0]?.taxCategory], ['10', 'S']);
  assert.deepEqual(problems, []);
});

test('settings: numbering — next number, prefix and first number of a year, refused once numbered', async () => {
  const { call, page, problems, customerId } = await settingsApp();
  const year = yearOf(localDate(new Date()));
  const panel = page.getByTestId('numbering-panel');
  const inv = panel.locator('[data-testid="series-row"][data-series="INV"]');
  await inv.getByTestId('series-next').getByText(`INV-${year}-0001`).waitFor();

  await panel.getByTestId('series-start').fill('0');
  await panel.getByTestId('series-save').click();
  await panel.getByTestId('series-error').waitFor();
  assert.equal(await panel.getByTestId('series-start').getAttribute('aria-invalid'), 'true');

  // The prefix, typed in lower case, becomes the numbers' letters.
  await panel.getByTestId('prefix-input').fill('fac');
  await panel.getByTestId('prefix-save').click();
  await inv.getByTestId('series-next').getByText(`FAC-${year}-0001`).waitFor();

  await panel.getByTestId('series-start').fill('120');
  await panel.getByTestId('series-save').click();
  await inv.getByTestId('series-next').getByText(`FAC-${year}-0120`).waitFor();
  const draft = await call('invoice.create', {
    customerId,
    currency: 'NGN',
    lines: [{ description: 'Design', quantity: '1', unitPrice: 10_000, taxRate: '0' }],
  });
  assert.equal((await call('invoice.issue', { id: draft.id })).number, `FAC-${year}-0120`);

  // Something is numbered in that year now: lowering (or moving) the start is refused with main's reason.
  await panel.getByTestId('series-start').fill('5');
  await panel.getByTestId('series-save').click();
  await panel.getByTestId('series-error').waitFor();
  assert.match(await textOf(page, 'series-error'), /INV already has numbers in \d{4}/);
  await inv.getByTestId('series-next').getByText(`FAC-${year}-0121`).waitFor();
  // And the prefix stays what the numbers were written with.
  await panel.getByTestId('prefix-input').fill('INV');
  await panel.getByTestId('prefix-save').click();
  await panel
    .getByTestId('prefix-error')
    .getByText(/its prefix can only change before the first one/)
    .waitFor();
  assert.equal((await call('series.list', {})).find((x) => x.code === 'INV')?.prefix, 'FAC');
  assert.deepEqual(problems, []);
});

test('settings: CSV — invoices exported with a filter as a download; customers imported with the report', async () => {
  const { call, page, problems, customerId } = await settingsApp();
  for (const [price, pay] of [
    [10_000, true],
    [20_000, false],
  ] as const) {
    const d = await call('invoice.create', {
      customerId,
      currency: 'NGN',
      lines: [{ description: 'Work', quantity: '1', unitPrice: price, taxRate: '0' }],
    });
    const issued = await call('invoice.issue', { id: d.id });
    if (pay) await call('invoice.pay', { id: issued.id, amount: issued.totals.total, method: 'cash' });
  }
  const panel = page.getByTestId('csv-panel');
  // A currency that is no currency is refused at its field, not left out of the filter.
  await panel.getByTestId('csv-currency').fill('EU');
  await panel.getByTestId('csv-export-run').click();
  await panel.getByTestId('csv-export-error').waitFor();
  assert.equal(await panel.getByTestId('csv-currency').getAttribute('aria-invalid'), 'true');
  await panel.getByTestId('csv-currency').fill('ngn');
  await panel.getByTestId('csv-status').selectOption('paid');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('csv-export-run').click()]);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  const rows = csv.trim().split(/\r?\n/);
  assert.equal(rows.length, 2, `a header and the one paid invoice:\n${csv}`);
  assert.match(rows[1] ?? '', /100(\.00)?/);
  assert.match(download.suggestedFilename(), /^kassa-invoices-\d{4}-\d{2}-\d{2}\.csv$/);
  await panel
    .getByTestId('csv-exported')
    .getByText(/1 row exported/)
    .waitFor();

  // Import: a refused row is reported and nothing is written; fixed, the changed values are listed.
  await panel.getByTestId('import-text').fill('name,phone,country\nNile Bakery,0100 123 4567,EG\n,+2348012345678,NG\n');
  await panel.getByTestId('import-check').click();
  await panel.getByTestId('import-error').first().waitFor();
  await panel.getByTestId('import-text').fill('name,phone,country\n Nile Bakery ,0100 123 4567,eg\n');
  await panel.getByTestId('import-run').click();
  await panel
    .getByTestId('import-report')
    .getByText(/1 customer/)
    .waitFor();
  const changes = await panel.getByTestId('import-change').allInnerTexts();
  assert.ok(
    changes.some((c) => c.includes('+201001234567')),
    `the phone's new form is shown: ${changes.join(' | ')}`,
  );
  const found = await call('customer.list', { q: 'Nile' });
  assert.equal(found.items[0]?.phone, '+201001234567');
  assert.deepEqual(problems, []);
});

test('settings: backups — make one, restore only after a confirmation that says what happens, automatic copies', async () => {
  const { call, page, problems } = await settingsApp();
  const panel = page.getByTestId('backups-panel');
  await panel.getByTestId('auto-backups-status').waitFor();
  await panel.getByTestId('backup-now').click();
  const manual = panel.locator('[data-testid="backup-row"][data-kind="manual"]');
  await manual.waitFor();
  // Recorded after the backup: the restore takes it away again.
  await call('customer.create', { name: 'After the backup' });
  assert.equal((await call('app.info', {})).customerCount, 2);

  await manual.getByTestId('backup-action').click();
  const confirm = panel.getByTestId('restore-confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /current ledger is kept aside as a safety copy/);
  assert.match(await confirm.innerText(), /reloads/);
  await confirm.getByTestId('restore-cancel').click();
  assert.equal(await panel.getByTestId('restore-confirm').count(), 0);
  assert.equal((await call('app.info', {})).customerCount, 2, 'nothing happens without the confirmation');

  await manual.getByTestId('backup-action').click();
  await panel.getByTestId('restore-confirm-button').click();
  await panel.getByTestId('restore-done').waitFor();
  assert.equal((await call('app.info', {})).customerCount, 1, 'the ledger is the backup again');
  // The screens reload: the summary counts what the restored ledger holds.
  await page
    .getByTestId('settings-summary')
    .getByText(/1 customer/)
    .waitFor();
  const kinds = new Set((await call('ledger.backups', {})).map((b) => b.kind));
  assert.ok(kinds.has('before-restore') && kinds.has('manual'), [...kinds].join(', '));
  await panel.locator('[data-testid="backup-row"][data-kind="before-restore"]').waitFor();

  // Automatic copies: today's made by main (the daily job, or here the same call), shown with the next one due
  // tomorrow; then turned off.
  await call('ledger.autoBackup', {});
  const autos = (await call('ledger.backups', {})).filter((b) => b.kind === 'auto').length;
  assert.ok(autos >= 1);
  await page.locator('nav.sidebar button.nav').nth(0).click();
  await openSettings(page);
  await panel.locator('[data-testid="backup-row"][data-kind="auto"]').waitFor();
  const status = await textOf(page, 'auto-backups-status');
  assert.doesNotMatch(status, /never/);
  assert.doesNotMatch(status, /within a minute/, "today's copy exists: the next is tomorrow's");
  // The day shown is main's schedule (ledger.autoBackupStatus), written as the reader's language writes dates.
  const next = (await call('ledger.autoBackupStatus', {})).next;
  assert.ok(next && 'day' in next, JSON.stringify(next));
  const shown = await page.evaluate(
    (day) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)),
    next.day,
  );
  assert.match(status, new RegExp(`Next: ${shown}\\.`));
  assert.match(status, new RegExp(`Kept: the last 7 daily and 4 weekly copies \\(${autos} cop(y|ies) now\\)`));
  // A click, not uncheck(): the box follows the stored preference, so it changes when main has answered.
  await panel.getByTestId('auto-backups-toggle').click();
  await panel.getByTestId('auto-backups-status').getByText('Automatic copies are off.').waitFor();
  assert.equal((await call('app.preferences', {})).autoBackups, false);
  assert.deepEqual(problems, []);
});

test('settings: ledger check and the payment polling interval', async () => {
  const { s, call, page, problems, customerId } = await settingsApp();
  const check = page.getByTestId('check-panel');
  await check.getByTestId('check-run').click();
  await check
    .getByTestId('check-ok')
    .getByText(/No problems found: 0 invoices/)
    .waitFor();

  // Polling: out of bounds is refused with the contract's message; a valid interval is stored.
  const poll = page.getByTestId('polling-panel');
  await poll.getByTestId('poll-minutes').waitFor();
  assert.equal(await poll.getByTestId('poll-minutes').inputValue(), '5');
  await poll.getByTestId('poll-minutes').fill('0');
  await poll.getByTestId('poll-save').click();
  await poll.getByTestId('poll-error').waitFor();
  assert.equal((await call('app.preferences', {})).pollMinutes, 5);
  await poll.getByTestId('poll-minutes').fill('15');
  await poll.getByTestId('poll-save').click();
  await poll.getByTestId('poll-saved').getByText('every 15 minutes').waitFor();
  assert.equal((await call('app.preferences', {})).pollMinutes, 15);

  // A broken invariant: the check lists it by its code.
  const d = await call('invoice.create', {
    customerId,
    currency: 'NGN',
    lines: [{ description: 'Work', quantity: '1', unitPrice: 10_000, taxRate: '0' }],
  });
  const issued = await call('invoice.issue', { id: d.id });
  s.ledger.db.exec('DROP TRIGGER invoices_issued_immutable');
  s.ledger.db.prepare(`UPDATE invoices SET paid = 50, status = 'partially_paid' WHERE id = ?`).run(issued.id);
  await check.getByTestId('check-run').click();
  await check.getByTestId('check-problems').waitFor();
  const codes = await check
    .getByTestId('check-problem')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  assert.ok(codes.includes('paid_mismatch'), codes.join(', '));
  assert.deepEqual(problems, []);
});

for (const lang of ['en', 'ar'] as const) {
  test(`settings index: a link to each section in page order, followed with the keyboard, right to left in Arabic (${lang})`, async () => {
    const { page, problems } = await settingsApp(lang);
    const index = page.getByTestId('settings-index');
    const links = index.getByRole('link');
    assert.equal(await links.count(), 10);
    // The links name the sections by their headings, in the order the sections come on the page.
    const sections = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid^="settings-section-"]')).map((el) => ({
        id: el.getAttribute('data-testid')!.replace('settings-section-', ''),
        heading: el.querySelector('h2')?.textContent?.trim() ?? '',
      })),
    );
    assert.deepEqual(
      sections.map((x) => x.id),
      ['profile', 'tax-rates', 'numbering', 'language', 'email', 'polling', 'accounts', 'csv', 'backups', 'check'],
    );
    assert.deepEqual(
      (await links.allInnerTexts()).map((x) => x.trim()),
      sections.map((x) => x.heading),
    );
    assert.ok(sections.every((x) => x.heading !== ''));

    // Keyboard only: Tab from the first link to the backups link, Enter: the backups section is in view and has the
    // focus, and the next Tab reaches the first control inside it.
    await index.getByTestId('settings-index-profile').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'settings-index-backups',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'settings-backups');
    // At the top of the view, or as high as the page can scroll (the last sections of a short page).
    const view = await page.evaluate(() => {
      const r = document.getElementById('settings-backups')!.getBoundingClientRect();
      const end = document.documentElement.scrollHeight - window.innerHeight;
      return { top: r.top, bottom: r.bottom, height: window.innerHeight, scrolled: window.scrollY, end };
    });
    assert.ok(view.top >= 0 && view.top < view.height, `the section is in view: ${JSON.stringify(view)}`);
    assert.ok(view.top < 40 || Math.abs(view.scrolled - view.end) < 2, `scrolled to it: ${JSON.stringify(view)}`);
    assert.equal(await page.evaluate(() => location.hash.includes('settings-')), false, "the app's address is kept");
    await page.screenshot({ path: path.join(resultsDir(), `settings-index-backups-${lang}.png`) });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'auto-backups-toggle');

    // Reading direction: the first link starts at the start side of the index (the right in Arabic).
    await page.evaluate(() => window.scrollTo(0, 0));
    const nav = (await index.boundingBox())!;
    const first = (await index.getByTestId('settings-index-profile').boundingBox())!;
    if (lang === 'ar') assert.ok(nav.x + nav.width - (first.x + first.width) < 4, 'first link at the right edge');
    else assert.ok(first.x - nav.x < 4, 'first link at the left edge');
    assert.deepEqual(await seriousFindings(page), []);
    await page.screenshot({ path: path.join(resultsDir(), `settings-index-${lang}.png`) });
    assert.deepEqual(problems, []);
  });
}

for (const lang of ['en', 'ar'] as const) {
  test(`settings sections: axe-core finds nothing serious with the confirmation and the reports open (${lang})`, async () => {
    const { call, page, problems } = await settingsApp(lang);
    await call('taxRate.create', { name: 'VAT', rate: '14', makeDefault: true });
    await call('ledger.backup', {});
    await call('ledger.autoBackup', {});
    await page.locator('nav.sidebar button.nav').nth(0).click();
    await openSettings(page);
    await page.getByTestId('tax-row').first().waitFor();
    await page.getByTestId('backup-row').first().waitFor();
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-ok').waitFor();
    await page.getByTestId('backup-action').first().click();
    await page.getByTestId('restore-confirm').waitFor();
    await page.getByTestId('import-text').fill('name,phone,country\n Nile ,0100 123 4567,EG\n');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
    assert.deepEqual(await seriousFindings(page), []);
    await page.screenshot({ path: path.join(resultsDir(), `settings-sections-${lang}.png`), fullPage: true });
    if (lang === 'ar') assert.match(await page.getByTestId('tax-rates-panel').locator('h2').innerText(), /نسب الضريبة/);
    assert.deepEqual(problems, []);
  });
}
