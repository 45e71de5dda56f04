/** Ledger rules: numbering, issuing, payments, credit notes, cancellations, history entries, backups. */
export default {
  'error.invalid_tax_rate': '{problem}',
} as const;
