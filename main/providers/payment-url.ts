/**
 * A payment URL a provider hands us becomes a "Pay online" link, a QR code and a clickable PDF link, so it must be a
 * web page the customer can safely open: https only — plain http only on this computer (a local simulator) — with
 * no credentials in it. Anything else (javascript:, data:, file:, a URL with a password…) is not kept as a payment
 * URL; the provider's answer itself stays in the link's raw payload for diagnosis.
 */
import { isLoopbackHost } from '../loopback';

export function usablePaymentUrl(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || text.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure || !url.hostname || url.username || url.password) return null;
  return url.href;
}
