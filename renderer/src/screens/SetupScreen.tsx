/**
 * The first-start setup (and "Business profile" from Settings later): business name, country, address, VAT id,
 * logo, currency, default tax rate, the language of documents and the first invoice number. It can be skipped and
 * finished later; the state is the user's preference `setup` (pending, skipped, done).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { BusinessProfile, TaxRate } from '../../../shared/domain';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { DIGITS, DOCUMENT_LAYOUTS, type DocumentLayout } from '../../../shared/document-style';
import { LANGUAGES, type Digits, type Language } from '../../../shared/i18n/languages';
import { call } from '../client';
import { CountrySelect } from '../components/CountrySelect';
import { ErrorLine } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { base64Of } from '../file-bytes';
import { useTranslator } from '../i18n';
import { useApp } from '../store';
import { toUiError, type UiError } from '../ui-error';

interface Form {
  name: string;
  country: string;
  line1: string;
  city: string;
  postalCode: string;
  vatId: string;
  currency: string;
  taxRate: string;
  language: Language;
  documentLayout: DocumentLayout;
  documentDigits: Digits;
  firstNumber: string;
  logo: BusinessProfile['logo'];
}

function formOf(p: BusinessProfile, rates: readonly TaxRate[]): Form {
  const lang = p.locale.split('-')[0];
  return {
    name: p.name,
    country: p.address.country ?? '',
    line1: p.address.line1 ?? '',
    city: p.address.city ?? '',
    postalCode: p.address.postalCode ?? '',
    vatId: p.vatId ?? '',
    currency: p.defaultCurrency,
    taxRate: rates.find((r) => r.id === p.defaultTaxRateId)?.rate ?? '',
    language: p.language ?? ((LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en'),
    documentLayout: p.documentLayout ?? 'single',
    documentDigits: p.documentDigits ?? 'latn',
    firstNumber: '',
    logo: p.logo ?? null,
  };
}

/** The tax rate to make the default: an existing one with that rate (and a standard or zero category), else a new one. */
async function defaultRateId(rate: string, rates: readonly TaxRate[], name: string): Promise<string> {
  const same = rates.find(
    (r) => !r.archived && Number(r.rate) === Number(rate) && (r.category === 'S' || r.category === 'Z'),
  );
  if (same) return same.id;
  return (await call('taxRate.create', { name, rate, makeDefault: true })).id;
}

export function SetupScreen(): ReactElement {
  const { t } = useTranslator();
  const profile = useQuery('profile.get', {}).data;
  const rates = useQuery('taxRate.list', {}).data;
  if (!profile || !rates) return <p>{t('common.loading')}</p>;
  return <SetupForm profile={profile} rates={rates} />;
}

