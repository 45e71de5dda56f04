/**
 * The message catalogue: every text a person reads, in every language Kassa speaks, keyed by a stable key.
 * English is the reference: its keys are the type `MessageKey`, its texts give each key's parameters, and
 * the other languages must have exactly the same keys (a missing one fails `npm run typecheck`).
 */
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import type { Language } from './languages';
import type { English } from './keys';
import { translatorFor, type Translator, type TranslatorOptions } from './translate';
import type { Translation } from './types';

export type { English, ErrorCode, MessageKey, ParamsArg, ParamsFor, PlainKey } from './keys';
export { isMessageKey, msg } from './keys';

export const CATALOGUES: Record<Language, Translation<English>> = { en, ar, es };

/** A translator for one of Kassa's languages, over its whole catalogue. */
export function createTranslator(opts: Omit<TranslatorOptions, 'messages'>): Translator {
  return translatorFor({ ...opts, messages: CATALOGUES[opts.language] });
}
