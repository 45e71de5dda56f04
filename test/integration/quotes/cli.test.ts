/** `kassa quote create|list|count|show|accept|decline|convert` (and `kassa customer count`) as a user types them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quote, QuoteConversion, QuotePage } from '../../../shared/contract/quotes';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';

function ok<T>(args: string[], dir: string): T {
  const r = kassa([...args, '--data-dir', dir]);
  assert.equal(r.code, 0, `kassa ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

function fails(args: string[], dir: string, code: number): string {
  const r = kassa([...args, '--data-dir', dir]);
  assert.equal(r.code, code, `kassa ${args.join(' ')}: ${r.stdout} ${r.stderr}`);
  assert.equal(r.stdout, '');
  return (JSON.parse(r.stderr) as { error: { code: string } }).error.code;
}

test('kassa quote: create, list, show, accept, decline, convert some lines with --line', () => {
  const dir = tempDir('kassa-cli-quote-');
  const c = ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Quote Co"}'], dir);
  const data = JSON.stringify({
    customerId: c.id,
    lines: [
      { description: 'Survey', quantity: '1', unitPrice: 30_000, taxRate: '14', taxCategory: 'S' },
      { description: 'Install', quantity: '4', unitPrice: 12_500, taxRate: '14', taxCategory: 'S' },
    ],
  });
  const q1 = ok<Quote>(['quote', 'create', '--data', data], dir);
  assert.match(q1.id, /^quo_/);
  assert.match(q1.number, /^QUO-\d{4}-0001$/);
  const q2 = ok<Quote>(['quote', 'create', '--data', data], dir);
  assert.equal(ok<Quote>(['quote', 'decline', q2.id], dir).status, 'declined');
  assert.equal(ok<Quote>(['quote', 'accept', q1.id], dir).status, 'accepted');
  const list = ok<QuotePage>(['quote', 'list', '--status', 'accepted,declined'], dir);
  assert.deepEqual(
    list.items.map((q) => q.status),
    ['declined', 'accepted'],
  );
  const conv = ok<QuoteConversion>(['quote', 'convert', q1.id, '--line', '2:1.5'], dir);
  assert.deepEqual(
    conv.invoice.lines.map((l) => [l.description, l.quantity]),
    [['Install', '1.5']],
  );
  assert.equal(ok<Quote>(['quote', 'show', q1.id], dir).invoiceId, conv.invoice.id);
  assert.equal(ok<{ quoteId?: string }>(['invoice', 'show', conv.invoice.id], dir).quoteId, q1.id);
  assert.equal(fails(['quote', 'convert', q2.id], dir, 1), 'quote_wrong_status');
  assert.equal(fails(['quote', 'convert', q1.id, '--line', 'two'], dir, 2), 'usage');
  assert.equal(fails(['quote', 'list', '--status', 'won'], dir, 2), 'usage');
  // Counts and a list from a position (what the app's scrolling lists read).
  assert.deepEqual(ok(['quote', 'count'], dir), { count: 2 });
  assert.deepEqual(ok(['quote', 'count', '--status', 'declined', '--customer', c.id], dir), { count: 1 });
  assert.deepEqual(
    ok<QuotePage>(['quote', 'list', '--offset', '1'], dir).items.map((q) => q.id),
    [q1.id],
  );
  assert.deepEqual(ok(['customer', 'count'], dir), { count: 1 });
  assert.deepEqual(ok(['customer', 'count', '--q', 'nobody'], dir), { count: 0 });
  assert.equal(ok<{ items: unknown[] }>(['customer', 'list', '--offset', '1'], dir).items.length, 0);
  assert.equal(fails(['quote', 'count', '--status', 'won'], dir, 2), 'usage');
  assert.equal(fails(['quote', 'create', '--data', '{"customerId":"x"}'], dir, 1), 'invalid_input');
});
