/** Quotes: make, list, show, accept, decline, convert to a draft invoice. */
import type { QuotePage, quoteMethods } from '../../shared/contract/quotes';
import { decodeCursor, encodeCursor, invalidCursor } from '../ledger/cursor';
import { getInvoice } from '../ledger/invoice-read';
import { acceptQuote, convertQuote, createQuote, declineQuote } from '../ledger/quotes';
import {
  countQuotes,
  listQuoteRows,
  mapQuote,
  quoteLinesOf,
  readQuote,
  type QuoteListFilter,
} from '../ledger/tables/quotes';
import type { Services } from '../services';
import { ledgerCtx, read, refusePath, today, write } from './ledger-support';
import type { HandlerFactory } from './types';
import type { MethodParsedInput } from '../../shared/api';

const CURSOR_TAG = 'quotes';

/** The page after the quote whose number's year and sequence the cursor holds. */
function cursorOf(text: string | undefined): QuoteListFilter['before'] {
  if (text === undefined) return undefined;
  const c = decodeCursor(text, CURSOR_TAG);
  const m = /^(\d{4}):(\d{1,10})$/.exec(String(c.key));
  if (!m) throw invalidCursor();
  return { year: Number(m[1]), seq: Number(m[2]) };
}

/** The list's filters as the ledger takes them. */
function quoteFilter(s: Services, input: MethodParsedInput<'quote.count'>): Omit<QuoteListFilter, 'limit'> {
  const filter: Omit<QuoteListFilter, 'limit'> = { today: today(s) };
  if (input.status) filter.statuses = input.status;
  if (input.customerId) filter.customerId = input.customerId;
  return filter;
}

function listQuotes(s: Services, input: MethodParsedInput<'quote.list'>): QuotePage {
  const filter: QuoteListFilter = { ...quoteFilter(s, input), limit: input.limit + 1 };
  const day = filter.today;
  const before = cursorOf(input.cursor);
  if (before) filter.before = before;
  if (input.offset) filter.offset = input.offset;
  const rows = listQuoteRows(s.ledger.db, filter);
  const page = rows.slice(0, input.limit);
  const lines = quoteLinesOf(
    s.ledger.db,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => mapQuote(r, lines.get(r.id) ?? [], day)),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ tag: CURSOR_TAG, key: `${last.number_year}:${last.number_seq}`, id: last.id })
        : null,
  };
}

export const quoteHandlers: HandlerFactory<keyof typeof quoteMethods> = (s) => {
  const changed = (id: string): void => s.events.emit('quotes.changed', { id });
  const decide = (id: string, fn: () => void) => {
    const q = write(s, () => {
      fn();
      return readQuote(s.ledger.db, id, today(s));
    });
    changed(id);
    return q;
  };
  return {
    'quote.create': (input, ctx) => {
      const q = write(s, () => readQuote(s.ledger.db, createQuote(ledgerCtx(s, ctx), input), today(s)));
      s.log.info('quote.created', { quoteId: q.id, number: q.number });
      changed(q.id);
      return q;
    },
    'quote.list': (input) => read(() => listQuotes(s, input)),
    'quote.count': (input) => read(() => ({ count: countQuotes(s.ledger.db, quoteFilter(s, input)) })),
    'quote.get': ({ id }) => read(() => readQuote(s.ledger.db, id, today(s))),
    'quote.pdf': ({ id, file }, ctx) => {
      if (file !== undefined && !ctx.mayChoosePaths) throw refusePath('file');
      return s.pdf.render(id, file, 'quote');
    },
    'quote.preview': ({ id }) => s.pdf.preview(id, 'quote'),
    'quote.accept': ({ id }, ctx) => decide(id, () => acceptQuote(ledgerCtx(s, ctx), id)),
    'quote.decline': ({ id }, ctx) => decide(id, () => declineQuote(ledgerCtx(s, ctx), id)),
    'quote.convert': (input, ctx) => {
      const r = write(s, () => {
        const invoiceId = convertQuote(ledgerCtx(s, ctx), input);
        return {
          quote: readQuote(s.ledger.db, input.id, today(s)),
          invoice: getInvoice(s.ledger.db, invoiceId, today(s)),
        };
      });
      s.log.info('quote.converted', { quoteId: input.id, invoiceId: r.invoice.id, lines: r.invoice.lines.length });
      changed(input.id);
      s.events.emit('ledger.changed', { entity: 'invoice', id: r.invoice.id });
      return r;
    },
  };
};
