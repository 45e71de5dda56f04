/**
 * A problem to show on a form: the message (kept as a catalogue Message, so it is worded in the language shown
 * when it renders, not when it happened) and the field it is about.
 */
import type { Message } from '../../shared/i18n/params';
import { fieldLabel } from '../../shared/contract/validation';
import { KassaError } from '../../shared/errors';

export interface UiError {
  message: Message;
  /** English text to show if the catalogue has no such message (an error from an older main). */
  fallback?: string;
  /** The contract field path (`lines.0.quantity`), to mark the input. */
  field: string | null;
}

/** Anything thrown by `call()` or a shared parser, as a UiError. */
export function toUiError(err: unknown): UiError {
  if (err instanceof KassaError) {
    const message: Message = { key: `error.${err.code}` };
    if (err.params) message.params = err.params;
    // A shared parser names the field by its path (lines.0.unitPrice); a person reads its label (unit price).
    const named = err.params?.field;
    if (typeof named === 'string') {
      const path = named.split('.').filter((part) => !/^\d+$/.test(part)); // list positions are not names
      message.params = { ...err.params, field: fieldLabel(path) };
    }
    return { message, fallback: err.message, field: err.field ?? null };
  }
  return {
    message: { key: 'error.internal_error' },
    fallback: err instanceof Error ? err.message : String(err),
    field: null,
  };
}
