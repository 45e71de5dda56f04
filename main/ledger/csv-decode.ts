/**
 * Reading a CSV file's bytes as text, without guessing: UTF-8 with or without a byte-order mark is read; anything
 * else is refused with the line where it stops being UTF-8 (a Latin-1 "Café Müller" would otherwise be stored as
 * "Caf\ufffd M\ufffdller" without a word). Text that already went through a lossy decoder (U+FFFD) is refused the
 * same way.
 */
import { LONE_SURROGATE } from '../../shared/text-rules';

export type CsvDecoded =
  | { ok: true; text: string }
  | { ok: false; problem: 'utf16'; line: 1 }
  | { ok: false; problem: 'not_utf8'; line: number };

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

const lineAt = (bytes: Uint8Array | string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if ((typeof bytes === 'string' ? bytes.charCodeAt(i) : bytes[i]) === 0x0a) line++;
  return line;
};

export function decodeCsvBytes(bytes: Uint8Array): CsvDecoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return { ok: false, problem: 'utf16', line: 1 };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { ok: false, problem: 'not_utf8', line: lineAt(bytes, bad) };
  return checkCsvText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * Text given as text: refused when it carries U+FFFD, the trace of bytes a reader could not decode, or a lone
 * surrogate (JSON can carry one), which storage would turn into U+FFFD.
 */
export function checkCsvText(text: string): CsvDecoded {
  const fffd = text.indexOf('\ufffd');
  const lone = text.search(LONE_SURROGATE);
  const at = fffd < 0 ? lone : lone < 0 ? fffd : Math.min(fffd, lone);
  return at < 0 ? { ok: true, text } : { ok: false, problem: 'not_utf8', line: lineAt(text, at) };
}
