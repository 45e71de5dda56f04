/**
 * A search is text, never FTS5 syntax: NUL and other control characters, quotes and FTS operators in `q` reach
 * the index as plain text (a NUL used to end the FTS5 string early: "unterminated string", HTTP 500).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listInvoices, searchTerms } from '../../../main/ledger/queries';
import { exportCsv } from '../../../main/ledger/csv-export';
import { customer, issued, ledgerServices } from '../ledger/helpers';

const HOSTILE = [
  'Nile\u0000Bakery',
  '\u0000',
  'Nile\u0000',
  'Ni\u0001le\u001f',
  '"Nile',
  'Nile"',
  'Nile* OR',
  'NEAR(Nile Bakery)',
  'Nile^ -Bakery',
  'Bakery:Nile',
  '\u200b\u200bNile\u2060',
  '\ud800Nile',
];

test('control characters, quotes and FTS operators in a search never reach FTS5 as syntax', async () => {
  const { s, call } = await ledgerServices();
  const inv = await issued(call, await customer(call, 'Nile Bakery'));
  for (const q of HOSTILE) {
    const { match } = searchTerms(q);
    // Every term is one quoted FTS5 string without control characters.
    for (const term of match?.split(' AND ') ?? []) {
      assert.match(term, /^"([^"]|"")*"$/, JSON.stringify(q));
      assert.doesNotMatch(term, /[\p{Cc}\p{Cf}\p{Cs}]/u, JSON.stringify(q));
    }
    const page = listInvoices(s.ledger.db, { q, sort: 'createdAt', order: 'desc', limit: 50 }, '2026-03-10');
    assert.ok(Array.isArray(page.items), JSON.stringify(q));
    let csv = '';
    await exportCsv(s.ledger.db, 'invoices', { q }, '2026-03-10', { write: (c) => (csv += c) }, () => undefined);
    assert.ok(csv.length > 0, JSON.stringify(q));
  }
  // The characters are ignored, not the words around them: "Nile<NUL>" still finds Nile Bakery.
  const found = listInvoices(
    s.ledger.db,
    { q: 'Nile\u0000', sort: 'createdAt', order: 'desc', limit: 50 },
    '2026-03-10',
  );
  assert.deepEqual(
    found.items.map((i) => i.id),
    [inv.id],
  );
});
