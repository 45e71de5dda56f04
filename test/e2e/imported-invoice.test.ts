/// <reference lib="dom" />
/**
 * An invoice imported from a provider, shown in the reader's language (issue 14): the list and the invoice page
 * name the customer the provider did not name and describe the whole-invoice line in English or Arabic, and the
 * VAT summary gives the import's exemption reason in the same language. Screenshots go to
 * test-results/imported-invoice/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { localDate } from '../../shared/contract/dates';
import { openApp, resultsDir } from '../helpers/browser';
import { importRemote, remoteInvoice } from '../helpers/imported';
import { NAV } from '../helpers/screens';
import { caller, testServices } from '../helpers/services';

function shotsDir(): string {
  const dir = path.join(resultsDir(), 'imported-invoice');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const CASES = [
  {
    locale: 'en-US',
    lang: 'en',
    customer: 'Unnamed customer',
    line: /^Kashier invoice 4711$/,
    reason: /Imported from Kashier: amounts as Kashier holds them/,
  },
  {
    locale: 'ar-EG',
    lang: 'ar',
    customer: 'عميل غير مسمى',
    // Arabic text isolates embedded Latin names (U+2068 … U+2069).
    line: /^فاتورة \u2068?Kashier\u2069? رقم \u2068?4711\u2069?$/,
    reason: /مستوردة من \u2068?Kashier/,
  },
] as const;

for (const c of CASES) {
  test(`${c.lang}: an imported invoice's customer, line and exemption reason in the reader's language`, async () => {
    const s = await testServices({ runtime: 'browser-host', secretStore: new MemorySecretStore() });
    const call = caller(s);
    await call('profile.set', { name: 'Atelier Lumière', defaultCurrency: 'EGP' });
    const db = s.ledger.db;
    db.prepare(
      `INSERT INTO accounts (id, provider, name, mode, created_at, updated_at) VALUES ('acc_ksh', 'kashier', 'Kashier shop', 'test', 'x', 'x')`,
    ).run();
    const today = localDate(new Date());
    importRemote(db, { id: 'acc_ksh', provider: 'kashier' }, remoteInvoice({ issueDate: today }), new Date(), today);

    const { host, page, problems } = await openApp(s, { locale: c.locale });
    try {
      await page.goto(host.openUrl);
      const row = page.getByTestId('invoice-row').filter({ hasText: '4711' });
      await row.waitFor();
      assert.match((await row.locator('td').nth(1).textContent()) ?? '', new RegExp(c.customer));
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-list.png`), fullPage: true });

      await row.click();
      const detail = page.getByTestId('invoice-detail');
      await detail.waitFor();
      assert.equal(await detail.locator('dl.facts-grid dd').first().textContent(), c.customer);
      assert.match((await detail.locator('table.lines tbody td').first().textContent()) ?? '', c.line);
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-invoice.png`), fullPage: true });

      await page.locator('nav.sidebar button.nav').nth(NAV.books).click();
      const vat = page.getByTestId('vat-EGP');
      await vat.waitFor();
      assert.match((await vat.textContent()) ?? '', c.reason);
      await vat.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-vat.png`), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
      await s.close();
    }
  });
}
