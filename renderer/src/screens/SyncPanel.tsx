/**
 * Sync: per provider account, when it last worked, what is waiting in the outbox, the last error in the provider's
 * own words, and the items that need a person — with their actions (retry, mark resolved, link to a remote id).
 * "Sync now" sends and polls at once; "Import invoices" fetches every remote invoice with a progress bar.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { ProgressEvent } from '../../../shared/contract/app';
import type { AccountSyncStatus, SyncError, SyncItem } from '../../../shared/contract/sync';
import { providerName } from '../../../shared/providers';
import { call, onEvent } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { useFormat } from './ledger-ui';

const OP_LABEL: Record<SyncItem['op'], PlainKey> = {
  create: 'sync.op.create',
  cancel: 'sync.op.cancel',
  mark_paid: 'sync.op.mark_paid',
  share: 'sync.op.share',
  delete: 'sync.op.delete',
  send: 'sync.op.send',
};
const STATE_LABEL: Record<SyncItem['state'], PlainKey> = {
  pending: 'sync.state.pending',
  unknown: 'sync.state.unknown',
  done: 'sync.state.done',
  failed: 'sync.state.failed',
  needs_review: 'sync.state.needs_review',
  skipped: 'sync.state.skipped',
};

/** A sync error: Kassa's message for its code, then the provider's own words and the HTTP status. */
function ErrorText({ e }: { e: SyncError }): ReactElement {
  const { t, text } = useTranslator();
  return (
    <span className="error">
      {text(`error.${e.code}`, e.params, e.message)}
      {e.providerMessage && !e.message.includes(e.providerMessage)
        ? ` ${t('sync.error.provider_said', { words: e.providerMessage })}`
        : ''}
      {e.httpStatus ? ` ${t('sync.error.http', { status: e.httpStatus })}` : ''}
    </span>
  );
}

