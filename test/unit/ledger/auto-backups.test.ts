/** Which automatic backups are kept: 7 daily + 4 weekly (main/ledger/auto-backups.ts retention). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../../../shared/contract/dates';
import { retention, weekOf, type AutoBackup } from '../../../main/ledger/auto-backups';

const copy = (day: string, n = 0): AutoBackup => ({ file: `/b/kassa-auto-${day}-${day}T0${n}-00-00-000Z.db`, day });

test('ISO weeks start on Monday', () => {
  assert.equal(weekOf('2026-03-16'), '2026-03-16'); // Monday
  assert.equal(weekOf('2026-03-22'), '2026-03-16'); // Sunday
  assert.equal(weekOf('2026-03-23'), '2026-03-23');
  assert.equal(weekOf('2027-01-01'), '2026-12-28'); // across a year
});

test('one copy a day for 60 days keeps the last 7 days and one copy of each of the 4 weeks before', () => {
  const last = '2026-03-22'; // a Sunday
  const all = Array.from({ length: 60 }, (_, i) => copy(addDays(last, -i)));
  const { keep, remove } = retention(all);
  assert.equal(keep.length + remove.length, 60);
  const days = keep.map((b) => b.day);
  assert.deepEqual(days.slice(0, 7), [
    '2026-03-22',
    '2026-03-21',
    '2026-03-20',
    '2026-03-19',
    '2026-03-18',
    '2026-03-17',
    '2026-03-16',
  ]);
  // The 4 weeks before the daily ones (which reach back to Monday 16 March): the newest copy of each.
  assert.deepEqual(days.slice(7), ['2026-03-15', '2026-03-08', '2026-03-01', '2026-02-22']);
  assert.equal(new Set(days.slice(7).map(weekOf)).size, 4);
});

test('several copies on one day: the newest one counts; gaps of days do not shorten the history', () => {
  const keep = retention([copy('2026-03-10', 1), copy('2026-03-10', 2), copy('2026-03-01'), copy('2026-01-05')]).keep;
  assert.deepEqual(
    keep.map((b) => b.file),
    [copy('2026-03-10', 2).file, copy('2026-03-01').file, copy('2026-01-05').file],
  );
  assert.deepEqual(retention([]), { keep: [], remove: [] });
});
