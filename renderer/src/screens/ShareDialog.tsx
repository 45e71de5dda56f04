/**
 * Sharing an invoice from its page: pick the route (prefilled from the customer: e-mail when the mail server is set
 * up and the customer has an address, else the provider's own sending, else WhatsApp to their number), the
 * recipient, the message; see what the customer receives, in the customer's language; send, and see the outcome.
 * Every problem is a sentence next to the field it is about; what was typed stays (each route keeps its own
 * recipient). SMS and WhatsApp open the messaging app through the OS with the message ready; "copy message" and
 * "copy payment link" serve any other messenger.
 */
import { useState, type ReactElement } from 'react';
import type { ShareOutcome, ShareOptions, ShareRoute } from '../../../shared/contract/share';
import type { SyncItem } from '../../../shared/contract/sync';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import type { ParamValues } from '../../../shared/i18n/params';
import { countryName } from '../../../shared/countries';
import { providerName } from '../../../shared/providers';
import { composeShare, SHARE_TEMPLATES, type ShareTemplate } from '../../../shared/share/templates';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

const ROUTES: readonly ShareRoute[] = ['email', 'provider', 'sms', 'whatsapp'];
const ROUTE_LABEL = {
  email: 'share.route.email',
  sms: 'share.route.sms',
  whatsapp: 'share.route.whatsapp',
} as const satisfies Record<Exclude<ShareRoute, 'provider'>, PlainKey>;
const STATUS_LABEL = {
  queued: 'share.outcome.queued',
  failed: 'share.outcome.failed',
  needs_review: 'share.outcome.needs_review',
  by_provider: 'share.outcome.by_provider',
} as const satisfies Record<string, PlainKey>;

/** The customer's language named in the reader's (an Arabic reader sees «الإنجليزية», not "English"). */
function languageName(code: string, language: string): string | null {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? null;
  } catch {
    return null;
  }
}

