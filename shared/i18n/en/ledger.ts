/** Ledger rules: numbering, issuing, payments, credit notes, cancellations, history entries, backups. */
export default {} as const;
