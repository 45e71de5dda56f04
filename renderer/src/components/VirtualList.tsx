/**
 * One scrolling table over every match of a list method (invoices, customers, quotes; 100,000 rows scroll like
 * 100): only the rows in view (plus a margin) are in the page, the rest is empty space of the same height. Rows are
 * read in pages of PAGE as they come into view (data/list-pages.ts: a page right after one already read continues
 * from its keyset cursor, a page reached by a jump is read by its offset). Every read goes through the query
 * cache, so main's change events refresh what is on screen; after a change the pages are planned again, showing
 * the rows they had until the new ones come.
 *
 * Keyboard: one row is in the tab order (roving tabindex) and it stays in the page, at its own place, however far
 * the list is scrolled away from it, so a keyboard user keeps their place (the focus never falls to the page);
 * arrows, Page Up/Down, Home and End move through the whole list (scrolling rows into the page as needed), Enter
 * opens. Screen readers hear the row's position in the whole list (aria-rowcount, aria-rowindex).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  type UIEvent,
} from 'react';
import type { MethodInput } from '../../../shared/api';
import { pageInput, type ListItem, type ListMethod, type ListPage, type ListQuery } from '../data/list-pages';
import { useQuery, useTopicsVersion, type Topic } from '../data/queries';
import { useTranslator } from '../i18n';
import { QueryError } from './ErrorLine';

/** Every row, the heading's too, is this tall (styles.css `.virtual-list`): a row's place is its index × ROW_H. */
export const ROW_H = 40;
const PAGE = 50;
/** Rows kept in the page above and below the ones in view, so a short scroll shows rows at once. */
const OVERSCAN = 8;
/** Height used until the scroll box is measured. */
const FIRST_VIEW = 640;

/** The count that goes with each list method. */
export type CountMethod = 'invoice.count' | 'customer.count' | 'quote.count';

/** What a list method shows: how its rows look and what they open. */
export interface ListSpec<M extends ListMethod> {
  method: M;
  /** The method that counts the same matches. */
  count: CountMethod;
  /** Topics whose change makes the list plan its pages again (the method's own in data/queries.ts). */
  topics: readonly Topic[];
  /** The heading's cells (`<th>`s). */
  head: ReactNode;
  columns: number;
  /** A row's cells (`<td>`s). */
  Cells: ComponentType<{ item: ListItem<M> }>;
  /** Test ids of the scroll box, the table and a row. */
  testIds: { scroll: string; table: string; row: string };
  /** Extra class of the scroll box (column widths). */
  className: string;
}

/** The input of page `page` of this list (one query-cache entry, planned again after a change of its topics). */
export function useListPage<M extends ListMethod>(
  spec: ListSpec<M>,
  query: ListQuery<M>,
  page: number,
): MethodInput<M> {
  return pageInput(spec.method, query, useTopicsVersion(...spec.topics), PAGE, page);
}

interface RowProps<M extends ListMethod> {
  spec: ListSpec<M>;
  index: number;
  active: boolean;
  onOpen: (item: ListItem<M>) => void;
}

/** A row of the list; while its page is being read, a row of the same height saying so (the same element, so
 * a row that has the focus keeps it when its data arrives). */
function Row<M extends ListMethod>(props: RowProps<M> & { item: ListItem<M> | undefined }): ReactElement {
  const { t } = useTranslator();
  const { item, index, spec } = props;
  const common = { tabIndex: props.active ? 0 : -1, 'aria-rowindex': index + 2, 'data-index': index };
  if (!item)
    return (
      <tr className="loading" aria-busy="true" {...common}>
        <td colSpan={spec.columns} className="muted">
          {t('common.loading')}
        </td>
      </tr>
    );
  return (
    <tr
      className="clickable"
      {...common}
      data-testid={spec.testIds.row}
      onClick={() => props.onOpen(item)}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen(item)}
    >
      <spec.Cells item={item} />
    </tr>
  );
}

/** Empty space standing for rows not in the page. */
function Spacer({ rows, columns }: { rows: number; columns: number }): ReactElement | null {
  if (rows <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height: rows * ROW_H }} />
    </tr>
  );
}

/** The rows `indices` (ascending, all on page `page`), each after the space of the rows missing before it. */
function PageRows<M extends ListMethod>(props: {
  spec: ListSpec<M>;
  input: MethodInput<M>;
  page: number;
  indices: number[];
  /** The index of the row shown just before this page's first (-1: none). */
  after: number;
  active: number;
  onOpen: (item: ListItem<M>) => void;
}): ReactElement {
  const { spec } = props;
  const { data } = useQuery(spec.method, props.input);
  // While a page is read again (after a change), the rows it had stay on screen.
  const [shown, setShown] = useState<ListItem<M>[] | undefined>(undefined);
  const items = (data as ListPage<M> | undefined)?.items;
  if (items && items !== shown) setShown(items);
  const rows = items ?? shown;
  const out: ReactElement[] = [];
  let before = props.after;
  for (const i of props.indices) {
    if (i > before + 1) out.push(<Spacer key={`gap-${i}`} rows={i - before - 1} columns={spec.columns} />);
    out.push(
      <Row
        key={i}
        spec={spec}
        index={i}
        item={rows?.[i - props.page * PAGE]}
        active={i === props.active}
        onOpen={props.onOpen}
      />,
    );
    before = i;
  }
  return <>{out}</>;
}

