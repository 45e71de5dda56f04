/**
 * Backups: the list (newest first), a backup made now, a restore that first says what will happen (the current
 * ledger is kept aside as a safety copy, the backup is checked and put in its place, the screens reload), and the
 * automatic copies: on or off, the last one, the next one and how many are kept (7 daily + 4 weekly).
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { BackupInfo } from '../../../../shared/contract/ledger';
import { msg } from '../../../../shared/i18n/catalogue';
import { call } from '../../client';
import { BackupTable, baseName } from '../BackupTable';
import { ErrorLine } from '../../components/ErrorLine';
import { refresh, refreshAll, useQuery } from '../../data/queries';
import { useAction } from '../../data/use-action';
import { useTranslator } from '../../i18n';
import { useApp } from '../../store';
import { useFormat } from '../ledger-ui';

function AutoStatus(): ReactElement {
  const { t } = useTranslator();
  const f = useFormat();
  const status = useQuery('ledger.autoBackupStatus', {});
  const reload = status.reload;
  // The daily copy is made in the background without an event: asked again each time the panel is shown.
  useEffect(() => {
    reload();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const st = status.data;
  const action = useAction();
  // When the next copy is made is main's schedule (it makes them); shown here, never worked out again.
  const next = !st?.next
    ? ''
    : 'day' in st.next
      ? t('settings.backup.next_day', { day: st.next.day })
      : t('settings.backup.next_soon');

  async function toggle(on: boolean): Promise<void> {
    if (await action.run(() => call('app.setPreferences', { autoBackups: on }))) refresh('preferences');
  }

  return (
    <div data-testid="auto-backups">
      <label className="check">
        <input
          type="checkbox"
          checked={st?.enabled ?? false}
          disabled={!st || action.busy}
          onChange={(e) => void toggle(e.target.checked)}
          data-testid="auto-backups-toggle"
        />
        {t('settings.backup.auto')}
      </label>
      <p className="muted" data-testid="auto-backups-status">
        {!st
          ? null
          : !st.enabled
            ? t('settings.backup.auto_off')
            : t('settings.backup.auto_status', {
                last: st.last ? f.dateTime(st.last.createdAt) : t('common.never'),
                next,
                count: st.copies,
              })}
      </p>
      <ErrorLine error={action.error} />
    </div>
  );
}

interface Restored {
  file: string;
  kept: string;
}

function ConfirmRestore(props: {
  backup: BackupInfo;
  onCancel: () => void;
  onDone: (r: Restored) => void;
}): ReactElement {
  const { t } = useTranslator();
  const f = useFormat();
  const action = useAction();
  const when = f.dateTime(props.backup.createdAt);

  async function restore(): Promise<void> {
    const r = await action.run(() => call('ledger.restore', { file: baseName(props.backup.file) }));
    if (!r) return;
    // The whole ledger changed: every answer on screen is asked for again.
    refreshAll();
    props.onDone({ file: baseName(r.restoredFrom), kept: baseName(r.safetyBackup) });
  }

  return (
    <div
      className="subform"
      role="alertdialog"
      aria-labelledby="restore-title"
      aria-describedby="restore-body"
      data-testid="restore-confirm"
    >
      <div>
        <strong id="restore-title">{t('settings.backup.confirm_title', { when })}</strong>
        <p id="restore-body">{t('settings.backup.confirm_body', { when })}</p>
        <div className="toolbar">
          <button
            type="button"
            className="danger"
            disabled={action.busy}
            onClick={() => void restore()}
            data-testid="restore-confirm-button"
          >
            {t('settings.backup.confirm')}
          </button>
          <button type="button" autoFocus onClick={props.onCancel} data-testid="restore-cancel">
            {t('common.cancel')}
          </button>
        </div>
        <ErrorLine error={action.error} testId="restore-error" />
      </div>
    </div>
  );
}

export function BackupsPanel(): ReactElement {
  const { t } = useTranslator();
  const toast = useApp((s) => s.toast);
  const q = useQuery('ledger.backups', {});
  const reload = q.reload;
  // The daily copy is made in the background without an event: the list is read again each time it is shown.
  useEffect(() => {
    reload();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const make = useAction();
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  async function backupNow(): Promise<void> {
    const made = await make.run(() => call('ledger.backup', {}));
    if (!made) return;
    q.reload();
    toast({
      title: msg('settings.backup.made'),
      body: msg('common.text', { text: baseName(made.file) }),
      level: 'success',
    });
  }

  return (
    <div className="panel" data-testid="backups-panel">
      <h2>{t('settings.backup.title')}</h2>
      <p className="muted">{t('settings.backup.intro')}</p>
      <AutoStatus />
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={make.busy}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          {t('settings.backup.make')}
        </button>
      </div>
      <ErrorLine error={make.error} testId="backup-error" />
      {confirming ? (
        <ConfirmRestore
          key={confirming.file}
          backup={confirming}
          onCancel={() => setConfirming(null)}
          onDone={(r) => {
            setConfirming(null);
            setRestored(r);
            q.reload();
          }}
        />
      ) : null}
      {restored ? (
        <p role="status" data-testid="restore-done">
          {t('settings.backup.restored', { file: restored.file, kept: restored.kept })}
        </p>
      ) : null}
      <BackupTable
        backups={q.data}
        error={q.error}
        // Nothing is restored from the list itself: a click asks first (above), and another click asks about
        // that backup instead.
        busy={null}
        onRestore={(b) => {
          setRestored(null);
          setConfirming(b);
        }}
        testId="backups-table"
      />
    </div>
  );
}
