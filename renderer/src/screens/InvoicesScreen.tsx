/**
 * Invoices: dashboard totals per currency, a filtered and sorted list paged with the ledger's keyset cursors,
 * and the draft editor / invoice detail beside it.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { INVOICE_SORTS, LIST_STATUSES, type InvoiceSort, type ListStatus } from '../../../shared/contract/invoices';
import type { Invoice } from '../../../shared/domain';
import { QueryError } from '../components/ErrorLine';
import { useQuery } from '../data/queries';
import { InvoiceDetail } from './InvoiceDetail';
import { InvoiceEditor } from './InvoiceEditor';
import { StatusBadge, formatDate, money, statusLabel, useProfile } from './ledger-ui';

const SORT_LABELS: Record<InvoiceSort, string> = {
  createdAt: 'Created',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  number: 'Number',
  total: 'Total',
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

function Dashboard({ locale }: { locale: string }): ReactElement | null {
  const d = useQuery('dashboard.totals', {}).data;
  if (!d || d.currencies.length === 0) return null;
  return (
    <div className="dashboard" data-testid="dashboard">
      {d.currencies.map((c) => (
        <div className="panel stat" key={c.currency}>
          <div className="muted">{c.currency}</div>
          <div>
            Outstanding <strong>{money(c.outstanding, c.currency, locale)}</strong>{' '}
            <span className="muted">({c.outstandingCount})</span>
          </div>
          <div className={c.overdue > 0 ? 'error' : undefined}>
            Overdue <strong>{money(c.overdue, c.currency, locale)}</strong>{' '}
            <span className="muted">({c.overdueCount})</span>
          </div>
          <div>
            Paid this month <strong>{money(c.paidThisMonth, c.currency, locale)}</strong>
          </div>
        </div>
      ))}
    </div>
  );
}

export function InvoicesScreen(): ReactElement {
  const profile = useProfile();
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
  const [view, setView] = useState<View>({ kind: 'list' });
  const current = cursors[cursors.length - 1];

  // Typing in the search box waits a moment before querying.
  useEffect(() => {
    const t = setTimeout(
      () => setQuery((x) => (x.filters.q === q ? x : { filters: { ...x.filters, q }, cursors: [undefined] })),
      250,
    );
    return () => clearTimeout(t);
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
      <h1>Invoices</h1>
      <Dashboard locale={profile.locale} />
      <div className="toolbar">
        <label>
          Search
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="number or customer"
            data-testid="invoice-search"
          />
        </label>
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => set('status', e.target.value as ListStatus | '')}
            data-testid="status-filter"
          >
            <option value="">All</option>
            {LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Currency
          <input
            value={filters.currency}
            size={5}
            maxLength={3}
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
            placeholder="any"
          />
        </label>
        <label>
          Issued from
          <input type="date" value={filters.issueFrom} onChange={(e) => set('issueFrom', e.target.value)} />
        </label>
        <label>
          to
          <input type="date" value={filters.issueTo} onChange={(e) => set('issueTo', e.target.value)} />
        </label>
        <label>
          Sort
          <select value={filters.sort} onChange={(e) => set('sort', e.target.value as InvoiceSort)}>
            {INVOICE_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => set('order', filters.order === 'asc' ? 'desc' : 'asc')}
          aria-label="Sort order"
        >
          {filters.order === 'asc' ? '↑' : '↓'}
        </button>
        <button type="button" className="primary" onClick={() => setView({ kind: 'new' })} data-testid="new-invoice">
          New invoice
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
            <th>Number</th>
            <th>Customer</th>
            <th>Issued</th>
            <th>Due</th>
            <th className="num">Total</th>
            <th className="num">Balance</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {page?.items.map((inv) => (
            <tr
              key={inv.id}
              className="clickable"
              onClick={() => setView({ kind: 'detail', id: inv.id })}
              data-testid="invoice-row"
            >
              <td>{inv.number ?? <span className="muted">draft</span>}</td>
              <td>{inv.customer.name || <span className="muted">—</span>}</td>
              <td>{formatDate(inv.issueDate, profile.locale)}</td>
              <td>{formatDate(inv.dueDate, profile.locale)}</td>
              <td className="num">{money(inv.totals.total, inv.currency, profile.locale)}</td>
              <td className="num">
                {inv.status === 'draft' || inv.kind === 'credit_note'
                  ? ''
                  : money(inv.balance, inv.currency, profile.locale)}
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
          No invoices match.
        </p>
      ) : null}
      <div className="toolbar pager">
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous
        </button>
        <span className="muted">Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor ?? undefined])}
          data-testid="next-page"
        >
          Next
        </button>
      </div>
    </section>
  );
}
