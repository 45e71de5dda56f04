/**
 * Providers that take amounts in major units as JSON numbers (Kashier, KashIO, Kaspa, SimpleCash): an amount is
 * sent only when the number survives the trip exactly (no float artefact, no digits beyond what the provider
 * takes), and a reply's major amount is read back into minor units of the invoice currency.
 */
import { KassaError } from '../../shared/errors';
import { providerName } from '../../shared/providers';
import { currencyExponent, majorToMinor, minorToMajorNumber, minorToMajorString, type Minor } from '../../shared/money';
import type { ProviderId } from '../../shared/domain';

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** True when `minor` survives the trip through a JSON major-unit number unchanged (and has ≤ maxDecimals). */
export function majorRoundTrips(minor: number, currency: string, maxDecimals = Number.POSITIVE_INFINITY): boolean {
  if (!Number.isSafeInteger(minor)) return false;
  const major = minorToMajorNumber(minor, currency);
  const text = trimZeros(minorToMajorString(minor, currency));
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  return majorToMinor(major, currency) === minor && String(major) === text && decimals <= maxDecimals;
}

/** Refuses (before anything is sent) an amount the provider cannot be given exactly. */
export function assertMajorExact(
  provider: ProviderId,
  amounts: readonly Minor[],
  currency: string,
  maxDecimals = Number.POSITIVE_INFINITY,
): void {
  const bad = amounts.find((a) => !majorRoundTrips(a, currency, maxDecimals));
  if (bad !== undefined) {
    throw new KassaError(
      'refused',
      'amount_not_representable',
      { provider: providerName(provider), amount: { minor: bad, currency } },
      { field: 'totals.total' },
    );
  }
}

/** A provider's major amount (number or decimal string) in minor units of `currency`; null when unreadable. */
export function minorOf(value: unknown, currency: string | null): Minor | null {
  if (currency === null || (typeof value !== 'number' && typeof value !== 'string')) return null;
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
  try {
    const minor = majorToMinor(typeof value === 'string' ? value.trim() : value, currency);
    // More digits than the currency has: not an amount of this currency we can trust.
    return majorRoundTrips(minor, currency, currencyExponent(currency)) ? minor : null;
  } catch {
    return null;
  }
}
