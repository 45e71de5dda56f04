/**
 * Customers: search, one scrolling list by name (components/VirtualList.tsx) with the count, create/edit, and CSV import with a per-row report
 * (checked first as a dry run; nothing is written unless every row is valid).
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { Customer } from '../../../shared/domain';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { ImportPanel } from './CustomerImportPanel';
import { CountrySelect } from '../components/CountrySelect';
import { CountedList, type ListSpec } from '../components/VirtualList';
import { refresh } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';

interface Form {
  name: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  taxId: string;
  vatId: string;
  notes: string;
  /** '' = the business's language. */
  language: Language | '';
}

const EMPTY: Form = {
  name: '',
  email: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  region: '',
  country: '',
  taxId: '',
  vatId: '',
  notes: '',
  language: '',
};

function formOf(c: Customer): Form {
  return {
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
    line1: c.address.line1 ?? '',
    line2: c.address.line2 ?? '',
    city: c.address.city ?? '',
    postalCode: c.address.postalCode ?? '',
    region: c.address.region ?? '',
    country: c.address.country ?? '',
    taxId: c.taxId ?? '',
    vatId: c.vatId ?? '',
    notes: c.notes ?? '',
    language: c.language ?? '',
  };
}

function CustomerForm(props: { customer: Customer | null; onDone: () => void }): ReactElement {
  const { t } = useTranslator();
  const [form, setForm] = useState<Form>(props.customer ? formOf(props.customer) : EMPTY);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const invalid = (field: string): true | undefined => (error?.field === field ? true : undefined);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const input = {
      name: form.name,
      email: form.email,
      phone: form.phone,
      address: {
        line1: form.line1,
        line2: form.line2,
        city: form.city,
        postalCode: form.postalCode,
        region: form.region,
        country: form.country,
      },
      taxId: form.taxId,
      vatId: form.vatId,
      notes: form.notes,
      language: form.language === '' ? null : form.language,
    };
    try {
      if (props.customer) await call('customer.update', { id: props.customer.id, ...input });
      else await call('customer.create', input);
      refresh('customer');
      props.onDone();
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof Form, label: PlainKey, path: string, extra: Record<string, unknown> = {}): ReactElement => (
    <label>
      {t(label)}
      <input value={form[k]} onChange={set(k)} aria-invalid={invalid(path)} data-testid={`customer-${k}`} {...extra} />
    </label>
  );

  return (
    <form className="panel" onSubmit={(e) => void save(e)} data-testid="customer-form">
      <h2>
        {props.customer ? t('customers.form.edit_title', { name: props.customer.name }) : t('customers.form.new_title')}
      </h2>
      <div className="form-grid">
        {field('name', 'customers.form.name', 'name', { required: true, maxLength: 200 })}
        {field('email', 'customers.form.email', 'email', { type: 'email', maxLength: 254, dir: 'ltr' })}
        {field('phone', 'customers.form.phone', 'phone', {
          placeholder: '+20 100 123 4567',
          maxLength: 32,
          dir: 'ltr',
        })}
        {field('taxId', 'customers.form.tax_id', 'taxId', { maxLength: 64 })}
        {field('vatId', 'customers.form.vat_id', 'vatId', { maxLength: 64 })}
        {field('line1', 'customers.form.address', 'address.line1', { maxLength: 200 })}
        {field('line2', 'customers.form.address_line2', 'address.line2', { maxLength: 200 })}
        {field('city', 'customers.form.city', 'address.city', { maxLength: 200 })}
        {field('postalCode', 'customers.form.postal_code', 'address.postalCode', { maxLength: 32 })}
        {field('region', 'customers.form.region', 'address.region', { maxLength: 200 })}
        <CountrySelect
          label={t('customers.form.country')}
          value={form.country}
          invalid={invalid('address.country')}
          testId="customer-country"
          onChange={(country) => setForm((f) => ({ ...f, country }))}
        />
        <label>
          {t('customers.form.language')}
          <select
            value={form.language}
            onChange={(e) => setForm((f) => ({ ...f, language: e.target.value as Language | '' }))}
            aria-invalid={invalid('language')}
            data-testid="customer-language"
          >
            <option value="">{t('customers.form.language_business')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <span className="muted">{t('customers.form.language_hint')}</span>
        </label>
      </div>
      <label>
        {t('customers.form.notes')}
        <textarea
          value={form.notes}
          rows={2}
          maxLength={5000}
          onChange={set('notes')}
          aria-invalid={invalid('notes')}
        />
      </label>
      <ErrorLine error={error} />
      <div className="toolbar">
        <button className="primary" type="submit" disabled={busy} data-testid="save-customer" data-shortcut="save">
          {t(props.customer ? 'common.save' : 'customers.form.create')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CustomerCells({ item: c }: { item: Customer }): ReactElement {
  return (
    <>
      <td className="text-cell" title={c.name}>
        {c.name}
      </td>
      <td className="text-cell" title={c.email ?? undefined}>
        <Ltr>{c.email ?? ''}</Ltr>
      </td>
      <td className="text-cell">
        <Ltr>{c.phone ?? ''}</Ltr>
      </td>
      <td className="text-cell">{c.address.city ?? ''}</td>
      <td className="text-cell">{c.vatId ?? ''}</td>
    </>
  );
}

function CustomerHead(): ReactElement {
  const { t } = useTranslator();
  return (
    <>
      <th>{t('customers.col.name')}</th>
      <th>{t('customers.col.email')}</th>
      <th>{t('customers.col.phone')}</th>
      <th>{t('customers.col.city')}</th>
      <th>{t('customers.col.vat_id')}</th>
    </>
  );
}

const CUSTOMER_LIST: ListSpec<'customer.list'> = {
  method: 'customer.list',
  count: 'customer.count',
  topics: ['customer'],
  head: <CustomerHead />,
  columns: 5,
  Cells: CustomerCells,
  testIds: { scroll: 'customer-scroll', table: 'customer-table', row: 'customer-row' },
  className: 'customer-list',
};

export function CustomersScreen(): ReactElement {
  const { t } = useTranslator();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  // Typing waits a moment before searching; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const filter = search ? { q: search } : {};

  return (
    <section>
      <h1>{t('customers.title')}</h1>
      <div className="toolbar">
        <label>
          {t('common.search')}
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setSearch(q.trim())}
            placeholder={t('customers.search.placeholder')}
            data-testid="customer-search"
            data-shortcut="search"
          />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => setEditing('new')}
          data-testid="new-customer"
          data-shortcut="new-customer"
        >
          {t('customers.new')}
        </button>
        <button type="button" onClick={() => setImporting((v) => !v)} data-testid="import-customers">
          {t('customers.import.open')}
        </button>
      </div>
      {editing ? (
        <CustomerForm
          key={editing === 'new' ? 'new' : editing.id}
          customer={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {importing ? <ImportPanel onDone={() => setImporting(false)} /> : null}
      <CountedList
        spec={CUSTOMER_LIST}
        query={filter}
        filter={filter}
        label={t('customers.title')}
        countText={(count) => t(search ? 'customers.list.matching' : 'facts.customers', { count })}
        emptyText={t(search ? 'customers.none_match' : 'customers.none_yet')}
        testIds={{ count: 'customer-list-count', empty: 'no-customers', error: 'form-error' }}
        onOpen={setEditing}
      />
    </section>
  );
}
