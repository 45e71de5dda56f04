/// <reference lib="dom" />
/**
 * The app opens into the "ledger went back" screen while numbering is stopped (issue 16): it says which numbers were
 * issued before and which the ledger still has, lists the backups, and each way on asks first and says what will
 * happen. English: restoring the backup that has the numbers opens the app with them. Arabic: continuing with the
 * ledger as it is opens the app and numbering resumes. axe-core on the screen and on each confirmation; screenshots
 * in test-results/went-back-*.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { seriousFindings } from '../helpers/axe';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';
import { tempDir } from '../helpers/tmp';
import { customer, issued } from '../integration/ledger/helpers';

/**
 * Five invoices issued and a backup holding all five; then the ledger file is put back as it was after the third
 * (its later WAL frames gone, as a crash on a bad disk can leave it). Services reopened on it: numbering stopped.
 */
async function wentBack(): Promise<{ dataDir: string; year: number }> {
  const dataDir = path.join(tempDir(), 'data');
  const s = await testServices({ dataDir, runtime: 'browser-host', secretStore: new MemorySecretStore() });
  const call = caller(s);
  // No automatic copy on the reopen: the list then holds exactly the backup made here.
  await call('app.setPreferences', { autoBackups: false });
  const c = await customer(call);
  for (let i = 0; i < 3; i++) await issued(call, c);
  s.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(dataDir, 'kassa.db');
  const afterThird = fs.readFileSync(file);
  await issued(call, c);
  const fifth = await issued(call, c);
  await call('ledger.backup', {});
  await s.close();
  for (const x of ['-wal', '-shm']) fs.rmSync(`${file}${x}`, { force: true });
  fs.writeFileSync(file, afterThird);
  return { dataDir, year: Number(fifth.number?.slice(4, 8)) };
}

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['ar-EG', 'ar'],
] as const) {
  test(`a ledger that went back opens into its decision screen; ${lang === 'en' ? 'restoring a backup' : 'continuing with the ledger'} reopens the app (${locale})`, async () => {
    const { dataDir, year } = await wentBack();
    const s = await testServices({ dataDir, runtime: 'browser-host', secretStore: new MemorySecretStore() });
    const call = caller(s);
    const stop = (await call('app.info', {})).numberingStopped;
    assert.deepEqual(stop, {
      freshBesideBackups: false,
      series: [
        {
          series: 'INV',
          year,
          next: 4,
          mark: 6,
          lastIssued: `INV-${year}-0005`,
          lastKept: `INV-${year}-0003`,
          nextNumber: `INV-${year}-0004`,
        },
      ],
    });
    const { host, page, problems } = await openApp(s, { locale });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(host.openUrl);
    const screen = page.getByTestId('went-back-screen');
    await screen.waitFor();
    if (lang === 'ar') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const seriesRow = page.getByTestId('went-back-series').locator('tbody tr');
    assert.equal(await seriesRow.count(), 1);
    const cells = await seriesRow.first().locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(1), [`INV-${year}-0005`, `INV-${year}-0003`]);
    const backups = page.getByTestId('went-back-backups').locator('tbody tr');
    await backups.first().waitFor();
    assert.equal(await backups.count(), 1);
    const full = page.getByTestId('went-back-backups').locator('tbody tr[data-file^="kassa-backup-"]');
    // No invoice list, no way to issue: the decision comes first.
    assert.equal(await page.getByTestId('invoice-count').count(), 0);
    assert.deepEqual(await seriousFindings(page), [], 'axe-core on the screen');
    await page.screenshot({ path: path.join(resultsDir(), `went-back-${lang}.png`), fullPage: true });

    if (lang === 'en') {
      await full.getByRole('button').click();
      const confirm = page.getByTestId('went-back-confirm');
      await confirm.waitFor();
      assert.match(await confirm.innerText(), /copied to the backups folder/);
      assert.deepEqual(await seriousFindings(page), [], 'axe-core on the restore confirmation');
      await page.screenshot({ path: path.join(resultsDir(), `went-back-restore-${lang}.png`), fullPage: true });
      // Cancel changes nothing; asked again and confirmed, the backup with all five comes back.
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('went-back-continue').waitFor();
      assert.equal((await call('app.info', {})).invoiceCount, 3);
      await full.getByRole('button').click();
      await page.getByTestId('went-back-yes').click();
      await page.getByTestId('invoice-count').waitFor();
      assert.equal(await page.getByTestId('invoice-count').getAttribute('data-count'), '5');
      assert.equal((await call('app.info', {})).numberingStopped, null);
      assert.equal((await issued(call, await customer(call, 'After Restore'))).number, `INV-${year}-0006`);
    } else {
      const button = page.getByTestId('went-back-continue');
      assert.match(await button.innerText(), new RegExp(`INV-${year}-0003`));
      await button.click();
      const confirm = page.getByTestId('went-back-confirm');
      await confirm.waitFor();
      // It says which number comes next and which numbers will be given again.
      const said = await confirm.innerText();
      assert.ok(said.includes(`INV-${year}-0004`) && said.includes(`INV-${year}-0005`), said);
      assert.deepEqual(await seriousFindings(page), [], 'axe-core on the continue confirmation');
      await page.screenshot({ path: path.join(resultsDir(), `went-back-continue-${lang}.png`), fullPage: true });
      await page.getByTestId('went-back-yes').click();
      await page.getByTestId('invoice-count').waitFor();
      assert.equal(await page.getByTestId('invoice-count').getAttribute('data-count'), '3');
      assert.equal((await call('app.info', {})).numberingStopped, null);
      assert.equal((await issued(call, await customer(call, 'After Accept'))).number, `INV-${year}-0004`);
    }
    assert.deepEqual(problems, []);
  });
}
