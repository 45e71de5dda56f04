/**
 * What the app opens into while numbering is stopped because the ledger went back (`ledger_went_back`: an older
 * copy, an emptied file, a write lost in a crash): which numbers were issued before and which the ledger still has,
 * then the two ways on — restore a backup that has the missing numbers, or continue numbering from the ledger as it
 * is — each only after a confirmation that says what will happen. Once numbering runs again, app.info says so and
 * the app replaces this screen.
 */
import { useState, type ReactElement } from 'react';
import type { BackupInfo, NumberingStop } from '../../../shared/contract/ledger';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { isolate } from '../../../shared/bidi';
import { BackupTable, baseName } from './BackupTable';
import { useFormat } from './ledger-ui';

type Asked = { kind: 'restore'; backup: BackupInfo } | { kind: 'continue' };

export function WentBackScreen(props: { stop: NumberingStop }): ReactElement {
  const { t } = useTranslator();
  const f = useFormat();
  const { series, freshBesideBackups } = props.stop;
  const { data: backups, error } = useQuery('ledger.backups', {});
  const [asked, setAsked] = useState<Asked | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<UiError | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const decide = async (what: Asked): Promise<void> => {
    setBusy(true);
    setFailed(null);
    try {
      if (what.kind === 'restore') {
        const r = await call('ledger.restore', { file: baseName(what.backup.file) });
        setRestored(baseName(r.restoredFrom));
      } else {
        await call('series.acceptNumbering', {});
      }
      setAsked(null);
      // app.info is read again: numbering running → the app opens; a restored copy still behind → this screen again.
      refresh('invoice', 'customer', 'profile', 'account');
    } catch (err) {
      setFailed(toUiError(err));
    } finally {
      setBusy(false);
    }
  };

  const only = series.length === 1 ? series[0] : undefined;
  const continueLabel =
    only?.lastKept != null
      ? t('wentBack.continue.after', { number: isolate(only.lastKept) })
      : t('wentBack.continue.as_is');

  return (
    <main className="content recovery" data-testid="went-back-screen">
      <h1>{t('wentBack.title')}</h1>
      <p>{t('wentBack.intro')}</p>
      {freshBesideBackups ? <p data-testid="went-back-fresh">{t('wentBack.fresh')}</p> : null}
      {series.length > 0 ? (
        <section className="panel">
          <table data-testid="went-back-series">
            <thead>
              <tr>
                <th>{t('wentBack.col.series')}</th>
                <th>{t('wentBack.col.issued')}</th>
                <th>{t('wentBack.col.kept')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((x) => (
                <tr key={`${x.series}/${x.year}`}>
                  <td>{isolate(t('wentBack.series', { series: x.series, year: String(x.year) }))}</td>
                  <td>
                    <Ltr>{x.lastIssued}</Ltr>
                  </td>
                  <td dir={x.lastKept ? 'ltr' : undefined}>{x.lastKept ?? t('wentBack.none_kept')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <ErrorLine error={failed} testId="went-back-error" />
      {restored ? (
        <p role="status" data-testid="went-back-restored">
          {t('wentBack.restored_still_behind', { file: isolate(restored) })}
        </p>
      ) : null}
      {asked ? (
        <section
          className="panel"
          role="alertdialog"
          aria-labelledby="went-back-confirm-title"
          data-testid="went-back-confirm"
        >
          <h2 id="went-back-confirm-title">
            {asked.kind === 'restore' ? t('wentBack.confirm.restore_title') : t('wentBack.confirm.continue_title')}
          </h2>
          {asked.kind === 'restore' ? (
            <p>
              {t('wentBack.confirm.restore', {
                when: f.dateTime(asked.backup.createdAt),
                file: isolate(baseName(asked.backup.file)),
              })}
            </p>
          ) : (
            <>
              {series.map((x) => (
                <p key={`${x.series}/${x.year}`}>
                  {t('wentBack.confirm.continue_series', {
                    next: isolate(x.nextNumber),
                    last: isolate(x.lastIssued),
                  })}
                </p>
              ))}
              {series.length === 0 ? <p>{t('wentBack.confirm.continue_fresh')}</p> : null}
              <p>{t('wentBack.confirm.continue_final')}</p>
            </>
          )}
          <div className="toolbar">
            <button className="primary" disabled={busy} onClick={() => void decide(asked)} data-testid="went-back-yes">
              {asked.kind === 'restore' ? t('wentBack.confirm.restore_yes') : t('wentBack.confirm.continue_yes')}
            </button>
            <button disabled={busy} onClick={() => setAsked(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <section className="panel">
            <h2>{t('wentBack.restore.title')}</h2>
            <p>{t('wentBack.restore.help')}</p>
            <BackupTable
              backups={backups}
              error={error}
              busy={null}
              onRestore={(backup) => setAsked({ kind: 'restore', backup })}
              testId="went-back-backups"
            />
          </section>
          <section className="panel">
            <h2>{t('wentBack.continue.title')}</h2>
            <p>{t('wentBack.continue.help')}</p>
            <button onClick={() => setAsked({ kind: 'continue' })} data-testid="went-back-continue">
              {continueLabel}
            </button>
          </section>
        </>
      )}
    </main>
  );
}
