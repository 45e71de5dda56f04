/** The invoices list, the invoice editor (composer) and the invoice detail. */
export default {} as const;
