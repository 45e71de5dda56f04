/**
 * The stored-English scan flags sentences and lets codes, ids, amounts and other people's words through; on imported
 * invoices it flags any word that is not in the provider's own payload.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { englishStoredForDisplay } from '../../helpers/stored-text';

test('the scan finds a sentence kept for display, and only that', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE invoice_history (id INTEGER PRIMARY KEY, details_json TEXT);
    CREATE TABLE outbox (id INTEGER PRIMARY KEY, result_json TEXT, last_error_json TEXT);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE reminder_sends (invoice_id TEXT, step INTEGER, detail_json TEXT);
    CREATE TABLE recurring_runs (schedule_id TEXT, period INTEGER, error_json TEXT);
    CREATE TABLE invoices (id TEXT PRIMARY KEY, series TEXT, customer_name TEXT);
    CREATE TABLE invoice_lines (invoice_id TEXT, position INTEGER, description TEXT, exemption_reason TEXT);
    CREATE TABLE invoice_links (invoice_id TEXT, raw_json TEXT);`);
  // Imported: one as the provider sent it (its words, its number), one as version 1 stored it.
  const raw = JSON.stringify({ id: 'R-9', items: [{ name: 'Sourdough loaves' }], customer: { name: 'Nile Bakery' } });
  db.prepare(
    `INSERT INTO invoices VALUES ('inv_a', 'ext:acc', 'Nile Bakery'), ('inv_b', 'ext:acc', 'Kashier customer'), ('inv_c', 'INV', 'Kashier customer')`,
  ).run();
  db.prepare(
    `INSERT INTO invoice_lines VALUES ('inv_a', 0, 'Sourdough loaves', NULL), ('inv_b', 0, 'Kashier invoice R-9', 'Imported from Kashier: amounts as Kashier holds them.'), ('inv_c', 0, 'Kashier invoice 1', NULL)`,
  ).run();
  db.prepare(`INSERT INTO invoice_links VALUES ('inv_a', ?), ('inv_b', ?), ('inv_c', ?)`).run(raw, raw, raw);
  db.prepare(`INSERT INTO invoice_history (details_json) VALUES (?), (?)`).run(
    JSON.stringify({ advice: { key: 'providers.instead.send_link_yourself', params: { provider: 'Kashier' } } }),
    JSON.stringify({ advice: 'Kashier cannot send invoices through its API; send the link yourself.' }),
  );
  db.prepare(`INSERT INTO outbox (result_json, last_error_json) VALUES (?, ?)`).run(
    JSON.stringify({ remoteId: 'R-1', paymentUrl: 'https://pay.example/a b c d e f' }),
    JSON.stringify({
      code: 'provider_rejected',
      details: { providerMessage: 'the amount is not valid for this merchant' },
    }),
  );
  db.prepare(`INSERT INTO reminder_sends VALUES ('inv_1', 0, ?), ('inv_1', 7, ?)`).run(
    JSON.stringify({ error: { kind: 'refused', code: 'smtp_not_configured', params: {} } }),
    JSON.stringify({
      error: { kind: 'refused', code: 'smtp_not_configured', message: 'Set up your e-mail server first.' },
    }),
  );
  db.prepare(`INSERT INTO recurring_runs VALUES ('rs_1', 1, ?)`).run(
    JSON.stringify({ code: 'customer_required', params: {} }),
  );
  const r = englishStoredForDisplay(db);
  assert.equal(r.rows, 9);
  assert.deepEqual(r.found, [
    'history#2.advice: "Kashier cannot send invoices through its API; send the link yourself."',
    'reminder#inv_1:7.error.message: "Set up your e-mail server first."',
    `imported inv_b line 1 description: "Kashier invoice R-9" (not the provider's: kashier invoice)`,
    `imported inv_b line 1 exemption reason: "Imported from Kashier: amounts as Kashier holds them." (not the provider's: imported from kashier amounts as kashier holds them)`,
    `imported inv_b customer name: "Kashier customer" (not the provider's: kashier customer)`,
  ]);
});
