/**
 * Small pieces every adapter needs: reading a secret for one call, turning a failed cheap call into a
 * "test connection" verdict, and the common create refusals.
 */
import type { Invoice, ProviderId } from '../../shared/domain';
import { KassaError, refused } from '../../shared/errors';
import { fieldLabelMessage, providerName } from '../../shared/providers';
import type { AdapterDeps, ConnectionCheck } from './types';

/** Reads the account's secrets for one call (never cached) and returns the named ones, refusing when one is missing. */
export async function requireSecrets<K extends string>(
  deps: AdapterDeps,
  names: readonly K[],
): Promise<Record<K, string>> {
  const all = await deps.secrets();
  const out = {} as Record<K, string>;
  for (const name of names) {
    const v = all[name];
    if (typeof v !== 'string' || v.trim() === '') {
      const provider = deps.account.provider;
      throw new KassaError(
        'refused',
        'secret_missing',
        { secret: fieldLabelMessage(provider, name), provider: providerName(provider), account: deps.account.name },
        { field: `secrets.${name}` },
      );
    }
    out[name] = v.trim();
  }
  return out;
}

/** "Test connection" verdict for an error thrown by the cheapest authenticated call (its message, for any reader). */
export function connectionCheckFromError(err: unknown): ConnectionCheck {
  if (!(err instanceof KassaError)) throw err;
  const status = typeof err.details?.httpStatus === 'number' ? err.details.httpStatus : undefined;
  const withStatus = (c: ConnectionCheck): ConnectionCheck => (status === undefined ? c : { ...c, httpStatus: status });
  if (err.code === 'secret_missing')
    return { ok: false, result: 'wrong_key', message: err.message, detail: err.toMessage() };
  if (err.kind !== 'provider')
    return { ok: false, result: 'provider_error', message: err.message, detail: err.toMessage() };
  switch (err.code) {
    case 'provider_auth_failed':
      // The error already names the provider, the status and what to check (key, mode, or the signature).
      return withStatus({ ok: false, result: 'wrong_key', message: err.message, detail: err.toMessage() });
    case 'provider_unreachable':
    case 'provider_timeout':
    case 'provider_network_error':
      return { ok: false, result: 'unreachable', message: err.message, detail: err.toMessage() };
    default:
      return withStatus({ ok: false, result: 'provider_error', message: err.message, detail: err.toMessage() });
  }
}

export function refuseUnlessIssuable(invoice: Invoice, provider: ProviderId): void {
  const params = { provider: providerName(provider) };
  if (invoice.kind !== 'invoice') throw refused('credit_note_not_supported', params, 'kind');
  if (invoice.number === null || invoice.number === '')
    throw refused('invoice_not_issued', { context: 'send' }, 'number');
  if (invoice.totals.total <= 0) throw refused('nothing_to_pay', params, 'totals.total');
}

export function refuseCurrency(invoice: Invoice, allowed: readonly string[], provider: ProviderId): void {
  if (!allowed.includes(invoice.currency)) {
    throw refused(
      'currency_not_supported',
      { provider: providerName(provider), accepted: allowed.join(', '), currency: invoice.currency },
      'currency',
    );
  }
}
