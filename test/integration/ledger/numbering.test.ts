import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customer, draft, expectError, issued, ledgerServices } from './helpers';

test('issuing assigns gapless numbers per series and year; credit notes have their own series', async () => {
  const { call, clock } = await ledgerServices('2025-12-30T12:00:00Z');
  const c = await customer(call);
  const a = await issued(call, c);
  const b = await issued(call, c);
  assert.equal(a.number, 'INV-2025-0001');
  assert.equal(b.number, 'INV-2025-0002');
  // A draft deleted or never issued consumes nothing.
  const abandoned = await draft(call, c);
  await call('invoice.delete', { id: abandoned.id });
  const cn = await call('invoice.credit', { id: a.id });
  assert.equal(cn.creditNote.number, 'CN-2025-0001');
  assert.equal(cn.creditNote.series, 'CN');

  clock.set('2026-01-02T09:00:00Z'); // yearly reset
  const c1 = await issued(call, c);
  assert.equal(c1.number, 'INV-2026-0001');
  assert.equal((await issued(call, c)).number, 'INV-2026-0002');
  const list = await call('series.list', {});
  const inv = list.find((x) => x.code === 'INV');
  assert.deepEqual(
    inv?.counters.map((k) => [k.year, k.start, k.next]),
    [
      [2025, 1, 3],
      [2026, 1, 3],
    ],
  );
  assert.equal(inv?.example, 'INV-2026-0003');
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('the first number of a year can be set before the year starts numbering, and not after', async () => {
  const { call } = await ledgerServices('2026-05-01T12:00:00Z');
  const c = await customer(call);
  await call('series.setStart', { series: 'INV', year: 2026, start: 137 });
  assert.equal((await issued(call, c)).number, 'INV-2026-0137');
  assert.equal((await issued(call, c)).number, 'INV-2026-0138');
  await expectError(call('series.setStart', { series: 'INV', year: 2026, start: 500 }), 'series_in_use', 'start');
  // Another year is still free, and a credit note series is separate.
  await call('series.setStart', { series: 'INV', year: 2027, start: 10 });
  await call('series.setStart', { series: 'CN', year: 2026, start: 5 });
  const first = (await call('invoice.list', { kind: 'invoice', sort: 'number', order: 'asc' })).items[0];
  assert.ok(first);
  assert.equal((await call('invoice.credit', { id: first.id })).creditNote.number, 'CN-2026-0005');
  const report = await call('ledger.check', {});
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});

test('a series prefix changes only before its first number, never to one another series uses', async () => {
  const { call } = await ledgerServices('2026-05-01T12:00:00Z');
  const c = await customer(call);
  // Typed in lower case: stored as the letters numbers are written with.
  const info = await call('series.setPrefix', { series: 'INV', prefix: 'fac' });
  assert.equal(info.prefix, 'FAC');
  assert.equal(info.example, 'FAC-2026-0001');
  await expectError(call('series.setPrefix', { series: 'INV', prefix: 'CN' }), 'series_prefix_taken', 'prefix');
  await expectError(call('series.setPrefix', { series: 'INV', prefix: 'F-1' }), 'invalid_input', 'prefix');
  await expectError(call('series.setPrefix', { series: 'INV', prefix: '' }), 'invalid_input', 'prefix');
  const first = await issued(call, c);
  assert.equal(first.number, 'FAC-2026-0001');
  // Numbered now, in any year: the prefix stays (every number of a series is read back with its prefix).
  await expectError(call('series.setPrefix', { series: 'INV', prefix: 'INV' }), 'series_prefix_in_use', 'prefix');
  assert.equal(
    (await call('series.setPrefix', { series: 'INV', prefix: 'FAC' })).prefix,
    'FAC',
    'the same prefix is no change',
  );
  // Quotes and credit notes are their own series: still free.
  assert.equal((await call('series.setPrefix', { series: 'QUO', prefix: 'OFF' })).example, 'OFF-2026-0001');
  assert.equal((await call('invoice.credit', { id: first.id })).creditNote.number, 'CN-2026-0001');
  await expectError(call('series.setPrefix', { series: 'CN', prefix: 'AB' }), 'series_prefix_in_use', 'prefix');
  const report = await call('ledger.check', {});
  assert.equal(report.ok, true, JSON.stringify(report.problems));
});

test('numbers follow issue dates: no back-dating before the last issued document, no future dates', async () => {
  const { call, db } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  await issued(call, c, {}, { issueDate: '2026-03-05' });
  const d = await draft(call, c);
  await expectError(
    call('invoice.issue', { id: d.id, issueDate: '2026-03-01' }),
    'issue_date_out_of_order',
    'issueDate',
  );
  await expectError(call('invoice.issue', { id: d.id, issueDate: '2026-03-11' }), 'issue_date_in_future', 'issueDate');
  // The refused attempts took no number.
  const again = await call('invoice.issue', { id: d.id, issueDate: '2026-03-05' });
  assert.equal(again.number, 'INV-2026-0002');
  assert.equal(
    (
      db.prepare(`SELECT next_number FROM series_counters WHERE series = 'INV' AND year = 2026`).get() as {
        next_number: number;
      }
    ).next_number,
    3,
  );
});
