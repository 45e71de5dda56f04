/**
 * Base URLs: an account's override replaces only the ORIGIN (scheme, host, port) of the provider's documented
 * base URL; the adapter still appends the documented path. Plain http is allowed only for loopback hosts, so an
 * override can point at a local simulator or proxy but can never send a key over the network unencrypted.
 */
import { invalid } from '../../shared/errors';
import { isLoopbackHost } from '../loopback';

/**
 * Checks an override and returns its origin (e.g. "http://127.0.0.1:4010"). Refuses other schemes, plain http to
 * non-loopback hosts, credentials, and any path, query or fragment (the path always comes from the documentation).
 */
export function validateBaseUrlOverride(text: string, field = 'baseUrl'): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('invalid_base_url', { reason: 'format' }, field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('invalid_base_url', { reason: 'scheme' }, field);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid('insecure_base_url', { host: url.hostname }, field);
  }
  if (url.username || url.password) {
    throw invalid('invalid_base_url', { reason: 'credentials' }, field);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw invalid('invalid_base_url', { reason: 'path' }, field);
  }
  return url.origin;
}

/** The documented base URL with its origin replaced by the override, when there is one. No trailing slash. */
export function resolveBaseUrl(documented: string, override: string | null | undefined): string {
  const doc = new URL(documented);
  const path = doc.pathname.replace(/\/+$/, '');
  if (override === null || override === undefined || override.trim() === '') return `${doc.origin}${path}`;
  return `${validateBaseUrlOverride(override)}${path}`;
}
