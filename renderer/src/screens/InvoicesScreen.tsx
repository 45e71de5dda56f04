/**
 * Invoices: dashboard totals per currency, a filtered and sorted list paged with the ledger's keyset cursors,
 * and the draft editor / invoice detail beside it.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { INVOICE_SORTS, LIST_STATUSES, type InvoiceSort, type ListStatus } from '../../../shared/contract/invoices';
import type { Invoice } from '../../../shared/domain';
import { QueryError } from '../components/ErrorLine';
import { Pager } from '../components/Pager';
import { useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { useFocusedView } from '../store';
import { InvoiceDetail } from './InvoiceDetail';
import { InvoiceEditor } from './InvoiceEditor';
import { StatusBadge, useFormat, useStatusLabel } from './ledger-ui';

const SORT_LABELS: Record<InvoiceSort, PlainKey> = {
  createdAt: 'invoices.sort.createdAt',
  issueDate: 'invoices.sort.issueDate',
  dueDate: 'invoices.sort.dueDate',
  number: 'invoices.sort.number',
  total: 'invoices.sort.total',
};
const PAGE = 25;

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; invoice: Invoice } | { kind: 'detail'; id: string };

interface Filters {
  status: ListStatus | '';
  q: string;
  currency: string;
  issueFrom: string;
  issueTo: string;
  sort: InvoiceSort;
  order: 'asc' | 'desc';
}

const INITIAL: Filters = {
  status: '',
  q: '',
  currency: '',
  issueFrom: '',
  issueTo: '',
  sort: 'createdAt',
  order: 'desc',
};

function Dashboard(): ReactElement | null {
  const d = useQuery('dashboard.totals', {}).data;
  const { t } = useTranslator();
  const f = useFormat();
  if (!d || d.currencies.length === 0) return null;
  return (
    <div className="dashboard" data-testid="dashboard">
      {d.currencies.map((c) => (
        <div className="panel stat" key={c.currency}>
          <div className="muted">{c.currency}</div>
          <div>
            {t('invoices.dashboard.outstanding')} <strong>{f.money(c.outstanding, c.currency)}</strong>{' '}
            <span className="muted">{t('invoices.dashboard.count', { count: c.outstandingCount })}</span>
          </div>
          <div className={c.overdue > 0 ? 'error' : undefined}>
            {t('invoices.dashboard.overdue')} <strong>{f.money(c.overdue, c.currency)}</strong>{' '}
            <span className="muted">{t('invoices.dashboard.count', { count: c.overdueCount })}</span>
          </div>
          <div>
            {t('invoices.dashboard.paid_this_month')} <strong>{f.money(c.paidThisMonth, c.currency)}</strong>
          </div>
        </div>
      ))}
    </div>
  );
}

export function InvoicesScreen(): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const statusLabel = useStatusLabel();
  // Filters and page cursors change together, so a cursor is never sent with filters it was not made for.
  // cursors[i] is the cursor of page i (undefined for the first page).
  const [query, setQuery] = useState<{ filters: Filters; cursors: Array<string | undefined> }>({
    filters: INITIAL,
    cursors: [undefined],
  });
  const { filters, cursors } = query;
  const setCursors = (f: (c: Array<string | undefined>) => Array<string | undefined>): void =>
    setQuery((x) => ({ ...x, cursors: f(x.cursors) }));
  const [q, setQ] = useState('');
  // Another screen may send the user to one invoice (a converted quote, a schedule's run, a reminder).
  const [view, setView] = useFocusedView<View>('invoiceId', { kind: 'list' }, (id) => ({ kind: 'detail', id }));
  const current = cursors[cursors.length - 1];

  // Typing in the search box waits a moment before querying.
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((x) => (x.filters.q === q ? x : { filters: { ...x.filters, q }, cursors: [undefined] })),
      250,
    );
    return () => clearTimeout(timer);
  }, [q]);

  const f = filters;
  const { data: page, error } = useQuery('invoice.list', {
    limit: PAGE,
    sort: f.sort,
    order: f.order,
    ...(f.status ? { status: [f.status] } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(/^[A-Za-z]{3}$/.test(f.currency) ? { currency: f.currency.toUpperCase() } : {}),
    ...(f.issueFrom ? { issueFrom: f.issueFrom } : {}),
    ...(f.issueTo ? { issueTo: f.issueTo } : {}),
    ...(current ? { cursor: current } : {}),
  });

  const set = <K extends keyof Filters>(k: K, v: Filters[K]): void =>
    setQuery((x) => ({ filters: { ...x.filters, [k]: v }, cursors: [undefined] }));

  return (
    <section>
      <h1>{t('invoices.title')}</h1>
      <Dashboard />
      <div className="toolbar">
        <label>
          {t('common.search')}
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('invoices.search.placeholder')}
            data-testid="invoice-search"
            data-shortcut="search"
          />
        </label>
        <label>
          {t('invoices.filter.status')}
          <select
            value={filters.status}
            onChange={(e) => set('status', e.target.value as ListStatus | '')}
            data-testid="status-filter"
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
            value={filters.currency}
            size={5}
            maxLength={3}
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
            placeholder={t('invoices.filter.any_currency')}
          />
        </label>
        <label>
          {t('invoices.filter.issued_from')}
          <input type="date" value={filters.issueFrom} onChange={(e) => set('issueFrom', e.target.value)} />
        </label>
        <label>
          {t('invoices.filter.issued_to')}
          <input type="date" value={filters.issueTo} onChange={(e) => set('issueTo', e.target.value)} />
        </label>
        <label>
          {t('invoices.filter.sort')}
          <select value={filters.sort} onChange={(e) => set('sort', e.target.value as InvoiceSort)}>
            {INVOICE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => set('order', filters.order === 'asc' ? 'desc' : 'asc')}
          aria-label={t(filters.order === 'asc' ? 'invoices.sort.ascending' : 'invoices.sort.descending')}
        >
          {filters.order === 'asc' ? '↑' : '↓'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => setView({ kind: 'new' })}
          data-testid="new-invoice"
          data-shortcut="new-invoice"
        >
          {t('invoices.new')}
        </button>
      </div>
      <QueryError error={error} testId="form-error" />

      {view.kind === 'new' || view.kind === 'edit' ? (
        <InvoiceEditor
          // A new form for another draft (or a new invoice): the editor's state is initialised from its props once.
          key={view.kind === 'edit' ? view.invoice.id : 'new'}
          invoice={view.kind === 'edit' ? view.invoice : null}
          onSaved={(inv) => setView({ kind: 'detail', id: inv.id })}
          onCancel={() => setView(view.kind === 'edit' ? { kind: 'detail', id: view.invoice.id } : { kind: 'list' })}
        />
      ) : null}
      {view.kind === 'detail' ? (
        <InvoiceDetail
          key={view.id}
          id={view.id}
          onEdit={(invoice) => setView({ kind: 'edit', invoice })}
          onClose={() => setView({ kind: 'list' })}
          onOpen={(id) => setView({ kind: 'detail', id })}
        />
      ) : null}

      <table data-testid="invoice-table">
        <thead>
          <tr>
            <th>{t('invoices.col.number')}</th>
            <th>{t('invoices.col.customer')}</th>
            <th>{t('invoices.col.issued')}</th>
            <th>{t('invoices.col.due')}</th>
            <th className="num">{t('invoices.col.total')}</th>
            <th className="num">{t('invoices.col.balance')}</th>
            <th>{t('invoices.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {page?.items.map((inv) => (
            <tr
              key={inv.id}
              className="clickable"
              onClick={() => setView({ kind: 'detail', id: inv.id })}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && setView({ kind: 'detail', id: inv.id })}
              data-testid="invoice-row"
            >
              <td>{inv.number ?? <span className="muted">{t('invoices.row.draft')}</span>}</td>
              <td>{inv.customer.name || <span className="muted">—</span>}</td>
              <td>{fmt.date(inv.issueDate)}</td>
              <td>{fmt.date(inv.dueDate)}</td>
              <td className="num">{fmt.money(inv.totals.total, inv.currency)}</td>
              <td className="num">
                {inv.status === 'draft' || inv.kind === 'credit_note' ? '' : fmt.money(inv.balance, inv.currency)}
              </td>
              <td>
                <StatusBadge invoice={inv} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.items.length === 0 ? (
        <p className="muted" data-testid="no-invoices">
          {t(JSON.stringify(filters) === JSON.stringify(INITIAL) ? 'invoices.none_yet' : 'invoices.none')}
        </p>
      ) : null}
      <Pager cursors={cursors} nextCursor={page?.nextCursor} setCursors={setCursors} />
    </section>
  );
}
