/** The ledger's backups, newest first, each with one action (restore): Settings and the recovery screen. */
import type { ReactElement } from 'react';
import type { BackupInfo } from '../../../shared/contract/ledger';
import { useTranslator } from '../i18n';
import { useFormat } from '../screens/ledger-ui';

/** The file's name without its folder: what the app may name when it restores (main keeps the folder). */
export const backupName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export function BackupTable(props: {
  backups: readonly BackupInfo[];
  /** The button of a row: its label, and what it does. */
  action: { label: (b: BackupInfo) => string; run: (b: BackupInfo) => void; disabled: boolean };
  testId?: string;
}): ReactElement {
  const { t, locale } = useTranslator();
  const f = useFormat();
  const kb = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
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
        {props.backups.map((b) => (
          <tr key={b.file} title={backupName(b.file)} data-testid="backup-row" data-kind={b.kind}>
            <td>{f.dateTime(b.createdAt)}</td>
            <td>{t(`recovery.kind.${b.kind}`)}</td>
            <td>{kb.format(Math.ceil(b.bytes / 1024))}</td>
            <td>
              <button
                type="button"
                disabled={props.action.disabled}
                onClick={() => props.action.run(b)}
                data-testid="backup-action"
              >
                {props.action.label(b)}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