function SetupForm(props: { profile: BusinessProfile; rates: readonly TaxRate[] }): ReactElement {
  const { t } = useTranslator();
  const { go } = useApp();
  const { rates } = props;
  const [form, setForm] = useState<Form>(() => formOf(props.profile, rates));
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.target.value }));
    setError(null);
  };
  const invalid = (field: string): true | undefined => (error?.field === field ? true : undefined);

  async function finish(setup: 'done' | 'skipped'): Promise<void> {
    await call('app.setPreferences', { setup });
    refresh('preferences');
    go('invoices');
  }

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    const start = form.firstNumber.trim() ? Number(form.firstNumber) : null;
    if (start !== null && (!Number.isInteger(start) || start < 1)) {
      setError({ message: { key: 'setup.first_number_invalid' }, field: 'firstNumber' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const country = form.country || undefined;
      await call('profile.set', {
        name: form.name,
        address: {
          line1: form.line1,
          city: form.city,
          postalCode: form.postalCode,
          ...(country ? { country } : {}),
        },
        vatId: form.vatId,
        defaultCurrency: form.currency.trim().toUpperCase(),
        locale: country ? `${form.language}-${country}` : form.language,
        language: form.language,
        documentLayout: form.documentLayout,
        documentDigits: form.documentDigits,
        logo: form.logo ?? null,
      });
      if (form.taxRate.trim()) {
        const id = await defaultRateId(
          form.taxRate.trim(),
          rates,
          // The name is stored data: without the isolation marks the translator puts around parameters for display.
          t('setup.tax_rate_name', { rate: form.taxRate.trim() }).replace(/[\u2066-\u2069]/g, ''),
        );
        await call('profile.set', { defaultTaxRateId: id });
      }
      if (start !== null) await call('series.setStart', { series: 'INV', year: new Date().getFullYear(), start });
      refresh('profile');
      await finish('done');
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof Form, label: PlainKey, path: string, extra: Record<string, unknown> = {}) => (
    <label>
      {t(label)}
      <input
        value={form[k] as string}
        onChange={set(k)}
        aria-invalid={invalid(path)}
        data-testid={`setup-${k}`}
        {...extra}
      />
    </label>
  );

  /** A select of fixed options (test id `setup-language`, `setup-document-layout`, …). */
  const choice = <K extends 'language' | 'documentLayout' | 'documentDigits'>(
    k: K,
    label: PlainKey,
    options: readonly Form[K][],
    name: (o: Form[K]) => string,
    optionLang = false,
  ) => (
    <label>
      {t(label)}
      <select
        value={form[k]}
        data-testid={`setup-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}
        onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value as Form[K] }))}
      >
        {options.map((o) => (
          <option key={o} value={o} lang={optionLang ? o : undefined}>
            {name(o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section data-testid="setup">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <form className="panel" onSubmit={(e) => void save(e)}>
        <div className="form-grid">
          {text('name', 'setup.name', 'name', { required: true, maxLength: 200, autoFocus: true })}
          <CountrySelect
            label={t('setup.country')}
            value={form.country}
            invalid={invalid('address.country')}
            testId="setup-country"
            onChange={(country) => setForm((f) => ({ ...f, country }))}
          />
          {text('line1', 'setup.address', 'address.line1', { maxLength: 200 })}
          {text('city', 'setup.city', 'address.city', { maxLength: 200 })}
          {text('postalCode', 'setup.postal_code', 'address.postalCode', { maxLength: 32 })}
          {text('vatId', 'setup.vat_id', 'vatId', { maxLength: 64 })}
          {text('currency', 'setup.currency', 'defaultCurrency', {
            maxLength: 3,
            required: true,
            dir: 'ltr',
            placeholder: 'EGP',
          })}
          {text('taxRate', 'setup.tax_rate', 'rate', { inputMode: 'decimal', dir: 'ltr', placeholder: '14' })}
          {choice('language', 'setup.language', LANGUAGES, (l) => t(`language.${l}`), true)}
          {choice('documentLayout', 'setup.document_layout', DOCUMENT_LAYOUTS, (l) => t(`setup.layout_${l}`))}
          {choice('documentDigits', 'setup.document_digits', DIGITS, (d) => t(`settings.language.digits_${d}`))}
          {text('firstNumber', 'setup.first_number', 'firstNumber', {
            inputMode: 'numeric',
            dir: 'ltr',
            placeholder: '1',
          })}
          <label>
            {t('setup.logo')}
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="setup-logo"
              aria-invalid={invalid('logo.base64')}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (!chosen) return;
                const mime = chosen.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
                void chosen.arrayBuffer().then((b) => setForm((f) => ({ ...f, logo: { mime, base64: base64Of(b) } })));
              }}
            />
          </label>
        </div>
        <p className="muted">{t('setup.later')}</p>
        <ErrorLine error={error} />
        <div className="toolbar">
          <button className="primary" type="submit" disabled={busy} data-testid="setup-save" data-shortcut="save">
            {t('setup.save')}
          </button>
          <button type="button" disabled={busy} onClick={() => void finish('skipped')} data-testid="setup-skip">
            {t('setup.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}
