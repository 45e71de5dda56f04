/**
 * Tax rates and the default one new lines use. The category follows from the rate (shared/tax-default.ts) unless
 * the user picks one — an exemption, with its reason. The default lives in the business profile
 * (`defaultTaxRateId`), the same one the composer's new lines and the CLI's lines without VAT get.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { taxRateCreateInput } from '../../../../shared/contract/ledger';
import { validate } from '../../../../shared/contract/validation';
import { EXEMPT_CATEGORIES, VAT_CATEGORIES, type TaxRate, type VatCategory } from '../../../../shared/domain';
import { msg } from '../../../../shared/i18n/catalogue';
import { categoryForRate } from '../../../../shared/tax-default';
import { call } from '../../client';
import { ErrorLine, QueryError } from '../../components/ErrorLine';
import { useAction } from '../../data/use-action';
import { refresh, useQuery } from '../../data/queries';
import { useTranslator } from '../../i18n';
import { useApp } from '../../store';

interface RateForm {
  name: string;
  rate: string;
  /** '' = follows from the rate. */
  category: VatCategory | '';
  exemptionReason: string;
}

const emptyForm: RateForm = { name: '', rate: '', category: '', exemptionReason: '' };
const formOf = (r: TaxRate): RateForm => ({
  name: r.name,
  rate: r.rate,
  category: r.category === categoryForRate(r.rate) ? '' : r.category,
  exemptionReason: r.exemptionReason ?? '',
});

/** The inputs of one rate (new or edited); `prefix` keeps the test ids apart. */
function RateInputs(props: {
  form: RateForm;
  invalid: (field: string) => true | undefined;
  onChange: (patch: Partial<RateForm>) => void;
  prefix: string;
}): ReactElement {
  const { t } = useTranslator();
  const { form } = props;
  const auto = categoryForRate(form.rate.trim() === '' ? '0' : form.rate);
  const needsReason = form.category !== '' && EXEMPT_CATEGORIES.includes(form.category);
  return (
    <>
      <label>
        {t('settings.tax.name')}
        <input
          value={form.name}
          maxLength={200}
          aria-invalid={props.invalid('name')}
          onChange={(e) => props.onChange({ name: e.target.value })}
          data-testid={`${props.prefix}-name`}
        />
      </label>
      <label>
        {t('settings.tax.rate')}
        <input
          value={form.rate}
          inputMode="decimal"
          dir="ltr"
          size={6}
          aria-invalid={props.invalid('rate')}
          onChange={(e) => props.onChange({ rate: e.target.value })}
          data-testid={`${props.prefix}-rate`}
        />
      </label>
      <label>
        {t('settings.tax.category')}
        <select
          value={form.category}
          aria-invalid={props.invalid('category')}
          onChange={(e) => props.onChange({ category: e.target.value as VatCategory | '' })}
          data-testid={`${props.prefix}-category`}
        >
          <option value="">{t('settings.tax.category_auto', { category: t(`vat.category.${auto}`) })}</option>
          {VAT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t('settings.tax.category_value', { code: c, name: t(`vat.category.${c}`) })}
            </option>
          ))}
        </select>
      </label>
      {needsReason || form.exemptionReason !== '' ? (
        <label>
          {t('settings.tax.reason')}
          <input
            value={form.exemptionReason}
            maxLength={500}
            aria-invalid={props.invalid('exemptionReason')}
            onChange={(e) => props.onChange({ exemptionReason: e.target.value })}
            data-testid={`${props.prefix}-reason`}
          />
        </label>
      ) : null}
    </>
  );
}

/** The contract's fields of a form: the category only when the user chose one (else main derives it). */
function ratePayload(f: RateForm): { name: string; rate: string; category?: VatCategory; exemptionReason?: string } {
  const rate = f.rate.trim().replace(',', '.');
  return {
    name: f.name,
    rate,
    ...(f.category ? { category: f.category } : {}),
    ...(f.exemptionReason.trim() ? { exemptionReason: f.exemptionReason } : {}),
  };
}

function EditRate(props: { rate: TaxRate; onDone: () => void }): ReactElement {
  const { t } = useTranslator();
  const toast = useApp((s) => s.toast);
  const [form, setForm] = useState(() => formOf(props.rate));
  const action = useAction();
  const invalid = (field: string): true | undefined => (action.error?.field === field ? true : undefined);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    const p = ratePayload(form);
    const done = await action.run(() =>
      call('taxRate.update', {
        id: props.rate.id,
        ...p,
        // Sent every time: a rate moved from 14 to 0 must not keep a standard category it no longer fits.
        category: p.category ?? categoryForRate(p.rate),
        exemptionReason: p.exemptionReason ?? null,
      }),
    );
    if (!done) return;
    refresh('profile');
    toast({ title: msg('settings.tax.saved'), body: msg('common.text', { text: done.name }), level: 'success' });
    props.onDone();
  }

  return (
    <form className="toolbar" onSubmit={(e) => void save(e)} data-testid="tax-edit">
      <RateInputs
        form={form}
        invalid={invalid}
        prefix="tax-edit"
        onChange={(patch) => {
          setForm((f) => ({ ...f, ...patch }));
          action.setError(null);
        }}
      />
      <button className="primary" type="submit" disabled={action.busy} data-testid="tax-edit-save">
        {t('common.save')}
      </button>
      <button type="button" onClick={props.onDone}>
        {t('common.cancel')}
      </button>
      <ErrorLine error={action.error} testId="tax-edit-error" />
    </form>
  );
}

