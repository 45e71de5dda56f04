/**
 * The links that hand a message to another app: `sms:` (RFC 5724) and WhatsApp's click-to-chat
 * `https://wa.me/<digits>?text=…`. Built here and nowhere else, and recognised here too, so the Electron shell
 * opens exactly these shapes (main/electron/security.ts) and nothing that merely looks like them.
 *
 * The message is percent-encoded as UTF-8 with encodeURIComponent: Arabic text, `&`, `#`, `?` and `+` survive
 * (a `+` would otherwise read as a space, a `#` would cut the message off as a fragment, `&` would end it).
 */
import { phoneDigits } from '../phone';

/** Longest share link handed to the OS (an encoded Arabic character takes 6 characters). */
export const SHARE_LINK_MAX = 4096;

const E164 = String.raw`\+[1-9]\d{6,14}`;
const ENCODED = String.raw`(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})*`;
const SMS_LINK = new RegExp(String.raw`^sms:${E164}(?:\?body=${ENCODED})?$`);
const WHATSAPP_LINK = new RegExp(String.raw`^https://wa\.me/[1-9]\d{6,14}\?text=${ENCODED}$`);

/** `sms:+201001234567?body=…` for an E.164 number. */
export function smsLink(e164: string, message: string): string {
  return `sms:${e164}?body=${encodeURIComponent(message)}`;
}

/** `https://wa.me/201001234567?text=…` for an E.164 number. */
export function whatsappLink(e164: string, message: string): string {
  return `https://wa.me/${phoneDigits(e164)}?text=${encodeURIComponent(message)}`;
}

/** The message a share link carries, decoded ('' for a bare `sms:+…`); null for anything not shaped as above. */
export function shareLinkMessage(url: string): string | null {
  if (url.length > SHARE_LINK_MAX) return null;
  if (!SMS_LINK.test(url) && !WHATSAPP_LINK.test(url)) return null;
  const encoded = /\?(?:body|text)=(.*)$/.exec(url)?.[1] ?? '';
  try {
    return decodeURIComponent(encoded);
  } catch {
    // Percent escapes that are not UTF-8.
    return null;
  }
}

/** True for exactly the shapes smsLink and whatsappLink make. */
export const isShareLink = (url: string): boolean => shareLinkMessage(url) !== null;
