/**
 * `kassa quote …`: quotes in their own series (QUO-YYYY-NNNN), accepted or declined, converted into a draft invoice.
 *   kassa quote create --data '{"customerId":"cus_…","validUntil":"2026-07-31","lines":[…],"discount":…}'
 *   kassa quote list [--status open,expired] [--customer ID] [--offset N] | count [same filters] | show ID | accept ID | decline ID
 *   kassa quote convert ID [--line 2] [--line 3:0.5]     all lines, or these (line numbers from 1, optional quantity)
 *   kassa quote pdf ID --out FILE                        the quote's own PDF ("QUOTE" in the document's language)
 */
import type { MethodInput } from '../../../shared/api';
import { QUOTE_STATUSES } from '../../../shared/contract/quotes';
import { usageError, type CliCommand, type CliContext } from '../framework';

/** --status and --customer as the list and the count take them. */
function quoteFilter(ctx: CliContext): MethodInput<'quote.count'> {
  const f: MethodInput<'quote.count'> = ctx.strings({ customer: 'customerId' });
  const status = statusesOf(ctx);
  if (status) f.status = status;
  return f;
}

function statusesOf(ctx: CliContext): MethodInput<'quote.list'>['status'] {
  const v = ctx.values.status;
  if (v === undefined) return undefined;
  const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
  for (const s of list)
    if (!(QUOTE_STATUSES as readonly string[]).includes(s))
      throw usageError(`--status must be one of ${QUOTE_STATUSES.join(', ')}.`);
  return list as MethodInput<'quote.list'>['status'];
}

/** `--line 3` or `--line 3:0.5`: line 3 of the quote, all of it or that quantity. */
function itemsOf(ctx: CliContext): MethodInput<'quote.convert'>['items'] {
  const v = ctx.values.line;
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map((raw) => {
    const m = /^(\d{1,4})(?::(\d+(?:\.\d+)?))?$/.exec(String(raw));
    if (!m)
      throw usageError(
        `--line takes a line number, optionally with a quantity: --line 2 or --line 2:0.5 (got "${String(raw)}").`,
      );
    return m[2] === undefined ? { line: Number(m[1]) } : { line: Number(m[1]), quantity: m[2] };
  });
}

export const quoteCommands: CliCommand[] = [
  {
    path: 'quote create',
    usage: "--data '<json>' | --data -",
    summary:
      'Makes a quote (QUO-YYYY-NNNN) from {customerId, currency, issueDate, validUntil (default +30 days), notes, terms, lines:[…], discount}; prints it with its id.',
    async run(ctx) {
      return ctx.call('quote.create', (await ctx.dataObject()) as MethodInput<'quote.create'>);
    },
  },
  {
    path: 'quote list',
    usage: `[--status ${QUOTE_STATUSES.join('|')} (repeatable or comma list)] [--customer ID] [--limit N] [--cursor C | --offset N]`,
    summary: 'Quotes, newest number first, as {items, nextCursor} (--offset N starts at a position).',
    options: {
      status: { type: 'string', multiple: true },
      customer: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      offset: { type: 'string' },
    },
    run(ctx) {
      const input: MethodInput<'quote.list'> = { ...quoteFilter(ctx), ...ctx.strings({ cursor: 'cursor' }) };
      const limit = ctx.wholeNumber('limit');
      if (limit !== undefined) input.limit = limit;
      const offset = ctx.wholeNumber('offset');
      if (offset !== undefined) input.offset = offset;
      return ctx.call('quote.list', input);
    },
  },
  {
    path: 'quote count',
    usage: `[--status ${QUOTE_STATUSES.join('|')} (repeatable or comma list)] [--customer ID]`,
    summary: 'How many quotes match the filters: {count}.',
    options: { status: { type: 'string', multiple: true }, customer: { type: 'string' } },
    run: (ctx) => ctx.call('quote.count', quoteFilter(ctx)),
  },
  {
    path: 'quote show',
    usage: 'ID',
    summary: 'One quote with its lines, totals, status and the invoice it became.',
    run: (ctx) => ctx.call('quote.get', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'quote accept',
    usage: 'ID',
    summary: 'Records that the customer accepted an open quote.',
    run: (ctx) => ctx.call('quote.accept', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'quote decline',
    usage: 'ID',
    summary: 'Records that the customer declined the quote.',
    run: (ctx) => ctx.call('quote.decline', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'quote pdf',
    usage: 'ID --out FILE',
    summary:
      "Writes the quote as a PDF/A-3b file, titled QUOTE in the document's language, with its valid-until date; prints {id, file, bytes, pages}.",
    options: { out: { type: 'string' } },
    run(ctx) {
      const id = ctx.positional(0, 'ID');
      const out = ctx.string('out');
      return ctx.call('quote.pdf', out !== undefined ? { id, file: out } : { id });
    },
  },
  {
    path: 'quote convert',
    usage: 'ID [--line N[:QTY]]… | ID --data \'{"items":[{"line":1,"quantity":"2"}]}\'',
    summary:
      'Makes a draft invoice from an open or accepted quote: every line, or the lines given (numbered from 1, optionally part of the quantity). Declined and expired quotes are refused. Prints {quote, invoice}.',
    options: { line: { type: 'string', multiple: true } },
    async run(ctx) {
      const input: Record<string, unknown> = {
        ...(await ctx.dataObject({ optional: true })),
        id: ctx.positional(0, 'ID'),
      };
      const items = itemsOf(ctx);
      if (items) input.items = items;
      return ctx.call('quote.convert', input as MethodInput<'quote.convert'>);
    },
  },
];
