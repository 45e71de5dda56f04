/**
 * Exact decimal strings (quantities, tax-rate percentages) as scaled BigInts.
 * Binary floats never touch money: every product and rounding happens on integers.
 */
import { invalid } from './errors';

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

export interface Scaled {
  /** value × 10^scale */
  units: bigint;
  scale: number;
}

export function parseDecimal(text: string, opts: { maxScale: number; field: string; allowNegative?: boolean }): Scaled {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) throw invalid('invalid_decimal', { text: truncate(text) }, opts.field);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > opts.maxScale) {
    throw invalid('too_many_decimals', { field: opts.field, max: opts.maxScale }, opts.field);
  }
  if (sign && !opts.allowNegative) throw invalid('negative_not_allowed', { field: opts.field }, opts.field);
  const units = BigInt((sign ?? '') + whole + frac);
  return { units, scale: frac.length };
}

export function isDecimalString(text: string, maxScale: number): boolean {
  const m = DECIMAL_RE.exec(text);
  return m !== null && (m[3] ?? '').length <= maxScale;
}

/** Canonical form: no leading zeros, no trailing fractional zeros ("01.50" → "1.5"). */
export function normalizeDecimal(text: string): string {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return text;
  const [, sign, whole = '0', frac = ''] = m;
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  const out = f ? `${w}.${f}` : w;
  return sign && out !== '0' ? `-${out}` : out;
}

/** Divides n by d (d > 0) rounding half away from zero, as EN 16931 amounts are rounded. */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (2n * d);
  return neg ? -q : q;
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

export function toSafeNumber(v: bigint, field: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalid('amount_too_large', { field }, field);
  }
  return Number(v);
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
