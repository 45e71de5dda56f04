/**
 * Settings → E-mail: the user's own mail server (host, port, encryption, login, From) for sharing invoices by e-mail,
 * and "send test e-mail". The password is write-only: it goes to the keychain, the form only says whether one is
 * stored. Each problem is shown at its field; nothing typed is cleared by a failed save or test.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import {
  SMTP_TLS_MODES,
  type SmtpSettings,
  type SmtpTestResult,
  type SmtpTlsMode,
} from '../../../shared/contract/share';
import { call } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

const TLS_LABEL = {
  tls: 'settings.smtp.tls.tls',
  starttls: 'settings.smtp.tls.starttls',
  none: 'settings.smtp.tls.none',
} as const;

/** The fields a save error can point at; anything else is shown under the buttons. */
const FIELDS = ['host', 'port', 'tls', 'user', 'password', 'from'] as const;

export function SmtpPanel(): ReactElement {
  const { t } = useTranslator();
  const saved = useQuery('smtp.get', {});
  if (!saved.data)
    return (
      <div className="panel" data-testid="smtp-panel">
        <h2>{t('settings.smtp.title')}</h2>
        <QueryError error={saved.error} />
        {!saved.error ? <p className="muted">{t('common.loading')}</p> : null}
      </div>
    );
  return <SmtpForm saved={saved.data} />;
}

/** The form starts from what is stored; later refreshes never overwrite what the user is typing. */
function SmtpForm({ saved }: { saved: SmtpSettings }): ReactElement {
  const { t } = useTranslator();
  const [form, setForm] = useState({
    host: saved.host ?? '',
    port: saved.port === null ? '587' : String(saved.port),
    tls: saved.tls,
    user: saved.user ?? '',
    from: saved.from ?? '',
  });
  const [password, setPassword] = useState('');
  const [passwordSet, setPasswordSet] = useState(saved.passwordSet);
  const [configured, setConfigured] = useState(saved.configured);
  const [testTo, setTestTo] = useState(saved.from ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<'saved' | SmtpTestResult | null>(null);

  const set = (k: keyof typeof form) => (v: string) => {
    setForm({ ...form, [k]: k === 'tls' ? (v as SmtpTlsMode) : v });
    if (error?.field === k) setError(null);
  };
  const at = (field: string): UiError | null => (error?.field === field ? error : null);
  const elsewhere = error && !(FIELDS as readonly string[]).includes(error.field ?? '') && error.field !== 'to';

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const port = /^\d{1,5}$/.test(form.port.trim()) ? Number(form.port.trim()) : -1;
      const next: SmtpSettings = await call('smtp.set', {
        host: form.host,
        port,
        tls: form.tls,
        user: form.user.trim() ? form.user : null,
        from: form.from,
        ...(password ? { password } : {}),
      });
      setPassword('');
      setPasswordSet(next.passwordSet);
      setConfigured(next.configured);
      if (!testTo) setTestTo(next.from ?? '');
      setDone('saved');
      refresh('smtp');
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function test(): Promise<void> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('smtp.test', { to: testTo }));
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: 'host' | 'port' | 'user' | 'from', label: string, type = 'text'): ReactElement => (
    <label>
      {label}
      <input
        value={form[k]}
        type={type}
        dir="ltr"
        inputMode={k === 'port' ? 'numeric' : undefined}
        onChange={(e) => set(k)(e.target.value)}
        aria-invalid={at(k) ? true : undefined}
        data-testid={`smtp-${k}`}
      />
      <ErrorLine error={at(k)} testId={`smtp-${k}-error`} />
    </label>
  );

  return (
    <form className="panel" onSubmit={(e) => void save(e)} data-testid="smtp-panel">
      <h2>{t('settings.smtp.title')}</h2>
      <p className="muted">{t('settings.smtp.intro')}</p>
      <div className="form-grid">
        {field('host', t('settings.smtp.host'))}
        {field('port', t('settings.smtp.port'))}
        <label className="wide">
          {t('settings.smtp.tls')}
          <select
            value={form.tls}
            onChange={(e) => set('tls')(e.target.value)}
            aria-invalid={at('tls') ? true : undefined}
            data-testid="smtp-tls"
          >
            {SMTP_TLS_MODES.map((m) => (
              <option key={m} value={m}>
                {t(TLS_LABEL[m])}
              </option>
            ))}
          </select>
          <ErrorLine error={at('tls')} testId="smtp-tls-error" />
        </label>
        {field('user', t('settings.smtp.user'))}
        <label>
          {t('settings.smtp.password')}
          <input
            type="password"
            value={password}
            autoComplete="new-password"
            placeholder={passwordSet ? t('settings.smtp.password_set') : ''}
            onChange={(e) => {
              setPassword(e.target.value);
              if (error?.field === 'password') setError(null);
            }}
            aria-invalid={at('password') ? true : undefined}
            data-testid="smtp-password"
          />
          <ErrorLine error={at('password')} testId="smtp-password-error" />
        </label>
        {field('from', t('settings.smtp.from'), 'email')}
      </div>
      <p className="muted">{t('settings.smtp.password_note')}</p>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy} data-testid="smtp-save">
          {t('common.save')}
        </button>
        <label>
          {t('settings.smtp.test_to')}
          <input
            type="email"
            dir="ltr"
            value={testTo}
            onChange={(e) => {
              setTestTo(e.target.value);
              if (error?.field === 'to') setError(null);
            }}
            aria-invalid={at('to') ? true : undefined}
            data-testid="smtp-test-to"
          />
          <ErrorLine error={at('to')} testId="smtp-to-error" />
        </label>
        <button type="button" disabled={busy || !configured} onClick={() => void test()} data-testid="smtp-test">
          {t('settings.smtp.test')}
        </button>
      </div>
      {done === 'saved' ? (
        <p className="ok" role="status" data-testid="smtp-status">
          {t('settings.smtp.saved')}
        </p>
      ) : done ? (
        <p className="ok" role="status" data-testid="smtp-status">
          {t('settings.smtp.test_ok', { to: done.to, response: done.response })}
        </p>
      ) : null}
      {elsewhere ? <ErrorLine error={error} testId="smtp-error" /> : null}
    </form>
  );
}
