import type { Database as Db } from 'better-sqlite3';
import type { Migration } from '../migrate';
import { providerOfV1Exemption, v1CustomerName, v1Description } from '../imported-v1';
import { searchNormalize } from '../sql';

/**
 * Imported provider invoices keep data instead of English (see ../imported-v1.ts): each line imported from a
 * provider gets `imported_json` ({provider} and, on a whole-invoice line, {number}); the version-1 exemption reason
 * is dropped and the whole-invoice line's description becomes the provider's number; a customer the provider did
 * not name ("Kashier customer") is stored with an empty name (the snapshot too, and the search text without it).
 *
 * Recognised only on the documents an import wrote (the account's external series) and the credit notes that
 * copied their lines, and only where the stored text is exactly what version 1 wrote: anything typed by a person
 * is left alone. The record chain still verifies: it hashes an imported document in those version-1 words.
 *
 * Issued documents are frozen by triggers; this one migration lifts the two it must and puts back their exact
 * definitions.
 */
const FROZEN = ['invoices_issued_immutable', 'invoice_lines_frozen_update'];

interface Line {
  invoice_id: string;
  position: number;
  description: string;
  exemption_reason: string | null;
}

function rewrite(db: Db): void {
  const lines = db
    .prepare(
      `SELECT l.invoice_id, l.position, l.description, l.exemption_reason
         FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE l.tax_category = 'O' AND (i.series GLOB 'ext:*'
           OR i.corrects_invoice_id IN (SELECT id FROM invoices WHERE series GLOB 'ext:*'))`,
    )
    .all() as Line[];
  const setLine = db.prepare(
    `UPDATE invoice_lines SET description = @description, exemption_reason = NULL, imported_json = @imported
      WHERE invoice_id = @invoice_id AND position = @position`,
  );
  const providerOf = new Map<string, string>();
  for (const l of lines) {
    const provider = providerOfV1Exemption(l.exemption_reason);
    if (provider === null) continue;
    providerOf.set(l.invoice_id, provider);
    const prefix = v1Description(provider, '');
    const number = l.description.startsWith(prefix) ? l.description.slice(prefix.length) : '';
    const whole = number !== '' && v1Description(provider, number) === l.description;
    setLine.run({
      invoice_id: l.invoice_id,
      position: l.position,
      description: whole ? number : l.description,
      imported: JSON.stringify(whole ? { provider, number } : { provider }),
    });
  }
  const getInvoice = db.prepare(`SELECT number, customer_name, customer_json FROM invoices WHERE id = ?`);
  const setCustomer = db.prepare(
    `UPDATE invoices SET customer_name = '', customer_json = @json, search_text = @search WHERE id = @id`,
  );
  for (const [id, provider] of providerOf) {
    const inv = getInvoice.get(id) as { number: string | null; customer_name: string; customer_json: string };
    if (inv.customer_name !== v1CustomerName(provider)) continue;
    const snapshot = JSON.parse(inv.customer_json) as Record<string, unknown>;
    if (snapshot.name !== inv.customer_name) continue;
    snapshot.name = '';
    setCustomer.run({ id, json: JSON.stringify(snapshot), search: searchNormalize(`${inv.number ?? ''} `) });
  }
}

export const m012: Migration = {
  version: 12,
  name: 'imported_as_data',
  up(db) {
    db.exec(
      `ALTER TABLE invoice_lines ADD COLUMN imported_json TEXT CHECK (imported_json IS NULL OR json_valid(imported_json))`,
    );
    const triggers = FROZEN.map(
      (name) =>
        (db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).get(name) as { sql: string })
          .sql,
    );
    for (const name of FROZEN) db.exec(`DROP TRIGGER ${name}`);
    rewrite(db);
    for (const sql of triggers) db.exec(sql);
  },
};
