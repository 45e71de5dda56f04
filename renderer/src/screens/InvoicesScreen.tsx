/**
 * Invoices: dashboard totals per currency, the number of invoices that match the filters and the list of them
 * (one scrolling list however many, InvoiceList.tsx), and the draft editor / invoice detail beside it.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { INVOICE_SORTS, type InvoiceSort } from '../../../shared/contract/invoices';
import type { DashboardTotals } from '../../../shared/contract/ledger';
import type { Invoice } from '../../../shared/domain';
import {
  InvoiceFilterInputs,
  NO_INVOICE_FILTER,
  invoiceFilter,
  type InvoiceFilterValues,
} from '../components/InvoiceFilterInputs';
import { CountedList } from '../components/VirtualList';
import type { ListQuery } from '../data/list-pages';
import { useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { useFocusedView } from '../store';
import { InvoiceDetail } from './InvoiceDetail';
import { InvoiceEditor } from './InvoiceEditor';
import { INVOICE_LIST } from './InvoiceList';
import { useFormat } from './ledger-ui';

const SORT_LABELS: Record<InvoiceSort, PlainKey> = {
  createdAt: 'invoices.sort.createdAt',
  issueDate: 'invoices.sort.issueDate',
  dueDate: 'invoices.sort.dueDate',
  number: 'invoices.sort.number',
  total: 'invoices.sort.total',
};

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; invoice: Invoice } | { kind: 'detail'; id: string };

interface Filters extends InvoiceFilterValues {
  q: string;
  sort: InvoiceSort;
  order: 'asc' | 'desc';
}

const INITIAL: Filters = { ...NO_INVOICE_FILTER, q: '', sort: 'createdAt', order: 'desc' };

function Dashboard({ d }: { d: DashboardTotals | undefined }): ReactElement | null {
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
          {c.refundOwed > 0 ? (
            <div data-testid="dashboard-owed-back">
              {t('invoices.detail.owed_back')} <strong>{f.money(c.refundOwed, c.currency)}</strong>{' '}
              <span className="muted">{t('invoices.dashboard.count', { count: c.refundOwedCount })}</span>
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** The filters as the contract takes them (the list's and the count's). */
function listFilter(f: Filters): MethodInput<'invoice.count'> {
  return { ...invoiceFilter(f), ...(f.q.trim() ? { q: f.q.trim() } : {}) };
}

export function InvoicesScreen(): ReactElement {
  const { t } = useTranslator();
  const [filters, setFilters] = useState<Filters>(INITIAL);
  const [q, setQ] = useState('');
  // Another screen may send the user to one invoice (a converted quote, a schedule's run, a reminder).
  const [view, setView] = useFocusedView<View>('invoiceId', { kind: 'list' }, (id) => ({ kind: 'detail', id }));

  // Typing in the search box waits a moment before querying.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((x) => (x.q === q ? x : { ...x, q })), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const filter = listFilter(filters);
  const query: ListQuery = { ...filter, sort: filters.sort, order: filters.order };
  // Asked after the list's first page and its count (CountedList, a child: its effects run first), since main
  // answers one call at a time and the totals take longer on a large ledger.
  const totals = useQuery('dashboard.totals', {}).data;
  const filtered = Object.keys(filter).length > 0;

  const set = <K extends keyof Filters>(k: K, v: Filters[K]): void => setFilters((x) => ({ ...x, [k]: v }));
  const setFilter = <K extends keyof InvoiceFilterValues>(k: K, v: InvoiceFilterValues[K]): void =>
    setFilters((x) => ({ ...x, [k]: v }));

  return (
    <section>
      <h1>{t('invoices.title')}</h1>
      <Dashboard d={totals} />
      <div className="toolbar">
        <label>
          {t('common.search')}
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            // Enter searches at once, without the pause that waits for more typing.
            onKeyDown={(e) => e.key === 'Enter' && setFilters((x) => (x.q === q ? x : { ...x, q }))}
            placeholder={t('invoices.search.placeholder')}
            data-testid="invoice-search"
            data-shortcut="search"
          />
        </label>
        <InvoiceFilterInputs values={filters} onChange={setFilter} testIds={{ status: 'status-filter' }} />
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

      <CountedList
        spec={INVOICE_LIST}
        query={query}
        filter={filter}
        label={t('invoices.title')}
        countText={(count) => t(filtered ? 'invoices.list.matching' : 'facts.invoices', { count })}
        emptyText={t(filtered ? 'invoices.none' : 'invoices.none_yet')}
        testIds={{ count: 'invoice-list-count', empty: 'no-invoices', error: 'form-error' }}
        onOpen={(inv) => setView({ kind: 'detail', id: inv.id })}
      />
    </section>
  );
}
