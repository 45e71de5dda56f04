/**
 * Customers from a CSV file or pasted text, with the per-row report: checked first as a dry run, nothing written
 * unless every row is valid, and every value the import stores differently from the file listed. Shown on the
 * customers screen and in Settings (CSV import and export).
 */
import { useState, type ReactElement } from 'react';
import { CUSTOMER_CSV_COLUMNS, type CustomerImportReport } from '../../../shared/contract/customers';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { refresh } from '../data/queries';
import { useAction } from '../data/use-action';
import { base64Of } from '../file-bytes';
import { useTranslator } from '../i18n';

export function ImportPanel(props: { onDone: () => void }): ReactElement {
  const { t, message } = useTranslator();
  const [csv, setCsv] = useState('');
  // A chosen file goes as its bytes: main reads them as UTF-8 or names the line that is not (never a lossy decode here).
  const [file, setFile] = useState<{ name: string; bytes: string } | null>(null);
  const [report, setReport] = useState<CustomerImportReport | null>(null);
  const action = useAction();
  const ready = file !== null || csv !== '';

  async function run(dryRun: boolean): Promise<void> {
    const r = await action.run(() =>
      call('customer.import', file ? { csvBytes: file.bytes, dryRun } : { csv, dryRun }),
    );
    if (!r) return;
    setReport(r);
    if (r.ok && !dryRun) {
      refresh('customer');
      props.onDone();
    }
  }

  return (
    <div className="panel" data-testid="import-panel">
      <h2>{t('customers.import.title')}</h2>
      <p className="muted">{t('customers.import.help', { columns: CUSTOMER_CSV_COLUMNS.join(', ') })}</p>
      <div className="toolbar">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={t('customers.import.file')}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            setReport(null);
            if (chosen)
              void chosen.arrayBuffer().then((buffer) => {
                setFile({ name: chosen.name, bytes: base64Of(buffer) });
                setCsv('');
              });
          }}
          data-testid="import-file"
        />
        {file ? <span className="muted">{file.name}</span> : null}
      </div>
      <textarea
        value={csv}
        rows={6}
        onChange={(e) => {
          setCsv(e.target.value);
          setFile(null);
          setReport(null);
        }}
        placeholder={t('customers.import.placeholder')}
        data-testid="import-text"
      />
      <div className="toolbar">
        <button
          type="button"
          disabled={action.busy || !ready}
          onClick={() => void run(true)}
          data-testid="import-check"
        >
          {t('customers.import.check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={action.busy || !ready || (report !== null && !report.ok)}
          onClick={() => void run(false)}
          data-testid="import-run"
        >
          {t('customers.import.run')}
        </button>
      </div>
      <ErrorLine error={action.error} />
      {report ? (
        <div data-testid="import-report">
          {report.ok ? (
            <p>
              {report.dryRun
                ? t('customers.import.valid', { rows: report.rows })
                : t('customers.import.done', { count: report.imported })}
            </p>
          ) : (
            <>
              <p className="error">{t('customers.import.problems', { count: report.errorCount, rows: report.rows })}</p>
              <table>
                <thead>
                  <tr>
                    <th>{t('customers.import.col.row')}</th>
                    <th>{t('customers.import.col.field')}</th>
                    <th>{t('customers.import.col.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i} data-testid="import-error">
                      <td>{e.row}</td>
                      <td>{e.field ?? ''}</td>
                      <td>{message(e.problem, e.message)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {report.changeCount > 0 ? (
            <>
              <p>{t('customers.import.changes', { count: report.changeCount })}</p>
              <table data-testid="import-changes">
                <thead>
                  <tr>
                    <th>{t('customers.import.col.row')}</th>
                    <th>{t('customers.import.col.field')}</th>
                    <th>{t('customers.import.col.from')}</th>
                    <th>{t('customers.import.col.to')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.changes.map((c, i) => (
                    <tr key={i} data-testid="import-change" title={t(`customers.import.change.${c.change}`)}>
                      <td>{c.row}</td>
                      <td>{c.field}</td>
                      <td>
                        <code>{JSON.stringify(c.from)}</code>
                      </td>
                      <td>
                        <code>{JSON.stringify(c.to)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
