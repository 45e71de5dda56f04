/**
 * What a text a person typed may contain, decided once for the contract's fields, the CSV import, account names
 * and keys, and what providers send back. Refused: control characters (NUL and the like; line breaks and tabs only
 * in texts that have lines), text-direction overrides (they make a PDF or a CSV show other than what is stored),
 * broken characters (a lone UTF-16 surrogate, which storage would turn into U+FFFD), and text that is nothing but
 * invisible characters (zero-width spaces, joiners, direction marks, fillers) — it looks empty and is not.
 */

export type TextProblem = 'control_characters' | 'direction_override' | 'broken_text' | 'invisible_only';

/** Control characters, plus the line and paragraph separators that end a line as much as \n does. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;
/** Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). Direction marks (LRM, RLM) are fine. */
const DIRECTION_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/u;
export const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Characters that show nothing: white space, format characters (zero-width space/joiners, marks, BOM, tags),
 * the combining grapheme joiner, Hangul and Mongolian fillers, the Braille blank and variation selectors.
 */
export const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u17b4|\u17b5/gu;

export interface TextRuleOptions {
  /** The text may have several lines (notes, terms): \n, \r and \t are allowed. */
  lines?: boolean;
}

/** The first rule `text` breaks, or null. White space alone is not "invisible only": it trims to empty. */
export function textProblem(text: string, opts: TextRuleOptions = {}): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'broken_text';
  if ((opts.lines ? CONTROL_EXCEPT_LINES : CONTROL).test(text)) return 'control_characters';
  if (DIRECTION_OVERRIDE.test(text)) return 'direction_override';
  if (text.trim() !== '' && withoutInvisible(text) === '') return 'invisible_only';
  return null;
}

/** The text without any invisible character (to tell whether anything visible is left). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Whether the text holds any invisible character other than a plain space (for keys and ids, which have none). */
export function hasInvisible(text: string): boolean {
  return withoutInvisible(text.replaceAll(' ', 'x')).length !== text.length;
}
