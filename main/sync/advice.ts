/**
 * What the user should do about an outbox item, as a catalogue message (key + params) — stored with its English
 * text (CLI, logs) in the row's result, and shown by the screens in the reader's language.
 */
import type { ProviderId } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n/catalogue';
import { englishText } from '../../shared/i18n/english';
import type { ParamValues } from '../../shared/i18n/params';
import { insteadMessage, insteadOf, type InsteadOperation } from '../../shared/providers';

export interface Advice {
  key: MessageKey;
  params: ParamValues;
}

/** The fields an outbox row's result carries for its advice. */
export function adviceResult(a: Advice): { advice: string; adviceKey: string; adviceParams: ParamValues } {
  return { advice: englishText(a.key, a.params), adviceKey: a.key, adviceParams: a.params };
}

/** What to do instead of an operation the provider lacks (its descriptor says which). */
export function insteadAdvice(provider: ProviderId, op: InsteadOperation): Advice {
  return insteadMessage(insteadOf(provider, op) ?? 'use_dashboard', provider);
}
