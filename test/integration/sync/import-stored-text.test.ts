/**
 * "No English sentence stored in the ledger for display" for invoices imported from every provider: after an
 * import from each simulator (remote invoices with and without items that add up, with and without a customer
 * name), the ledger holds the provider's own words and data only; the texts Kassa words for them are made where
 * they are shown (shared/invoice-text.ts) — checked here in Arabic and English from the stored invoice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProviderId } from '../../../shared/domain';
import { PROVIDERS } from '../../../shared/providers';
import { englishMessage } from '../../../shared/i18n/english';
import { createTranslator } from '../../../shared/i18n/catalogue';
import { invoiceInWords } from '../../../shared/invoice-text';
import { englishStoredForDisplay } from '../../helpers/stored-text';
import { syncEnv } from './helpers';

const arabic = createTranslator({ language: 'ar' });

for (const provider of Object.keys(PROVIDERS) as ProviderId[]) {
  test(`${provider}: imported invoices store no English for display`, async () => {
    const env = await syncEnv(provider);
    try {
      (env.fake as unknown as { seed(count: number): string[] }).seed(3);
      const r = await env.call('sync.import', { accountId: env.accountId });
      assert.deepEqual(r.errors, []);
      assert.ok(r.imported >= 3, `${provider}: imported ${r.imported}`);

      const scan = englishStoredForDisplay(env.s.ledger.db);
      assert.deepEqual(scan.found, [], `${provider}: English stored in the ledger`);

      // Every imported line says where it came from, in the reader's language.
      const ids = env.s.ledger.db
        .prepare(`SELECT id FROM invoices WHERE series = ?`)
        .all(`ext:${env.accountId}`) as Array<{ id: string }>;
      assert.ok(ids.length >= 3);
      for (const { id } of ids) {
        const inv = await env.call('invoice.get', { id });
        assert.ok(inv.lines.every((l) => l.imported && l.taxCategory === 'O' && !l.exemptionReason));
        const en = invoiceInWords(inv, englishMessage);
        const ar = invoiceInWords(inv, (m) => arabic.message(m));
        for (const l of en.lines) assert.match(l.exemptionReason ?? '', /^Imported from \S/);
        for (const l of ar.lines) assert.match(l.exemptionReason ?? '', /^مستوردة من /);
        assert.ok(en.customer.name !== '' && ar.customer.name !== '', 'a customer name is shown');
        if (inv.customer.name === '') assert.equal(ar.customer.name, 'عميل غير مسمى');
        const whole = inv.lines.find((l) => l.imported?.number !== undefined);
        if (whole) assert.ok(ar.lines[inv.lines.indexOf(whole)]!.description.startsWith('فاتورة '));
      }
    } finally {
      await env.fake.close();
      await env.s.close();
    }
  });
}
