/**
 * What the user should do about an outbox item, as a catalogue message (key + params): stored as it is in the row's
 * result and history (never as a sentence), worded by each screen in the reader's language and by the CLI in English.
 */
import type { ProviderId } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n/catalogue';
import type { Message, ParamValues } from '../../shared/i18n/params';
import { insteadMessage, insteadOf, type InsteadOperation } from '../../shared/providers';

export interface Advice {
  key: MessageKey;
  params: ParamValues;
}

/** The fields an outbox row's result carries for its advice. */
export function adviceResult(a: Advice): { advice: Message } {
  return { advice: { key: a.key, params: a.params } };
}

/** What to do instead of an operation the provider lacks (its descriptor says which). */
export function insteadAdvice(provider: ProviderId, op: InsteadOperation): Advice {
  return insteadMessage(insteadOf(provider, op) ?? 'use_dashboard', provider);
}
