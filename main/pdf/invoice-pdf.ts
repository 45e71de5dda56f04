/**
 * One ledger invoice as its PDF: the same bytes whoever asks — the PDF preview, `kassa invoice pdf`, and the e-mail
 * that carries it to the customer (main/share) — for the same invoice, app version and clock.
 */
import type { Database as Db } from 'better-sqlite3';
import { translateSqliteError } from '../ledger/sql';
import { baseFileName } from './file-names';
import { renderInvoice, type RenderResult } from './render';
import { documentOf, ledgerInvoiceSource } from './source';

export interface InvoicePdf {
  result: RenderResult;
  /** e.g. INV-2026-0042.pdf */
  fileName: string;
}

export async function renderLedgerInvoice(
  db: Db,
  id: string,
  opts: { today: () => string; now: Date; appVersion: string },
): Promise<InvoicePdf> {
  const source = ledgerInvoiceSource(db, opts.today);
  let loaded;
  try {
    loaded = documentOf(source, id);
  } catch (err) {
    throw translateSqliteError(err);
  }
  const { invoice, profile, corrected } = loaded;
  const result = await renderInvoice(invoice, profile, { corrected, appVersion: opts.appVersion, now: opts.now });
  return { result, fileName: `${baseFileName(invoice)}.pdf` };
}