function ItemRow(props: { item: SyncItem; onError: (e: UiError) => void }): ReactElement {
  const { item } = props;
  const { t, message } = useTranslator();
  const fmt = useFormat();
  const [linking, setLinking] = useState(false);
  const [remoteId, setRemoteId] = useState('');
  // An inline form, not window.prompt: Electron does not implement prompt() (it throws).
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(fn: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await fn();
      refresh('sync');
    } catch (err) {
      props.onError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  function link(e: FormEvent): void {
    e.preventDefault();
    void act(async () => {
      await call('sync.link', { itemId: item.id, remoteId: remoteId.trim() });
      setLinking(false);
    });
  }

  function resolve(e: FormEvent): void {
    e.preventDefault();
    void act(async () => {
      await call('sync.resolve', { itemId: item.id, note: note.trim() || null });
      setResolving(false);
    });
  }

  return (
    <tr data-testid={`sync-item-${item.id}`}>
      <td>
        <Ltr>{item.invoiceNumber ?? item.invoiceId}</Ltr>
      </td>
      <td>{t(OP_LABEL[item.op])}</td>
      <td>
        <span className={`badge ${item.state}`}>
          {t(item.inFlight ? 'sync.state.sending' : STATE_LABEL[item.state])}
        </span>
        {item.attempts > 0 ? (
          <span className="muted"> · {t('sync.item.attempts', { count: item.attempts })}</span>
        ) : null}
        {item.nextAttemptAt && !item.inFlight ? (
          <div className="muted">{t('sync.item.next_try', { when: fmt.dateTime(item.nextAttemptAt) })}</div>
        ) : null}
      </td>
      <td>
        {item.advice ? <div>{message(item.advice)}</div> : null}
        {item.error ? <ErrorText e={item.error} /> : null}
      </td>
      <td>
        <div className="toolbar">
          {item.actions.includes('retry') ? (
            <button disabled={busy} onClick={() => void act(() => call('sync.retry', { itemId: item.id }))}>
              {t('sync.item.retry')}
            </button>
          ) : null}
          {item.actions.includes('resolve') ? (
            <button disabled={busy} onClick={() => setResolving((v) => !v)}>
              {t('sync.item.resolve_open')}
            </button>
          ) : null}
          {item.actions.includes('link') ? (
            <button disabled={busy} onClick={() => setLinking((v) => !v)}>
              {t('sync.item.link_open')}
            </button>
          ) : null}
        </div>
        {resolving ? (
          <form className="subform" onSubmit={resolve}>
            <span className="muted">{t('sync.item.resolve_note')}</span>
            <label>
              {t('common.optional', { label: t('sync.item.note') })}
              <input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                aria-label={t('sync.item.note')}
              />
            </label>
            <button type="submit" disabled={busy}>
              {t('sync.item.resolve')}
            </button>
          </form>
        ) : null}
        {linking ? (
          <form className="subform" onSubmit={link}>
            <label>
              {t('sync.item.remote_id')}
              <input
                value={remoteId}
                onChange={(e) => setRemoteId(e.target.value)}
                required
                maxLength={100}
                aria-label={t('sync.item.remote_id')}
              />
            </label>
            <button type="submit" disabled={busy || remoteId.trim() === ''}>
              {t('sync.item.link')}
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

function AccountPanel(props: { a: AccountSyncStatus; progress: ProgressEvent | null }): ReactElement {
  const { a, progress } = props;
  const { t } = useTranslator();
  const fmt = useFormat();
  const [busy, setBusy] = useState<'sync' | 'import' | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [result, setResult] = useState<string | null>(null);

  async function run(kind: 'sync' | 'import'): Promise<void> {
    setBusy(kind);
    setError(null);
    setResult(null);
    try {
      if (kind === 'sync') {
        const r = await call('sync.now', { accountId: a.accountId });
        setResult(
          t('sync.now.result', {
            sent: r.outbox.done,
            queued: r.remaining.pending + r.remaining.unknown,
            open: r.poll.open,
            changed: r.poll.changed,
          }),
        );
      } else {
        const r = await call('sync.import', { accountId: a.accountId });
        setResult(
          t('sync.import.result', {
            seen: r.seen,
            imported: r.imported,
            linked: r.linked,
            updated: r.updated,
            unchanged: r.unchanged,
            skipped: r.skipped,
          }),
        );
      }
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(null);
      refresh('sync');
    }
  }

  const c = a.counts;
  return (
    <section className="panel" data-testid={`sync-account-${a.accountId}`}>
      <div className="detail-head">
        <h2>{a.name}</h2>
        <span className="badge">
          {providerName(a.provider)} · {t(a.mode === 'live' ? 'accounts.mode.live' : 'accounts.mode.test')}
        </span>
        {a.offline ? (
          <span className="badge overdue">{t('sync.account.offline', { until: fmt.dateTime(a.pausedUntil) })}</span>
        ) : null}
        {!a.supported ? <span className="badge draft">{t('sync.account.not_supported')}</span> : null}
      </div>
      <dl className="facts-grid">
        <dt>{t('sync.account.last_success')}</dt>
        <dd>{fmt.dateTime(a.lastSuccessAt)}</dd>
        <dt>{t('sync.account.last_poll')}</dt>
        <dd>{fmt.dateTime(a.lastPollAt)}</dd>
        <dt>{t('sync.account.last_import')}</dt>
        <dd>{fmt.dateTime(a.lastImportAt)}</dd>
        <dt>{t('sync.account.outbox')}</dt>
        <dd data-testid="sync-counts">
          {t('sync.account.counts', {
            pending: c.pending,
            unknown: c.unknown,
            failed: c.failed,
            needsReview: c.needsReview,
            skipped: c.skipped,
            done: c.done,
          })}
        </dd>
        <dt>{t('sync.account.remote_invoices')}</dt>
        <dd>{t('sync.account.linked', { linked: a.linkedInvoices, open: a.openInvoices })}</dd>
        <dt>{t('sync.account.unknown_outcomes')}</dt>
        <dd className="muted">
          {a.lookupRoute ? t('sync.account.lookup', { route: a.lookupRoute }) : t('sync.account.no_lookup')}
        </dd>
        {a.lastError ? (
          <>
            <dt>{t('sync.account.last_error')}</dt>
            <dd>
              <ErrorText e={a.lastError} /> <span className="muted">({fmt.dateTime(a.lastError.at)})</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="toolbar">
        <button disabled={busy !== null || !a.supported} onClick={() => void run('sync')}>
          {t(busy === 'sync' ? 'sync.now.running' : 'sync.now.button')}
        </button>
        <button disabled={busy !== null || !a.supported} onClick={() => void run('import')}>
          {t(busy === 'import' ? 'sync.import.running' : 'sync.import.button')}
        </button>
      </div>
      {busy === 'import' && progress && !progress.finished ? (
        <div aria-live="polite">
          <div className="muted">{t('sync.import.progress', { account: a.name, count: progress.done })}</div>
          <div
            className="progress"
            role="progressbar"
            aria-valuetext={t('sync.import.progress_value', { count: progress.done })}
          >
            <div
              style={{
                width: progress.total ? `${Math.min(100, (100 * progress.done) / progress.total)}%` : '100%',
                opacity: progress.total ? 1 : 0.4,
              }}
            />
          </div>
        </div>
      ) : null}
      {result ? <p className="muted">{result}</p> : null}
      <ErrorLine error={error} />
      {a.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>{t('sync.col.invoice')}</th>
              <th>{t('sync.col.action')}</th>
              <th>{t('sync.col.state')}</th>
              <th>{t('sync.col.what_happened')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {a.items.map((item) => (
              <ItemRow key={item.id} item={item} onError={setError} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('sync.account.nothing_waiting')}</p>
      )}
    </section>
  );
}

export function SyncPanel(): ReactElement {
  const { t } = useTranslator();
  const { data: status, error } = useQuery('sync.status', { itemLimit: 100 });
  const [progress, setProgress] = useState<Record<string, ProgressEvent>>({});

  // Import progress, by account.
  useEffect(
    () => onEvent('progress', (p) => p.accountId && setProgress((m) => ({ ...m, [p.accountId ?? '']: p }))),
    [],
  );

  return (
    <div>
      <h1>{t('sync.title')}</h1>
      <p className="muted">{t('sync.intro')}</p>
      <QueryError error={error} />
      {status === undefined ? (
        <p>{t('common.loading')}</p>
      ) : status.accounts.length === 0 ? (
        <p className="muted">{t('sync.no_accounts')}</p>
      ) : (
        status.accounts.map((a) => <AccountPanel key={a.accountId} a={a} progress={progress[a.accountId] ?? null} />)
      )}
    </div>
  );
}
