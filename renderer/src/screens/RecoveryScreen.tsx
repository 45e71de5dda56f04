/**
 * What the app opens into when its ledger cannot be read (`ledger_damaged`): the backups, newest first, each with a
 * Restore button. The main process then moves the damaged file aside (never deletes it), puts the checked backup in
 * place and starts normally; "Open Kassa" then shows the app.
 */
import { useState, type ReactElement } from 'react';
import type { BackupInfo } from '../../../shared/contract/ledger';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { isolate } from '../../../shared/bidi';
import { BackupTable, baseName } from './BackupTable';

// Every answer read again: app.info now succeeds and the app replaces this screen (no reload: the host's token
// left the address bar when the page first read it).
const openApp = (): void => refresh('invoice', 'customer', 'profile', 'account', 'preferences', 'sync', 'smtp');

export function RecoveryScreen(): ReactElement {
  const { t } = useTranslator();
  const { data: backups, error } = useQuery('ledger.backups', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<UiError | null>(null);
  const [done, setDone] = useState<{ file: string; kept: string } | null>(null);

  const restore = async (b: BackupInfo): Promise<void> => {
    setBusy(b.file);
    setFailed(null);
    try {
      const r = await call('ledger.restore', { file: baseName(b.file) });
      setDone({ file: baseName(r.restoredFrom), kept: r.safetyBackup });
    } catch (err) {
      setFailed(toUiError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="content recovery" data-testid="recovery-screen">
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.intro')}</p>
      <ErrorLine error={failed} testId="recovery-error" />
      {done ? (
        <div className="panel" role="status" data-testid="recovery-done">
          <p>{t('recovery.restored', { file: isolate(done.file), kept: isolate(done.kept) })}</p>
          <button onClick={openApp}>{t('recovery.reload')}</button>
        </div>
      ) : (
        <section className="panel">
          <h2>{t('recovery.backups')}</h2>
          <BackupTable
            backups={backups}
            error={error}
            busy={busy}
            onRestore={(b) => void restore(b)}
            testId="recovery-backups"
          />
        </section>
      )}
    </main>
  );
}