export function VirtualList<M extends ListMethod>(props: {
  spec: ListSpec<M>;
  query: ListQuery<M>;
  /** How many rows match (the method's count). */
  count: number;
  label: string;
  onOpen: (item: ListItem<M>) => void;
}): ReactElement {
  const { spec, count, onOpen } = props;
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: FIRST_VIEW });
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | null>(null);
  const version = useTopicsVersion(...spec.topics);

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

  // The rows in view (and the margin), and the row in the tab order wherever it is: grouped by page.
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const byPage = new Map<number, number[]>();
  const add = (i: number): void => {
    const p = Math.floor(i / PAGE);
    const list = byPage.get(p);
    if (list) list.push(i);
    else byPage.set(p, [i]);
  };
  if (count > 0 && current < first) add(current);
  for (let i = first; i < end; i++) add(i);
  if (count > 0 && current >= end) add(current);
  let after = -1;
  const pages = [...byPage.entries()].map(([p, indices]) => {
    const element = (
      <PageRows
        key={p}
        spec={spec}
        page={p}
        indices={indices}
        after={after}
        input={pageInput(spec.method, props.query, version, PAGE, p)}
        active={current}
        onOpen={onOpen}
      />
    );
    after = indices[indices.length - 1] ?? after;
    return element;
  });

  return (
    <div
      className={`virtual-list ${spec.className}`}
      ref={box}
      onScroll={onScroll}
      style={{ height: (count + 1) * ROW_H + 2 }}
      data-testid={spec.testIds.scroll}
    >
      <table data-testid={spec.testIds.table} aria-rowcount={count + 1} aria-label={props.label}>
        <thead>
          <tr aria-rowindex={1}>{spec.head}</tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={(e) => focusIndex(e.target, setActive)}>
          {pages}
          <Spacer rows={count - 1 - after} columns={spec.columns} />
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

/**
 * A list as a screen shows it: how many match (a line screen readers hear when it changes), the virtualised list,
 * or what to say when nothing matches. The first page is asked for before the count, and both before anything
 * the screen around it asks (effects run children first), so the rows are never queued behind slower calls.
 */
export function CountedList<M extends ListMethod>(props: {
  spec: ListSpec<M>;
  query: ListQuery<M>;
  /** The count's input: the query's filters. */
  filter: MethodInput<CountMethod>;
  label: string;
  /** The count line and the empty state, in the reader's language. */
  countText: (count: number) => string;
  emptyText: string;
  testIds: { count: string; empty: string; error?: string };
  onOpen: (item: ListItem<M>) => void;
}): ReactElement {
  const { spec } = props;
  useQuery(spec.method, useListPage(spec, props.query, 0));
  const { data: counted, error } = useQuery(spec.count, props.filter);
  // What is shown changes only once the new count is in: until then (another search, filter or sort) the list,
  // its count and its words stay as they were, instead of the page emptying and filling again.
  const [shown, setShown] = useState<{
    key: string;
    query: ListQuery<M>;
    count: number;
    text: string;
    empty: string;
  }>();
  const key = JSON.stringify(props.query);
  if (counted) {
    const next = {
      key,
      query: props.query,
      count: counted.count,
      text: props.countText(counted.count),
      empty: props.emptyText,
    };
    if (
      !shown ||
      shown.key !== next.key ||
      shown.count !== next.count ||
      shown.text !== next.text ||
      shown.empty !== next.empty
    )
      setShown(next);
  }
  return (
    <>
      <QueryError error={error} {...(props.testIds.error ? { testId: props.testIds.error } : {})} />
      {shown ? (
        <p className="muted list-count" data-testid={props.testIds.count} data-count={shown.count} aria-live="polite">
          {shown.text}
        </p>
      ) : null}
      {shown && shown.count > 0 ? (
        // A new list (scrolled to the top) for other filters or another sort.
        <VirtualList
          key={shown.key}
          spec={spec}
          query={shown.query}
          count={shown.count}
          label={props.label}
          onOpen={props.onOpen}
        />
      ) : null}
      {shown && shown.count === 0 ? (
        <p className="muted" data-testid={props.testIds.empty}>
          {shown.empty}
        </p>
      ) : null}
    </>
  );
}
