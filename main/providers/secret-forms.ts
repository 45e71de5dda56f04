/**
 * Every form in which a provider could echo an account's key back: as it is, URL-encoded (as encodeURIComponent and
 * as a query string write it, escapes in either case), in another letter case, base64 (standard or URL-safe, at any
 * byte offset, as inside a Basic header), and each part of a composite key ("id$secret", "user:pass"). One
 * case-insensitive pattern finds them all, so what is logged, thrown or stored has none of them.
 */

const MIN = 4;
// Parts of a composite key shorter than this could be ordinary words ("live", "test") and are not redacted alone.
const MIN_PART = 8;
const SEPARATORS = /[$:|]/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The base64 text that encodes `bytes` wherever they sit in a longer input: one core per byte offset 0, 1, 2. */
function base64Cores(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const whole = Math.floor((k + bytes.length) / 3) * 4; // characters of complete groups (no padding bits)
    const core = b64.slice(k === 0 ? 0 : 4, whole);
    if (core.length >= MIN_PART) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN) continue;
    const parts = [s, ...s.split(SEPARATORS).filter((p) => p.length >= MIN_PART)];
    for (const p of parts) {
      forms.add(p);
      forms.add(encodeURIComponent(p));
      forms.add(encodeURIComponent(p).replace(/%20/g, '+'));
      // As a query string writes it (a key sent in a URL): space as "+", and ~ ! ' ( ) escaped too.
      forms.add(new URLSearchParams({ k: p }).toString().slice(2));
      for (const core of base64Cores(Buffer.from(p, 'utf8'))) forms.add(core);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * One pattern for all forms (longest first), case-insensitive; null when there is nothing to look for. Built per call
 * and never cached: keys stay in memory only while a call runs.
 */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  const forms = secretForms(secrets);
  return forms.length === 0 ? null : new RegExp(forms.map(escape).join('|'), 'gi');
}

export function redactSecrets(text: string, secrets: readonly string[] | RegExp | null): string {
  const re = secrets === null || secrets instanceof RegExp ? secrets : secretPattern(secrets);
  return re === null ? text : text.replace(re, '[redacted]');
}
