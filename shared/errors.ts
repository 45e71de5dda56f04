/**
 * The one error shape that crosses every boundary (IPC, HTTP host, CLI stderr).
 * `kind` decides the CLI exit code and whether a caller may retry; `code` is stable
 * and machine-readable; `message` is for people and must never contain a secret.
 */
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
  message: string;
  field?: string;
  /** Extra, non-secret facts for diagnosis (provider name, HTTP status, ...). */
  details?: Record<string, unknown>;
}

export class KassaError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'KassaError';
    this.kind = kind;
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { kind: this.kind, code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  static fromBody(body: ErrorBody): KassaError {
    const opts: { field?: string; details?: Record<string, unknown> } = {};
    if (body.field !== undefined) opts.field = body.field;
    if (body.details !== undefined) opts.details = body.details;
    return new KassaError(body.kind, body.code, body.message, opts);
  }
}

export const invalid = (code: string, message: string, field?: string): KassaError =>
  new KassaError('invalid_input', code, message, field === undefined ? {} : { field });

export const refused = (code: string, message: string, field?: string): KassaError =>
  new KassaError('refused', code, message, field === undefined ? {} : { field });

export const notFound = (what: string, id: string): KassaError =>
  new KassaError('not_found', `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id}.`);

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/** Turns anything thrown into a body that is safe to show: unknown errors become `internal` without their stack. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof KassaError) return err.toBody();
  return {
    kind: 'internal',
    code: 'internal_error',
    message: 'An unexpected error occurred; see the log for details.',
  };
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
