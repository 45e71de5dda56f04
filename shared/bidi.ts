/**
 * Keeping amounts, codes and names readable inside right-to-left text (Unicode bidi, UAX #9). A value placed in a
 * sentence is wrapped in an isolate so it keeps its own direction and does not reorder the words around it; the
 * renderer, the PDF text engine (bidi-js) and text extractors all honour isolates.
 */

/** First-strong isolate: the value's own first strong letter decides its direction. */
export const FSI = '\u2068';
/** Left-to-right isolate: for values that are always written left to right (codes, e-mail addresses, URLs). */
export const LRI = '\u2066';
/** Pop directional isolate: ends FSI / LRI. */
export const PDI = '\u2069';

export const isolate = (text: string): string => `${FSI}${text}${PDI}`;
export const isolateLtr = (text: string): string => `${LRI}${text}${PDI}`;

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
const rtlLocales = new Map<string, boolean>();

/** Whether a locale writes right to left (Intl's text info where the engine has it, else its language). */
export function isRtlLocale(locale: string): boolean {
  let rtl = rtlLocales.get(locale);
  if (rtl === undefined) {
    try {
      const loc = new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } };
      rtl = loc.textInfo?.direction ? loc.textInfo.direction === 'rtl' : RTL_LANGUAGES.has(loc.language);
    } catch {
      rtl = false;
    }
    rtlLocales.set(locale, rtl);
  }
  return rtl;
}

/**
 * A run of left-to-right "code" inside text: Latin letters or digits joined by the punctuation codes use
 * (2026-Q1, INV-2026-0001, 2026-03-10, ap@customer.example, https://pay.example/x?id=1). Such a
 * run needs isolating in right-to-left text only when it mixes digits with letters or punctuation: a lone word or a
 * plain number is already shown in order.
 */
const LTR_RUN = /[A-Za-z0-9][A-Za-z0-9_\-./:@?=&%#+~]*[A-Za-z0-9/]/g;
const NEEDS_ISOLATE = /(?=.*[0-9])(?=.*[A-Za-z_\-/:@?=&%#+~])|[@/]/;

/**
 * Right-to-left text with every left-to-right code in it isolated, so "ربع مثل 2026-Q1" does not show the code as
 * "Q1-2026". Text that already isolates (a translated message's parameters) is left as it is inside the isolates.
 */
export function isolateLtrRuns(text: string): string {
  let out = '';
  let depth = 0;
  let last = 0;
  // Walk isolates so text already inside one (a parameter) is not isolated twice.
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === FSI || ch === LRI || ch === '\u2067' || ch === PDI) {
      const piece = text.slice(last, i);
      out += depth === 0 ? piece.replace(LTR_RUN, (m) => (NEEDS_ISOLATE.test(m) ? isolateLtr(m) : m)) : piece;
      if (i < text.length) {
        out += ch;
        depth = ch === PDI ? Math.max(0, depth - 1) : depth + 1;
      }
      last = i + 1;
    }
  }
  return out;
}
