/// <reference lib="dom" />
/**
 * The invoice page's provider copies, in English and Arabic: Kashier offers "Delete at Kashier" (it can delete), and
 * the queued delete reaches the simulator at the next sync; Kaspa (no cancel, mark paid, share or delete) shows what
 * to do instead and no delete button; issuing to SimpleCash shows the timeout the due date becomes; the add-account
 * form shows the chosen provider's caveats. Screenshots go to test-results/provider-links/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import type { ProviderId } from '../../shared/domain';
import { KASHIER_FAKE_KEYS, startKashierFake } from '../fakes/kashier';
import { KASPA_FAKE_KEYS, startKaspaFake } from '../fakes/kaspa';
import { openApp, resultsDir } from '../helpers/browser';
import { NAV } from '../helpers/screens';
import { caller, testServices } from '../helpers/services';

function shotsDir(): string {
  const dir = path.join(resultsDir(), 'provider-links');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// Arabic text isolates embedded Latin names (U+2068 … U+2069).
const CASES = [
  {
    locale: 'en-US',
    lang: 'en',
    deleteAt: /^Delete at Kashier$/,
    queued: /Queued/,
    cannot: /What Kaspa Living Invoices cannot do/,
    week: /times out there after a week/,
    status: 'unpaid · sent',
  },
  {
    locale: 'ar-EG',
    lang: 'ar',
    deleteAt: /^الحذف لدى \u2068?Kashier\u2069?$/,
    queued: /في الانتظار/,
    cannot: /ما لا يستطيعه \u2068?Kaspa Living Invoices/,
    week: /بعد أسبوع/,
    status: 'غير مدفوعة · مُرسلة',
  },
] as const;

for (const c of CASES) {
  test(`${c.lang}: Kashier copy can be deleted from the invoice page; Kaspa says what to do instead`, async () => {
    const kashier = await startKashierFake();
    const kaspa = await startKaspaFake();
    try {
      const s = await testServices({ runtime: 'browser-host', secretStore: new MemorySecretStore() });
      const call = caller(s);
      await call('profile.set', { name: 'Atelier Lumière', defaultCurrency: 'EGP' });
      const customer = await call('customer.create', { name: 'Nile Bakery', email: 'orders@nile.example' });
      const accounts: Record<string, string> = {};
      for (const [provider, fake, settings, secrets] of [
        ['kashier', kashier, { merchantId: KASHIER_FAKE_KEYS.merchantId }, { secretKey: KASHIER_FAKE_KEYS.test }],
        ['kaspa', kaspa, {}, { apiKey: KASPA_FAKE_KEYS.key }],
      ] as const) {
        const a = await call('account.add', {
          provider: provider as ProviderId,
          name: `${provider} shop`,
          mode: 'test',
          baseUrl: fake.url,
          settings,
          secrets,
        });
        accounts[provider] = a.id;
      }
      // A payment request made in the Kashier dashboard, imported: Kashier deletes unpaid payment requests.
      const [request] = kashier.seed(1);
      kashier.patch(request!, { paymentType: 'simple' });
      await call('sync.import', { accountId: accounts.kashier! });
      const draft = await call('invoice.create', {
        customerId: customer.id,
        currency: 'USD',
        lines: [{ description: 'Sourdough loaves', quantity: '3', unitPrice: 4_350, taxRate: '14', taxCategory: 'S' }],
      });
      const toKaspa = await call('invoice.issue', { id: draft.id, accountId: accounts.kaspa! });
      await call('sync.now', { poll: false });
      const imported = (await call('invoice.list', {})).items.find((i) => i.id !== toKaspa.id)!;

      const { host, page, problems } = await openApp(s, { locale: c.locale });
      page.on('dialog', (d) => void d.accept());
      await page.goto(host.openUrl);
      const openInvoice = async (number: string): Promise<void> => {
        await page.getByTestId('invoice-row').filter({ hasText: number }).click();
        await page.getByTestId('link-provider').first().waitFor();
      };

      await openInvoice(toKaspa.number!);
      const kaspaLink = page.getByTestId(`link-${accounts.kaspa!}`);
      assert.equal(await kaspaLink.getByTestId('delete-at-provider').count(), 0, 'Kaspa cannot delete: no button');
      const cannot = kaspaLink.getByTestId('provider-cannot-kaspa');
      await cannot.locator('summary').click();
      assert.match((await cannot.textContent()) ?? '', c.cannot);
      assert.equal(await cannot.getByTestId('instead-delete').count(), 1);
      assert.equal(await cannot.getByTestId('instead-cancel').count(), 1);
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-kaspa-copy.png`), fullPage: true });

      await openInvoice(imported.number!);
      const kashierLink = page.getByTestId(`link-${accounts.kashier!}`);
      const del = kashierLink.getByTestId('delete-at-provider');
      assert.match((await del.textContent()) ?? '', c.deleteAt);
      assert.equal(await kashierLink.getByTestId('provider-cannot-kashier').count(), 0, 'Kashier lacks nothing shown');
      // Kashier's raw "unpaid/submitted" in the reader's language.
      assert.equal(await kashierLink.getByTestId('link-remote-status').textContent(), c.status);
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-kashier-copy.png`), fullPage: true });
      await del.click();
      await kashierLink.getByRole('status').getByText(c.queued).waitFor();
      assert.equal(await del.isDisabled(), true);
      const history = page.getByTestId('invoice-detail').getByTestId('history').locator('li');
      await history.nth(1).waitFor();
      assert.doesNotMatch((await history.nth(1).textContent()) ?? '', /provider_delete_queued/, 'history in words');
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-kashier-delete-queued.png`), fullPage: true });
      await call('sync.now', { poll: false });
      assert.equal(kashier.get(request!), null, 'deleted at the simulator');
      assert.equal((await call('invoice.get', { id: imported.id })).links[0]?.remoteStatus, 'deleted');

      // Issuing to SimpleCash says which of its fixed timeouts the due date becomes (14 days' terms → a week).
      const simplecash = await call('account.add', {
        provider: 'simplecash',
        name: 'simplecash shop',
        mode: 'test',
        baseUrl: 'http://127.0.0.1:9',
        secrets: { apiKey: 'sc_seed' },
      });
      const unsent = await call('invoice.create', {
        customerId: customer.id,
        currency: 'USD',
        lines: [{ description: 'Delivery', quantity: '1', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' }],
      });
      await page.reload();
      await page
        .getByTestId('invoice-row')
        .filter({ hasText: /Draft|مسودة/ })
        .click();
      await page.getByTestId('issue').click();
      assert.equal(await page.getByTestId('due-date-note').count(), 0, 'shown only for SimpleCash');
      await page.getByTestId('issue-account').selectOption(simplecash.id);
      assert.match((await page.getByTestId('due-date-note').textContent()) ?? '', c.week);
      await page.screenshot({ path: path.join(shotsDir(), `${c.lang}-issue-simplecash.png`), fullPage: true });
      assert.equal((await call('invoice.get', { id: unsent.id })).status, 'draft');

      await settingsCaveats(page, c.lang);
      assert.deepEqual(problems, []);
    } finally {
      await kashier.close();
      await kaspa.close();
    }
  });
}

/** The add-account form shows the chosen provider's caveats (SimpleCash: the guessed status table). */
async function settingsCaveats(page: Page, lang: string): Promise<void> {
  await page.locator('nav.sidebar button.nav').nth(NAV.settings).click();
  await page.getByTestId('add-provider').selectOption('simplecash');
  const caveats = page.getByTestId('provider-caveats-simplecash');
  assert.equal(await caveats.locator('li').count(), 2);
  await page.screenshot({ path: path.join(shotsDir(), `${lang}-settings-simplecash-caveats.png`), fullPage: true });
}
