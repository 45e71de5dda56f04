import { useEffect, type ReactElement } from 'react';
import { onEvent } from './client';
import { CustomersScreen } from './screens/CustomersScreen';
import { InvoicesScreen } from './screens/InvoicesScreen';
import { PdfExportPanel } from './screens/PdfExportPanel';
import { SettingsScreen } from './screens/SettingsScreen';
import { SyncPanel } from './screens/SyncPanel';
import { useApp, type ScreenId } from './store';
import { Toasts } from './Toasts';

const SCREENS: Array<{ id: ScreenId; label: string; render: () => ReactElement }> = [
  { id: 'invoices', label: 'Invoices', render: () => <InvoicesScreen /> },
  { id: 'customers', label: 'Customers', render: () => <CustomersScreen /> },
  { id: 'sync', label: 'Sync', render: () => <SyncPanel /> },
  { id: 'pdf', label: 'PDF export', render: () => <PdfExportPanel /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsScreen /> },
];

export function App(): ReactElement {
  const { screen, go, info, infoError, refreshInfo, toast } = useApp();

  useEffect(() => {
    void refreshInfo();
    const offChanged = onEvent('ledger.changed', () => void refreshInfo());
    const offNote = onEvent('notification', (n) => toast(n));
    return () => {
      offChanged();
      offNote();
    };
  }, [refreshInfo, toast]);

  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0]!;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Kassa</div>
        {SCREENS.map((s) => (
          <button
            key={s.id}
            className={s.id === screen ? 'nav active' : 'nav'}
            aria-current={s.id === screen ? 'page' : undefined}
            onClick={() => go(s.id)}
          >
            {s.label}
          </button>
        ))}
        <div className="facts" data-testid="app-facts">
          {infoError ? (
            <span className="error">{infoError}</span>
          ) : info ? (
            <>
              <div>v{info.version}</div>
              <div title={info.ledgerFile}>Ledger: {info.ledgerFile}</div>
              <div>
                <span data-testid="invoice-count">{info.invoiceCount}</span> invoices ·{' '}
                <span data-testid="customer-count">{info.customerCount}</span> customers
              </div>
            </>
          ) : (
            <span>Loading…</span>
          )}
        </div>
      </nav>
      <main className="content">{current.render()}</main>
      <Toasts />
    </div>
  );
}
