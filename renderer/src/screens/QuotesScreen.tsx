/**
 * Quotes: the list (newest number first, by status), a new quote (the invoice editor in quote mode), and one quote
 * with its lines and totals — accepted or declined by the customer, converted to a draft invoice with every line or
 * the lines picked, linked both ways.
 */
import { useState, type ReactElement } from 'react';
import { QUOTE_STATUSES, type Quote, type QuoteStatus } from '../../../shared/contract/quotes';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { call } from '../client';
import { ErrorLine, LoadingPanel } from '../components/ErrorLine';
import { Ltr } from '../components/Ltr';
import { CountedList, type ListSpec } from '../components/VirtualList';
import { refresh, useQuery } from '../data/queries';
import { useAction } from '../data/use-action';
import { useTranslator } from '../i18n';
import { useApp, useFocusedView } from '../store';
import { InvoiceEditor, TotalsTable } from './InvoiceEditor';
import { useFormat } from './ledger-ui';
import { PdfPreview } from './PdfPreview';

const STATUS_LABEL: Record<QuoteStatus, PlainKey> = {
  open: 'quotes.status.open',
  accepted: 'quotes.status.accepted',
  declined: 'quotes.status.declined',
  expired: 'quotes.status.expired',
};

export function QuoteBadge({ status }: { status: QuoteStatus }): ReactElement {
  const { t } = useTranslator();
  return (
    <span className={`badge quote-${status}`} data-testid="quote-status">
      {t(STATUS_LABEL[status])}
    </span>
  );
}

function QuoteDetail(props: { id: string; onClose: () => void }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const go = useApp((s) => s.go);
  const { data: q, error: loadError } = useQuery('quote.get', { id: props.id });
  const [picked, setPicked] = useState<ReadonlySet<number>>(() => new Set());
  const { busy, error, run } = useAction();
  const act = (fn: () => Promise<unknown>): Promise<unknown> =>
    run(async () => {
      await fn();
      refresh('quotes', 'invoice');
    });

  if (!q) return <LoadingPanel error={loadError} />;
  const convertible = (q.status === 'open' || q.status === 'accepted') && q.invoiceId === null;
  const convert = (lines: number[] | null): Promise<unknown> =>
    act(async () => {
      const r = await call('quote.convert', {
        id: q.id,
        ...(lines ? { items: lines.map((line) => ({ line })) } : {}),
      });
      setPicked(new Set());
      go('invoices', { invoiceId: r.invoice.id });
    });

  return (
    <section className="panel detail" data-testid="quote-detail">
      <div className="detail-head">
        <h2 data-testid="quote-number">{t('quotes.detail.title', { number: q.number })}</h2>
        <QuoteBadge status={q.status} />
        <button type="button" className="close" onClick={props.onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <dl className="facts-grid">
        <dt>{t('quotes.col.customer')}</dt>
        <dd>
          <bdi>{q.customer.name}</bdi>
        </dd>
        <dt>{t('quotes.col.date')}</dt>
        <dd>{t('quotes.detail.dates', { date: q.issueDate, until: q.validUntil })}</dd>
      </dl>
      <table className="lines">
        <thead>
          <tr>
            {convertible ? <th className="pick">{t('quotes.detail.pick')}</th> : null}
            <th>{t('invoices.line.description')}</th>
            <th className="num">{t('invoices.line.quantity')}</th>
            <th className="num">{t('invoices.line.unit_price')}</th>
            <th className="num">{t('invoices.line.net')}</th>
          </tr>
        </thead>
        <tbody>
          {q.lines.map((l, i) => (
            <tr key={i} data-testid="quote-line">
              {convertible ? (
                <td>
                  <input
                    type="checkbox"
                    checked={picked.has(i + 1)}
                    aria-label={t('quotes.detail.pick')}
                    data-testid="pick-line"
                    onChange={(e) =>
                      setPicked((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(i + 1);
                        else next.delete(i + 1);
                        return next;
                      })
                    }
                  />
                </td>
              ) : null}
              <td>
                <bdi>{l.description}</bdi>
              </td>
              <td className="num">{fmt.number(Number(l.quantity))}</td>
              <td className="num">{fmt.money(l.unitPrice, q.currency)}</td>
              <td className="num">{fmt.money(q.totals.lineNets[i] ?? 0, q.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TotalsTable totals={q.totals} currency={q.currency} />
      {q.notes ? (
        <p className="notes" dir="auto">
          {q.notes}
        </p>
      ) : null}
      <ErrorLine error={error} />
      <div className="toolbar">
        {q.status === 'open' ? (
          <button type="button" disabled={busy} onClick={() => void act(() => call('quote.accept', { id: q.id }))}>
            {t('quotes.detail.accept')}
          </button>
        ) : null}
        {(q.status === 'open' || q.status === 'accepted') && q.invoiceId === null ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => call('quote.decline', { id: q.id }))}
            data-testid="decline-quote"
          >
            {t('quotes.detail.decline')}
          </button>
        ) : null}
        {convertible ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void convert(picked.size > 0 ? [...picked].sort((a, b) => a - b) : null)}
            data-testid="convert-quote"
          >
            {picked.size > 0 ? t('quotes.detail.convert_selected', { count: picked.size }) : t('quotes.detail.convert')}
          </button>
        ) : null}
      </div>
      {q.invoiceId ? (
        <p>
          {t('quotes.detail.converted')}{' '}
          <button type="button" className="link" onClick={() => go('invoices', { invoiceId: q.invoiceId ?? '' })}>
            {t('quotes.detail.open_invoice')}
          </button>
        </p>
      ) : q.status === 'declined' || q.status === 'expired' ? (
        <p className="muted">{t('quotes.detail.cannot_convert')}</p>
      ) : null}
      <PdfPreview key={q.id} quoteId={q.id} />
    </section>
  );
}

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string };

