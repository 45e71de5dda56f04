/**
 * The Settings screen in Debian Chromium against the browser host: add, test, edit, replace a key and remove
 * a Paycashless account (simulator over HTTP), keys typed into password fields and cleared after saving,
 * the keychain banner when the keychain is unavailable, and no key in any API response or in the page.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake } from '../fakes/paycashless';
import { openApp, resultsDir } from '../helpers/browser';
import { assertNoLeaks, scanBytes } from '../helpers/leaks';
import { testServices } from '../helpers/services';

test('settings: add, test, edit, replace a key, remove; keys never come back', async () => {
  const store = new MemorySecretStore();
  const s = await testServices({ runtime: 'browser-host', secretStore: store });
  const { host, page, problems } = await openApp(s);
  const fake = await startPaycashlessFake();
  test.after(() => fake.close());
  const wrongKey = 'pk_sandbox_WRONG_e2e_key_00000001';
  const secrets = [PAYCASHLESS_FAKE_KEYS.sandbox.apiKey, PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret, wrongKey];

  const apiBodies: Promise<string>[] = [];
  page.on('response', (r) => {
    // Every contract response; not the event stream, whose body never ends.
    if (r.url().includes('/api/') && !r.url().includes('/api/events')) apiBodies.push(r.text().catch(() => ''));
  });
  page.on('dialog', (d) => void d.accept());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByTestId('no-accounts').waitFor();

  // Add: keys go into password fields that are not offered to autofill.
  await page.getByTestId('add-provider').selectOption('paycashless');
  await page.getByTestId('add-name').fill('Paycashless sandbox');
  await page.getByTestId('add-base-url').fill(fake.url);
  const apiKey = page.getByTestId('add-account-form').getByTestId('secret-apiKey');
  const apiSecret = page.getByTestId('add-account-form').getByTestId('secret-apiSecret');
  assert.equal(await apiKey.getAttribute('type'), 'password');
  assert.equal(await apiKey.getAttribute('autocomplete'), 'off');
  await apiKey.fill(PAYCASHLESS_FAKE_KEYS.sandbox.apiKey);
  await apiSecret.fill(PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret);
  await page.getByTestId('add-account').click();
  const row = page.getByTestId('account-row');
  await row.getByText('Paycashless sandbox').waitFor();
  assert.equal(await apiKey.inputValue(), '', 'the key field is cleared after saving');
  assert.equal(await apiSecret.inputValue(), '');
  assert.match((await row.getByTestId('account-keys').textContent()) ?? '', /API key: set.*API secret: set/);
  assert.equal(
    await store.get((await row.getAttribute('data-account-id')) ?? '', 'apiKey'),
    PAYCASHLESS_FAKE_KEYS.sandbox.apiKey,
  );

  // Test connection against the simulator.
  await row.getByTestId('test-account').click();
  await row
    .getByTestId('account-test-result')
    .getByText(/^Connected/)
    .waitFor();

  // Edit a non-secret field.
  await row.getByTestId('edit-account-button').click();
  await page.getByTestId('edit-name').fill('Paycashless sandbox 2');
  await page.getByTestId('save-account').click();
  await row.getByText('Paycashless sandbox 2').waitFor();

  // Replace a key with a wrong one: the field clears, and the test reports the wrong key.
  await row.getByTestId('edit-account-button').click();
  const editKey = page.getByTestId('edit-account').getByTestId('secret-apiKey');
  assert.equal(await editKey.inputValue(), '', 'a stored key is never pre-filled');
  await editKey.fill(wrongKey);
  await page.getByTestId('save-keys').click();
  await page.waitForFunction(
    `document.querySelector('[data-testid="edit-account"] [data-testid="secret-apiKey"]')?.value === ''`,
  );
  await row.getByTestId('test-account').click();
  await row
    .getByTestId('account-test-result')
    .getByText(/^Wrong key/)
    .waitFor();

  // A validation error names the field.
  await page.getByTestId('add-name').fill('Bad URL');
  await page.getByTestId('add-base-url').fill('http://example.com');
  await apiKey.fill('pk_irrelevant_00000000');
  await apiSecret.fill('sk_irrelevant_00000000');
  await page.getByTestId('add-account').click();
  await page
    .getByTestId('add-account-form')
    .getByTestId('account-error')
    .getByText(/loopback/)
    .waitFor();
  assert.equal(await page.getByTestId('add-base-url').getAttribute('aria-invalid'), 'true');

  await page.screenshot({ path: path.join(resultsDir(), 'settings.png'), fullPage: true });
  const html = await page.content();

  // Remove (the confirm dialog is accepted).
  await row.getByTestId('remove-account').click();
  await page.getByTestId('no-accounts').waitFor();
  assert.equal(store.size, 0);

  const bodies = await Promise.all(apiBodies);
  assert.ok(bodies.length >= 8, `saw ${bodies.length} API responses`);
  assertNoLeaks(
    bodies.flatMap((b, i) => scanBytes(`api response #${i}`, b, secrets)),
    'in API responses',
  );
  assertNoLeaks(scanBytes('page html', html, secrets), 'in the page');
  assert.deepEqual(problems, []);
});

test('settings: a banner says what to install or unlock when the keychain is unavailable', async () => {
  const store = new MemorySecretStore();
  store.failWith = new Error('The name org.freedesktop.secrets was not provided by any .service files');
  const s = await testServices({ runtime: 'browser-host', secretStore: store });
  const { host, page } = await openApp(s);
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const banner = page.getByTestId('keychain-banner');
  await banner.getByText(/gnome-keyring/).waitFor();
  // Offline work goes on: the account list still loads.
  await page.getByTestId('no-accounts').waitFor();
  store.failWith = null;
  await banner.getByRole('button', { name: 'Check again' }).click();
  await banner.waitFor({ state: 'detached' });
});
