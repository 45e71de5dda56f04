/// <reference lib="dom" />
/**
 * The Sync panel in Debian Chromium against the browser host: an account's outbox before and after "Sync now", an
 * item the provider cannot take shown with the reason and resolved by hand, and an import with its result.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake } from '../fakes/paycashless';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';

test("sync panel: queued items, Sync now, a failed item with the provider's reason resolved by hand, import", async () => {
  const fake = await startPaycashlessFake();
  test.after(() => fake.close());
  const s = await testServices({ secretStore: new MemorySecretStore() });
  const { host, page, problems } = await openApp(s);
  const call = caller(s);
  const acc = await call('account.add', {
    provider: 'paycashless',
    name: 'Paycashless shop',
    mode: 'test',
    baseUrl: fake.url,
    secrets: { ...PAYCASHLESS_FAKE_KEYS.sandbox },
  });
  const cus = await call('customer.create', { name: 'Panel Customer' });
  for (const currency of ['USD', 'EUR']) {
    const d = await call('invoice.create', {
      customerId: cus.id,
      currency,
      lines: [{ description: 'Work', quantity: '1', unitPrice: 10_000, taxRate: '0', taxCategory: 'Z' }],
    });
    await call('invoice.issue', { id: d.id, accountId: acc.id });
  }

  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  // As in Electron, which does not implement window.prompt: the panel must not depend on it.
  await page.addInitScript(() => {
    window.prompt = () => {
      throw new Error('prompt() is and will not be supported.');
    };
  });
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
  const panel = page.getByTestId(`sync-account-${acc.id}`);
  await panel
    .getByTestId('sync-counts')
    .getByText(/^2 queued/)
    .waitFor();

  await panel.getByRole('button', { name: 'Sync now' }).click();
  await panel.getByText(/^Sent 1, 0 still queued/).waitFor();
  // The EUR invoice cannot go to Paycashless: failed, with the reason, and actions.
  const failed = panel.locator('tr', { hasText: 'Failed' });
  await failed.getByText(/Paycashless accepts NGN, USD, not EUR/).waitFor();
  assert.equal(fake.all().length, 1);

  await failed.getByRole('button', { name: 'Mark resolved…' }).click();
  await failed.getByLabel('Note').fill('Sent it by e-mail instead');
  await failed.getByRole('button', { name: 'Mark resolved', exact: true }).click();
  await panel.getByText('Nothing waiting.').waitFor();
  await panel
    .getByTestId('sync-counts')
    .getByText(/2 done$/)
    .waitFor();
  const history = await call('invoice.history', {
    id: (
      s.ledger.db
        .prepare(`SELECT invoice_id FROM outbox WHERE state = 'done' AND result_json LIKE '%resolvedBy%'`)
        .get() as { invoice_id: string }
    ).invoice_id,
  });
  assert.ok(history.some((h) => h.action === 'sync_resolved' && h.details.note === 'Sent it by e-mail instead'));

  fake.seed(150, { currency: 'NGN', reference: (i) => `SHOP-${i}` });
  await panel.getByRole('button', { name: 'Import invoices' }).click();
  await panel
    .getByText(/^151 remote invoices: 150 imported, 0 linked, [01] updated, [01] unchanged, 0 skipped\.$/)
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(resultsDir(), 'sync-panel.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
