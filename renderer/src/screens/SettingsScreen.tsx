/**
 * Settings: the ledger facts and the provider accounts. Keys are write-only here: they are typed into
 * password fields, sent once with account.add / account.setSecrets, and cleared from state as soon as
 * the save succeeds. Nothing the screen receives can contain a key (responses carry only `secretsSet`).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { AccountTestResult, KeychainStatus } from '../../../shared/contract/accounts';
import { PROVIDER_IDS, type AccountMode, type ProviderAccount, type ProviderId } from '../../../shared/domain';
import { KassaError } from '../../../shared/errors';
import { fieldLabel, providerInfo, providerName, type ProviderField } from '../../../shared/providers';
import { call, errorMessage } from '../client';
import { ErrorLine, QueryError } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { useApp } from '../store';
import { toUiError, type UiError } from '../ui-error';

/** One password input for a key: never pre-filled, never offered to a password manager. */
function SecretInput(props: {
  field: ProviderField;
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
  placeholder?: string | undefined;
}): ReactElement {
  return (
    <label>
      {props.field.label}
      {props.field.required ? '' : ' (optional)'}
      <input
        type="password"
        autoComplete="off"
        spellCheck={false}
        data-testid={`secret-${props.field.name}`}
        aria-invalid={props.invalid || undefined}
        value={props.value}
        placeholder={props.placeholder ?? props.field.placeholder}
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
  return (
    <>
      {providerInfo(props.provider).settingFields.map((f) => (
        <label key={f.name}>
          {f.label}
          {f.required ? '' : ' (optional)'}
          <input
            data-testid={`setting-${f.name}`}
            aria-invalid={props.error?.field === `settings.${f.name}` || undefined}
            value={props.values[f.name] ?? ''}
            placeholder={f.placeholder}
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

function AddAccountForm({ onAdded }: { onAdded: (a: ProviderAccount) => void }): ReactElement {
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
      <h2>Add a provider account</h2>
      <div className="toolbar">
        <label>
          Provider
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
          Name
          <input
            data-testid="add-name"
            aria-invalid={error?.field === 'name' || undefined}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          Mode
          <select
            data-testid="add-mode"
            value={form.mode}
            onChange={(e) => setForm({ ...form, mode: e.target.value as AccountMode })}
          >
            <option value="test">Test</option>
            <option value="live">Live</option>
          </select>
        </label>
        <label>
          Base URL override (optional)
          <input
            data-testid="add-base-url"
            placeholder="https://sandbox.example.com"
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
            field={f}
            invalid={error?.field === `secrets.${f.name}`}
            value={form.secrets[f.name] ?? ''}
            onChange={(v) => setForm({ ...form, secrets: { ...form.secrets, [f.name]: v } })}
          />
        ))}
        <button className="primary" type="submit" disabled={busy} data-testid="add-account">
          Add account
        </button>
      </div>
      <p className="muted">Keys are stored only in your system keychain. They cannot be shown again, only replaced.</p>
      <ErrorLine error={error} testId="account-error" />
    </form>
  );
}

function EditAccount({ account, onDone }: { account: ProviderAccount; onDone: () => void }): ReactElement {
  const [name, setName] = useState(account.name);
  const [mode, setMode] = useState<AccountMode>(account.mode);
  const [baseUrl, setBaseUrl] = useState(account.baseUrl ?? '');
  const [settings, setSettings] = useState<Record<string, string>>(account.settings);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useApp((s) => s.toast);
  const secretFields = providerInfo(account.provider).secretFields;

  const run = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      refresh('account');
      toast({ title: done, body: account.name, level: 'success' });
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
        'Account saved',
      )
    )
      onDone();
  };

  const saveKeys = async (): Promise<void> => {
    const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
    const ok = await run(() => call('account.setSecrets', { id: account.id, secrets: given }), 'Keys saved');
    if (ok) setSecrets({}); // clear the typed keys
  };

  const deleteKey = async (field: string): Promise<void> => {
    if (!window.confirm(`Delete the ${fieldLabel(account.provider, field)} of "${account.name}" from the keychain?`))
      return;
    await run(() => call('account.deleteSecret', { id: account.id, field }), 'Key deleted');
  };

  return (
    <div className="panel" data-testid="edit-account">
      <form onSubmit={(e) => void saveDetails(e)} autoComplete="off">
        <h2>Edit {account.name}</h2>
        <div className="toolbar">
          <label>
            Name
            <input
              data-testid="edit-name"
              aria-invalid={error?.field === 'name' || undefined}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            Mode
            <select data-testid="edit-mode" value={mode} onChange={(e) => setMode(e.target.value as AccountMode)}>
              <option value="test">Test</option>
              <option value="live">Live</option>
            </select>
          </label>
          <label>
            Base URL override
            <input
              data-testid="edit-base-url"
              aria-invalid={error?.field === 'baseUrl' || undefined}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
          </label>
          {baseUrl.trim() !== (account.baseUrl ?? '') && Object.values(account.secretsSet).some(Boolean) ? (
            <p className="muted" data-testid="base-url-keys-note">
              Keys stay with the server they were entered for: saving a new base URL removes them, and you enter them
              again below.
            </p>
          ) : null}
          <SettingInputs
            provider={account.provider}
            values={settings}
            error={error}
            onChange={(f, v) => setSettings({ ...settings, [f]: v })}
          />
          <button className="primary" type="submit" disabled={busy} data-testid="save-account">
            Save
          </button>
          <button type="button" onClick={onDone}>
            Close
          </button>
        </div>
      </form>
      <h2>Keys</h2>
      <div className="toolbar">
        {secretFields.map((f) => (
          <div key={f.name}>
            <SecretInput
              field={f}
              invalid={error?.field === `secrets.${f.name}`}
              value={secrets[f.name] ?? ''}
              placeholder={account.secretsSet[f.name] ? 'set — type to replace' : 'not set'}
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
                Delete
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
          Save keys
        </button>
      </div>
      <ErrorLine error={error} testId="account-error" />
    </div>
  );
}

function testText(r: AccountTestResult): string {
  const status = r.httpStatus ? ` (HTTP ${r.httpStatus})` : '';
  switch (r.result) {
    case 'ok':
      return `Connected${status}. ${r.message}`;
    case 'wrong_key':
      return `Wrong key${status}: ${r.message}`;
    case 'unreachable':
      return `Unreachable: ${r.message}`;
    case 'provider_error':
      return `Provider error${status}: ${r.message}`;
    default:
      return r.message;
  }
}

export function SettingsScreen(): ReactElement {
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
  const [tests, setTests] = useState<Record<string, { running: boolean; result?: AccountTestResult; error?: string }>>(
    {},
  );

  const test = async (a: ProviderAccount): Promise<void> => {
    setTests((t) => ({ ...t, [a.id]: { running: true } }));
    try {
      const result = await call('account.test', { id: a.id });
      setTests((t) => ({ ...t, [a.id]: { running: false, result } }));
    } catch (err) {
      setTests((t) => ({ ...t, [a.id]: { running: false, error: errorMessage(err) } }));
      if (err instanceof KassaError && err.kind === 'keychain') checkKeychain();
    }
  };

  const remove = async (a: ProviderAccount): Promise<void> => {
    if (!window.confirm(`Remove the account "${a.name}" and delete its keys from the keychain?`)) return;
    try {
      await call('account.remove', { id: a.id });
      toast({ title: 'Account removed', body: a.name, level: 'success' });
    } catch (err) {
      if (err instanceof KassaError && err.code === 'keychain_unavailable') {
        if (!window.confirm(`${err.message}\n\nRemove "${a.name}" anyway? Its keys would stay in the keychain.`))
          return;
        try {
          await call('account.remove', { id: a.id, evenIfKeychainUnavailable: true });
          toast({ title: 'Account removed (keys left in the keychain)', body: a.name, level: 'warning' });
        } catch (again) {
          toast({ title: 'Could not remove the account', body: errorMessage(again), level: 'error' });
        }
        return;
      }
      toast({ title: 'Could not remove the account', body: errorMessage(err), level: 'error' });
    }
    if (editing === a.id) setEditing(null);
    refresh('account');
  };

  const editingAccount = accounts?.find((a) => a.id === editing) ?? null;

  return (
    <section>
      <h1>Settings</h1>
      <p data-testid="settings-summary">
        {info ? `${info.invoiceCount} invoices and ${info.customerCount} customers in ${info.ledgerFile}` : 'Loading…'}
      </p>

      {keychain && !keychain.available ? (
        <div className="panel error" role="alert" data-testid="keychain-banner">
          <strong>The system keychain is not available.</strong> {keychain.message}{' '}
          <button type="button" onClick={checkKeychain}>
            Check again
          </button>
        </div>
      ) : null}

      <h2>Provider accounts</h2>
      <QueryError error={accountList.error} />
      {accounts === null ? (
        <p className="muted">Loading…</p>
      ) : accounts.length === 0 ? (
        <p className="muted" data-testid="no-accounts">
          No provider accounts yet.
        </p>
      ) : (
        <table data-testid="accounts-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Provider</th>
              <th>Mode</th>
              <th>Base URL</th>
              <th>Keys</th>
              <th>Connection</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const t = tests[a.id];
              return (
                <tr key={a.id} data-testid="account-row" data-account-id={a.id}>
                  <td>{a.name}</td>
                  <td>{providerName(a.provider)}</td>
                  <td>
                    <span className="badge">{a.mode}</span>
                  </td>
                  <td className="muted">{a.baseUrl ?? 'default'}</td>
                  <td data-testid="account-keys">
                    {Object.entries(a.secretsSet).map(([f, set]) => (
                      <div key={f}>
                        {fieldLabel(a.provider, f)}: {set ? 'set' : 'not set'}
                      </div>
                    ))}
                  </td>
                  <td
                    data-testid="account-test-result"
                    className={t?.result?.ok ? '' : t?.result || t?.error ? 'error' : ''}
                  >
                    {t?.running ? 'Testing…' : t?.error ? t.error : t?.result ? testText(t.result) : ''}
                  </td>
                  <td>
                    <div className="toolbar">
                      <button
                        type="button"
                        onClick={() => void test(a)}
                        disabled={t?.running}
                        data-testid="test-account"
                      >
                        Test
                      </button>
                      <button
                        type="button"
                        onClick={() => setEditing(editing === a.id ? null : a.id)}
                        data-testid="edit-account-button"
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void remove(a)}
                        data-testid="remove-account"
                      >
                        Remove
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
          toast({ title: 'Account added', body: a.name, level: 'success' });
          refresh('account');
        }}
      />
    </section>
  );
}
