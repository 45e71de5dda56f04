/**
 * What makes an account valid, checked before anything is written (keychain or ledger).
 * Error messages name the field and the rule but never repeat a value: a secret pasted into the wrong
 * field, or credentials inside a URL, must not come back in an error.
 */
import { ACCOUNT_NAME_MAX, SECRET_VALUE_MAX, SETTING_VALUE_MAX } from '../../shared/contract/accounts';
import type { ProviderId } from '../../shared/domain';
import { KassaError, invalid } from '../../shared/errors';
import { isSupportedCurrency } from '../../shared/money';
import { textProblem } from '../../shared/text-rules';
import { fieldLabelMessage, providerInfo, secretFieldNames, type ProviderField } from '../../shared/providers';
import { isLoopbackHost } from '../loopback';

/** The contract already refuses these (shared/text-rules.ts); checked again for callers inside main. */
const badText = (v: string): boolean => textProblem(v) !== null;

export function validateName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) throw invalid('account_name_required', {}, 'name');
  if (name.length > ACCOUNT_NAME_MAX) throw invalid('account_name_too_long', { max: ACCOUNT_NAME_MAX }, 'name');
  if (badText(name)) throw invalid('account_name_invalid', {}, 'name');
  return name;
}

/** Case-insensitive comparison key for names (Unicode-aware, unlike SQLite's NOCASE). */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}

/**
 * A base URL override replaces only the origin of the provider's documented base URL: the adapter
 * appends the documented path. So: scheme + host (+ port) only, https — or http for loopback
 * (local fakes and test proxies), never credentials, a path, a query or a fragment.
 * Returns the normalised origin, or null when the override is cleared.
 */
export function validateBaseUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  const field = 'baseUrl';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('base_url_invalid', {}, field);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('base_url_credentials', {}, field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('base_url_scheme', {}, field);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid('base_url_insecure', {}, field);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw invalid('base_url_has_path', {}, field);
  }
  return url.origin;
}

/** Checks settings against the provider's setting fields; returns them trimmed (currencies upper-cased). */
export function validateSettings(
  provider: ProviderId,
  raw: Record<string, string> | undefined,
): Record<string, string> {
  const info = providerInfo(provider);
  const fields = new Map(info.settingFields.map((f) => [f.name, f]));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const field = `settings.${key}`;
    const spec = fields.get(key);
    if (!spec) {
      throw invalid(
        'unknown_setting',
        { provider: info.displayName, name: key.slice(0, 80), known: [...fields.keys()].join(', ') || '—' },
        field,
      );
    }
    const v = value.trim();
    if (v === '') continue; // an empty optional setting is the same as not setting it
    if (v.length > SETTING_VALUE_MAX || badText(v)) {
      throw invalid('setting_invalid', { setting: fieldLabelMessage(provider, key), max: SETTING_VALUE_MAX }, field);
    }
    out[key] = checkField(provider, spec, v, field);
  }
  for (const spec of info.settingFields) {
    if (spec.required && out[spec.name] === undefined)
      throw invalid(
        'setting_required',
        { provider: info.displayName, setting: fieldLabelMessage(provider, spec.name) },
        `settings.${spec.name}`,
      );
  }
  return out;
}

/** A field's own rule (currency, pattern); returns the value as stored. */
function checkField(provider: ProviderId, spec: ProviderField, value: string, field: string): string {
  let v = value;
  if (spec.kind === 'currency') {
    v = v.toUpperCase();
    if (!isSupportedCurrency(v)) {
      throw invalid('unknown_currency', { code: v.slice(0, 40) }, field);
    }
    const { currencies } = providerInfo(provider).capabilities;
    if (currencies !== 'any' && !currencies.includes(v)) {
      throw invalid(
        'currency_not_supported',
        { provider: providerInfo(provider).displayName, accepted: currencies.join(', '), currency: v },
        field,
      );
    }
  }
  if (spec.pattern && !new RegExp(spec.pattern.source).test(v)) {
    throw KassaError.withCode('invalid_input', spec.pattern.code, {}, { field });
  }
  return v;
}

export function secretFieldsOf(provider: ProviderId): {
  required: readonly string[];
  optional: readonly string[];
  all: string[];
} {
  return secretFieldNames(provider);
}

/**
 * Checks secret field names and values. Values are trimmed (pasted keys often carry a newline) and must
 * be one non-empty line. With `requireAll`, every required field must be present (adding an account).
 */
export function validateSecrets(
  provider: ProviderId,
  raw: Record<string, string>,
  opts: { requireAll: boolean },
): Record<string, string> {
  const fields = secretFieldsOf(provider);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `secrets.${key}`;
    if (!fields.all.includes(key)) {
      throw invalid(
        'unknown_secret_field',
        { provider: providerInfo(provider).displayName, name: key.slice(0, 80), known: fields.all.join(', ') },
        field,
      );
    }
    const v = value.trim();
    if (v === '') {
      if (opts.requireAll && fields.optional.includes(key)) continue; // an empty optional key = not given
      throw invalid('secret_empty', { secret: fieldLabelMessage(provider, key) }, field);
    }
    if (v.length > SECRET_VALUE_MAX || badText(v)) {
      throw invalid('secret_invalid', { secret: fieldLabelMessage(provider, key) }, field);
    }
    out[key] = v;
  }
  if (opts.requireAll) {
    for (const key of fields.required) {
      if (out[key] === undefined)
        throw invalid(
          'secret_required',
          { provider: providerInfo(provider).displayName, secret: fieldLabelMessage(provider, key) },
          `secrets.${key}`,
        );
    }
  } else if (Object.keys(out).length === 0) {
    throw invalid('secrets_empty', {}, 'secrets');
  }
  return out;
}

/** A key pasted into a settings field would end up in SQLite in plaintext: refuse it. */
export function assertNoSecretInSettings(settings: Record<string, string>, secrets: readonly string[]): void {
  for (const [key, value] of Object.entries(settings)) {
    if (secrets.some((s) => s.length >= 8 && value.includes(s))) {
      throw invalid('secret_in_settings', { setting: key }, `settings.${key}`);
    }
  }
}
