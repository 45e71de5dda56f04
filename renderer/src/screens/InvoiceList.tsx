/**
 * The invoice list as one scrolling table over every match (100,000 rows scroll like 100): only the rows in view
 * (plus a margin) are in the page, the rest is empty space of the same height. Rows are read in pages of PAGE
 * through `invoice.list` as they come into view: a page right after one already read continues from its keyset
 * cursor; a page reached by a jump (a dragged scroll bar, End) is read by its offset. Every read goes through the
 * query cache, so main's change events refresh what is on screen; after a change the pages are planned again
 * (a cursor from before the change could skip or repeat a row), showing the rows they had until the new ones come.
 *
 * Keyboard: one row is in the tab order (roving tabindex); arrows, Page Up/Down, Home and End move through the
 * whole list (scrolling rows into the page as needed), Enter opens. Screen readers hear the row's position in the
 * whole list (aria-rowcount, aria-rowindex).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type UIEvent,
} from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Invoice } from '../../../shared/domain';
import { pageInput, type ListQuery } from '../data/list-pages';
import { useQuery, useTopicsVersion } from '../data/queries';
import { useTranslator } from '../i18n';
import { StatusBadge, useFormat } from './ledger-ui';

/** Every row, the heading's too, is this tall (styles.css `.invoice-list`): a row's place is its index × ROW_H. */
export const ROW_H = 40;
const PAGE = 50;
/** Rows kept in the page above and below the ones in view, so a short scroll shows rows at once. */
const OVERSCAN = 8;
/** Height used until the scroll box is measured. */
const FIRST_VIEW = 640;

interface RowProps {
  index: number;
  active: boolean;
  onOpen: (id: string) => void;
}

/** A row of the list; while its page is being read, a row of the same height saying so (the same element, so
 * a row that has the focus keeps it when its invoice arrives). */
function Row(props: RowProps & { invoice: Invoice | undefined }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const { invoice: inv, index } = props;
  const common = { tabIndex: props.active ? 0 : -1, 'aria-rowindex': index + 2, 'data-index': index };
  if (!inv)
    return (
      <tr className="loading" aria-busy="true" {...common}>
        <td colSpan={7} className="muted">
          {t('common.loading')}
        </td>
      </tr>
    );
  return (
    <tr
      className="clickable"
      {...common}
      data-testid="invoice-row"
      onClick={() => props.onOpen(inv.id)}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen(inv.id)}
    >
      <td>{inv.number ?? <span className="muted">{t('invoices.row.draft')}</span>}</td>
      <td title={inv.customer.name || undefined}>{inv.customer.name || <span className="muted">—</span>}</td>
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
  );
}

/** Rows `from`..`to` (exclusive) of one page. */
function PageRows(props: {
  input: MethodInput<'invoice.list'>;
  page: number;
  from: number;
  to: number;
  active: number;
  onOpen: (id: string) => void;
}): ReactElement {
  const { data } = useQuery('invoice.list', props.input);
  // While a page is read again (after a change), the rows it had stay on screen.
  const [shown, setShown] = useState<Invoice[] | undefined>(undefined);
  if (data && data.items !== shown) setShown(data.items);
  const items = data?.items ?? shown;
  const rows: ReactElement[] = [];
  for (let i = props.from; i < props.to; i++)
    rows.push(
      <Row
        key={i}
        index={i}
        invoice={items?.[i - props.page * PAGE]}
        active={i === props.active}
        onOpen={props.onOpen}
      />,
    );
  return <>{rows}</>;
}

/** Empty space standing for rows not in the page. */
function Spacer({ rows }: { rows: number }): ReactElement | null {
  if (rows <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={7} style={{ height: rows * ROW_H }} />
    </tr>
  );
}

export function InvoiceList(props: {
  query: ListQuery;
  /** How many invoices match (invoice.count). */
  count: number;
  onOpen: (id: string) => void;
}): ReactElement {
  const { t } = useTranslator();
  const { count, onOpen } = props;
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: FIRST_VIEW });
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | null>(null);
  const version = useTopicsVersion('invoice', 'customer');

  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    const el = e.currentTarget;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };
  // The box's height follows the window's.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const measure = (): void => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A row moved to with the keyboard gets the focus once it is in the page.
  useLayoutEffect(() => {
    const want = focusWanted.current;
    if (want === null) return;
    const row = box.current?.querySelector<HTMLElement>(`tr[data-index="${want}"]`);
    if (row) {
      focusWanted.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const last = Math.max(0, count - 1);
  const current = Math.min(active, last);
  const moveTo = useCallback(
    (index: number) => {
      const el = box.current;
      const i = Math.max(0, Math.min(last, index));
      setActive(i);
      focusWanted.current = i;
      if (!el) return;
      // Keep the row between the sticky header and the bottom edge.
      const rowTop = i * ROW_H;
      const visible = el.clientHeight - ROW_H;
      if (rowTop < el.scrollTop) el.scrollTop = rowTop;
      else if (rowTop + ROW_H > el.scrollTop + visible) el.scrollTop = rowTop + ROW_H - visible;
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [last],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const row = (e.target as HTMLElement).closest('tr[data-index]');
    if (!row || e.altKey || e.ctrlKey || e.metaKey) return;
    const i = Number(row.getAttribute('data-index'));
    const pageRows = Math.max(1, Math.floor((view.height - ROW_H) / ROW_H) - 1);
    const to: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + pageRows,
      PageUp: i - pageRows,
      Home: 0,
      End: last,
    };
    const target = to[e.key];
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target);
  };

  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE); p * PAGE < end; p++) pages.push(p);

  return (
    <div
      className="invoice-list"
      ref={box}
      onScroll={onScroll}
      style={{ height: (count + 1) * ROW_H + 2 }}
      data-testid="invoice-scroll"
    >
      <table data-testid="invoice-table" aria-rowcount={count + 1} aria-label={t('invoices.title')}>
        <thead>
          <tr aria-rowindex={1}>
            <th>{t('invoices.col.number')}</th>
            <th>{t('invoices.col.customer')}</th>
            <th>{t('invoices.col.issued')}</th>
            <th>{t('invoices.col.due')}</th>
            <th className="num">{t('invoices.col.total')}</th>
            <th className="num">{t('invoices.col.balance')}</th>
            <th>{t('invoices.col.status')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={(e) => focusIndex(e.target, setActive)}>
          <Spacer rows={first} />
          {pages.map((p) => (
            <PageRows
              key={p}
              page={p}
              input={pageInput(props.query, version, PAGE, p)}
              from={Math.max(first, p * PAGE)}
              to={Math.min(end, (p + 1) * PAGE)}
              active={current}
              onOpen={onOpen}
            />
          ))}
          <Spacer rows={count - end} />
        </tbody>
      </table>
    </div>
  );
}

/** A row that gets the focus (a click, Tab) becomes the one in the tab order. */
function focusIndex(target: EventTarget, setActive: (i: number) => void): void {
  const i = (target as HTMLElement).getAttribute?.('data-index');
  if (i !== null && i !== undefined) setActive(Number(i));
}
