/**
 * Money inside Kassa is an integer count of minor units plus an ISO-4217 code.
 * These helpers are the only place that converts to and from major units (provider payloads,
 * display); the exponent comes from Intl so it matches what users see.
 */
import { isolate, isRtlLocale } from './bidi';
import { divRoundHalfAway, parseDecimal, pow10, toSafeNumber } from './decimal';
import { invalid } from './errors';

export type Minor = number;
export interface Money {
  amount: Minor;
  currency: string;
}

let supported: Set<string> | undefined;
function supportedCurrencies(): Set<string> {
  supported ??= new Set(Intl.supportedValuesOf('currency'));
  return supported;
}

export function isSupportedCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && supportedCurrencies().has(code);
}

export function assertCurrency(code: string, field = 'currency'): string {
  if (!isSupportedCurrency(code)) {
    throw invalid('unknown_currency', { code: code.slice(0, 40) }, field);
  }
  return code;
}

const exponents = new Map<string, number>();
export function currencyExponent(code: string): number {
  let e = exponents.get(code);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(code, e);
  }
  return e;
}

/** 1550 EUR → "15.50"; exact, no float arithmetic. */
export function minorToMajorString(minor: Minor, currency: string): string {
  const exp = currencyExponent(currency);
  const neg = minor < 0;
  const digits = Math.abs(minor)
    .toString()
    .padStart(exp + 1, '0');
  const whole = exp === 0 ? digits : digits.slice(0, -exp);
  const frac = exp === 0 ? '' : `.${digits.slice(-exp)}`;
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** Major units as a JSON number, for provider payloads that take floats (15.5 EUR → 15.5). */
export function minorToMajorNumber(minor: Minor, currency: string): number {
  return Number(minorToMajorString(minor, currency));
}

/**
 * Parses a provider's major-unit amount ("15.50", 15.5) into minor units.
 * Extra precision beyond the currency exponent is rounded half away from zero; a float artefact such as
 * 15.499999999 therefore still lands on the intended cent.
 */
export function majorToMinor(value: string | number, currency: string, field = 'amount'): Minor {
  const text = typeof value === 'number' ? numberToPlainString(value, field) : value;
  const parsed = parseDecimal(text, { maxScale: 20, field, allowNegative: true });
  const exp = currencyExponent(currency);
  const scaled =
    parsed.scale <= exp
      ? parsed.units * pow10(exp - parsed.scale)
      : divRoundHalfAway(parsed.units, pow10(parsed.scale - exp));
  return toSafeNumber(scaled, field);
}

function numberToPlainString(n: number, field: string): string {
  if (!Number.isFinite(n)) throw invalid('invalid_amount', { field }, field);
  // toFixed(12) avoids exponent notation for small numbers; trailing zeros are harmless.
  return Math.abs(n) >= 1e21 ? n.toString() : n.toFixed(12);
}

/**
 * Intl formatters are slow to make (a list page of 50 invoices made over a hundred per render, most of a search's
 * time in the renderer), so one is kept per locale and currency; a locale or currency Intl refuses throws as before.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: Minor, currency: string, locale = 'en'): string {
  const key = `${locale} ${currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, fmt);
  }
  return formatMoneyWith(fmt, minor, currency);
}

const rtlFormats = new WeakMap<Intl.NumberFormat, boolean>();
const writesRtl = (fmt: Intl.NumberFormat): boolean => {
  let rtl = rtlFormats.get(fmt);
  if (rtl === undefined) {
    rtl = isRtlLocale(fmt.resolvedOptions().locale);
    rtlFormats.set(fmt, rtl);
  }
  return rtl;
};

/**
 * An amount through a currency formatter (formatMoney's, or one a caller keeps for many amounts).
 * In a right-to-left locale the amount is an isolate, and so is its currency sign: Intl writes "‏99.00 US$", whose
 * trailing "$" is a neutral that takes the line's direction, so without the inner isolate the sign shows as "$US"
 * wherever the amount ends a right-to-left line; the outer one keeps the amount whole next to the words around it.
 */
export function formatMoneyWith(fmt: Intl.NumberFormat, minor: Minor, currency: string): string {
  // A decimal string keeps the value exact (Intl.NumberFormat v3 accepts strings).
  const value = minorToMajorString(minor, currency) as unknown as number;
  if (!writesRtl(fmt)) return fmt.format(value);
  return isolate(
    fmt
      .formatToParts(value)
      .map((p) => (p.type === 'currency' ? isolate(p.value) : p.value))
      .join(''),
  );
}

/**
 * An amount a person typed in major units ("12.50" EUR → 1250), exactly. Unlike majorToMinor (provider
 * payloads), more decimals than the currency has is an error, never a silent rounding.
 */
export function parseTypedAmount(text: string, currency: string, field = 'amount'): Minor {
  assertCurrency(currency);
  const exp = currencyExponent(currency);
  const d = parseDecimal(text.replace(/\s/g, '') || '0', { maxScale: exp, field });
  return toSafeNumber(d.units * pow10(exp - d.scale), field);
}
