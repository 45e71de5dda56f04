/**
 * Paycashless request signing (../shared/providers/paycashless.md §2), as documented:
 *   bodyHash  = hex(HMAC-SHA512(secret, canonicalJson(body)))            — only when the request has a body
 *   message   = lowercase(path without query) + bodyHash + timestamp      — no separators; GET: path + timestamp
 *   signature = hex(HMAC-SHA512(secret, message))
 * canonicalJson: what the documented Node example produces — a recursively key-sorted object passed through
 * JSON.stringify: keys sorted by UTF-16 code units (JS default sort), arrays kept in order (their elements sorted
 * inside), compact output. A JS object lists integer-like keys ("2", "10": canonical array indices) first, in
 * ascending numeric order, whatever the insertion order, so the example's bytes put them first too — and so do we
 * (serialised by hand, key order spelled out). The adapter sends exactly the canonical bytes it signed.
 */
import { createHmac } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  const out = serialise(value, 0);
  if (out === undefined) throw new TypeError('cannot serialise an undefined body');
  return out;
}

function serialise(value: unknown, depth: number): string | undefined {
  if (depth > 64) throw new TypeError('body nests too deeply');
  if (value === null) return 'null';
  if (value !== undefined && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialise((value as { toJSON: () => unknown }).toJSON(), depth + 1);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return JSON.stringify(value); // non-finite numbers become null, as in JSON.stringify
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('bigint cannot be sent as JSON');
    default:
      break;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => serialise(v, depth + 1) ?? 'null').join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of jsObjectKeyOrder(Object.keys(obj).sort())) {
    const v = serialise(obj[key], depth + 1);
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${parts.join(',')}}`;
}

/** A canonical array index ("0", "7", "10"; not "01" or "4294967295") — what JS objects list first. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/** The order a JS object built with `keys` (in that order) enumerates them: array indices first, ascending. */
export function jsObjectKeyOrder(keys: readonly string[]): string[] {
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !isArrayIndex(k))];
}

export const hmacSha512Hex = (secret: string, data: string): string =>
  createHmac('sha512', secret).update(data, 'utf8').digest('hex');

/** The path part that is signed: lower-cased, query string and fragment dropped. */
export function signedPath(pathOrUrl: string): string {
  const noQuery = pathOrUrl.split(/[?#]/, 1)[0] ?? '';
  const path = /^https?:\/\//i.test(noQuery) ? new URL(noQuery).pathname : noQuery;
  return path.toLowerCase();
}

export interface SignInput {
  /** The request path (a full URL or a query string is tolerated and stripped). */
  path: string;
  /** The exact body string sent, or null when the request has none (GET). */
  body: string | null;
  /** Unix seconds, the same value sent in Request-Timestamp. */
  timestamp: number;
  secret: string;
}

export function signPaycashless(input: SignInput): string {
  const bodyHash = input.body === null ? '' : hmacSha512Hex(input.secret, input.body);
  return hmacSha512Hex(input.secret, `${signedPath(input.path)}${bodyHash}${input.timestamp}`);
}

/** The three documented headers (plus JSON content negotiation). */
export function paycashlessHeaders(opts: {
  apiKey: string;
  apiSecret: string;
  path: string;
  body: string | null;
  now: Date;
}): Record<string, string> {
  const timestamp = Math.floor(opts.now.getTime() / 1000);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${opts.apiKey}`,
    'Request-Timestamp': String(timestamp),
    'Request-Signature': signPaycashless({ path: opts.path, body: opts.body, timestamp, secret: opts.apiSecret }),
    accept: 'application/json',
  };
  if (opts.body !== null) headers['Content-Type'] = 'application/json';
  return headers;
}
