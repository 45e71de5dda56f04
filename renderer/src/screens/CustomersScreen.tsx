import type { ReactElement } from 'react';
import { useApp } from '../store';

/** Shell placeholder: shows the live ledger facts until the customers screen lands. */
export function CustomersScreen(): ReactElement {
  const info = useApp((s) => s.info);
  return (
    <section>
      <h1>Customers</h1>
      <p data-testid="customers-summary">
        {info ? `${info.invoiceCount} invoices and ${info.customerCount} customers in ${info.ledgerFile}` : 'Loading…'}
      </p>
    </section>
  );
}
