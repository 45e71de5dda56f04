/**
 * Leak scanning: does any secret appear in files (raw bytes: SQLite file, its -wal/-shm, logs, backups)
 * or in values that left the main process (contract responses, error bodies)?
 *
 * Each secret is searched in the encodings it could plausibly be written in: UTF-8, UTF-16LE (SQLite
 * text in a UTF-16 database), base64 (e.g. an HTTP Basic header "key:" logged by mistake), hex, and URL-encoded
 * (a key that travels in a query string).
 * Used by the accounts tests and meant to be repeated by the sync tests after a full sync.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { secretForms } from '../../main/providers/secret-forms';

export interface LeakHit {
  /** File path, or the label given to a scanned value. */
  where: string;
  /** Index of the secret in the list (the secret itself is never printed). */
  secretIndex: number;
  encoding: 'utf8' | 'utf16le' | 'base64' | 'base64-basic' | 'hex' | 'url';
}

function needles(secret: string): Array<{ encoding: LeakHit['encoding']; bytes: Buffer }> {
  const list: Array<{ encoding: LeakHit['encoding']; bytes: Buffer }> = [
    { encoding: 'utf8', bytes: Buffer.from(secret, 'utf8') },
    { encoding: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
    { encoding: 'hex', bytes: Buffer.from(Buffer.from(secret, 'utf8').toString('hex'), 'utf8') },
  ];
  // Base64 of a substring depends on alignment; the whole secret and the Basic-auth form are what code would write.
  const b64 = Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '');
  const basic = Buffer.from(`${secret}:`, 'utf8').toString('base64').replace(/=+$/, '');
  // A key sent in a URL (SimpleCash's api_key) is written URL-encoded in a query string or an echoed link.
  const query = new URLSearchParams({ k: secret }).toString().slice(2);
  for (const form of new Set([encodeURIComponent(secret), query]))
    if (form !== secret) {
      list.push({ encoding: 'url', bytes: Buffer.from(form, 'utf8') });
      const lower = form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
      if (lower !== form) list.push({ encoding: 'url', bytes: Buffer.from(lower, 'utf8') });
    }
  if (b64.length >= 8) list.push({ encoding: 'base64', bytes: Buffer.from(b64.slice(0, -2), 'utf8') });
  if (basic.length >= 8) list.push({ encoding: 'base64-basic', bytes: Buffer.from(basic.slice(0, -2), 'utf8') });
  return list;
}

function checkSecrets(secrets: readonly string[]): void {
  // A short "secret" would match by accident and make the scan meaningless.
  for (const s of secrets) assert.ok(s.length >= 12, 'leak scans need secrets of at least 12 characters');
}

/** Hits of any secret in a buffer or string. */
export function scanBytes(where: string, data: Buffer | string, secrets: readonly string[]): LeakHit[] {
  checkSecrets(secrets);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const hits: LeakHit[] = [];
  secrets.forEach((secret, secretIndex) => {
    for (const n of needles(secret)) if (buf.includes(n.bytes)) hits.push({ where, secretIndex, encoding: n.encoding });
  });
  return hits;
}

/** Every regular file under the given files/directories (recursively), missing paths ignored. */
export function listFiles(roots: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else if (st.isFile()) out.push(p);
  };
  roots.forEach(walk);
  return out;
}

/** Scans the raw bytes of every file under `roots` (e.g. the data dir: kassa.db, kassa.db-wal, logs/). */
export function scanFiles(roots: readonly string[], secrets: readonly string[]): LeakHit[] {
  return listFiles(roots).flatMap((f) => scanBytes(f, fs.readFileSync(f), secrets));
}

