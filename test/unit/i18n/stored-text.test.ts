/** The stored-English scan flags sentences and lets codes, ids, amounts and other people's words through. */
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
    CREATE TABLE recurring_runs (schedule_id TEXT, period INTEGER, error_json TEXT);`);
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
  assert.equal(r.rows, 7);
  assert.deepEqual(r.found, [
    'history#2.advice: "Kashier cannot send invoices through its API; send the link yourself."',
    'reminder#inv_1:7.error.message: "Set up your e-mail server first."',
  ]);
});
