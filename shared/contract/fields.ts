/**
 * Field schemas shared by every ledger method: one definition of "a date", "a quantity", "a currency",
 * "a bounded text", so the UI, the CLI and the browser host refuse the same inputs with the same words.
 * Every text has a length limit: a 10 MB note is refused here, before it reaches the ledger.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';
import { isDecimalString, normalizeDecimal } from '../decimal';
import { EXEMPT_CATEGORIES, VAT_CATEGORIES, type VatCategory } from '../domain';
import { isSupportedCurrency } from '../money';
import { isIsoDate } from './dates';

/** Length limits (characters). Generous for people, tiny compared with what would hurt the ledger. */
export const LIMITS = {
  name: 200,
  email: 254,
  phone: 32,
  addressLine: 200,
  taxId: 64,
  customerNotes: 5_000,
  invoiceNotes: 5_000,
  terms: 2_000,
  description: 1_000,
  reason: 500,
  method: 50,
  search: 200,
  lines: 500,
  csv: 5_000_000,
  /** Base64 of a 512 KiB image. */
  logoBase64: 700_000,
} as const;

/** Largest amount accepted in minor units: far above any invoice, far below Number.MAX_SAFE_INTEGER. */
export const MAX_MINOR = 1_000_000_000_000_000; // 1e15
export const MAX_QUANTITY = 1_000_000_000;

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} is too long (at most ${max.toLocaleString('en')} characters).` })
    .trim();

export const requiredText = (label: string, max: number) =>
  text(label, max).min(1, { error: `${label} must not be empty.` });

/**
 * Optional text. "" is kept as "" so an update can tell "clear this" ("" or null) from "leave it"
 * (absent); the ledger stores "" as NULL.
 */
export const optionalText = (label: string, max: number) => text(label, max).nullable().optional();

export const isoDate = (label = 'date') =>
  z
    .string({ error: `${label} must be a date as YYYY-MM-DD.` })
    .max(10, { error: `${label} must be a date as YYYY-MM-DD.` })
    .refine(isIsoDate, { error: `${label} must be a real date as YYYY-MM-DD (e.g. 2026-03-31).` });

export const currencyCode = z
  .string({ error: 'currency must be an ISO-4217 code such as EUR.' })
  .max(3, { error: 'currency must be a three-letter ISO-4217 code such as EUR.' })
  .transform((v) => v.toUpperCase())
  .refine(isSupportedCurrency, {
    error: 'currency is not an ISO-4217 currency code this system knows (e.g. EUR, EGP, NGN).',
  });

export const minorAmount = (label: string, opts: { min?: number } = {}) =>
  z
    .number({ error: `${label} must be a whole number of minor units (e.g. cents: 1550 for 15.50).` })
    .int({ error: `${label} must be a whole number of minor units (e.g. cents: 1550 for 15.50).` })
    .min(opts.min ?? 0, { error: `${label} must be at least ${opts.min ?? 0}.` })
    .max(MAX_MINOR, { error: `${label} is too large.` });

/** Quantity: exact decimal string, > 0, at most 3 decimal places. */
export const quantity = z
  .string({ error: 'quantity must be a decimal string such as "1" or "2.5" (not a number).' })
  .max(20, { error: 'quantity is too long.' })
  .refine((v) => isDecimalString(v, 3), {
    error: 'quantity must be a positive decimal with at most 3 decimal places (e.g. "1.5").',
  })
  .refine((v) => Number(v) > 0, { error: 'quantity must be greater than 0.' })
  .refine((v) => Number(v) <= MAX_QUANTITY, { error: 'quantity is too large.' })
  .transform(normalizeDecimal);

/** A percentage as an exact decimal string between 0 and 100, at most 4 decimal places. */
export const percent = (label: string) =>
  z
    .string({ error: `${label} must be a decimal string such as "14" or "7.5" (not a number).` })
    .max(12, { error: `${label} is too long.` })
    .refine((v) => isDecimalString(v, 4), {
      error: `${label} must be a percentage with at most 4 decimal places (e.g. "14" or "7.5").`,
    })
    .refine((v) => Number(v) <= 100, { error: `${label} must be between 0 and 100.` })
    .transform(normalizeDecimal);

export const vatCategory = z.enum(VAT_CATEGORIES, {
  error: `tax category must be one of ${VAT_CATEGORIES.join(', ')} (EN 16931).`,
});

/** Rules of EN 16931 on category vs rate: S needs a positive rate, exempt/zero categories a zero rate. */
export function taxCategoryProblem(
  category: VatCategory,
  rate: string,
  exemptionReason: string | undefined,
): { field: 'rate' | 'exemptionReason'; message: string } | null {
  const r = Number(rate);
  if (category === 'S' && !(r > 0))
    return { field: 'rate', message: 'category S (standard rate) needs a rate above 0.' };
  if (['Z', 'E', 'AE', 'K', 'G', 'O'].includes(category) && r !== 0)
    return { field: 'rate', message: `category ${category} requires a 0 rate.` };
  if (EXEMPT_CATEGORIES.includes(category) && !exemptionReason) {
    return { field: 'exemptionReason', message: `category ${category} requires an exemption reason (EN 16931).` };
  }
  return null;
}

export const email = z
  .string({ error: 'email must be text.' })
  .max(LIMITS.email, { error: `email is too long (at most ${LIMITS.email} characters).` })
  .trim()
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: 'email is not a valid address (e.g. name@example.com).',
  })
  .nullable()
  .optional();

/** E.164 phone: international format with +country code; spaces and dashes are accepted and removed. */
export const phone = z
  .string({ error: 'phone must be text.' })
  .max(LIMITS.phone, { error: 'phone is too long.' })
  .trim()
  .transform((v, ctx) => {
    if (v === '') return '';
    const parsed = v.startsWith('+') ? parsePhoneNumberFromString(v) : undefined;
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({
        code: 'custom',
        message:
          'phone must be a valid international number starting with + and the country code (E.164, e.g. +201001234567).',
      });
      return z.NEVER;
    }
    return parsed.number as string;
  })
  .nullable()
  .optional();

export const countryCode = z
  .string({ error: 'country must be text.' })
  .max(2, { error: 'country must be an ISO 3166-1 alpha-2 code such as EG or DE.' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || /^[A-Z]{2}$/.test(v), {
    error: 'country must be an ISO 3166-1 alpha-2 code such as EG or DE.',
  })
  .nullable()
  .optional();

export const address = z
  .object({
    line1: optionalText('address line 1', LIMITS.addressLine),
    line2: optionalText('address line 2', LIMITS.addressLine),
    city: optionalText('city', LIMITS.addressLine),
    postalCode: optionalText('postal code', 32),
    region: optionalText('region', LIMITS.addressLine),
    country: countryCode,
  })
  .strict();

/** Ids made by the ledger: a short prefix, an underscore, lower-case base-36. */
export const ledgerId = (label: string) =>
  z
    .string({ error: `${label} must be an id string.` })
    .max(64, { error: `${label} is not a valid id.` })
    .regex(/^[a-z]{2,4}_[0-9a-z]{6,40}$/, { error: `${label} is not a valid id.` });

/** Ids made elsewhere (provider accounts): bounded, printable. */
export const foreignId = (label: string) =>
  z
    .string({ error: `${label} must be an id string.` })
    .min(1, { error: `${label} must not be empty.` })
    .max(100, { error: `${label} is too long.` })
    .regex(/^[\w:.-]+$/, { error: `${label} is not a valid id.` });

export const locale = z
  .string({ error: 'locale must be a BCP 47 tag such as en-GB or ar-EG.' })
  .max(35, { error: 'locale is too long.' })
  .refine(
    (v) => {
      try {
        return Intl.getCanonicalLocales(v).length === 1 && Intl.NumberFormat.supportedLocalesOf([v]).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'locale must be a BCP 47 tag this system supports (e.g. en-GB, de-DE, ar-EG).' },
  );
