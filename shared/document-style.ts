/**
 * How a business's documents (PDF, e-mail and message texts) are written for one customer: in which language,
 * with which digits, and whether the labels are printed in a second language too.
 *
 * The language is the customer's own, else the business's document language (profile `language`), else the
 * language of the business's locale. Digits are Latin unless the business chose Arabic-Indic ones for its Arabic
 * documents. The bilingual layout pairs Arabic and English (as invoices in Egypt and the Gulf usually are): an
 * Arabic document also prints its labels in English, an English one also in Arabic.
 */
import type { BusinessProfile } from './domain';
import { pickLanguage, type Digits, type Language } from './i18n/languages';

export const DOCUMENT_LAYOUTS = ['single', 'bilingual'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

export const DIGITS = ['latn', 'arab'] as const satisfies readonly Digits[];

export type DocumentProfile = Pick<BusinessProfile, 'locale' | 'language' | 'documentLayout' | 'documentDigits'>;

export interface DocumentStyle {
  language: Language;
  /** The digits the document's numbers, amounts and dates are written with. */
  digits: Digits;
  /** The language the labels are also printed in (bilingual layout), else null. */
  second: Language | null;
}

/** The language a customer's documents are written in: theirs, else the business's document language. */
export function documentLanguageOf(customerLanguage: string | null | undefined, profile: DocumentProfile): Language {
  return pickLanguage(
    [customerLanguage, profile.language, profile.locale].filter((x): x is string => typeof x === 'string' && x !== ''),
  );
}

/** The digits a document in `language` is written with. */
export const documentDigitsOf = (language: Language, profile: DocumentProfile): Digits =>
  language === 'ar' && profile.documentDigits === 'arab' ? 'arab' : 'latn';

const BILINGUAL_PARTNER: Partial<Record<Language, Language>> = { ar: 'en', en: 'ar' };

export function documentStyleOf(customerLanguage: string | null | undefined, profile: DocumentProfile): DocumentStyle {
  const language = documentLanguageOf(customerLanguage, profile);
  return {
    language,
    digits: documentDigitsOf(language, profile),
    second: profile.documentLayout === 'bilingual' ? (BILINGUAL_PARTNER[language] ?? null) : null,
  };
}

/**
 * The Intl locale a document's numbers and dates are written in: the business's own locale when the document is
 * in the business locale's language (its regional date and number conventions), else the language's; always with
 * the chosen digits (an `ar-EG` locale alone would write Arabic-Indic ones).
 */
export function documentIntlLocale(style: DocumentStyle, businessLocale: string): string {
  const base = pickLanguage([businessLocale]) === style.language ? businessLocale : style.language;
  try {
    return new Intl.Locale(base, { numberingSystem: style.digits }).toString();
  } catch {
    return `${style.language}-u-nu-${style.digits}`;
  }
}
