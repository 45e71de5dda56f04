/**
 * CSV in and out: invoices (or their lines) exported with filters and handed over as a download — the page never
 * names a path, main answers with the CSV text — and customers imported with the report of what was refused and
 * what is stored differently from the file (the same import as the customers screen's).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { LIST_STATUSES, type ListStatus } from '../../../../shared/contract/invoice-lists';
import { exportCsvInput } from '../../../../shared/contract/ledger';
import { validate } from '../../../../shared/contract/validation';
import { call } from '../../client';
import { ErrorLine } from '../../components/ErrorLine';
import { useAction } from '../../data/use-action';
import { downloadText } from '../../download';
import { useTranslator } from '../../i18n';
import { ImportPanel } from '../CustomerImportPanel';
import { todayLocal, useStatusLabel } from '../ledger-ui';

interface ExportForm {
  what: 'invoices' | 'lines';
  status: ListStatus | '';
  currency: string;
  issueFrom: string;
  issueTo: string;
}

function ExportForm(): ReactElement {
  const { t } = useTranslator();
  const statusLabel = useStatusLabel();
  const [form, setForm] = useState<ExportForm>({
    what: 'invoices',
    status: '',
    currency: '',
    issueFrom: '',
    issueTo: '',
  });
  const [done, setDone] = useState<{ rows: number; file: string } | null>(null);
  const action = useAction();
  const set = <K extends keyof ExportForm>(k: K, v: ExportForm[K]): void => {
    setForm((f) => ({ ...f, [k]: v }));
    setDone(null);
    action.setError(null);
  };
  const invalid = (field: string): true | undefined => (action.error?.field === `filter.${field}` ? true : undefined);

  async function run(e: FormEvent): Promise<void> {
    e.preventDefault();
    const filter = {
      ...(form.status ? { status: [form.status] } : {}),
      ...(form.currency.trim() ? { currency: form.currency.trim().toUpperCase() } : {}),
      ...(form.issueFrom ? { issueFrom: form.issueFrom } : {}),
      ...(form.issueTo ? { issueTo: form.issueTo } : {}),
    };
    const v = validate(exportCsvInput, { what: form.what, inline: true, filter });
    if (!v.ok) {
      action.setError({ message: v.problem, field: v.field ?? null });
      return;
    }
    const r = await action.run(() => call('export.csv', v.data));
    if (!r) return;
    const file = `kassa-${r.what}-${todayLocal()}.csv`;
    downloadText(r.csv ?? '', file, 'text/csv;charset=utf-8');
    setDone({ rows: r.rows, file });
  }

  return (
    <form onSubmit={(e) => void run(e)} data-testid="csv-export">
      <h3>{t('settings.csv.export_title')}</h3>
      <div className="toolbar">
        <label>
          {t('settings.csv.what')}
          <select
            value={form.what}
            onChange={(e) => set('what', e.target.value === 'lines' ? 'lines' : 'invoices')}
            data-testid="csv-what"
          >
            <option value="invoices">{t('settings.csv.what.invoices')}</option>
            <option value="lines">{t('settings.csv.what.lines')}</option>
          </select>
        </label>
        <label>
          {t('invoices.filter.status')}
          <select
            value={form.status}
            onChange={(e) =>
              set(
                'status',
                (LIST_STATUSES as readonly string[]).includes(e.target.value) ? (e.target.value as ListStatus) : '',
              )
            }
            data-testid="csv-status"
          >
            <option value="">{t('settings.csv.status_any')}</option>
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
            value={form.currency}
            maxLength={3}
            size={4}
            dir="ltr"
            placeholder={t('invoices.filter.any_currency')}
            aria-invalid={invalid('currency')}
            onChange={(e) => set('currency', e.target.value)}
            data-testid="csv-currency"
          />
        </label>
        <label>
          {t('invoices.filter.issued_from')}
          <input
            type="date"
            value={form.issueFrom}
            aria-invalid={invalid('issueFrom')}
            onChange={(e) => set('issueFrom', e.target.value)}
            data-testid="csv-from"
          />
        </label>
        <label>
          {t('invoices.filter.issued_to')}
          <input
            type="date"
            value={form.issueTo}
            aria-invalid={invalid('issueTo')}
            onChange={(e) => set('issueTo', e.target.value)}
            data-testid="csv-to"
          />
        </label>
        <button className="primary" type="submit" disabled={action.busy} data-testid="csv-export-run">
          {t('settings.csv.export')}
        </button>
      </div>
      <ErrorLine error={action.error} testId="csv-export-error" />
      {done ? (
        <p role="status" data-testid="csv-exported">
          {t('settings.csv.exported', { rows: done.rows, file: done.file })}
        </p>
      ) : null}
    </form>
  );
}

export function CsvPanel(): ReactElement {
  const { t } = useTranslator();
  return (
    <div className="panel" data-testid="csv-panel">
      <h2>{t('settings.csv.title')}</h2>
      <ExportForm />
      <ImportPanel onDone={() => undefined} />
    </div>
  );
}
