/**
 * How a list that scrolls through every match reads its pages: page 0 plain, a page right after one already read
 * from that page's keyset cursor (the cost is the same wherever it is), a page reached by a jump by its offset.
 * Each page's input is decided once and kept, so it stays one entry in the query cache, until the list's filters
 * change or its topics are refreshed: a cursor from before a change could skip or repeat a row, so every page is
 * then planned again.
 */
import type { MethodInput } from '../../../shared/api';
import type { Quote } from '../../../shared/contract/quotes';
import type { Customer, Invoice } from '../../../shared/domain';
import { peekQuery } from './queries';

/** The contract's lists that read a page from a cursor or an offset, and the row each gives. */
interface ListRows {
  'invoice.list': Invoice;
  'customer.list': Customer;
  'quote.list': Quote;
}
export type ListMethod = keyof ListRows;
/** One row of such a list. */
export type ListItem<M extends ListMethod> = ListRows[M];
/** A page of such a list, as every one of them answers. */
export interface ListPage<M extends ListMethod> {
  items: ListItem<M>[];
  nextCursor: string | null;
}
/** A list's filters and sort: each page adds its size and a cursor or an offset. */
export type ListQuery<M extends ListMethod = 'invoice.list'> = Omit<MethodInput<M>, 'limit' | 'cursor' | 'offset'>;

/** The plans of the lists shown lately (a list is planned again if it comes back). */
const plans = new Map<string, Map<number, unknown>>();
const KEEP = 8;

/** The input page `page` (of `size` rows) of this list is read with, for this version of its topics. */
export function pageInput<M extends ListMethod>(
  method: M,
  query: ListQuery<M>,
  version: number,
  size: number,
  page: number,
): MethodInput<M> {
  const key = `${method} ${version} ${size} ${JSON.stringify(query)}`;
  let inputs = plans.get(key);
  if (!inputs) {
    inputs = new Map();
    plans.set(key, inputs);
    for (const old of plans.keys()) if (plans.size > KEEP) plans.delete(old);
  }
  let input = inputs.get(page) as MethodInput<M> | undefined;
  if (!input) {
    const before = inputs.get(page - 1) as MethodInput<M> | undefined;
    const cursor = before ? (peekQuery(method, before) as ListPage<M> | undefined)?.nextCursor : undefined;
    input = (
      page === 0
        ? { ...query, limit: size }
        : cursor
          ? { ...query, limit: size, cursor }
          : { ...query, limit: size, offset: page * size }
    ) as MethodInput<M>;
    inputs.set(page, input);
  }
  return input;
}
