/**
 * Period dates of a recurring schedule, as pure calendar arithmetic on `YYYY-MM-DD` strings (UTC, so no time
 * zone can shift a date). Period k is computed from the first period and k — never from period k−1 — so a short
 * month cannot make the day drift: a schedule on the 31st gives 31 Jan, 28/29 Feb, 31 Mar, 30 Apr, …; a yearly
 * schedule on 29 February gives 28 February in other years and 29 February again in leap years.
 */
import { addDays } from './contract/dates';

export const FREQUENCIES = ['week', '2weeks', 'month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** When a schedule stops: never, after `count` periods, or after the last period on or before `date`. */
export type RecurrenceEnd = { kind: 'never' } | { kind: 'after'; count: number } | { kind: 'on'; date: string };

export interface Recurrence {
  frequency: Frequency;
  /** The date of period 0. */
  firstDate: string;
  /** Month-based frequencies: the day of the month each period falls on (29–31 fall back to a shorter month's last day). */
  monthDay: number;
  end: RecurrenceEnd;
}

const MONTHS: Partial<Record<Frequency, number>> = { month: 1, quarter: 3, year: 12 };
const DAYS: Partial<Record<Frequency, number>> = { week: 7, '2weeks': 14 };

export const isWeekly = (f: Frequency): boolean => DAYS[f] !== undefined;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const parts = (date: string): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` months after year/month, on `monthDay` or the month's last day when it is shorter. */
function monthDate(year: number, month: number, months: number, monthDay: number): string {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(monthDay, daysInMonth(y, m)))}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parts(date);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/**
 * The first period on or after `startDate` that falls on `day`: an ISO weekday (1–7) for weekly frequencies,
 * a day of the month (1–31) otherwise. Without `day`, the start date itself (and its day of the month).
 */
export function firstPeriod(
  frequency: Frequency,
  startDate: string,
  day?: number,
): { firstDate: string; monthDay: number } {
  const [y, m, d] = parts(startDate);
  if (day === undefined) return { firstDate: startDate, monthDay: d };
  if (isWeekly(frequency)) {
    const ahead = (day - isoWeekday(startDate) + 7) % 7;
    const firstDate = addDays(startDate, ahead);
    return { firstDate, monthDay: parts(firstDate)[2] };
  }
  const inMonth = monthDate(y, m, 0, day);
  return { firstDate: inMonth >= startDate ? inMonth : monthDate(y, m, 1, day), monthDay: day };
}

/** The date of period `k` (0-based). */
export function periodDate(r: Pick<Recurrence, 'frequency' | 'firstDate' | 'monthDay'>, k: number): string {
  const days = DAYS[r.frequency];
  if (days !== undefined) return addDays(r.firstDate, days * k);
  const [y, m] = parts(r.firstDate);
  return monthDate(y, m, (MONTHS[r.frequency] ?? 1) * k, r.monthDay);
}

/** The date of period `k`, or null when the schedule has ended before it. */
export function scheduledDate(r: Recurrence, k: number): string | null {
  if (r.end.kind === 'after' && k >= r.end.count) return null;
  const date = periodDate(r, k);
  if (r.end.kind === 'on' && date > r.end.date) return null;
  // The calendar the ledger accepts ends in 2199.
  if (date > '2199-12-31') return null;
  return date;
}

/** Up to `limit` period dates from period `from` on (for previews: "next: 31 Mar, 30 Apr, 31 May"). */
export function upcomingDates(r: Recurrence, from: number, limit: number): string[] {
  const out: string[] = [];
  for (let k = from; out.length < limit; k++) {
    const d = scheduledDate(r, k);
    if (d === null) break;
    out.push(d);
  }
  return out;
}
