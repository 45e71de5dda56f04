/**
 * A provider's own status of an invoice, as the app shows it: the values a provider documents are catalogue texts in
 * the reader's language; anything else is the provider's data and is shown as it came (never guessed, never hidden).
 *
 * Kashier stores two raw fields as "<paymentStatus>/<state>" (main/providers/kashier/map.ts): paymentStatus
 * paid/unpaid and state submitted/draft/cancelled are documented; an expired invoice's values are not.
 */
import { msg } from '../i18n/keys';
import type { Message } from '../i18n/params';
import type { ProviderId } from '../domain';

const KASHIER_PAYMENT = {
  paid: msg('providers.status.kashier.paid'),
  unpaid: msg('providers.status.kashier.unpaid'),
} as const;
const KASHIER_STATE = {
  submitted: msg('providers.status.kashier.submitted'),
  draft: msg('providers.status.kashier.draft'),
  cancelled: msg('providers.status.kashier.cancelled'),
} as const;

/** One part of a remote status: a catalogue message when known, else the raw value. */
export type RemoteStatusPart = { message: Message } | { raw: string };

const known = <T extends Record<string, Message>>(table: T, value: string): RemoteStatusPart =>
  Object.hasOwn(table, value) ? { message: table[value as keyof T] as Message } : { raw: value };

export function remoteStatusParts(provider: ProviderId, remoteStatus: string): RemoteStatusPart[] {
  if (provider === 'kashier') {
    const at = remoteStatus.indexOf('/');
    if (at >= 0) {
      const payment = remoteStatus.slice(0, at);
      const state = remoteStatus.slice(at + 1);
      return [...(payment ? [known(KASHIER_PAYMENT, payment)] : []), ...(state ? [known(KASHIER_STATE, state)] : [])];
    }
  }
  return remoteStatus ? [{ raw: remoteStatus }] : [];
}
