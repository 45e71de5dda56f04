/**
 * The message catalogue: every text a person reads, in every language Kassa speaks, keyed by a stable key.
 * English is the reference: its keys are the type `MessageKey`, its texts give each key's parameters, and
 * the other languages must have exactly the same keys (a missing one fails `npm run typecheck`).
 */
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import type { Language } from './languages';
import type { Message, ParamValues, ParamsOf } from './params';
import { translatorFor, type Translator, type TranslatorOptions } from './translate';
import type { Translation } from './types';

export type English = typeof en;
export type MessageKey = keyof English;

/** The parameters a message takes, read from its English text. */
export type ParamsFor<K extends MessageKey> = ParamsOf<English[K]>;

/** `[params]` when the message takes parameters, `[params?]` when it takes none. */
export type ParamsArg<K extends MessageKey> = keyof ParamsFor<K> extends never
  ? [params?: Record<string, never>]
  : [params: ParamsFor<K>];

/** Keys whose messages take no parameters (e.g. for tables of labels). */
export type PlainKey = { [K in MessageKey]: keyof ParamsFor<K> extends never ? K : never }[MessageKey];

/** Every KassaError code that has a message (`error.<code>` in the catalogue). */
export type ErrorCode = MessageKey extends infer K ? (K extends `error.${infer C}` ? C : never) : never;

export const CATALOGUES: Record<Language, Translation<English>> = { en, ar, es };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** A Message whose key and params the type checker has seen: `msg('facts.invoices', { count })`. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  const p = params[0] as ParamValues | undefined;
  return p === undefined || Object.keys(p).length === 0 ? { key } : { key, params: p };
}

/** A translator for one of Kassa's languages, over its whole catalogue. */
export function createTranslator(opts: Omit<TranslatorOptions, 'messages'>): Translator {
  return translatorFor({ ...opts, messages: CATALOGUES[opts.language] });
}