export function TaxRatesPanel(): ReactElement {
  const { t } = useTranslator();
  const toast = useApp((s) => s.toast);
  const [showArchived, setShowArchived] = useState(false);
  const rates = useQuery('taxRate.list', { includeArchived: showArchived });
  const profile = useQuery('profile.get', {}).data;
  const [form, setForm] = useState<RateForm>(emptyForm);
  const [makeDefault, setMakeDefault] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const add = useAction();
  const rowAction = useAction();
  const invalid = (field: string): true | undefined => (add.error?.field === field ? true : undefined);
  const defaultId = profile?.defaultTaxRateId ?? null;

  async function create(e: FormEvent): Promise<void> {
    e.preventDefault();
    // The contract's own schema checks the form first: the same messages and fields main would give.
    const v = validate(taxRateCreateInput, { ...ratePayload(form), makeDefault });
    if (!v.ok) {
      add.setError({ message: v.problem, field: v.field ?? null });
      return;
    }
    const made = await add.run(() => call('taxRate.create', v.data));
    if (!made) return;
    setForm(emptyForm);
    setMakeDefault(false);
    refresh('profile');
    toast({ title: msg('settings.tax.saved'), body: msg('common.text', { text: made.name }), level: 'success' });
  }

  async function setDefault(r: TaxRate): Promise<void> {
    if (await rowAction.run(() => call('profile.set', { defaultTaxRateId: r.id }))) {
      refresh('profile');
      toast({
        title: msg('settings.tax.default_set', { name: r.name }),
        body: msg('settings.tax.rate_value', { rate: r.rate }),
        level: 'success',
      });
    }
  }

  async function archive(r: TaxRate, archived: boolean): Promise<void> {
    if (await rowAction.run(() => call('taxRate.update', { id: r.id, archived }))) refresh('profile');
  }

  const list = rates.data;
  return (
    <div className="panel" data-testid="tax-rates-panel">
      <h2>{t('settings.tax.title')}</h2>
      <p className="muted">{t('settings.tax.intro')}</p>
      <QueryError error={rates.error} />
      {list === undefined ? null : list.length === 0 ? (
        <p className="muted" data-testid="tax-none">
          {t('settings.tax.none')}
        </p>
      ) : (
        <table data-testid="tax-table">
          <thead>
            <tr>
              <th>{t('settings.tax.col.name')}</th>
              <th>{t('settings.tax.col.rate')}</th>
              <th>{t('settings.tax.col.category')}</th>
              <th>{t('settings.tax.col.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((r) =>
              editing === r.id ? (
                <tr key={r.id}>
                  <td colSpan={5}>
                    <EditRate rate={r} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={r.id} data-testid="tax-row" data-tax-id={r.id} className={r.archived ? 'muted' : undefined}>
                  <td>
                    {r.name}{' '}
                    {r.id === defaultId ? (
                      <span className="badge" data-testid="tax-default">
                        {t('settings.tax.default')}
                      </span>
                    ) : null}
                    {r.archived ? <span className="badge">{t('settings.tax.archived')}</span> : null}
                  </td>
                  <td dir="ltr" data-testid="tax-rate">
                    {t('settings.tax.rate_value', { rate: r.rate })}
                  </td>
                  <td data-testid="tax-category">
                    {t('settings.tax.category_value', { code: r.category, name: t(`vat.category.${r.category}`) })}
                  </td>
                  <td>{r.exemptionReason ?? ''}</td>
                  <td>
                    <div className="toolbar">
                      {r.id !== defaultId && !r.archived ? (
                        <button
                          type="button"
                          disabled={rowAction.busy}
                          onClick={() => void setDefault(r)}
                          data-testid="tax-make-default"
                        >
                          {t('settings.tax.make_default')}
                        </button>
                      ) : null}
                      <button type="button" onClick={() => setEditing(r.id)} data-testid="tax-edit-button">
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        disabled={rowAction.busy}
                        onClick={() => void archive(r, !r.archived)}
                        data-testid="tax-archive"
                      >
                        {t(r.archived ? 'settings.tax.restore' : 'settings.tax.archive')}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <ErrorLine error={rowAction.error} testId="tax-row-error" />
      <label className="check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        {t('settings.tax.show_archived')}
      </label>
      <form className="toolbar" onSubmit={(e) => void create(e)} data-testid="tax-add">
        <RateInputs
          form={form}
          invalid={invalid}
          prefix="tax-new"
          onChange={(patch) => {
            setForm((f) => ({ ...f, ...patch }));
            add.setError(null);
          }}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={makeDefault}
            onChange={(e) => setMakeDefault(e.target.checked)}
            data-testid="tax-new-default"
          />
          {t('settings.tax.make_default_new')}
        </label>
        <button className="primary" type="submit" disabled={add.busy} data-testid="tax-add-button">
          {t('settings.tax.add')}
        </button>
      </form>
      <ErrorLine error={add.error} testId="tax-add-error" />
    </div>
  );
}
