/**
 * The contract between main and renderer: every method and event, once.
 * Electron's ipc.ts, the browser host and the renderer's client all loop over these tables.
 * Add a method: one entry in a domain table below + its handler in main/handlers/.
 */
import type { z } from 'zod';
import { accountMethods } from './contract/accounts';
import { appEvents, appMethods } from './contract/app';
import { booksMethods } from './contract/books';
import type { EventSpec, MethodSpec } from './contract/define';
import { ledgerMethods } from './contract/ledger';
import { pdfMethods } from './contract/pdf';
import { quoteEvents, quoteMethods } from './contract/quotes';
import { reminderEvents, reminderMethods } from './contract/reminders';
import { recurringEvents, recurringMethods } from './contract/recurring';
import { shareMethods } from './contract/share';
import { syncEvents, syncMethods } from './contract/sync';
import type { ErrorBody } from './errors';

export const api = {
  ...appMethods,
  ...accountMethods,
  ...ledgerMethods,
  ...pdfMethods,
  ...shareMethods,
  ...syncMethods,
  ...recurringMethods,
  ...quoteMethods,
  ...reminderMethods,
  ...booksMethods,
} as const;

export const events = {
  ...appEvents,
  ...syncEvents,
  ...recurringEvents,
  ...quoteEvents,
  ...reminderEvents,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type EventName = keyof typeof events;

export type MethodInput<M extends MethodName> = Api[M] extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodParsedInput<M extends MethodName> = Api[M] extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodResult<M extends MethodName> = Api[M] extends MethodSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** The IPC channel on which main sends contract events to the preload. */
export const IPC_EVENT_CHANNEL = 'kassa:event';

/** The surface the preload exposes as window.kassa and the HTTP bridge implements. */
export interface KassaBridge {
  invoke(method: string, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorBody }>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}
