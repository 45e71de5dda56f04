import type { ReactElement } from 'react';
import { useApp } from '../store';

/** Shell placeholder: shows the live ledger facts until the invoices screen lands. */
export function InvoicesScreen(): ReactElement {
  const info = useApp((s) => s.info);
  return (
    <section>
      <h1>Invoices</h1>
      <p data-testid="invoices-summary">
        {info ? `${info.invoiceCount} invoices and ${info.customerCount} customers in ${info.ledgerFile}` : 'Loading…'}
      </p>
    </section>
  );
}
