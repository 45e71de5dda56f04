/**
 * What naming a message needs: the catalogue's keys and parameters as types, `msg`, and `isMessageKey` — over the
 * English catalogue alone (the reference), so the contract, the CLI and main's start-up name messages without
 * loading the other languages; catalogue.ts holds every language, for whoever makes text.
 */
import { en } from './en';
import type { ParamValues, ParamsOf, Message } from './params';

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

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** A Message whose key and params the type checker has seen: `msg('facts.invoices', { count })`. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  const p = params[0] as ParamValues | undefined;
  return p === undefined || Object.keys(p).length === 0 ? { key } : { key, params: p };
}
