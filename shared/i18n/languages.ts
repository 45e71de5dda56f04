/** The languages Kassa speaks, their writing direction, and how a language is chosen from a system's preferences. */

export const LANGUAGES = ['en', 'ar', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/**
 * The first of the system's preferred languages (BCP 47 tags such as `ar-EG`, `es-419`, `en-GB`) that Kassa
 * speaks, else English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.split(/[-_]/)[0]?.toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Which digits numbers are written with. Arabic text uses Latin digits unless the reader chose Arabic-Indic ones. */
export type Digits = 'latn' | 'arab';

/** The Intl locale for a language and a digit choice (`ar` + `arab` → `ar-u-nu-arab`). */
export function intlLocale(language: Language, digits: Digits = 'latn'): string {
  return `${language}-u-nu-${language === 'ar' ? digits : 'latn'}`;
}
