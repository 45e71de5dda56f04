/**
 * Settings: the ledger facts and the provider accounts. Keys are write-only here: they are typed into
 * password fields, sent once with account.add / account.setSecrets, and cleared from state as soon as
 * the save succeeds. Nothing the screen receives can contain a key (responses carry only `secretsSet`).
 */
import { SettingsIndex, SettingsSection } from './settings/SettingsIndex';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { AccountTestResult, KeychainStatus } from '../../../shared/contract/accounts';
import { PROVIDER_IDS, type AccountMode, type ProviderAccount, type ProviderId } from '../../../shared/domain';
import { KassaError } from '../../../shared/errors';
import { fieldLabel, providerInfo, providerName, type ProviderField } from '../../../shared/providers';
import { ProviderCaveats } from './ProviderLinks';
import { call, errorMessage } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { refresh, useQuery } from '../data/queries';
import { useApp } from '../store';
import { msg } from '../../../shared/i18n/catalogue';
import type { Message } from '../../../shared/i18n/params';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { LanguagePanel } from './LanguagePanel';
import { SmtpPanel } from './SmtpPanel';
import { BackupsPanel } from './settings/BackupsPanel';
import { CheckPanel } from './settings/CheckPanel';
import { CsvPanel } from './settings/CsvPanel';
import { NumberingPanel } from './settings/NumberingPanel';
import { PollingPanel } from './settings/PollingPanel';
import { TaxRatesPanel } from './settings/TaxRatesPanel';

/** A provider field's label in the reader's language (the descriptor's English label if the catalogue lacks it). */
function useFieldLabel(): (provider: ProviderId, field: ProviderField | string) => string {
  const { t, text } = useTranslator();
  return (provider, field) => {
    const name = typeof field === 'string' ? field : field.name;
    const label = text(`providers.field.${provider}.${name}`, {}, fieldLabel(provider, name));
    return typeof field === 'string' || field.required ? label : t('common.optional', { label });
  };
}

/** One password input for a key: never pre-filled, never offered to a password manager. */
/** A field's example: the catalogue's wording where it has words ("e.g. USD"), else the descriptor's code-like one. */
function usePlaceholder(): (field: ProviderField) => string | undefined {
  const { text } = useTranslator();
  return (field) =>
    field.placeholder === undefined ? undefined : text(`providers.placeholder.${field.name}`, {}, field.placeholder);
}

