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
import { refresh, useQuery } from '../data/queries';
import { toUiError, type UiError } from '../ui-error';

const OP_LABEL: Record<SyncItem['op'], string> = {
  create: 'Send invoice',
  cancel: 'Cancel',
  mark_paid: 'Mark paid',
  share: 'Share',
  delete: 'Delete',
  send: 'E-mail',
};
const STATE_LABEL: Record<SyncItem['state'], string> = {
  pending: 'Queued',
  unknown: 'Checking',
  done: 'Done',
  failed: 'Failed',
  needs_review: 'Needs review',
  skipped: 'Not possible there',
};

function when(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function ErrorText({ e }: { e: SyncError }): ReactElement {
  return (
    <span className="error">
      {e.message}
      {e.providerMessage && !e.message.includes(e.providerMessage) ? ` — provider said: “${e.providerMessage}”` : ''}
      {e.httpStatus ? ` (HTTP ${e.httpStatus})` : ''}
    </span>
  );
}

function ItemRow(props: { item: SyncItem; onError: (e: UiError) => void }): ReactElement {
  const { item } = props;
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
      <td>{item.invoiceNumber ?? item.invoiceId}</td>
      <td>{OP_LABEL[item.op]}</td>
      <td>
        <span className={`badge ${item.state}`}>{item.inFlight ? 'Sending…' : STATE_LABEL[item.state]}</span>
        {item.attempts > 0 ? (
          <span className="muted">
            {' '}
            · {item.attempts} attempt{item.attempts === 1 ? '' : 's'}
          </span>
        ) : null}
        {item.nextAttemptAt && !item.inFlight ? <div className="muted">next try {when(item.nextAttemptAt)}</div> : null}
      </td>
      <td>
        {item.advice ? <div>{item.advice}</div> : null}
        {item.error ? <ErrorText e={item.error} /> : null}
      </td>
      <td>
        <div className="toolbar">
          {item.actions.includes('retry') ? (
            <button disabled={busy} onClick={() => void act(() => call('sync.retry', { itemId: item.id }))}>
              Retry
            </button>
          ) : null}
          {item.actions.includes('resolve') ? (
            <button disabled={busy} onClick={() => setResolving((v) => !v)}>
              Mark resolved…
            </button>
          ) : null}
          {item.actions.includes('link') ? (
            <button disabled={busy} onClick={() => setLinking((v) => !v)}>
              Link…
            </button>
          ) : null}
        </div>
        {resolving ? (
          <form className="subform" onSubmit={resolve}>
            <span className="muted">Nothing more will be sent for this item.</span>
            <label>
              Note (optional)
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} aria-label="Note" />
            </label>
            <button type="submit" disabled={busy}>
              Mark resolved
            </button>
          </form>
        ) : null}
        {linking ? (
          <form className="subform" onSubmit={link}>
            <label>
              Remote invoice id
              <input
                value={remoteId}
                onChange={(e) => setRemoteId(e.target.value)}
                required
                maxLength={100}
                aria-label="Remote invoice id"
              />
            </label>
            <button type="submit" disabled={busy || remoteId.trim() === ''}>
              Link
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

function AccountPanel(props: { a: AccountSyncStatus; progress: ProgressEvent | null }): ReactElement {
  const { a, progress } = props;
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
          `Sent ${r.outbox.done}, ${r.remaining.pending + r.remaining.unknown} still queued; checked ${r.poll.open} open invoices (${r.poll.changed} changed).`,
        );
      } else {
        const r = await call('sync.import', { accountId: a.accountId });
        setResult(
          `${r.seen} remote invoices: ${r.imported} imported, ${r.linked} linked, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped.`,
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
          {providerName(a.provider)} · {a.mode}
        </span>
        {a.offline ? <span className="badge overdue">Offline — paused until {when(a.pausedUntil)}</span> : null}
        {!a.supported ? <span className="badge draft">Not connected in this version</span> : null}
      </div>
      <dl className="facts-grid">
        <dt>Last success</dt>
        <dd>{when(a.lastSuccessAt)}</dd>
        <dt>Last status check</dt>
        <dd>{when(a.lastPollAt)}</dd>
        <dt>Last import</dt>
        <dd>{when(a.lastImportAt)}</dd>
        <dt>Outbox</dt>
        <dd data-testid="sync-counts">
          {c.pending} queued · {c.unknown} being checked · {c.failed} failed · {c.needsReview} need review · {c.skipped}{' '}
          not possible there · {c.done} done
        </dd>
        <dt>Invoices at the provider</dt>
        <dd>
          {a.linkedInvoices} linked, {a.openInvoices} still open (watched for payments)
        </dd>
        <dt>Unknown outcomes</dt>
        <dd className="muted">
          {a.lookupRoute
            ? `looked up by reference: ${a.lookupRoute}`
            : 'no lookup at this provider: parked for review, never re-sent'}
        </dd>
        {a.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>
              <ErrorText e={a.lastError} /> <span className="muted">({when(a.lastError.at)})</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="toolbar">
        <button disabled={busy !== null || !a.supported} onClick={() => void run('sync')}>
          {busy === 'sync' ? 'Syncing…' : 'Sync now'}
        </button>
        <button disabled={busy !== null || !a.supported} onClick={() => void run('import')}>
          {busy === 'import' ? 'Importing…' : 'Import invoices'}
        </button>
      </div>
      {busy === 'import' && progress && !progress.finished ? (
        <div aria-live="polite">
          <div className="muted">
            {progress.label}: {progress.done} invoices so far
          </div>
          <div className="progress" role="progressbar" aria-valuetext={`${progress.done} invoices`}>
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
              <th>Invoice</th>
              <th>Action</th>
              <th>State</th>
              <th>What happened</th>
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
        <p className="muted">Nothing waiting.</p>
      )}
    </section>
  );
}

export function SyncPanel(): ReactElement {
  const { data: status, error } = useQuery('sync.status', { itemLimit: 100 });
  const [progress, setProgress] = useState<Record<string, ProgressEvent>>({});

  // Import progress, keyed by its label ("Importing from <account name>").
  useEffect(() => onEvent('progress', (p) => setProgress((m) => ({ ...m, [p.label]: p }))), []);

  return (
    <div>
      <h1>Sync</h1>
      <p className="muted">
        Invoices issued to a provider account are queued here and sent when the provider can be reached; payments and
        cancellations made at the provider come back automatically.
      </p>
      <QueryError error={error} />
      {status === undefined ? (
        <p>Loading…</p>
      ) : status.accounts.length === 0 ? (
        <p className="muted">No provider accounts yet: add one under Settings.</p>
      ) : (
        status.accounts.map((a) => (
          <AccountPanel key={a.accountId} a={a} progress={progress[`Importing from ${a.name}`] ?? null} />
        ))
      )}
    </div>
  );
}
