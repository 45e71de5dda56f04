/** What the ledger handlers share: the write context, the translated write transaction, and change events. */
import { KassaError } from '../../shared/errors';
import { localDate } from '../../shared/contract/dates';
import type { LedgerCtx } from '../ledger/context';
import { writeTx } from '../ledger/connection';
import { translateSqliteError } from '../ledger/sql';
import type { Services } from '../services';
import type { CallContext } from './types';

export function ledgerCtx(s: Services, ctx: CallContext): LedgerCtx {
  return { db: s.ledger.db, now: s.now(), actor: ctx.actor };
}

/** BEGIN IMMEDIATE with the schema's guards and SQLite failures turned into KassaErrors. */
export function write<T>(s: Services, fn: () => T): T {
  try {
    return writeTx(s.ledger.db, fn);
  } catch (err) {
    throw translateSqliteError(err);
  }
}

export function read<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw translateSqliteError(err);
  }
}

export const today = (s: Services): string => localDate(s.now());

/** For a caller whose CallContext does not allow choosing paths (the app's page). */
export function refusePath(field: string): KassaError {
  return new KassaError('refused', 'path_not_allowed', {}, { field });
}
