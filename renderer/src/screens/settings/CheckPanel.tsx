/**
 * The ledger check (`ledger.check`): SQLite's integrity check plus the ledger's invariants. Each problem comes as a
 * code and parameters and is shown as `check.<code>` from the catalogue; a code the catalogue does not know yet
 * shows main's English text rather than nothing.
 */
import { useState, type ReactElement } from 'react';
import type { CheckReport } from '../../../../shared/contract/ledger';
import { call } from '../../client';
import { ErrorLine } from '../../components/ErrorLine';
import { useAction } from '../../data/use-action';
import { useTranslator } from '../../i18n';

function Report({ report }: { report: CheckReport }): ReactElement {
  const { t, text } = useTranslator();
  const damaged = report.integrity.filter((line) => line !== 'ok');
  if (report.ok)
    return (
      <p role="status" data-testid="check-ok">
        {t('settings.check.ok', {
          invoices: report.counts.invoices,
          payments: report.counts.payments,
          customers: report.counts.customers,
          checks: report.checked.length,
        })}
      </p>
    );
  const count = report.problems.length + (damaged.length > 0 ? 1 : 0) + (report.foreignKeyViolations > 0 ? 1 : 0);
  return (
    <div role="status" data-testid="check-problems">
      <p className="error">{t('settings.check.problems', { count })}</p>
      <ul>
        {damaged.length > 0 ? (
          <li data-testid="check-problem" data-code="integrity">
            {t('settings.check.integrity', { detail: damaged.slice(0, 5).join('; ') })}
          </li>
        ) : null}
        {report.foreignKeyViolations > 0 ? (
          <li data-testid="check-problem" data-code="foreign_keys">
            {t('settings.check.foreign_keys', { count: report.foreignKeyViolations })}
          </li>
        ) : null}
        {report.problems.map((p, i) => (
          <li key={i} data-testid="check-problem" data-code={p.code}>
            {text(`check.${p.code}`, p.params ?? {}, p.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CheckPanel(): ReactElement {
  const { t } = useTranslator();
  const action = useAction();
  const [report, setReport] = useState<CheckReport | null>(null);

  async function run(): Promise<void> {
    setReport(null);
    const r = await action.run(() => call('ledger.check', {}));
    if (r) setReport(r);
  }

  return (
    <div className="panel" data-testid="check-panel">
      <h2>{t('settings.check.title')}</h2>
      <p className="muted">{t('settings.check.intro')}</p>
      <div className="toolbar">
        <button type="button" disabled={action.busy} onClick={() => void run()} data-testid="check-run">
          {action.busy ? t('settings.check.running') : t('settings.check.run')}
        </button>
      </div>
      <ErrorLine error={action.error} testId="check-error" />
      {report ? <Report report={report} /> : null}
    </div>
  );
}
