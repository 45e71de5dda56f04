/**
 * Small pieces every adapter needs: reading a secret for one call, turning a failed cheap call into a
 * "test connection" verdict, and the common create refusals.
 */
import type { Invoice } from '../../shared/domain';
import { KassaError, refused } from '../../shared/errors';
import { providerName } from '../../shared/providers';
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
      throw new KassaError(
        'refused',
        'secret_missing',
        `No ${name} is stored for the ${providerName(deps.account.provider)} account "${deps.account.name}"; set it first.`,
        {
          field: `secrets.${name}`,
        },
      );
    }
    out[name] = v.trim();
  }
  return out;
}

/** "Test connection" verdict for an error thrown by the cheapest authenticated call. */
export function connectionCheckFromError(err: unknown, provider: AdapterDeps['account']['provider']): ConnectionCheck {
  const name = providerName(provider);
  if (!(err instanceof KassaError)) throw err;
  const status = typeof err.details?.httpStatus === 'number' ? err.details.httpStatus : undefined;
  const withStatus = (c: ConnectionCheck): ConnectionCheck => (status === undefined ? c : { ...c, httpStatus: status });
  if (err.code === 'secret_missing') return { ok: false, result: 'wrong_key', message: err.message };
  if (err.kind !== 'provider') return { ok: false, result: 'provider_error', message: err.message };
  switch (err.code) {
    case 'provider_auth_failed':
      // The error already names the provider, the status and what to check (e.g. Paycashless's signature hint).
      return withStatus({
        ok: false,
        result: 'wrong_key',
        message: `${err.message} ${name} test and live keys are separate: use the key for the account's mode.`,
      });
    case 'provider_unreachable':
    case 'provider_timeout':
    case 'provider_network_error':
      return { ok: false, result: 'unreachable', message: err.message };
    default:
      return withStatus({ ok: false, result: 'provider_error', message: err.message });
  }
}

export function refuseUnlessIssuable(invoice: Invoice, name: string): void {
  if (invoice.kind !== 'invoice') {
    throw refused('credit_note_not_supported', `${name} has no credit notes; only invoices can be sent there.`, 'kind');
  }
  if (invoice.number === null || invoice.number === '') {
    throw refused('invoice_not_issued', 'Only issued invoices (with a number) can be sent to a provider.', 'number');
  }
  if (invoice.totals.total <= 0) {
    throw refused(
      'nothing_to_pay',
      `${name} needs an amount greater than zero; this invoice totals nothing.`,
      'totals.total',
    );
  }
}

export function refuseCurrency(invoice: Invoice, allowed: readonly string[], name: string): void {
  if (!allowed.includes(invoice.currency)) {
    throw refused(
      'currency_not_supported',
      `${name} accepts ${allowed.join(', ')}; this invoice is in ${invoice.currency}.`,
      'currency',
    );
  }
}