function Deliveries({ items }: { items: SyncItem[] }): ReactElement | null {
  const { t, message } = useTranslator();
  const [error, setError] = useState<UiError | null>(null);
  if (items.length === 0) return null;
  async function retry(id: number): Promise<void> {
    setError(null);
    try {
      await call('sync.retry', { itemId: id });
      await call('sync.now', { poll: false });
      refresh('sync', 'invoice');
    } catch (err) {
      setError(toUiError(err));
    }
  }
  return (
    <div className="share-deliveries" data-testid="share-deliveries">
      <h3>{t('share.deliveries.title')}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.id} data-testid={`delivery-${i.id}`} data-state={i.state}>
            {t('share.deliveries.item', { op: i.op })} ·{' '}
            <span className={`badge ${i.state}`}>{t(i.inFlight ? 'sync.state.sending' : `sync.state.${i.state}`)}</span>
            {i.error ? (
              <span className="error">
                {' '}
                {message({ key: `error.${i.error.code}`, params: i.error.params ?? {} }, i.error.message)}
              </span>
            ) : null}
            {i.actions.includes('retry') ? (
              <button type="button" className="link" onClick={() => void retry(i.id)}>
                {t('sync.item.retry')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </div>
  );
}

function OutcomeLine({ outcome }: { outcome: ShareOutcome }): ReactElement {
  const { t, message } = useTranslator();
  const sentence =
    outcome.route === 'sms' || outcome.route === 'whatsapp'
      ? t('share.outcome.prepared', { route: outcome.route })
      : outcome.status === 'sent'
        ? t('share.outcome.sent', { to: outcome.to ?? 'none' })
        : t(STATUS_LABEL[outcome.status as keyof typeof STATUS_LABEL]);
  const reason = 'error' in outcome && outcome.error ? outcome.error : null;
  const ok = outcome.status === 'sent' || outcome.status === 'prepared' || outcome.status === 'by_provider';
  return (
    <p className={ok ? 'ok' : 'error'} role="status" data-testid="share-outcome" data-status={outcome.status}>
      {sentence}
      {reason ? ` ${message({ key: `error.${reason.code}`, params: reason.params ?? {} }, reason.message)}` : ''}
    </p>
  );
}

function Dialog({ o, onClose }: { o: ShareOptions; onClose: () => void }): ReactElement {
  const { t, message, language } = useTranslator();
  const items = useQuery('share.items', { id: o.invoiceId }).data ?? [];
  const [route, setRoute] = useState<ShareRoute>(o.defaultRoute);
  // One recipient per kind of route, so switching routes never loses what was typed.
  const [emailTo, setEmailTo] = useState(o.email ?? '');
  const [phoneTo, setPhoneTo] = useState(o.phone ?? '');
  const [providerTo, setProviderTo] = useState(o.email ?? o.phone ?? '');
  const [template, setTemplate] = useState<ShareTemplate>('invoice');
  const [copySelf, setCopySelf] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const [copied, setCopied] = useState<'message' | 'link' | null>(null);

  const option = o.routes.find((r) => r.route === route);
  const provider = o.provider;
  const providerLabel = provider ? providerName(provider.provider) : '';
  const text = composeShare(o.facts, template, o.language, o.digits);
  const to = route === 'email' ? emailTo : route === 'provider' ? providerTo : phoneTo;
  const setTo = route === 'email' ? setEmailTo : route === 'provider' ? setProviderTo : setPhoneTo;
  const needsRecipient = !(route === 'provider' && provider?.mode !== 'api');
  const fieldError = (field: string): UiError | null => (error?.field === field ? error : null);
  const otherError = error && error.field !== 'to' && error.field !== 'route' ? error : null;

  async function send(): Promise<void> {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const out = await call('share.send', {
        id: o.invoiceId,
        route,
        template,
        copyToSelf: route === 'email' && copySelf,
        ...(needsRecipient && to.trim() ? { to } : {}),
        ...(route === 'provider' && provider ? { accountId: provider.accountId } : {}),
      });
      setOutcome(out);
      // The OS opens the messaging app (Electron: shell.openExternal after the link's shape is checked).
      if (out.route === 'sms' || out.route === 'whatsapp') window.open(out.url, '_blank', 'noopener,noreferrer');
      refresh('invoice', 'sync');
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function copy(what: 'message' | 'link'): Promise<void> {
    const value = what === 'message' ? (route === 'email' ? text.body : text.short) : (o.facts.paymentUrl ?? '');
    try {
      await navigator.clipboard.writeText(value);
      setCopied(what);
    } catch (err) {
      setError(toUiError(err));
    }
  }

  const country = o.country ? countryName(o.country, language) : null;
  return (
    <section className="share" role="region" aria-labelledby="share-title" data-testid="share-dialog">
      <div className="detail-head">
        <h3 id="share-title">{t('share.dialog.title', { number: o.facts.number })}</h3>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <fieldset className="share-routes" aria-invalid={fieldError('route') ? true : undefined}>
        <legend>{t('share.route.label')}</legend>
        {ROUTES.map((r) => {
          const opt = o.routes.find((x) => x.route === r);
          return (
            <label key={r} className="check">
              <input
                type="radio"
                name="share-route"
                value={r}
                checked={route === r}
                disabled={!opt?.available}
                onChange={() => {
                  setRoute(r);
                  setError(null);
                  setOutcome(null);
                }}
                data-testid={`share-route-${r}`}
              />
              {r === 'provider'
                ? provider
                  ? t('share.route.provider', { provider: providerLabel })
                  : t('share.route.provider_none')
                : t(ROUTE_LABEL[r])}
              {!opt?.available && opt?.reason ? (
                <span className="muted">
                  {' '}
                  — {message({ key: `error.${opt.reason.code}`, params: opt.reason.params ?? {} })}
                </span>
              ) : null}
            </label>
          );
        })}
        <ErrorLine error={fieldError('route')} testId="share-route-error" />
      </fieldset>

      {route === 'provider' && provider && provider.mode !== 'none' && provider.mode !== 'sent_at_creation' ? (
        <p className="muted" data-testid="share-provider-how">
          {t(`share.provider.${provider.mode}`, { provider: providerLabel })}
        </p>
      ) : null}

      <div className="form-grid">
        {needsRecipient ? (
          <label>
            {t(route === 'email' ? 'share.to.email' : route === 'provider' ? 'share.to.provider' : 'share.to.phone')}
            <input
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                if (error?.field === 'to') setError(null);
              }}
              type={route === 'email' ? 'email' : 'text'}
              inputMode={route === 'email' ? 'email' : route === 'provider' ? 'text' : 'tel'}
              dir="ltr"
              aria-invalid={fieldError('to') ? true : undefined}
              aria-describedby="share-to-error"
              data-testid="share-to"
            />
            <span id="share-to-error">
              <ErrorLine error={fieldError('to')} testId="share-to-error" />
            </span>
            {route !== 'email' && country ? <span className="muted">{t('share.to.country', { country })}</span> : null}
          </label>
        ) : null}
        <label>
          {t('share.template.label')}
          <select
            value={template}
            onChange={(e) => setTemplate(e.target.value as ShareTemplate)}
            data-testid="share-template"
          >
            {SHARE_TEMPLATES.map((k) => (
              <option key={k} value={k}>
                {t(`share.template.name.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {route === 'email' && o.smtp.from ? (
          <label className="check">
            <input type="checkbox" checked={copySelf} onChange={(e) => setCopySelf(e.target.checked)} />
            {t('share.copy_self', { from: o.smtp.from })}
          </label>
        ) : null}
      </div>

      {route !== 'provider' ? (
        <div
          className="share-preview"
          data-testid="share-preview"
          lang={o.language}
          dir={o.language === 'ar' ? 'rtl' : 'ltr'}
        >
          <p className="muted" lang={language} dir="auto">
            {t('share.preview.title', {
              customer: o.facts.customer,
              language: languageName(o.language, language) ?? t(`language.${o.language}`),
            })}
          </p>
          {route === 'email' ? (
            <>
              <p>
                <strong>{t('share.preview.subject')}:</strong> <span data-document-text>{text.subject}</span>
              </p>
              <pre data-document-text>{text.body}</pre>
              <p className="muted" lang={language} dir="auto">
                {t('share.preview.attachment')}
              </p>
            </>
          ) : (
            <pre data-document-text>{text.short}</pre>
          )}
        </div>
      ) : null}
      {!o.facts.paymentUrl ? <p className="muted">{t('share.no_link')}</p> : null}

      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || !option?.available}
          onClick={() => void send()}
          data-testid="share-send"
        >
          {busy
            ? t('share.sending')
            : route === 'sms'
              ? t('share.open.sms')
              : route === 'whatsapp'
                ? t('share.open.whatsapp')
                : t('share.send')}
        </button>
        {route !== 'provider' ? (
          <button type="button" onClick={() => void copy('message')} data-testid="share-copy-message">
            {t('share.copy.message')}
          </button>
        ) : null}
        <button
          type="button"
          disabled={!o.facts.paymentUrl}
          onClick={() => void copy('link')}
          data-testid="share-copy-link"
        >
          {t('share.copy.link')}
        </button>
        {copied ? (
          <span className="muted" role="status">
            {t('share.copied')}
          </span>
        ) : null}
      </div>
      {outcome ? <OutcomeLine outcome={outcome} /> : null}
      <ErrorLine error={otherError} testId="share-error" />
      <Deliveries items={items} />
    </section>
  );
}

/** A share's line in the invoice history: the route, the recipient and, for problems, the reason. */
export function ShareHistoryDetail({ details }: { details: Record<string, unknown> }): ReactElement | null {
  const { t, message } = useTranslator();
  const route = details.route;
  if (route !== 'email' && route !== 'provider' && route !== 'sms' && route !== 'whatsapp') return null;
  const to = typeof details.to === 'string' ? details.to : 'none';
  const code = typeof details.code === 'string' ? details.code : null;
  const params = (details.params ?? {}) as ParamValues;
  return (
    <span className="muted" data-testid="share-history-detail">
      {' · '}
      <bdi>{t('share.history.via', { route, to })}</bdi>
      {code ? ` — ${message({ key: `error.${code}`, params }, code)}` : ''}
    </span>
  );
}

export function ShareDialog(props: { invoiceId: string; onClose: () => void }): ReactElement {
  const { t } = useTranslator();
  const options = useQuery('share.options', { id: props.invoiceId });
  if (!options.data) {
    return (
      <section className="share" data-testid="share-dialog">
        <QueryError error={options.error} />
        {!options.error ? <p>{t('common.loading')}</p> : null}
      </section>
    );
  }
  return <Dialog o={options.data} onClose={props.onClose} />;
}
