/** The invoice filters a person sets (status, currency, issue dates): the invoice list's and the CSV export's. */
import type { ReactElement } from 'react';
import { LIST_STATUSES, type ListStatus } from '../../../shared/contract/invoice-lists';
import type { InvoiceFilter } from '../../../shared/contract/invoices';
import { useTranslator } from '../i18n';
import { useStatusLabel } from '../screens/ledger-ui';

export interface InvoiceFilterValues {
  status: ListStatus | '';
  currency: string;
  issueFrom: string;
  issueTo: string;
}

export const NO_INVOICE_FILTER: InvoiceFilterValues = { status: '', currency: '', issueFrom: '', issueTo: '' };

/** The contract's filter fields for what is set (a currency only once it has its three letters). */
export function invoiceFilter(v: InvoiceFilterValues): InvoiceFilter {
  return {
    ...(v.status ? { status: [v.status] } : {}),
    ...(/^[A-Za-z]{3}$/.test(v.currency) ? { currency: v.currency.toUpperCase() } : {}),
    ...(v.issueFrom ? { issueFrom: v.issueFrom } : {}),
    ...(v.issueTo ? { issueTo: v.issueTo } : {}),
  };
}

const isListStatus = (v: string): v is ListStatus => (LIST_STATUSES as readonly string[]).includes(v);

export function InvoiceFilterInputs(props: {
  values: InvoiceFilterValues;
  onChange: <K extends keyof InvoiceFilterValues>(field: K, value: InvoiceFilterValues[K]) => void;
  /** Marks an input the contract refused (its field name). */
  invalid?: (field: keyof InvoiceFilterValues) => true | undefined;
  testIds?: Partial<Record<keyof InvoiceFilterValues, string>>;
}): ReactElement {
  const { t } = useTranslator();
  const statusLabel = useStatusLabel();
  const { values, onChange, invalid = () => undefined, testIds = {} } = props;
  return (
    <>
      <label>
        {t('invoices.filter.status')}
        <select
          value={values.status}
          onChange={(e) => onChange('status', isListStatus(e.target.value) ? e.target.value : '')}
          data-testid={testIds.status}
        >
          <option value="">{t('common.all')}</option>
          {LIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('invoices.filter.currency')}
        <input
          value={values.currency}
          size={5}
          maxLength={3}
          dir="ltr"
          aria-invalid={invalid('currency')}
          onChange={(e) => onChange('currency', e.target.value.toUpperCase())}
          placeholder={t('invoices.filter.any_currency')}
          data-testid={testIds.currency}
        />
      </label>
      <label>
        {t('invoices.filter.issued_from')}
        <input
          type="date"
          value={values.issueFrom}
          aria-invalid={invalid('issueFrom')}
          onChange={(e) => onChange('issueFrom', e.target.value)}
          data-testid={testIds.issueFrom}
        />
      </label>
      <label>
        {t('invoices.filter.issued_to')}
        <input
          type="date"
          value={values.issueTo}
          aria-invalid={invalid('issueTo')}
          onChange={(e) => onChange('issueTo', e.target.value)}
          data-testid={testIds.issueTo}
        />
      </label>
    </>
  );
}
