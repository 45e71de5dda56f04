/**
 * The PDF checkers the tests use: qpdf, poppler-utils (pdftotext, pdfinfo, pdfdetach) and, where present,
 * ../shared/standards/validate-facturx. All run as child processes on files in a temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** ../shared/standards/validate-facturx beside the repository; KASSA_FACTURX_VALIDATOR points elsewhere (or nowhere). */
export const VALIDATOR =
  process.env.KASSA_FACTURX_VALIDATOR ?? path.resolve(ROOT, '..', 'shared', 'standards', 'validate-facturx');

export function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Text of the whole document, or of one page (1-based); `raw` keeps content-stream order (rotated text intact). */
export function pdfText(file: string, page?: number, raw = false): string {
  const args = page === undefined ? [file, '-'] : ['-f', String(page), '-l', String(page), file, '-'];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), ...args], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const l of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(l);
    if (m?.[1]) info[m[1].trim()] = (m[2] ?? '').trim();
  }
  return info;
}

export function pdfXmp(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

export function attachments(file: string): string[] {
  const out = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^\s*\d+:\s*/, '').trim())
    .filter(Boolean);
}

/** The text of an embedded file, extracted with pdfdetach. */
export function attachment(file: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-detach-'));
  try {
    execFileSync('pdfdetach', ['-saveall', '-o', dir, file]);
    return fs.readFileSync(path.join(dir, name), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function validateFacturX(file: string): { ok: boolean; output: string } {
  const r = spawnSync(VALIDATOR, [file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** pdftotext wraps right-to-left runs in U+202B…U+202C; those, and bidi marks, are layout, not text. */
export function stripBidi(text: string): string {
  return text.replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Compares ignoring bidi marks and all whitespace (pdftotext turns narrow no-break spaces into spaces, or drops them). */
export function squash(text: string): string {
  return stripBidi(text).replace(/[\s\u00a0\u202f]+/g, '');
}

/**
 * Whether an amount as the formatter wrote it ("١٠٬٤٨٨٫٠٠ ج.م.") is in the text. In a right-to-left document
 * pdftotext reads a line of mirrored columns as one right-to-left line and may give the currency sign reversed or
 * on the other side of the number; the number itself, whole, next to the sign is what is checked then.
 */
export function hasAmount(text: string, formatted: string): boolean {
  const all = squash(text);
  const want = squash(formatted);
  if (all.includes(want)) return true;
  const m = /[\d٠-٩][\d٠-٩.,٬٫]*[\d٠-٩]/u.exec(want);
  if (!m) return false;
  const num = m[0];
  const sign = (want.slice(0, m.index) + want.slice(m.index + num.length)).replace(/^-|-$/g, '');
  const rev = [...sign].reverse().join('');
  return [sign + num, num + sign, rev + num, num + rev].some((v) => all.includes(v));
}

/** Letters and digits only: for text whose punctuation an extractor may move (brackets in right-to-left text). */
export function letters(text: string): string {
  return stripBidi(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when the words of `phrase` appear in this order, next to each other, on one line of `text`. */
export function hasWords(text: string, phrase: string): boolean {
  const want = stripBidi(phrase).split(/\s+/).filter(Boolean);
  return stripBidi(text)
    .split('\n')
    .some((l) => {
      const words = l.split(/\s+/).filter(Boolean);
      for (let i = 0; i + want.length <= words.length; i++) if (want.every((w, k) => words[i + k] === w)) return true;
      return false;
    });
}
