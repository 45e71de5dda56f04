import type { Migration } from '../migrate';

/**
 * Status with refunds counted: an invoice is paid when what it received less what was paid back, plus its credits,
 * covers its total (main/ledger/status.ts). Before, refunds were left out, so a payment voided after a refund left
 * the invoice "paid" while it owed again (and out of the dashboard's outstanding). Such rows are settled again.
 */
export const m013: Migration = {
  version: 13,
  name: 'status_after_refunds',
  up(db) {
    db.exec(`
      UPDATE invoices
         SET status = CASE WHEN paid - refunded > 0 THEN 'partially_paid' ELSE 'issued' END
       WHERE kind = 'invoice' AND status = 'paid' AND paid - refunded + credited < total;
    `);
  },
};
