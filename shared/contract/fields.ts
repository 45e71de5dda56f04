/**
 * Field schemas shared by every ledger method: one definition of "a date", "a quantity", "a currency",
 * "a bounded text", so the UI, the CLI and the browser host refuse the same inputs with the same words
 * (catalogue messages: see validation.ts; the field's name comes from its path).
 * Every text has a length limit: a 10 MB note is refused here, before it reaches the ledger.
 */
import { z } from 'zod';
import { countryCodeOfName, isCountryCode } from '../countries';
import { isDecimalString, normalizeDecimal } from '../decimal';
import { EXEMPT_CATEGORIES, VAT_CATEGORIES, type VatCategory } from '../domain';
import { isSupportedCurrency } from '../money';
import { msg } from '../i18n/keys';
import type { Message } from '../i18n/params';
import { textProblem, type TextRuleOptions } from '../text-rules';
import { isIsoDate } from './dates';
import { notNegativeZero, wholeNumber } from './numbers';
import { says } from './validation';

export { wholeNumber } from './numbers';

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

/** Refuses what shared/text-rules.ts refuses (control characters, direction overrides, broken or invisible-only text). */
export const textRules =
  (opts: TextRuleOptions = {}) =>
  (v: string, ctx: z.RefinementCtx): void => {
    const problem = textProblem(v, opts);
    if (problem) ctx.addIssue({ code: 'custom', message: says(`validation.${problem}`) });
  };

/** A bounded string held to the text rules, kept exactly as given (hosts, addresses, passwords: no trimming). */
export const checkedString = (max: number, opts: TextRuleOptions = {}) =>
  z
    .string({ error: says('validation.not_text') })
    .max(max, { error: says('validation.too_long') })
    .superRefine(textRules(opts));

/** A text a person types: bounded, checked character by character, trimmed. `lines` for notes and terms. */
export const text = (max: number, opts: TextRuleOptions = {}) =>
  z
    .string({ error: says('validation.not_text') })
    .max(max, { error: says('validation.too_long') })
    .superRefine(textRules(opts))
    .trim();

export const requiredText = (max: number, opts: TextRuleOptions = {}) =>
  text(max, opts).min(1, { error: says('validation.empty') });

/**
 * Optional text. "" is kept as "" so an update can tell "clear this" ("" or null) from "leave it"
 * (absent); the ledger stores "" as NULL.
 */
export const optionalText = (max: number, opts: TextRuleOptions = {}) => text(max, opts).nullable().optional();

/** Names that would reach an object's prototype instead of the object (`__proto__`, `constructor`, ...). */
export const isPrototypeKey = (key: string): boolean =>
  key === '__proto__' || key === 'prototype' || key in Object.prototype;

/** A key of a record (settings, secrets): a plain name, never a prototype key. */
export const recordKey = () =>
  z
    .string({ error: says('validation.not_text') })
    .max(64, { error: says('validation.too_long') })
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: says('validation.key_name') })
    .refine((k) => !isPrototypeKey(k), { error: says('validation.key_name') });

export const isoDate = () =>
  z
    .string({ error: says('validation.date') })
    .max(10, { error: says('validation.date') })
    .refine(isIsoDate, { error: says('validation.date') });

export const currencyCode = z
  .string({ error: says('validation.currency') })
  .max(3, { error: says('validation.currency') })
  .transform((v) => v.toUpperCase())
  .refine(isSupportedCurrency, { error: says('validation.currency') });

export const minorAmount = (opts: { min?: number } = {}) =>
  z
    .number({ error: says('validation.minor_units') })
    .int({ error: says('validation.minor_units') })
    .refine(notNegativeZero, { error: says('validation.minor_units') })
    .min(opts.min ?? 0, { error: says('validation.at_least') })
    .max(MAX_MINOR, { error: says('validation.too_large') });

/** Quantity: exact decimal string, > 0, at most 3 decimal places. */
export const quantity = z
  .string({ error: says('validation.decimal_string') })
  .max(20, { error: says('validation.too_long') })
  .refine((v) => isDecimalString(v, 3), { error: says('validation.quantity') })
  .refine((v) => Number(v) > 0, { error: says('validation.positive') })
  .refine((v) => Number(v) <= MAX_QUANTITY, { error: says('validation.too_large') })
  .transform(normalizeDecimal);

/** A percentage as an exact decimal string between 0 and 100, at most 4 decimal places. */
export const percent = () =>
  z
    .string({ error: says('validation.decimal_string') })
    .max(12, { error: says('validation.too_long') })
    .refine((v) => isDecimalString(v, 4), { error: says('validation.percent_format') })
    .refine((v) => Number(v) <= 100, { error: says('validation.percent_range') })
    .transform(normalizeDecimal);

export const vatCategory = z.enum(VAT_CATEGORIES);

/** Rules of EN 16931 on category vs rate: S needs a positive rate, exempt/zero categories a zero rate. */
export function taxCategoryProblem(
  category: VatCategory,
  rate: string,
  exemptionReason: string | undefined,
): { field: 'rate' | 'exemptionReason'; problem: Message } | null {
  const r = Number(rate);
  if (category === 'S' && !(r > 0)) return { field: 'rate', problem: msg('validation.standard_rate') };
  if (['Z', 'E', 'AE', 'K', 'G', 'O'].includes(category) && r !== 0)
    return { field: 'rate', problem: msg('validation.zero_rate', { category }) };
  if (EXEMPT_CATEGORIES.includes(category) && !exemptionReason) {
    return { field: 'exemptionReason', problem: msg('validation.exemption_reason', { category }) };
  }
  return null;
}

