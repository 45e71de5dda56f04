/** The invoice list's columns: one scrolling list over every match (components/VirtualList.tsx). */
import type { ReactElement } from 'react';
import type { Invoice } from '../../../shared/domain';
import { customerNameOf } from '../../../shared/invoice-text';
import { Ltr } from '../components/Ltr';
import type { ListSpec } from '../components/VirtualList';
import { useTranslator } from '../i18n';
import { StatusBadge, owedBack, useFormat } from './ledger-ui';

function Head(): ReactElement {
  const { t } = useTranslator();
  return (
    <>
      <th>{t('invoices.col.number')}</th>
      <th>{t('invoices.col.customer')}</th>
      <th>{t('invoices.col.issued')}</th>
      <th>{t('invoices.col.due')}</th>
      <th className="num">{t('invoices.col.total')}</th>
      <th className="num">{t('invoices.col.balance')}</th>
      <th>{t('invoices.col.status')}</th>
    </>
  );
}

/** The balance column: what is still due, or what is owed back to the customer in those words (never "-216.00"). */
function RowBalance({ invoice: inv }: { invoice: Invoice }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const owed = owedBack(inv);
  if (owed === 0) return <>{fmt.money(inv.balance, inv.currency)}</>;
  return (
    <span className="owed-back">
      <span>{fmt.money(owed, inv.currency)}</span>
      <small className="muted">{t('invoices.detail.owed_back')}</small>
    </span>
  );
}

function Cells({ item: inv }: { item: Invoice }): ReactElement {
  const { t, message } = useTranslator();
  const fmt = useFormat();
  return (
    <>
      <td className={inv.number ? 'text-cell' : undefined}>
        {inv.number ? <Ltr>{inv.number}</Ltr> : <span className="muted">{t('invoices.row.draft')}</span>}
      </td>
      <td className="text-cell" title={inv.customer.name || undefined}>
        {customerNameOf(inv, message) || <span className="muted">—</span>}
      </td>
      <td>{fmt.date(inv.issueDate)}</td>
      <td>{fmt.date(inv.dueDate)}</td>
      <td className="num">{fmt.money(inv.totals.total, inv.currency)}</td>
      <td className="num" data-testid="row-balance">
        {inv.status === 'draft' || inv.kind === 'credit_note' ? '' : <RowBalance invoice={inv} />}
      </td>
      <td>
        <StatusBadge invoice={inv} />
      </td>
    </>
  );
}

export const INVOICE_LIST: ListSpec<'invoice.list'> = {
  method: 'invoice.list',
  count: 'invoice.count',
  topics: ['invoice', 'customer'],
  head: <Head />,
  columns: 7,
  Cells,
  testIds: { scroll: 'invoice-scroll', table: 'invoice-table', row: 'invoice-row' },
  className: 'invoice-list',
};
