/** The stored-English scan flags sentences and lets codes, ids, amounts and other people's words through. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { englishStoredForDisplay } from '../../helpers/stored-text';

test('the scan finds a sentence kept for display, and only that', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE invoice_history (id INTEGER PRIMARY KEY, details_json TEXT);
    CREATE TABLE outbox (id INTEGER PRIMARY KEY, result_json TEXT, last_error_json TEXT);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);`);
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
  const r = englishStoredForDisplay(db);
  assert.equal(r.rows, 4);
  assert.deepEqual(r.found, [
    'history#2.advice: "Kashier cannot send invoices through its API; send the link yourself."',
  ]);
});