/** Reports a rule's problem as a zod issue at `path`, keeping its catalogue key and params. */
export function addProblem(ctx: z.RefinementCtx, problem: Message, path: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: problem.key, path, ...(problem.params ? { params: problem.params } : {}) });
}

/** An e-mail address as Kassa accepts one (name@domain.tld, no spaces): one rule for customers, SMTP and shares. */
export const isEmailAddress = (v: string): boolean => v.length <= LIMITS.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

export const email = z
  .string({ error: says('validation.not_text') })
  .max(LIMITS.email, { error: says('validation.too_long') })
  .superRefine(textRules())
  .trim()
  .refine((v) => v === '' || isEmailAddress(v), { error: says('validation.email') })
  .nullable()
  .optional();

/**
 * A phone number as typed ("0100 123 4567", "+20 100 123 4567", Arabic-Indic digits): checked and stored in E.164
 * with the owner's country (shared/phone.ts, the one normaliser). The field alone cannot know that country, so the
 * objects that have one (customer, profile) check it with `checkPhone` (phone-check.ts) next to their address, and the ledger turns
 * it into E.164 with the country it ends up with.
 */
export const phone = z
  .string({ error: says('validation.not_text') })
  .max(LIMITS.phone, { error: says('validation.too_long') })
  .superRefine(textRules())
  .trim()
  .nullable()
  .optional();

/** ISO 3166-1 alpha-2 ("EG", "ng"); a country's name ("Nigeria") is refused with its code in the message. */
export const countryCode = z
  .string({ error: says('validation.not_text') })
  .max(LIMITS.name, { error: says('validation.too_long') })
  .trim()
  .transform((v) => (v.length === 2 ? v.toUpperCase() : v))
  .superRefine((v, ctx) => {
    if (v === '' || isCountryCode(v)) return;
    const named = countryCodeOfName(v);
    if (named) ctx.addIssue({ code: 'custom', message: says('validation.country_named'), params: { code: named } });
    else ctx.addIssue({ code: 'custom', message: says('validation.country') });
  })
  .nullable()
  .optional();

export const address = z
  .object({
    line1: optionalText(LIMITS.addressLine),
    line2: optionalText(LIMITS.addressLine),
    city: optionalText(LIMITS.addressLine),
    postalCode: optionalText(32),
    region: optionalText(LIMITS.addressLine),
    country: countryCode,
  })
  .strict();

/** A file or folder path (only the CLI may name one). */
export const filePath = () =>
  z
    .string({ error: says('validation.not_text') })
    .min(1, { error: says('validation.empty') })
    .max(4096, { error: says('validation.too_long') })
    .superRefine(textRules());

/** Ids made by the ledger: a short prefix, an underscore, lower-case base-36. */
export const ledgerId = () =>
  z
    .string({ error: says('validation.id') })
    .max(64, { error: says('validation.id') })
    .regex(/^[a-z]{2,4}_[0-9a-z]{6,40}$/, { error: says('validation.id') });

/** Ids made elsewhere (provider accounts): bounded, printable. */
export const foreignId = () =>
  z
    .string({ error: says('validation.id') })
    .min(1, { error: says('validation.empty') })
    .max(100, { error: says('validation.too_long') })
    .regex(/^[\w:.-]+$/, { error: says('validation.id') });

export const locale = z
  .string({ error: says('validation.locale') })
  .max(35, { error: says('validation.too_long') })
  .refine(
    (v) => {
      try {
        return Intl.getCanonicalLocales(v).length === 1 && Intl.NumberFormat.supportedLocalesOf([v]).length === 1;
      } catch {
        return false;
      }
    },
    { error: says('validation.locale') },
  );

/**
 * A record of plain-named entries. zod's own record drops an own `__proto__` key (JSON.parse makes one) without a
 * word, so the raw keys are looked at first: a prototype key is refused, never dropped.
 */
export const plainRecord = <V extends z.ZodType>(value: V) =>
  z.preprocess(
    (raw, ctx) => {
      if (raw && typeof raw === 'object' && !Array.isArray(raw))
        for (const key of Object.keys(raw))
          if (isPrototypeKey(key)) ctx.addIssue({ code: 'custom', message: says('validation.key_name'), path: [key] });
      return raw;
    },
    z.record(recordKey(), value),
  );

/**
 * Rows to skip instead of a cursor: for a list that jumps to a position (a scroll bar dragged halfway). Pages that
 * follow one another use the cursor, which costs the same wherever it is. A list takes one or the other
 * (`cursorOrOffset`).
 */
export const pageOffset = () => wholeNumber().min(0).max(10_000_000).optional();
export const cursorOrOffset = <T extends z.ZodType<{ cursor?: unknown; offset?: unknown }>>(list: T): T =>
  list.refine((v) => v.cursor === undefined || v.offset === undefined, {
    error: says('validation.cursor_or_offset'),
    path: ['offset'],
  });

/** A page cursor handed back by a list (opaque to the caller, decoded and checked by the list). */
export const pageCursor = () =>
  z
    .string({ error: says('validation.not_text') })
    .max(500, { error: says('validation.too_long') })
    .superRefine(textRules());
