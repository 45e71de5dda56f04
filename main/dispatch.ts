/**
 * The single entry for calling a contract method from any transport: look the method up in the table,
 * validate the raw input with its schema, run the handler, and turn any failure into an ErrorBody.
 */
import type { z } from 'zod';
import type { MethodName } from '../shared/api';
import { validate } from '../shared/contract/validation';
import { KassaError, toErrorBody, type ErrorBody } from '../shared/errors';
import { LEDGER_FILE_NAME } from './config';
import { methodSpec } from './handlers/domains';
import type { CallContext, Handlers } from './handlers/types';
import { damageText, isDamageError, ledgerDamaged } from './ledger/damage';
import type { Logger } from './log';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

export function parseInput(name: MethodName, raw: unknown): unknown {
  const spec = methodSpec(name);
  if (!spec) throw unknownMethod(name);
  const v = validate(spec.input as z.ZodType, raw ?? {});
  if (v.ok) return v.data;
  throw new KassaError(
    'invalid_input',
    'invalid_input',
    { problem: v.problem },
    v.field === undefined ? {} : { field: v.field },
  );
}

const unknownMethod = (name: string): KassaError =>
  new KassaError('invalid_input', 'unknown_method', { name: name.slice(0, 80) });

export async function dispatch(
  handlers: Handlers,
  name: string,
  raw: unknown,
  ctx: CallContext,
  log?: Logger,
): Promise<DispatchResult> {
  try {
    // The method's contract is found (and loaded) by its name; an unknown name has none.
    const input = parseInput(name as MethodName, raw);
    const handler = handlers[name as MethodName] as (input: unknown, ctx: CallContext) => unknown;
    const result = await handler(input, ctx);
    return { ok: true, result: result ?? null };
  } catch (caught) {
    // A page SQLite cannot read, met in the middle of any method, is damage to say so — not a bug.
    const err = isDamageError(caught) ? ledgerDamaged(LEDGER_FILE_NAME, caught) : caught;
    if (err !== caught) log?.error('ledger.damaged', { method: name, sqlite: damageText(caught) });
    const body = toErrorBody(err);
    if (body.kind === 'internal')
      log?.error('dispatch.internal', { method: name, error: err, stack: (err as Error)?.stack });
    else log?.info('dispatch.error', { method: name, code: body.code, kind: body.kind });
    return { ok: false, error: body };
  }
}
