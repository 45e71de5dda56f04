/**
 * The one error shape that crosses every boundary (IPC, HTTP host, CLI stderr).
 * `kind` decides the CLI exit code and whether a caller may retry; `code` is stable and machine-readable
 * and, with `params`, names a catalogue message (`error.<code>`) that each reader sees in their language;
 * `message` is that message in English (CLI, logs). Neither may ever contain a secret.
 */
import type { ErrorCode, ParamsFor } from './i18n/catalogue';
import { englishText } from './i18n/english';
import type { Message, ParamValues } from './i18n/params';

export type ErrorKind =
  | 'invalid_input' // bad input from a user, file or caller: exit 1
  | 'refused' // valid input refused by a business rule (e.g. editing an issued invoice): exit 1
  | 'not_found' // exit 1
  | 'usage' // CLI misuse: exit 2
  | 'provider' // a payment provider failed or answered with an error: exit 3
  | 'keychain' // the OS keychain is missing, locked or failed: exit 3
  | 'io' // disk, database file, network below the provider level: exit 3
  | 'internal'; // a bug: exit 3

export interface ErrorBody {
  kind: ErrorKind;
  code: string;
  /** The catalogue message's parameters (absent for the few errors not yet moved to the catalogue). */
  params?: ParamValues;
  /** English text of the message, for scripts and logs. */
  message: string;
  field?: string;
  /** Extra, non-secret facts for diagnosis (provider name, HTTP status, ...). */
  details?: Record<string, unknown>;
}

type ErrorParams<C extends ErrorCode> = ParamsFor<`error.${C}`>;

export interface ErrorOptions {
  field?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** `[params, opts?]`, where params may be left out when the message takes none. */
export type ErrorArgs<C extends ErrorCode> = keyof ErrorParams<C> extends never
  ? [params?: Record<string, never>, opts?: ErrorOptions]
  : [params: ErrorParams<C>, opts?: ErrorOptions];

export class KassaError<C extends ErrorCode = ErrorCode> extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: ParamValues;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  /** An error whose text is the catalogue message `error.<code>` with `params`. */
  constructor(kind: ErrorKind, code: C, ...args: ErrorArgs<C>);
  constructor(kind: ErrorKind, code: string, params?: ParamValues, opts: ErrorOptions & { message?: string } = {}) {
    // `message` is given only by fromBody: the English text that travelled with the error.
    super(
      opts.message ?? englishText(`error.${code}`, params ?? {}, code),
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = 'KassaError';
    this.kind = kind;
    this.code = code;
    this.params = params ?? {};
    this.field = opts.field;
    this.details = opts.details;
  }

  /** The error as a catalogue Message (to keep or send; the text is made where it is shown). */
  toMessage(): Message {
    return this.params && Object.keys(this.params).length > 0
      ? { key: `error.${this.code}`, params: this.params }
      : { key: `error.${this.code}` };
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { kind: this.kind, code: this.code, message: this.message };
    if (Object.keys(this.params).length > 0) body.params = this.params;
    if (this.field !== undefined) body.field = this.field;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  /**
   * For a code computed at run time (e.g. `${what}_not_found`, a ledger guard's code): not checked by the
   * type checker, so the code must be one the catalogue test walks.
   */
  static withCode(kind: ErrorKind, code: string, params: ParamValues = {}, opts: ErrorOptions = {}): KassaError {
    return new (KassaError as unknown as UntypedKassaError)(kind, code, params, opts);
  }

  static fromBody(body: ErrorBody): KassaError {
    const opts: ErrorOptions & { message?: string } = { message: body.message };
    if (body.field !== undefined) opts.field = body.field;
    if (body.details !== undefined) opts.details = body.details;
    return new (KassaError as unknown as UntypedKassaError)(body.kind, body.code, body.params ?? {}, opts);
  }
}

type UntypedKassaError = new (
  kind: ErrorKind,
  code: string,
  params: ParamValues,
  opts: ErrorOptions & { message?: string },
) => KassaError;

const withField = (field: string | undefined): ErrorOptions => (field === undefined ? {} : { field });

/** Invalid input (exit 1): `invalid('negative_not_allowed', { field: 'quantity' }, 'quantity')`. */
export function invalid<C extends ErrorCode>(code: C, params: ErrorParams<C>, field?: string): KassaError;
export function invalid(code: string, params: ParamValues, field?: string): KassaError {
  return KassaError.withCode('invalid_input', code, params, withField(field));
}

/** Valid input refused by a business rule (exit 1). */
export function refused<C extends ErrorCode>(code: C, params: ErrorParams<C>, field?: string): KassaError;
export function refused(code: string, params: ParamValues, field?: string): KassaError {
  return KassaError.withCode('refused', code, params, withField(field));
}

/** The things that can be missing: every `<what>_not_found` code in the catalogue. */
export type MissingThing = ErrorCode extends infer C ? (C extends `${infer W}_not_found` ? W : never) : never;

export const notFound = (what: MissingThing, id: string): KassaError =>
  KassaError.withCode('not_found', `${what}_not_found`, { id });

/** An error as the ledger keeps it: code and params, never text (the text is made where it is shown). */
export type StoredError = Omit<ErrorBody, 'message'>;

export function storedError(body: ErrorBody): StoredError {
  const { message: _english, ...kept } = body;
  return kept;
}

/**
 * A kept error with its English text (for the CLI and logs). Rows written before messages became codes carry
 * their old text in details.legacyMessage, which stands in when the code's message needs params they lack.
 */
export function errorFromStored(stored: StoredError & { message?: string }): ErrorBody {
  const legacy = stored.message ?? stored.details?.legacyMessage;
  return {
    ...stored,
    message: englishText(
      `error.${stored.code}`,
      stored.params ?? {},
      typeof legacy === 'string' ? legacy : stored.code,
    ),
  };
}

/** A kept error (code and params; `message` only in rows written before messages became codes). */
export function isStoredError(value: unknown): value is StoredError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.code === 'string';
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/** Turns anything thrown into a body that is safe to show: unknown errors become `internal` without their stack. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof KassaError) return err.toBody();
  return new KassaError('internal', 'internal_error').toBody();
}

export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid_input':
    case 'refused':
    case 'not_found':
      return 1;
    case 'usage':
      return 2;
    default:
      return 3;
  }
}
