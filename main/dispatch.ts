/**
 * The single entry for calling a contract method from any transport: look the method up in the table,
 * validate the raw input with its schema, run the handler, and turn any failure into an ErrorBody.
 */
import type { z } from 'zod';
import { api, isMethodName, type MethodName } from '../shared/api';
import { validate } from '../shared/contract/validation';
import { KassaError, toErrorBody, type ErrorBody } from '../shared/errors';
import { LEDGER_FILE_NAME } from './config';
import type { CallContext, Handlers } from './handlers/types';
import { damageText, isDamageError, ledgerDamaged } from './ledger/damage';
import type { Logger } from './log';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

export function parseInput(name: MethodName, raw: unknown): unknown {
  const v = validate(api[name].input as z.ZodType, raw ?? {});
  if (v.ok) return v.data;
  throw new KassaError(
    'invalid_input',
    'invalid_input',
    { problem: v.problem },
    v.field === undefined ? {} : { field: v.field },
  );
}

export async function dispatch(
  handlers: Handlers,
  name: string,
  raw: unknown,
  ctx: CallContext,
  log?: Logger,
): Promise<DispatchResult> {
  try {
    if (!isMethodName(name)) {
      throw new KassaError('invalid_input', 'unknown_method', { name: name.slice(0, 80) });
    }
    const input = parseInput(name, raw);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
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
