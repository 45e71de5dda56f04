/**
 * Phone numbers, read the way people write them: a local number with the customer's country
 * (`0100 123 4567` + EG → `+201001234567`), an international one (`+20 100 123 4567`, `0020…`), Arabic-Indic
 * digits, spaces, dashes and brackets. The one place that turns typed text into E.164 — the customer form, the
 * share dialog, the CLI and the provider routes all call it, so they accept and refuse the same numbers.
 *
 * libphonenumber-js with its "max" metadata, the only one that knows which numbers are mobile: an SMS or WhatsApp
 * message to a landline never arrives, so `normalizeMobile` refuses one before anything is sent.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumberType } from 'libphonenumber-js/max';
import { invalid } from './errors';

/** Why a text is not a usable number: each is a catalogue error code (`error.<code>`). */
export type PhoneProblem = 'phone_empty' | 'phone_needs_country' | 'phone_invalid' | 'phone_not_mobile';

/** What kind of line a number is; null when the numbering plan does not say. */
export type PhoneType = PhoneNumberType | null;

export type PhoneCheck = { ok: true; e164: string; type: PhoneType } | { ok: false; problem: PhoneProblem };

/** Types that can receive SMS and WhatsApp; some plans (US, CA) do not tell mobile from fixed lines. */
const MOBILE_TYPES: ReadonlySet<PhoneType> = new Set<PhoneType>(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

const COUNTRY_RE = /^[A-Z]{2}$/;

function countryOf(country: string | null | undefined): CountryCode | undefined {
  const c = country?.trim().toUpperCase();
  return c && COUNTRY_RE.test(c) ? (c as CountryCode) : undefined;
}

/**
 * Any valid phone number (mobile, fixed line, …) in E.164. `country` (ISO 3166-1 alpha-2) is the one used to read
 * a number written without its country code; a number that has one keeps it whatever `country` says.
 */
export function normalizePhone(raw: string, country?: string | null): PhoneCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'phone_empty' };
  // 00 is the international prefix almost everywhere Kassa is used; libphonenumber only reads it with a country.
  const international = text.replace(/^00(?=[1-9])/, '+');
  const cc = countryOf(country);
  if (!international.startsWith('+') && !cc) {
    return { ok: false, problem: /\d/.test(text) ? 'phone_needs_country' : 'phone_invalid' };
  }
  const parsed = parsePhoneNumberFromString(international, cc);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'phone_invalid' };
  return { ok: true, e164: parsed.number, type: parsed.getType() ?? null };
}

/** A number that can receive SMS and WhatsApp messages, in E.164; landlines and the like are refused. */
export function normalizeMobile(raw: string, country?: string | null): PhoneCheck {
  const r = normalizePhone(raw, country);
  if (r.ok && !MOBILE_TYPES.has(r.type)) return { ok: false, problem: 'phone_not_mobile' };
  return r;
}

/** The digits of an E.164 number without the "+", as wa.me wants them. */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** The E.164 form of a number that can receive SMS and WhatsApp, or an invalid-input error at `field`. */
export function requireMobile(raw: string, country: string | null | undefined, field: string): string {
  const r = normalizeMobile(raw, country);
  if (!r.ok) throw invalid(r.problem, {}, field);
  return r.e164;
}

/** The E.164 form of any valid number, or an invalid-input error at `field`. */
export function requirePhone(raw: string, country: string | null | undefined, field: string): string {
  const r = normalizePhone(raw, country);
  if (!r.ok) throw invalid(r.problem, {}, field);
  return r.e164;
}