/** Scans a value as it would cross a boundary (JSON), plus the message and stack of errors. */
export function scanValue(where: string, value: unknown, secrets: readonly string[]): LeakHit[] {
  const parts: string[] = [];
  if (value instanceof Error) {
    parts.push(value.message, value.stack ?? '', JSON.stringify(value));
    const body = (value as { toBody?: () => unknown }).toBody?.();
    if (body !== undefined) parts.push(JSON.stringify(body));
  } else {
    parts.push(JSON.stringify(value) ?? String(value));
  }
  return scanBytes(where, parts.join('\n'), secrets);
}

/** Fails with where each secret was found (by index and encoding, never printing the secret). */
export function assertNoLeaks(hits: readonly LeakHit[], context = ''): void {
  if (hits.length === 0) return;
  const lines = hits.map((h) => `secret #${h.secretIndex} (${h.encoding}) in ${h.where}`);
  assert.fail(`Secret bytes found${context ? ` ${context}` : ''}:\n${lines.join('\n')}`);
}

/** Collects every value a test sees crossing the contract, for one scan at the end. */
export class ResponseLog {
  readonly entries: Array<{ where: string; value: unknown }> = [];

  record<T>(where: string, value: T): T {
    this.entries.push({ where, value });
    return value;
  }

  /** Runs fn and records its result or its error (the error is returned, not thrown). */
  async capture<T>(where: string, fn: () => Promise<T>): Promise<T | Error> {
    try {
      return this.record(where, await fn());
    } catch (err) {
      return this.record(where, err instanceof Error ? err : new Error(String(err)));
    }
  }

  scan(secrets: readonly string[]): LeakHit[] {
    return this.entries.flatMap((e) => scanValue(e.where, e.value, secrets));
  }
}

/**
 * The forms a hostile provider echoes a key back in, beyond the plain key: other letter case, URL-encoded with
 * lower-case escapes, base64 at byte offsets 1 and 2 (standard and URL-safe), and each part of a composite key.
 */
export function echoesOf(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    out.add(s.toUpperCase());
    out.add(s.toLowerCase());
    out.add(encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
    out.add(Buffer.from(`x${s}`).toString('base64'));
    out.add(Buffer.from(`xy${s}`).toString('base64url'));
    for (const part of s.split(/[$:|]/)) if (part.length >= 8 && part !== s) out.add(part);
  }
  return [...out];
}

/**
 * Every form the redaction covers (main/providers/secret-forms.ts — as is, URL-encoded, base64 at each offset,
 * base64url, each part of a composite key), lower-cased so a search finds them in any letter case.
 */
const lowerForms = (secrets: readonly string[]): string[] => [
  ...new Set(secretForms(secrets).map((f) => f.toLowerCase())),
];

/** How many of the secrets' forms occur in a text, in any letter case. */
export function formHits(text: string, secrets: readonly string[]): number {
  checkSecrets(secrets);
  const hay = text.toLowerCase();
  return lowerForms(secrets).filter((f) => hay.includes(f)).length;
}

/**
 * Every file under `roots`, as raw bytes (UTF-8 and UTF-16LE text alike), searched for every form of every secret in
 * any letter case. Hits name the file and the form's index, never the secret.
 */
export function scanTree(
  roots: readonly string[],
  secrets: readonly string[],
): { files: number; bytes: number; hits: string[] } {
  checkSecrets(secrets);
  const forms = lowerForms(secrets);
  const needles = forms.flatMap((f, i) => [
    { i, bytes: Buffer.from(f, 'latin1') },
    { i, bytes: Buffer.from(f, 'utf16le') },
  ]);
  let bytes = 0;
  const hits: string[] = [];
  const files = listFiles(roots);
  for (const file of files) {
    const raw = fs.readFileSync(file);
    bytes += raw.length;
    // ASCII letters lower-cased byte by byte: the forms are ASCII, so this finds them in any case and either width.
    const lower = Buffer.from(raw.toString('latin1').toLowerCase(), 'latin1');
    for (const n of needles) if (lower.includes(n.bytes)) hits.push(`${file}: form #${n.i}`);
  }
  return { files: files.length, bytes, hits: [...new Set(hits)] };
}
