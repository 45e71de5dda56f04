/**
 * An invoice's copies at provider accounts: the provider's name, its status there, the payment link, what that
 * provider cannot do (and what to do instead, from its descriptor), and — where it can — deleting the copy there.
 * Also the other provider facts screens show from the descriptor: caveats, and what a due date becomes.
 */
import { useState, type ReactElement } from 'react';
import type { Invoice, ProviderId, ProviderLink } from '../../../shared/domain';
import { providerInfo, providerName, type InsteadOperation } from '../../../shared/providers';
import { remoteStatusParts } from '../../../shared/providers/remote-status';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { refresh } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

/** The operations a person may look for on an invoice page, in the order they are listed. */
const SHOWN: readonly InsteadOperation[] = ['cancel', 'markPaid', 'share', 'delete', 'paymentUrl'];

export function CannotList({ provider }: { provider: ProviderId }): ReactElement | null {
  const { t } = useTranslator();
  const info = providerInfo(provider);
  const missing = SHOWN.filter((op) => info.instead[op] !== undefined);
  if (missing.length === 0) return null;
  const name = providerName(provider);
  return (
    <details className="provider-cannot" data-testid={`provider-cannot-${provider}`}>
      <summary>{t('providers.link.cannot', { provider: name })}</summary>
      <ul>
        {missing.map((op) => (
          <li key={op} data-testid={`instead-${op}`}>
            <strong>{t(`providers.op.${op}`)}:</strong>{' '}
            {t(`providers.instead.${info.instead[op]!}`, { provider: name })}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The payment link: opened by the system's browser, never in the app's window (a link to a new window: Electron's
 * window-open handler hands it to the OS, main/electron/security.ts; a browser opens a tab), and copied with a button.
 * Only web addresses are links (main keeps no other as a payment URL, main/providers/payment-url.ts).
 */
function PaymentLink({ url }: { url: string }): ReactElement {
  const { t } = useTranslator();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const web = /^https?:\/\//i.test(url);
  const copy = async (): Promise<void> => {
    setError(null);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch (err) {
      setError(toUiError(err));
    }
  };
  return (
    <>
      {web ? (
        <a href={url} target="_blank" rel="noopener noreferrer" dir="ltr" data-testid="payment-link">
          {url}
        </a>
      ) : (
        <span className="muted" dir="ltr">
          {url}
        </span>
      )}{' '}
      <button type="button" className="link-action" onClick={() => void copy()} data-testid="copy-payment-link">
        {t('share.copy.link')}
      </button>
      {copied ? (
        <span className="muted" role="status" data-testid="payment-link-copied">
          {' '}
          {t('share.copied')}
        </span>
      ) : null}
      <ErrorLine error={error} />
    </>
  );
}

function LinkFacts(props: { invoice: Invoice; link: ProviderLink }): ReactElement {
  const { t } = useTranslator();
  const { invoice, link } = props;
  const name = providerName(link.provider);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const canDelete = providerInfo(link.provider).capabilities.operations.includes('delete') && link.remoteId !== null;

  const remove = async (): Promise<void> => {
    if (!window.confirm(t('providers.link.delete_confirm', { number: invoice.number ?? '', provider: name }))) return;
    setBusy(true);
    setError(null);
    try {
      await call('sync.deleteAtProvider', { invoiceId: invoice.id, accountId: link.accountId });
      setQueued(true);
      refresh('sync');
      refresh('invoice');
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="link-facts" data-testid={`link-${link.accountId}`}>
      <dt>{t('invoices.detail.provider')}</dt>
      <dd>
        <span data-testid="link-provider">{name}</span> ·{' '}
        {link.remoteStatus === 'deleted' ? (
          t('providers.link.deleted')
        ) : link.remoteStatus === null ? (
          t('invoices.detail.not_sent_yet')
        ) : (
          <RemoteStatus provider={link.provider} status={link.remoteStatus} />
        )}
        {link.paymentUrl ? (
          <>
            {' · '}
            <PaymentLink url={link.paymentUrl} />
            {link.paymentUrlObserved ? <span className="muted"> {t('providers.link.observed')}</span> : null}
          </>
        ) : null}
        {canDelete ? (
          <button
            type="button"
            className="danger link-action"
            disabled={busy || queued}
            onClick={() => void remove()}
            data-testid="delete-at-provider"
          >
            {t('providers.link.delete', { provider: name })}
          </button>
        ) : null}
        {queued ? (
          <div className="muted" role="status">
            {t('providers.link.delete_queued', { provider: name })}
          </div>
        ) : null}
        <CannotList provider={link.provider} />
        <ErrorLine error={error} />
      </dd>
    </div>
  );
}

export function ProviderLinks({ invoice }: { invoice: Invoice }): ReactElement {
  return (
    <>
      {invoice.links.map((l) => (
        <LinkFacts key={l.accountId} invoice={invoice} link={l} />
      ))}
    </>
  );
}

/** What a person should know about a provider before relying on it (its descriptor's caveats). */
export function ProviderCaveats({ provider }: { provider: ProviderId }): ReactElement | null {
  const { t } = useTranslator();
  const { caveats } = providerInfo(provider).capabilities;
  if (caveats.length === 0) return null;
  return (
    <div className="provider-caveats" data-testid={`provider-caveats-${provider}`}>
      <strong>{t('providers.caveats.title', { provider: providerName(provider) })}</strong>
      <ul>
        {caveats.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Before issuing to a provider that cannot take the due date as it is: what it becomes there (its descriptor). */
export function DueDateNote(props: { provider: ProviderId | null; dueDate: string }): ReactElement | null {
  const { message } = useTranslator();
  const note = props.provider === null ? undefined : providerInfo(props.provider).dueDateNote;
  if (!note) return null;
  return (
    <p className="muted" data-testid="due-date-note">
      {message(note(props.dueDate, new Date()))}
    </p>
  );
}

/** The provider's status: documented values in the reader's language, any other value as the provider sent it. */
function RemoteStatus(props: { provider: ProviderId; status: string }): ReactElement {
  const { message } = useTranslator();
  const parts = remoteStatusParts(props.provider, props.status);
  return (
    <span data-testid="link-remote-status">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? ' · ' : null}
          {'message' in p ? (
            message(p.message)
          ) : (
            <bdi dir="ltr" data-raw-status>
              {p.raw}
            </bdi>
          )}
        </span>
      ))}
    </span>
  );
}
