/**
 * How a PDF is written for one reader: the language, digits and second label language of shared/document-style.ts
 * (the customer's language, else the business's document language), the Intl locale of its numbers and dates, and
 * the catalogue translator in that language with those digits. Invoices, quotes and the VAT summary take it here.
 */
import type { BusinessProfile } from '../../shared/domain';
import { documentIntlLocale, documentStyleOf, type DocumentStyle } from '../../shared/document-style';
import { createTranslator } from '../../shared/i18n/catalogue';
import type { Digits, Language } from '../../shared/i18n/languages';
import type { Translator } from '../../shared/i18n/translate';

const translators = new Map<string, Translator>();

/** One translator per language for the process: a bulk export renders thousands of documents in a few languages. */
export function documentTranslator(language: Language, digits: Digits): Translator {
  let tr = translators.get(`${language}|${digits}`);
  if (!tr) {
    tr = createTranslator({ language, digits });
    translators.set(`${language}|${digits}`, tr);
  }
  return tr;
}

/** The document style for a reader of `customerLanguage` (null: the business itself) and its Intl locale. */
export function documentLocaleOf(
  customerLanguage: string | null | undefined,
  profile: BusinessProfile,
): DocumentStyle & { locale: string } {
  const style = documentStyleOf(customerLanguage, profile);
  return { ...style, locale: documentIntlLocale(style, profile.locale) };
}
