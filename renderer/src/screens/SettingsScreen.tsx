import type { ReactElement } from 'react';
import { useApp } from '../store';

/** Shell placeholder: shows the live ledger facts until the settings screen lands. */
export function SettingsScreen(): ReactElement {
  const info = useApp((s) => s.info);
  return (
    <section>
      <h1>Settings</h1>
      <p data-testid="settings-summary">
        {info ? `${info.invoiceCount} invoices and ${info.customerCount} customers in ${info.ledgerFile}` : 'Loading…'}
      </p>
    </section>
  );
}
