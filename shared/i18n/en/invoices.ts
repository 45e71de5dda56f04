/** The invoices list, the invoice editor (composer) and the invoice detail. */
export default {
  'invoices.line_problem': 'Line {line}: {problem}',
} as const;
