import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import { KassaError } from '../../shared/errors';
import type { PlainKey } from '../../shared/i18n/catalogue';
import { onEvent } from './client';
import { BooksScreen } from './screens/BooksScreen';
import { CustomersScreen } from './screens/CustomersScreen';
import { InvoicesScreen } from './screens/InvoicesScreen';
import { PdfExportPanel } from './screens/PdfExportPanel';
import { QuotesScreen } from './screens/QuotesScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { RecurringScreen } from './screens/RecurringScreen';
import { RemindersScreen } from './screens/RemindersScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SyncPanel } from './screens/SyncPanel';
import { WentBackScreen } from './screens/WentBackScreen';
import { QueryError } from './components/ErrorLine';
import { useQuery } from './data/queries';
import { useApp, type ScreenId } from './store';
import { Shortcuts } from './Shortcuts';
import { Toasts } from './Toasts';
import { useLanguagePreference, useTranslator } from './i18n';

const SCREENS: Array<{ id: ScreenId; label: PlainKey; render: () => ReactElement }> = [
  { id: 'invoices', label: 'nav.invoices', render: () => <InvoicesScreen /> },
  { id: 'quotes', label: 'nav.quotes', render: () => <QuotesScreen /> },
  { id: 'recurring', label: 'nav.recurring', render: () => <RecurringScreen /> },
  { id: 'reminders', label: 'nav.reminders', render: () => <RemindersScreen /> },
  { id: 'customers', label: 'nav.customers', render: () => <CustomersScreen /> },
  { id: 'sync', label: 'nav.sync', render: () => <SyncPanel /> },
  { id: 'pdf', label: 'nav.pdf', render: () => <PdfExportPanel /> },
  { id: 'books', label: 'nav.books', render: () => <BooksScreen /> },
  { id: 'settings', label: 'nav.settings', render: () => <SettingsScreen /> },
];

/**
 * A first start (setup still to do, nothing in the ledger yet) opens on the setup, not on an empty list. The content
 * waits for that decision, so a user never clicks into a list that is about to be replaced.
 */
function useFirstStart(): boolean {
  const { go } = useApp();
  const prefs = useQuery('app.preferences', {});
  const info = useQuery('app.info', {});
  const loaded = Boolean(prefs.error || info.error || (prefs.data && info.data));
  const firstStart = prefs.data?.setup === 'pending' && info.data?.invoiceCount === 0 && info.data.customerCount === 0;
  const decided = useRef(false);
  // Before the browser paints: the list is never shown (or clicked) only to be replaced by the setup.
  useLayoutEffect(() => {
    if (decided.current || !loaded) return;
    decided.current = true;
    if (firstStart) go('setup');
  }, [loaded, firstStart, go]);
  return loaded;
}

export function App(): ReactElement {
  const { screen, go, toast } = useApp();
  const { t } = useTranslator();
  useLanguagePreference();
  const { data: info, error: infoError } = useQuery('app.info', {});

  useEffect(() => onEvent('notification', (n) => toast(n)), [toast]);
  const ready = useFirstStart();

  const current =
    screen === 'setup' ? { render: () => <SetupScreen /> } : (SCREENS.find((s) => s.id === screen) ?? SCREENS[0]!);
  // A ledger SQLite cannot read: only the way back is offered (the main process serves check, backups, restore).
  if (infoError instanceof KassaError && infoError.code === 'ledger_damaged') return <RecoveryScreen />;
  // Numbering stopped because the ledger went back: the user decides (restore or continue) before anything else.
  if (info?.numberingStopped) return <WentBackScreen stop={info.numberingStopped} />;
  return (
    <div className="app">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">{t('app.name')}</div>
        {SCREENS.map((s) => (
          <button
            key={s.id}
            className={s.id === screen ? 'nav active' : 'nav'}
            aria-current={s.id === screen ? 'page' : undefined}
            onClick={() => go(s.id)}
          >
            {t(s.label)}
          </button>
        ))}
        <div className="facts" data-testid="app-facts">
          {infoError ? (
            <QueryError error={infoError} />
          ) : info ? (
            <>
              <div>{t('facts.version', { version: info.version })}</div>
              <div title={info.ledgerFile}>{t('facts.ledger', { file: info.ledgerFile })}</div>
              <div>
                <span data-testid="invoice-count" data-count={info.invoiceCount}>
                  {t('facts.invoices', { count: info.invoiceCount })}
                </span>{' '}
                ·{' '}
                <span data-testid="customer-count" data-count={info.customerCount}>
                  {t('facts.customers', { count: info.customerCount })}
                </span>
              </div>
            </>
          ) : (
            <span>{t('common.loading')}</span>
          )}
        </div>
      </nav>
      <main className="content">{ready ? current.render() : <p>{t('common.loading')}</p>}</main>
      <Toasts />
      <Shortcuts />
    </div>
  );
}
