/**
 * Numbers, amounts and dates as the business profile's locale writes them. Amounts are formatted exactly as
 * formatMoney (shared/money.ts) formats them, so the PDF shows what the app shows; quantities and rates are exact decimal strings
 * and are formatted as strings (Intl.NumberFormat v3), never through a float.
 */
import { formatMoneyWith, type Minor } from '../../shared/money';

export interface Formatter {
  locale: string;
  money(minor: Minor): string;
  date(iso: string | null): string;
  quantity(q: string): string;
  /** "14" → "14%" in the locale's percent style (e.g. "14 %" in de, "١٤٪" in ar-EG). */
  percent(rate: string): string;
}

/** Falls back to "en" when the profile's locale is not one Intl knows, rather than failing the render. */
export function supportedLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

const formatters = new Map<string, Formatter>();

/**
 * One formatter per (locale, currency), kept for the process: building Intl formatters costs far more than
 * using them, and a bulk export renders thousands of invoices in the same few locales.
 */
export function createFormatter(locale: string, currency: string): Formatter {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = buildFormatter(locale, currency);
    if (formatters.size > 64) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

function buildFormatter(locale: string, currency: string): Formatter {
  const loc = supportedLocale(locale);
  const dateFmt = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' });
  const qtyFmt = new Intl.NumberFormat(loc, { maximumFractionDigits: 3 });
  const pctFmt = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 4 });
  // Same options as formatMoney, whose formatMoneyWith writes the amount; kept here because formatMoney builds a
  // new Intl.NumberFormat per call. test/unit/pdf/format.test.ts checks the two agree.
  const moneyFmt = new Intl.NumberFormat(loc, { style: 'currency', currency });
  // Format strings (Intl.NumberFormat v3) so decimal strings stay exact; the cast is only for the TS lib types.
  const fmtString = (f: Intl.NumberFormat, s: string): string => f.format(s as unknown as number);
  return {
    locale: loc,
    money: (minor) => formatMoneyWith(moneyFmt, minor, currency),
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso}T00:00:00Z`)) : '—'),
    quantity: (q) => fmtString(qtyFmt, q),
    percent: (rate) => fmtString(pctFmt, `${rate}E-2`),
  };
}
