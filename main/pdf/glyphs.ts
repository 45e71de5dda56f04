/**
 * Which characters the shipped fonts can draw. A character no face has (an emoji, a rare symbol) would come out of
 * pdfkit as the font's empty box (.notdef); instead it is drawn as U+FFFD (the replacement character, which Noto
 * Sans has), one per user-perceived character (grapheme), and the composer asks about such characters before the
 * invoice is issued (`pdf.checkText`), so the user can reword while the invoice is still a draft.
 *
 * A character goes to the face the text engine would pick for it (Arabic script → Noto Sans Arabic, everything
 * else → Noto Sans), so "drawable" here means drawable where it will actually be drawn.
 */
import type { FontSet } from './fonts';

export const FALLBACK_GLYPH = '\ufffd';

const ARABIC = /\p{Script=Arabic}/u;
/** Joiners, variation selectors and bidi controls shape or steer text and are never drawn themselves. */
const IGNORABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0x061c, 0x061c],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];
const ignorable = (cp: number): boolean => IGNORABLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
/** Line breaks and tabs are layout, handled by the text engine. */
const LAYOUT = /[\t\n\r]/;
const PLAIN = /^[\x20-\x7e]*$/;

const caches = new WeakMap<FontSet, Map<number, boolean>>();

function drawableChar(fonts: FontSet, ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (ignorable(cp) || LAYOUT.test(ch)) return true;
  let cache = caches.get(fonts);
  if (!cache) {
    cache = new Map();
    caches.set(fonts, cache);
  }
  let ok = cache.get(cp);
  if (ok === undefined) {
    ok = ARABIC.test(ch) ? fonts.arabic.hasGlyphForCodePoint(cp) : fonts.latin.hasGlyphForCodePoint(cp);
    cache.set(cp, ok);
  }
  return ok;
}

/** Marks and neutrals after an Arabic letter are drawn with the Arabic face when it has them (main/pdf/text.ts). */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

function allDrawable(fonts: FontSet, text: string): boolean {
  if (PLAIN.test(text)) return true;
  let afterArabic = false;
  for (const ch of text) {
    const neutral = NEUTRAL.test(ch);
    // A vowel mark such as the tanween in «شكرًا» is Script=Inherited: it goes with the Arabic letter it sits on.
    const withArabic = afterArabic && neutral && fonts.arabic.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
    if (!withArabic && !drawableChar(fonts, ch)) return false;
    afterArabic = ARABIC.test(ch) || (afterArabic && neutral);
  }
  return true;
}

let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string): string[] => {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return [...segmenter.segment(text)].map((s) => s.segment);
};

/** The distinct user-perceived characters of `text` that the fonts cannot draw, in order of appearance. */
export function undrawable(fonts: FontSet, text: string): string[] {
  if (allDrawable(fonts, text)) return [];
  const out = new Set<string>();
  for (const g of graphemes(text)) if (!allDrawable(fonts, g)) out.add(g);
  return [...out];
}

/** `text` with every grapheme the fonts cannot draw replaced by the fallback glyph. */
export function withFallbackGlyphs(fonts: FontSet, text: string): string {
  if (allDrawable(fonts, text)) return text;
  return graphemes(text)
    .map((g) => (allDrawable(fonts, g) ? g : FALLBACK_GLYPH))
    .join('');
}
