/**
 * The backups of the backups folder, newest first, each with a Restore button: shown by the recovery screen (a
 * damaged ledger) and by the "ledger went back" screen. What Restore does (at once, or after a confirmation) is the
 * caller's.
 */
import type { ReactElement } from 'react';
import type { BackupInfo } from '../../../shared/contract/ledger';
import { QueryError } from '../components/ErrorLine';
import { useTranslator } from '../i18n';
import { useFormat } from './ledger-ui';

export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export function BackupTable(props: {
  backups: BackupInfo[] | undefined;
  error: unknown;
  /** The file being restored (its button says so); every button is disabled while one is. */
  busy: string | null;
  onRestore: (b: BackupInfo) => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslator();
  const f = useFormat();
  const { backups, error, busy } = props;
  if (backups === undefined) return error ? <QueryError error={error} /> : <p>{t('common.loading')}</p>;
  if (backups.length === 0)
    return (
      <p className="muted" data-testid={`${props.testId}-none`}>
        {t('recovery.none')}
      </p>
    );
  return (
    <table data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('recovery.when')}</th>
          <th>{t('recovery.kind')}</th>
          <th>{t('recovery.size')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          // The file's name is data, kept for tests and tools; every visible word comes from the catalogue.
          <tr key={b.file} data-file={baseName(b.file)} data-testid="backup-row" data-kind={b.kind}>
            <td>{f.dateTime(b.createdAt)}</td>
            <td>{t(`recovery.kind.${b.kind}`)}</td>
            <td>{t('recovery.size_kb', { kb: Math.ceil(b.bytes / 1024) })}</td>
            <td>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => props.onRestore(b)}
                data-testid="backup-action"
              >
                {busy === b.file ? t('recovery.restoring') : t('recovery.restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