function QuoteHead(): ReactElement {
  const { t } = useTranslator();
  return (
    <>
      <th>{t('quotes.col.number')}</th>
      <th>{t('quotes.col.customer')}</th>
      <th>{t('quotes.col.date')}</th>
      <th>{t('quotes.col.valid_until')}</th>
      <th className="num">{t('quotes.col.total')}</th>
      <th>{t('quotes.col.status')}</th>
    </>
  );
}

function QuoteCells({ item: q }: { item: Quote }): ReactElement {
  const fmt = useFormat();
  return (
    <>
      <td className="text-cell">
        <Ltr>{q.number}</Ltr>
      </td>
      <td className="text-cell" title={q.customer.name}>
        {q.customer.name}
      </td>
      <td>{fmt.date(q.issueDate)}</td>
      <td>{fmt.date(q.validUntil)}</td>
      <td className="num">{fmt.money(q.totals.total, q.currency)}</td>
      <td>
        <QuoteBadge status={q.status} />
      </td>
    </>
  );
}

const QUOTE_LIST: ListSpec<'quote.list'> = {
  method: 'quote.list',
  count: 'quote.count',
  topics: ['quotes'],
  head: <QuoteHead />,
  columns: 6,
  Cells: QuoteCells,
  testIds: { scroll: 'quote-scroll', table: 'quote-table', row: 'quote-row' },
  className: 'quote-list',
};

export function QuotesScreen(): ReactElement {
  const { t } = useTranslator();
  const [status, setStatus] = useState<QuoteStatus | ''>('');
  const [view, setView] = useFocusedView<View>('quoteId', { kind: 'list' }, (id) => ({ kind: 'detail', id }));
  const filter = status ? { status: [status] } : {};

  return (
    <section>
      <h1>{t('quotes.title')}</h1>
      <div className="toolbar">
        <label>
          {t('quotes.filter.status')}
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as QuoteStatus | '')}
            data-testid="quote-status-filter"
          >
            <option value="">{t('common.all')}</option>
            {QUOTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setView({ kind: 'new' })} data-testid="new-quote">
          {t('quotes.new')}
        </button>
      </div>
      {view.kind === 'new' ? (
        <InvoiceEditor
          kind="quote"
          invoice={null}
          onSaved={() => undefined}
          onSavedQuote={(q: Quote) => {
            refresh('quotes');
            setView({ kind: 'detail', id: q.id });
          }}
          onCancel={() => setView({ kind: 'list' })}
        />
      ) : null}
      {view.kind === 'detail' ? (
        <QuoteDetail key={view.id} id={view.id} onClose={() => setView({ kind: 'list' })} />
      ) : null}
      <CountedList
        spec={QUOTE_LIST}
        query={filter}
        filter={filter}
        label={t('quotes.title')}
        countText={(count) => t(status ? 'quotes.list.matching' : 'quotes.list.count', { count })}
        emptyText={t(status ? 'quotes.none_match' : 'quotes.none')}
        testIds={{ count: 'quote-list-count', empty: 'no-quotes' }}
        onOpen={(q) => setView({ kind: 'detail', id: q.id })}
      />
    </section>
  );
}
