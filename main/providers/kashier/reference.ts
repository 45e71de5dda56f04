/**
 * Kashier's `invoiceReferenceId` must be unique per merchant and is documented as a "Numeric value" (sent as a
 * string). A numeric value may be read as a double somewhere on Kashier's side, so two references must stay
 * different within 15 significant digits. Our numbers are `<PREFIX>-<YYYY>-<SEQ>` (INV-2026-0042), so:
 *
 * Scheme 2 (current): "2" + year (4 digits) + the sequence digits as printed.
 *   INV-2026-0042  →  2 2026 0042  =  "220260042"
 *   - readable: the year and the number are there as they are printed;
 *   - unique: the leading "2" and the 4-digit year fix the length of everything before the sequence, so the total
 *     length (5 + sequence digits) says where the sequence starts; different numbers are different integers;
 *   - at most 15 digits (sequences up to 10 digits), so every reference is exact as a double.
 *   The leading digit names the series: 2 = INV (the only series Kassa sends to providers). A number of another
 *   shape cannot be expressed and is refused before anything is sent.
 *
 * Scheme 1 (legacy, sent by earlier versions): "1" + a reversible digit encoding of every character
 *   (INV-2026-0042 → "191892393193620269360042", 24 digits — equal as doubles for consecutive numbers, hence
 *   scheme 2). Still decoded, and still looked up, so invoices linked or sent before keep working — but only when
 *   it decodes to one of our numbers (`INV-2026-0042`): a foreign all-digit reference such as the docs' own
 *   "1434984" stays foreign.
 */
import { invalid, KassaError } from '../../../shared/errors';
import { providerName } from '../../../shared/providers';
import type { ReferenceCodec } from '../descriptor';

const SCHEME2_SERIES: Readonly<Record<string, string>> = { INV: '2' };
const OUR_NUMBER_RE = /^([A-Z]+)-(\d{4})-(\d{1,10})$/;
const SCHEME2_RE = /^2(\d{4})(\d{1,10})$/;

/** Scheme 2; throws when the number is not one of our printed forms. */
export function encodeKashierReference(number: string): string {
  const m = OUR_NUMBER_RE.exec(number);
  const digit = m ? SCHEME2_SERIES[m[1] as string] : undefined;
  if (!m || digit === undefined) {
    throw new KassaError(
      'refused',
      'reference_not_encodable',
      { provider: providerName('kashier'), number },
      { field: 'number' },
    );
  }
  return `${digit}${m[2] as string}${m[3] as string}`;
}

/** The invoice number a reference was made from (either scheme), or null when it is not one of ours. */
export function decodeKashierReference(reference: string): string | null {
  const m = SCHEME2_RE.exec(reference);
  if (m) return `INV-${m[1] as string}-${m[2] as string}`;
  const legacy = decodeLegacy(reference);
  return legacy !== null && OUR_NUMBER_RE.test(legacy) ? legacy : null;
}

// ---- scheme 1 (legacy) ----

const LEGACY = '1';
/** Append only: reordering would change references already sent. */
const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-/._ abcdefghijklmnopqrstuvwxyz#+:(),&*@!=;[]{}<>~|';
const CODEPOINT_ESCAPE = '989';

/** The scheme earlier versions sent, kept so their references can be looked up. */
export function encodeLegacyKashierReference(number: string): string {
  if (number.length === 0) throw invalid('missing_number', 'The invoice has no number yet.', 'number');
  let out = LEGACY;
  for (const ch of number) {
    if (ch >= '0' && ch <= '8') out += ch;
    else if (ch === '9') out += '99';
    else {
      const i = TABLE.indexOf(ch);
      out += i >= 0 ? `9${i + 10}` : `${CODEPOINT_ESCAPE}${(ch.codePointAt(0) ?? 0).toString().padStart(7, '0')}`;
    }
  }
  return out;
}

function decodeLegacy(reference: string): string | null {
  if (!/^\d+$/.test(reference) || !reference.startsWith(LEGACY)) return null;
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
  sentForms: (number) => [encodeKashierReference(number), encodeLegacyKashierReference(number)],
};
