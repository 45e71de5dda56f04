/// <reference lib="dom" />
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, resultsDir } from '../helpers/browser';
import { testServices } from '../helpers/services';
import { seedInvoices, seedProfile } from '../integration/pdf/seed';

test('bulk PDF export from the UI shows progress and writes one PDF per invoice; an invoice previews as a PDF', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  seedProfile(s.ledger.db);
  const seeded = seedInvoices(s.ledger.db, { invoices: 40, firstDay: '2025-03-01', spanDays: 20, customers: 5 });
  const { host, page, problems } = await openApp(s);

  await page.goto(host.openUrl);

  await page.getByRole('button', { name: 'PDF export', exact: true }).click();
  await page.getByTestId('pdf-export-from').fill('2025-03-01');
  await page.getByTestId('pdf-export-to').fill('2025-03-31');
  await page.getByTestId('pdf-export-start').click();
  const status = page.getByTestId('pdf-export-status');
  await status.getByText('Done').waitFor({ timeout: 60_000 });
  const progress = page.getByTestId('pdf-export-progress');
  const total = Number(await progress.getAttribute('aria-valuemax'));
  assert.equal(Number(await progress.getAttribute('aria-valuenow')), total);
  assert.equal(total, seeded.ids.length);

  const folder = (await page.getByTestId('pdf-export-folder').textContent()) ?? '';
  assert.ok(folder.startsWith(path.join(s.config.dataDir, 'exports')), folder);
  const pdfs = fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'));
  assert.equal(pdfs.length, total);
  for (const f of pdfs.slice(0, 3))
    assert.equal(fs.readFileSync(path.join(folder, f)).subarray(0, 5).toString(), '%PDF-');
  await page.screenshot({ path: path.join(resultsDir(), 'pdf-export.png'), fullPage: true });

  // Preview of one issued invoice.
  await page.getByRole('button', { name: 'Invoices', exact: true }).click();
  await page.getByTestId('invoice-row').first().click();
  await page.getByTestId('pdf-preview-toggle').click();
  const frame = page.getByTestId('pdf-frame');
  await frame.waitFor();
  assert.match((await frame.getAttribute('src')) ?? '', /^blob:/);
  assert.match((await page.getByTestId('pdf-download').getAttribute('download')) ?? '', /\.pdf$/);
  assert.deepEqual(problems, []);
});
