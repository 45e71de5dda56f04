/**
 * Kashier's `invoiceReferenceId` must be unique per merchant and is described as "numeric" (sent as a string).
 * Our invoice numbers are text ("INV-2026-0042"), so we send a reversible digits-only form of the number.
 *
 * Scheme "1" (the leading digit names the scheme and guarantees no leading zero that a numeric parse could drop):
 *   digits 0–8        → themselves             (so the number's digits stay readable)
 *   digit 9           → "99"
 *   a TABLE character → "9" + two digits 10–88 (its index in TABLE + 10)
 *   any other char    → "989" + its Unicode code point as 7 digits
 *
 * Decoding reads left to right: after a "9", the next digit is 9 (a nine), 1–8 (a TABLE code), or "89" (a code
 * point), so every encoded string has exactly one reading, and distinct numbers give distinct references.
 *
 *   INV-2026-0042  →  1 918 923 931 936 2026 936 0042  =  "191892393193620269360042"
 *   (I=918, N=923, V=931, "-"=936; digits unchanged)
 */
import { invalid } from '../../../shared/errors';
import type { ReferenceCodec } from '../descriptor';

const SCHEME = '1';
/** At most 79 characters (codes 10–88). Append only: reordering would change references already sent. */
const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-/._ abcdefghijklmnopqrstuvwxyz#+:(),&*@!=;[]{}<>~|';
const CODEPOINT_ESCAPE = '989';

if (TABLE.length > 79 || new Set(TABLE).size !== TABLE.length) throw new Error('kashier reference table is broken');

export function encodeKashierReference(number: string): string {
  if (number.length === 0) throw invalid('missing_number', 'The invoice has no number yet.', 'number');
  let out = SCHEME;
  for (const ch of number) {
    if (ch >= '0' && ch <= '8') {
      out += ch;
    } else if (ch === '9') {
      out += '99';
    } else {
      const i = TABLE.indexOf(ch);
      out += i >= 0 ? `9${i + 10}` : `${CODEPOINT_ESCAPE}${(ch.codePointAt(0) ?? 0).toString().padStart(7, '0')}`;
    }
  }
  return out;
}

/** The invoice number a reference was made from, or null when the string is not one of ours. */
export function decodeKashierReference(reference: string): string | null {
  if (!/^\d+$/.test(reference) || !reference.startsWith(SCHEME)) return null;
  let out = '';
  let i = 1;
  while (i < reference.length) {
    const d = reference[i] as string;
    if (d !== '9') {
      out += d;
      i += 1;
      continue;
    }
    const next = reference[i + 1];
    if (next === undefined) return null;
    if (next === '9') {
      out += '9';
      i += 2;
    } else if (reference.startsWith(CODEPOINT_ESCAPE, i)) {
      const cp = reference.slice(i + 3, i + 10);
      if (cp.length !== 7) return null;
      const n = Number(cp);
      if (n > 0x10ffff) return null;
      out += String.fromCodePoint(n);
      i += 10;
    } else {
      const code = Number(reference.slice(i + 1, i + 3));
      const ch = TABLE[code - 10];
      if (reference.length < i + 3 || ch === undefined) return null;
      out += ch;
      i += 3;
    }
  }
  return out.length > 0 ? out : null;
}

export const KASHIER_REFERENCE: ReferenceCodec = {
  encode: encodeKashierReference,
  decode: decodeKashierReference,
  sentForms: (number) => [encodeKashierReference(number)],
};