function SecretInput(props: {
  provider: ProviderId;
  field: ProviderField;
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
  placeholder?: string | undefined;
}): ReactElement {
  const label = useFieldLabel();
  const placeholder = usePlaceholder();
  return (
    <label>
      {label(props.provider, props.field)}
      <input
        type="password"
        autoComplete="off"
        spellCheck={false}
        data-testid={`secret-${props.field.name}`}
        aria-invalid={props.invalid || undefined}
        value={props.value}
        placeholder={props.placeholder ?? placeholder(props.field)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

function SettingInputs(props: {
  provider: ProviderId;
  values: Record<string, string>;
  error: UiError | null;
  onChange: (field: string, v: string) => void;
}): ReactElement {
  const label = useFieldLabel();
  const placeholder = usePlaceholder();
  return (
    <>
      {providerInfo(props.provider).settingFields.map((f) => (
        <label key={f.name}>
          {label(props.provider, f)}
          <input
            data-testid={`setting-${f.name}`}
            aria-invalid={props.error?.field === `settings.${f.name}` || undefined}
            value={props.values[f.name] ?? ''}
            placeholder={placeholder(f)}
            onChange={(e) => props.onChange(f.name, e.target.value)}
          />
        </label>
      ))}
    </>
  );
}

const emptyAdd = (): {
  provider: ProviderId;
  name: string;
  mode: AccountMode;
  baseUrl: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
} => ({
  provider: 'paycashless',
  name: '',
  mode: 'test',
  baseUrl: '',
  settings: {},
  secrets: {},
});

function ModeOptions(): ReactElement {
  const { t } = useTranslator();
  return (
    <>
      <option value="test">{t('accounts.mode.test')}</option>
      <option value="live">{t('accounts.mode.live')}</option>
    </>
  );
}

function AddAccountForm({ onAdded }: { onAdded: (a: ProviderAccount) => void }): ReactElement {
  const { t } = useTranslator();
  const [form, setForm] = useState(emptyAdd);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const secretFields = providerInfo(form.provider).secretFields;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const secrets = Object.fromEntries(Object.entries(form.secrets).filter(([, v]) => v !== ''));
      const added = await call('account.add', {
        provider: form.provider,
        name: form.name,
        mode: form.mode,
        baseUrl: form.baseUrl.trim() === '' ? null : form.baseUrl,
        settings: form.settings,
        secrets,
      });
      setForm(emptyAdd()); // clears the typed keys
      onAdded(added);
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} autoComplete="off" data-testid="add-account-form">
      <h2>{t('settings.add.title')}</h2>
      <div className="toolbar">
        <label>
          {t('settings.account.provider')}
          <select
            data-testid="add-provider"
            value={form.provider}
            onChange={(e) => setForm({ ...form, provider: e.target.value as ProviderId, settings: {}, secrets: {} })}
          >
            {PROVIDER_IDS.map((p) => (
              <option key={p} value={p}>
                {providerName(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.account.name')}
          <input
            data-testid="add-name"
            aria-invalid={error?.field === 'name' || undefined}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          {t('settings.account.mode')}
          <select
            data-testid="add-mode"
            value={form.mode}
            onChange={(e) => setForm({ ...form, mode: e.target.value as AccountMode })}
          >
            <ModeOptions />
          </select>
        </label>
        <label>
          {t('common.optional', { label: t('settings.account.base_url') })}
          <input
            data-testid="add-base-url"
            dir="ltr"
            placeholder={t('settings.account.base_url_placeholder')}
            aria-invalid={error?.field === 'baseUrl' || undefined}
            value={form.baseUrl}
            onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          />
        </label>
        <SettingInputs
          provider={form.provider}
          values={form.settings}
          error={error}
          onChange={(f, v) => setForm({ ...form, settings: { ...form.settings, [f]: v } })}
        />
      </div>
      <div className="toolbar">
        {secretFields.map((f) => (
          <SecretInput
            key={f.name}
            provider={form.provider}
            field={f}
            invalid={error?.field === `secrets.${f.name}`}
            value={form.secrets[f.name] ?? ''}
            onChange={(v) => setForm({ ...form, secrets: { ...form.secrets, [f.name]: v } })}
          />
        ))}
        <button className="primary" type="submit" disabled={busy} data-testid="add-account">
          {t('settings.add.submit')}
        </button>
      </div>
      <p className="muted">{t('settings.add.keys_note')}</p>
      <ProviderCaveats provider={form.provider} />
      <ErrorLine error={error} testId="account-error" />
    </form>
  );
}

function EditAccount({ account, onDone }: { account: ProviderAccount; onDone: () => void }): ReactElement {
  const { t } = useTranslator();
  const fieldName = useFieldLabel();
  const [name, setName] = useState(account.name);
  const [mode, setMode] = useState<AccountMode>(account.mode);
  const [baseUrl, setBaseUrl] = useState(account.baseUrl ?? '');
  const [settings, setSettings] = useState<Record<string, string>>(account.settings);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useApp((s) => s.toast);
  const secretFields = providerInfo(account.provider).secretFields;

  const run = async (fn: () => Promise<unknown>, done: Message): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      refresh('account');
      toast({ title: done, body: msg('common.text', { text: account.name }), level: 'success' });
      return true;
    } catch (err) {
      setError(toUiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveDetails = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (
      await run(
        () =>
          call('account.update', {
            id: account.id,
            name,
            mode,
            baseUrl: baseUrl.trim() === '' ? null : baseUrl,
            settings,
          }),
        msg('settings.toast.account_saved'),
      )
    )
      onDone();
  };

  const saveKeys = async (): Promise<void> => {
    const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
    const ok = await run(
      () => call('account.setSecrets', { id: account.id, secrets: given }),
      msg('settings.toast.keys_saved'),
    );
    if (ok) setSecrets({}); // clear the typed keys
  };

  const deleteKey = async (field: string): Promise<void> => {
    if (
      !window.confirm(t('settings.confirm.delete_key', { key: fieldName(account.provider, field), name: account.name }))
    )
      return;
    await run(() => call('account.deleteSecret', { id: account.id, field }), msg('settings.toast.key_deleted'));
  };

  return (
    <div className="panel" data-testid="edit-account">
      <form onSubmit={(e) => void saveDetails(e)} autoComplete="off">
        <h2>{t('settings.edit.title', { name: account.name })}</h2>
        <div className="toolbar">
          <label>
            {t('settings.account.name')}
            <input
              data-testid="edit-name"
              aria-invalid={error?.field === 'name' || undefined}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            {t('settings.account.mode')}
            <select data-testid="edit-mode" value={mode} onChange={(e) => setMode(e.target.value as AccountMode)}>
              <ModeOptions />
            </select>
          </label>
          <label>
            {t('settings.account.base_url')}
            <input
              data-testid="edit-base-url"
              dir="ltr"
              aria-invalid={error?.field === 'baseUrl' || undefined}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
          </label>
          {baseUrl.trim() !== (account.baseUrl ?? '') && Object.values(account.secretsSet).some(Boolean) ? (
            <p className="muted" data-testid="base-url-keys-note">
              {t('settings.edit.base_url_keys_note')}
            </p>
          ) : null}
          <SettingInputs
            provider={account.provider}
            values={settings}
            error={error}
            onChange={(f, v) => setSettings({ ...settings, [f]: v })}
          />
          <button className="primary" type="submit" disabled={busy} data-testid="save-account">
            {t('common.save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('common.close')}
          </button>
        </div>
      </form>
      <h2>{t('settings.edit.keys')}</h2>
      <div className="toolbar">
        {secretFields.map((f) => (
          <div key={f.name}>
            <SecretInput
              provider={account.provider}
              field={f}
              invalid={error?.field === `secrets.${f.name}`}
              value={secrets[f.name] ?? ''}
              placeholder={t(account.secretsSet[f.name] ? 'settings.key.set_replace' : 'settings.key.not_set')}
              onChange={(v) => setSecrets({ ...secrets, [f.name]: v })}
            />
            {account.secretsSet[f.name] ? (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void deleteKey(f.name)}
                data-testid={`delete-secret-${f.name}`}
              >
                {t('common.delete')}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="primary"
          disabled={busy || Object.values(secrets).every((v) => v === '')}
          onClick={() => void saveKeys()}
          data-testid="save-keys"
        >
          {t('settings.edit.save_keys')}
        </button>
      </div>
      <ErrorLine error={error} testId="account-error" />
    </div>
  );
}

/** A connection test's outcome (a code from main) in the reader's language, with the provider's own words. */
function TestResultText({ r }: { r: AccountTestResult }): ReactElement {
  const { text } = useTranslator();
  const params = { hasStatus: r.httpStatus ? 'yes' : 'no', status: r.httpStatus ?? 0, message: r.detail };
  return <>{text(`settings.test.${r.result}`, params, r.message)}</>;
}

/** The business profile is edited on the setup screen, which first start shows and which can be skipped. */
function ProfilePanel(): ReactElement {
  const { t } = useTranslator();
  const go = useApp((s) => s.go);
  const prefs = useQuery('app.preferences', {}).data;
  return (
    <div className="panel" data-testid="profile-panel">
      <h2>{t('settings.profile.title')}</h2>
      {prefs && prefs.setup !== 'done' ? <p className="muted">{t('settings.profile.pending')}</p> : null}
      <button type="button" onClick={() => go('setup')} data-testid="open-setup">
        {t('settings.profile.open')}
      </button>
    </div>
  );
}

export function SettingsScreen(): ReactElement {
  const { t, message } = useTranslator();
  const fieldName = useFieldLabel();
  const info = useQuery('app.info', {}).data;
  const toast = useApp((s) => s.toast);
  const accountList = useQuery('account.list', {});
  const accounts = accountList.data ?? null;
  const keychainQuery = useQuery('keychain.status', {});
  const keychain: KeychainStatus | null = keychainQuery.error
    ? { available: false, backend: 'keytar', message: errorMessage(keychainQuery.error) }
    : (keychainQuery.data ?? null);
  const checkKeychain = keychainQuery.reload;
  const [editing, setEditing] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, { running: boolean; result?: AccountTestResult; error?: UiError }>>(
    {},
  );

  const test = async (a: ProviderAccount): Promise<void> => {
    setTests((all) => ({ ...all, [a.id]: { running: true } }));
    try {
      const result = await call('account.test', { id: a.id });
      setTests((all) => ({ ...all, [a.id]: { running: false, result } }));
    } catch (err) {
      setTests((all) => ({ ...all, [a.id]: { running: false, error: toUiError(err) } }));
      if (err instanceof KassaError && err.kind === 'keychain') checkKeychain();
    }
  };

  const remove = async (a: ProviderAccount): Promise<void> => {
    if (!window.confirm(t('settings.confirm.remove', { name: a.name }))) return;
    try {
      await call('account.remove', { id: a.id });
      toast({ title: msg('settings.toast.removed'), body: msg('common.text', { text: a.name }), level: 'success' });
    } catch (err) {
      if (err instanceof KassaError && err.code === 'keychain_unavailable') {
        if (!window.confirm(t('settings.confirm.remove_anyway', { problem: errorMessage(err), name: a.name }))) return;
        try {
          await call('account.remove', { id: a.id, evenIfKeychainUnavailable: true });
          toast({
            title: msg('settings.toast.removed_keys_left'),
            body: msg('common.text', { text: a.name }),
            level: 'warning',
          });
        } catch (again) {
          toast({ title: msg('settings.toast.remove_failed'), body: toUiError(again).message, level: 'error' });
        }
        return;
      }
      toast({ title: msg('settings.toast.remove_failed'), body: toUiError(err).message, level: 'error' });
    }
    if (editing === a.id) setEditing(null);
    refresh('account');
  };

  const editingAccount = accounts?.find((a) => a.id === editing) ?? null;

  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <p data-testid="settings-summary">
        {info
          ? t('settings.summary', {
              invoices: info.invoiceCount,
              customers: info.customerCount,
              file: info.ledgerFile,
            })
          : t('common.loading')}
      </p>
      <SettingsIndex />

      <SettingsSection id="profile">
        <ProfilePanel />
      </SettingsSection>

      <SettingsSection id="tax-rates">
        <TaxRatesPanel />
      </SettingsSection>

      <SettingsSection id="numbering">
        <NumberingPanel />
      </SettingsSection>

      <SettingsSection id="language">
        <LanguagePanel />
      </SettingsSection>

      <SettingsSection id="email">
        <SmtpPanel />
      </SettingsSection>

      <SettingsSection id="polling">
        <PollingPanel />
      </SettingsSection>

      {keychain && !keychain.available ? (
        <div className="panel error" role="alert" data-testid="keychain-banner">
          <strong>{t('settings.keychain.unavailable')}</strong>{' '}
          {keychain.reason
            ? message(
                {
                  key: `keychain.reason.${keychain.reason}`,
                  params: { platform: /Mac/.test(navigator.platform) ? 'darwin' : 'other' },
                },
                keychain.message,
              )
            : keychain.message}{' '}
          <button type="button" onClick={checkKeychain}>
            {t('settings.keychain.check_again')}
          </button>
        </div>
      ) : null}

      <SettingsSection id="accounts">
        <h2>{t('settings.accounts.title')}</h2>
        <QueryError error={accountList.error} />
        {accounts === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : accounts.length === 0 ? (
          <p className="muted" data-testid="no-accounts">
            {t('settings.accounts.none')}
          </p>
        ) : (
          <table data-testid="accounts-table">
            <thead>
              <tr>
                <th>{t('settings.account.name')}</th>
                <th>{t('settings.account.provider')}</th>
                <th>{t('settings.account.mode')}</th>
                <th>{t('settings.account.base_url')}</th>
                <th>{t('settings.account.keys')}</th>
                <th>{t('settings.account.connection')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => {
                const run = tests[a.id];
                return (
                  <tr key={a.id} data-testid="account-row" data-account-id={a.id}>
                    <td>{a.name}</td>
                    <td>{providerName(a.provider)}</td>
                    <td>
                      <span className="badge">
                        {t(a.mode === 'live' ? 'accounts.mode.live' : 'accounts.mode.test')}
                      </span>
                    </td>
                    <td className="muted">{a.baseUrl ? <Ltr>{a.baseUrl}</Ltr> : t('settings.account.default_url')}</td>
                    <td data-testid="account-keys">
                      {Object.entries(a.secretsSet).map(([f, set]) => (
                        <div key={f}>
                          {t(set ? 'settings.key.is_set' : 'settings.key.is_not_set', {
                            key: fieldName(a.provider, f),
                          })}
                        </div>
                      ))}
                    </td>
                    <td
                      data-testid="account-test-result"
                      className={run?.result?.ok ? '' : run?.result || run?.error ? 'error' : ''}
                    >
                      {run?.running ? (
                        t('settings.test.running')
                      ) : run?.error ? (
                        message(run.error.message, run.error.fallback)
                      ) : run?.result ? (
                        <TestResultText r={run.result} />
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <div className="toolbar">
                        <button
                          type="button"
                          onClick={() => void test(a)}
                          disabled={run?.running}
                          data-testid="test-account"
                        >
                          {t('settings.account.test')}
                        </button>
                        <button
                          type="button"
                          onClick={() => setEditing(editing === a.id ? null : a.id)}
                          data-testid="edit-account-button"
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => void remove(a)}
                          data-testid="remove-account"
                        >
                          {t('common.remove')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}

        {editingAccount ? (
          <EditAccount key={editingAccount.id} account={editingAccount} onDone={() => setEditing(null)} />
        ) : null}

        <AddAccountForm
          onAdded={(a) => {
            toast({ title: msg('settings.toast.added'), body: msg('common.text', { text: a.name }), level: 'success' });
            refresh('account');
          }}
        />
      </SettingsSection>

      <SettingsSection id="csv">
        <CsvPanel />
      </SettingsSection>

      <SettingsSection id="backups">
        <BackupsPanel />
      </SettingsSection>

      <SettingsSection id="check">
        <CheckPanel />
      </SettingsSection>
    </section>
  );
}
