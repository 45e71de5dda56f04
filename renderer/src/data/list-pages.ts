/**
 * How a list that scrolls through every match reads its pages: page 0 plain, a page right after one already read
 * from that page's keyset cursor (the cost is the same wherever it is), a page reached by a jump by its offset.
 * Each page's input is decided once and kept, so it stays one entry in the query cache, until the list's filters
 * change or its topics are refreshed: a cursor from before a change could skip or repeat a row, so every page is
 * then planned again.
 */
import type { MethodInput } from '../../../shared/api';
import { peekQuery } from './queries';

type ListInput = MethodInput<'invoice.list'>;
/** A list's filters and sort: each page adds its size and a cursor or an offset. */
export type ListQuery = Omit<ListInput, 'limit' | 'cursor' | 'offset'>;

/** The plans of the lists shown lately (a list is planned again if it comes back). */
const plans = new Map<string, Map<number, ListInput>>();
const KEEP = 8;

/** The input page `page` (of `size` rows) of this list is read with, for this version of its topics. */
export function pageInput(query: ListQuery, version: number, size: number, page: number): ListInput {
  const key = `${version} ${size} ${JSON.stringify(query)}`;
  let inputs = plans.get(key);
  if (!inputs) {
    inputs = new Map();
    plans.set(key, inputs);
    for (const old of plans.keys()) if (plans.size > KEEP) plans.delete(old);
  }
  let input = inputs.get(page);
  if (!input) {
    const before = inputs.get(page - 1);
    const cursor = before ? peekQuery('invoice.list', before)?.nextCursor : undefined;
    input =
      page === 0
        ? { ...query, limit: size }
        : cursor
          ? { ...query, limit: size, cursor }
          : { ...query, limit: size, offset: page * size };
    inputs.set(page, input);
  }
  return input;
}
