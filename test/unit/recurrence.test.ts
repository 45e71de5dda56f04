import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isIsoDate } from '../../shared/contract/dates';
import {
  daysInMonth,
  firstPeriod,
  isoWeekday,
  periodDate,
  scheduledDate,
  upcomingDates,
  type Frequency,
  type Recurrence,
} from '../../shared/recurrence';

const rec = (frequency: Frequency, startDate: string, day?: number, end: Recurrence['end'] = { kind: 'never' }) => ({
  frequency,
  ...firstPeriod(frequency, startDate, day),
  end,
});

test('monthly on the 31st: the last day of shorter months, back to the 31st after them, 29 February in a leap year', () => {
  const r = rec('month', '2028-01-31');
  assert.deepEqual(upcomingDates(r, 0, 14), [
    '2028-01-31',
    '2028-02-29',
    '2028-03-31',
    '2028-04-30',
    '2028-05-31',
    '2028-06-30',
    '2028-07-31',
    '2028-08-31',
    '2028-09-30',
    '2028-10-31',
    '2028-11-30',
    '2028-12-31',
    '2029-01-31',
    '2029-02-28',
  ]);
});

test('yearly on 29 February: 28 February in other years, 29 February again in leap years', () => {
  const r = rec('year', '2024-02-29');
  assert.deepEqual(upcomingDates(r, 0, 6), [
    '2024-02-29',
    '2025-02-28',
    '2026-02-28',
    '2027-02-28',
    '2028-02-29',
    '2029-02-28',
  ]);
});

test('quarterly on the 30th, weekly and fortnightly', () => {
  assert.deepEqual(upcomingDates(rec('quarter', '2026-11-30'), 0, 4), [
    '2026-11-30',
    '2027-02-28',
    '2027-05-30',
    '2027-08-30',
  ]);
  assert.deepEqual(upcomingDates(rec('week', '2026-12-28'), 0, 3), ['2026-12-28', '2027-01-04', '2027-01-11']);
  assert.deepEqual(upcomingDates(rec('2weeks', '2026-12-28'), 0, 3), ['2026-12-28', '2027-01-11', '2027-01-25']);
});

test('"on a given day": the first matching date on or after the start', () => {
  // 2026-03-04 is a Wednesday; day 1 = Monday.
  assert.equal(isoWeekday('2026-03-04'), 3);
  assert.deepEqual(firstPeriod('week', '2026-03-04', 1), { firstDate: '2026-03-09', monthDay: 9 });
  assert.deepEqual(firstPeriod('2weeks', '2026-03-04', 3), { firstDate: '2026-03-04', monthDay: 4 });
  assert.deepEqual(firstPeriod('week', '2026-03-04', 7), { firstDate: '2026-03-08', monthDay: 8 });
  // Day of month: this month when still ahead, else next month; 31 in February is its last day.
  assert.deepEqual(firstPeriod('month', '2026-03-04', 15), { firstDate: '2026-03-15', monthDay: 15 });
  assert.deepEqual(firstPeriod('month', '2026-03-20', 15), { firstDate: '2026-04-15', monthDay: 15 });
  assert.deepEqual(firstPeriod('quarter', '2027-02-10', 31), { firstDate: '2027-02-28', monthDay: 31 });
  assert.deepEqual(firstPeriod('year', '2026-12-31', 1), { firstDate: '2027-01-01', monthDay: 1 });
  const r = rec('month', '2027-02-10', 31);
  assert.deepEqual(upcomingDates(r, 0, 3), ['2027-02-28', '2027-03-31', '2027-04-30']);
});

test('ends: after N periods, on a date (inclusive), never', () => {
  assert.deepEqual(upcomingDates(rec('month', '2026-01-15', undefined, { kind: 'after', count: 2 }), 0, 10), [
    '2026-01-15',
    '2026-02-15',
  ]);
  assert.deepEqual(upcomingDates(rec('month', '2026-01-15', undefined, { kind: 'on', date: '2026-03-15' }), 0, 10), [
    '2026-01-15',
    '2026-02-15',
    '2026-03-15',
  ]);
  assert.equal(scheduledDate(rec('week', '2026-01-15', undefined, { kind: 'on', date: '2026-01-14' }), 0), null);
  assert.equal(upcomingDates(rec('week', '2026-01-15'), 5, 100).length, 100);
  // The ledger's calendar ends in 2199: so does every schedule.
  assert.deepEqual(upcomingDates(rec('year', '2198-06-01'), 0, 10), ['2198-06-01', '2199-06-01']);
});

test('every frequency and day of month, over 30 years: real dates, strictly increasing, on the day or the month end', () => {
  for (const frequency of ['month', 'quarter', 'year'] as const) {
    for (let day = 1; day <= 31; day++) {
      const r = rec(frequency, '2026-01-01', day);
      let prev = '';
      for (let k = 0; k < 30 * 12; k++) {
        const d = periodDate(r, k);
        if (d > '2056-01-01') break;
        assert.ok(isIsoDate(d), `${frequency} day ${day} period ${k}: ${d}`);
        assert.ok(d > prev, `${frequency} day ${day}: ${d} after ${prev}`);
        const [y, m, dd] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
        assert.equal(dd, Math.min(day, daysInMonth(y, m)), `${frequency} day ${day}: ${d}`);
        prev = d;
      }
    }
  }
  for (const frequency of ['week', '2weeks'] as const) {
    const r = rec(frequency, '2026-01-01', 5);
    for (let k = 0; k < 800; k++) {
      const d = periodDate(r, k);
      assert.equal(isoWeekday(d), 5);
      assert.equal(d, addDays(r.firstDate, k * (frequency === 'week' ? 7 : 14)));
    }
  }
});
