/**
 * Owner of the `record_chain` table: append-only and contiguous (the schema's triggers refuse anything else).
 * What goes into an entry and how it is verified is main/ledger/chain.ts.
 */
import type { Database as Db } from 'better-sqlite3';
import { stmt } from '../sql';

export interface ChainRow {
  seq: number;
  kind: string;
  ref_id: string;
  invoice_id: string | null;
  label: string;
  at: string;
  doc_hash: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, kind, ref_id, invoice_id, label, at, doc_hash, prev_hash, hash';

export function chainHead(db: Db): ChainRow | undefined {
  return stmt<ChainRow>(db, `SELECT ${COLUMNS} FROM record_chain ORDER BY seq DESC LIMIT 1`).get();
}

export function insertChainRow(db: Db, row: ChainRow): void {
  stmt(
    db,
    `INSERT INTO record_chain (${COLUMNS})
     VALUES (@seq, @kind, @ref_id, @invoice_id, @label, @at, @doc_hash, @prev_hash, @hash)`,
  ).run(row);
}

/** Entries after `afterSeq`, in order, at most `limit`. */
export function chainPage(db: Db, afterSeq: number, limit: number): ChainRow[] {
  return stmt<ChainRow>(db, `SELECT ${COLUMNS} FROM record_chain WHERE seq > @afterSeq ORDER BY seq LIMIT @limit`).all({
    afterSeq,
    limit,
  });
}

/** The entries that concern one invoice (its issue, payments, voids, cancellation, credit notes' own entries). */
export function chainOfInvoice(db: Db, invoiceId: string): ChainRow[] {
  return stmt<ChainRow>(db, `SELECT ${COLUMNS} FROM record_chain WHERE invoice_id = @invoiceId ORDER BY seq`).all({
    invoiceId,
  });
}
