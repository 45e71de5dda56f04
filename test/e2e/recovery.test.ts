/**
 * The app opens into the recovery screen when its ledger cannot be read: the backups are listed (English and
 * Arabic, screenshots in test-results/), Restore puts one back, and the app then opens normally with its data.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startHost } from '../../main/host/server';
import { openKassa } from '../../main/open-kassa';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { launchBrowser, rendererDir, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';
import { tempDir } from '../helpers/tmp';

async function damagedDataDir(): Promise<string> {
  const dataDir = path.join(tempDir(), 'data');
  const s = await testServices({ dataDir, runtime: 'browser-host', secretStore: new MemorySecretStore() });
  const call = caller(s);
  await call('customer.create', { name: 'Nile Bakery' });
  await call('ledger.backup', {});
  await s.close();
  const fd = fs.openSync(path.join(dataDir, 'kassa.db'), 'r+');
  fs.writeSync(fd, Buffer.from('not an sqlite file'), 0, 18, 0);
  fs.closeSync(fd);
  return dataDir;
}

for (const [locale, title, restore] of [
  ['en-US', 'The ledger cannot be read', 'Restore'],
  ['ar-EG', 'لا يمكن قراءة دفتر الحسابات', 'استعادة'],
] as const) {
  test(`a damaged ledger opens into the recovery screen, which restores a backup (${locale})`, async () => {
    const dataDir = await damagedDataDir();
    const opened = await openKassa({ dataDir, runtime: 'browser-host', secretStore: new MemorySecretStore() });
    const host = await startHost({
      handlers: opened.handlers,
      events: opened.events,
      log: opened.log,
      staticDir: rendererDir(),
    });
    try {
      const browser = await launchBrowser();
      const page = await (await browser.newContext({ locale })).newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(host.openUrl);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const rows = page.getByTestId('recovery-backups').locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      if (locale === 'ar-EG') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.screenshot({ path: path.join(resultsDir(), `recovery-${locale}.png`), fullPage: true });

      await rows.first().getByRole('button', { name: restore }).click();
      await page.getByTestId('recovery-done').waitFor();
      await page.screenshot({ path: path.join(resultsDir(), `recovery-done-${locale}.png`), fullPage: true });
      assert.ok(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('damaged-')));

      await page.getByTestId('recovery-done').getByRole('button').click();
      await page.getByTestId('customer-count').waitFor();
      assert.equal(await page.getByTestId('customer-count').getAttribute('data-count'), '1');
      assert.deepEqual(problems, []);
    } finally {
      await host.close();
      await opened.close();
    }
  });
}
