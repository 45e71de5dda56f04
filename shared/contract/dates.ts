/**
 * Calendar dates as `YYYY-MM-DD` strings. Pure string/integer arithmetic in UTC so a date never shifts
 * with the machine's time zone; "today" is the local calendar date of the given instant.
 */

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date between 1900-01-01 and 2199-12-31 ("2026-02-30" is false). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The local calendar date of an instant (what the user calls "today"). */
export function localDate(instant: Date): string {
  const y = instant.getFullYear();
  const m = instant.getMonth() + 1;
  const d = instant.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const m = ISO_DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const dt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return dt.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** First and last day of the month containing `date`. */
export function monthRange(date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const mm = String(mo).padStart(2, '0');
  return { from: `${date.slice(0, 4)}-${mm}-01`, to: `${date.slice(0, 4)}-${mm}-${String(last).padStart(2, '0')}` };
}
