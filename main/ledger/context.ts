/** What every ledger write needs: the connection, the clock (injected so tests control time) and who acts. */
import type { Database as Db } from 'better-sqlite3';
import type { Actor } from '../../shared/contract/invoices';
import { localDate } from '../../shared/contract/dates';

export interface LedgerCtx {
  db: Db;
  now: Date;
  actor: Actor;
}

export const todayOf = (ctx: { now: Date }): string => localDate(ctx.now);
