/**
 * CSV in and out: invoices (or their lines) exported with filters and handed over as a download — the page never
 * names a path, main answers with the CSV text — and customers imported with the report of what was refused and
 * what is stored differently from the file (the same import as the customers screen's).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { exportCsvInput } from '../../../../shared/contract/ledger';
import { validate } from '../../../../shared/contract/validation';
import { call } from '../../client';
import { ErrorLine } from '../../components/ErrorLine';
import {
  InvoiceFilterInputs,
  NO_INVOICE_FILTER,
  invoiceFilter,
  type InvoiceFilterValues,
} from '../../components/InvoiceFilterInputs';
import { useAction } from '../../data/use-action';
import { downloadText } from '../../download';
import { useTranslator } from '../../i18n';
import { ImportPanel } from '../CustomerImportPanel';
import { todayLocal } from '../ledger-ui';

function ExportForm(): ReactElement {
  const { t } = useTranslator();
  const [what, setWhat] = useState<'invoices' | 'lines'>('invoices');
  const [filter, setFilter] = useState<InvoiceFilterValues>(NO_INVOICE_FILTER);
  const [done, setDone] = useState<{ rows: number; file: string } | null>(null);
  const action = useAction();
  const changed = (): void => {
    setDone(null);
    action.setError(null);
  };
  const invalid = (field: string): true | undefined => (action.error?.field === `filter.${field}` ? true : undefined);

  async function run(e: FormEvent): Promise<void> {
    e.preventDefault();
    // A currency half typed is refused here rather than left out: an export must hold what the filter says.
    const currency = filter.currency.trim();
    const v = validate(exportCsvInput, {
      what,
      inline: true,
      filter: { ...invoiceFilter(filter), ...(currency ? { currency } : {}) },
    });
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
            value={what}
            onChange={(e) => {
              setWhat(e.target.value === 'lines' ? 'lines' : 'invoices');
              changed();
            }}
            data-testid="csv-what"
          >
            <option value="invoices">{t('settings.csv.what.invoices')}</option>
            <option value="lines">{t('settings.csv.what.lines')}</option>
          </select>
        </label>
        <InvoiceFilterInputs
          values={filter}
          onChange={(k, v) => {
            setFilter((f) => ({ ...f, [k]: v }));
            changed();
          }}
          invalid={invalid}
          testIds={{ status: 'csv-status', currency: 'csv-currency', issueFrom: 'csv-from', issueTo: 'csv-to' }}
        />
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
