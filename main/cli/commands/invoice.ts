/**
 * `kassa invoice …`: drafts, issuing, payments, cancellation, credit notes, history and lists.
 * Objects come from --data '<json>' or --data - (stdin); money given with --amount is in major units
 * of the invoice's currency ("12.50") and converted exactly here, at the edge.
 */
import type { MethodInput } from '../../../shared/api';
import { INVOICE_SORTS, LIST_STATUSES } from '../../../shared/contract/invoice-lists';
import { parseTypedAmount } from '../../../shared/money';
import { usageError, type CliCommand, type CliContext } from '../framework';

function listFilter(ctx: CliContext): Partial<MethodInput<'invoice.list'>> {
  const f: Record<string, unknown> = {};
  const status = ctx.values.status;
  if (status !== undefined) {
    const list = (Array.isArray(status) ? status : [status]).flatMap((s) => String(s).split(','));
    for (const s of list)
      if (!(LIST_STATUSES as readonly string[]).includes(s))
        throw usageError(`--status must be one of ${LIST_STATUSES.join(', ')}.`);
    f.status = list;
  }
  const map: Array<[string, string]> = [
    ['customer', 'customerId'],
    ['currency', 'currency'],
    ['kind', 'kind'],
    ['issue-from', 'issueFrom'],
    ['issue-to', 'issueTo'],
    ['due-from', 'dueFrom'],
    ['due-to', 'dueTo'],
    ['q', 'q'],
  ];
  for (const [opt, key] of map) {
    const v = ctx.string(opt);
    if (v !== undefined) f[key] = v;
  }
  return f as Partial<MethodInput<'invoice.list'>>;
}

const FILTER_OPTIONS = {
  status: { type: 'string', multiple: true },
  customer: { type: 'string' },
  currency: { type: 'string' },
  kind: { type: 'string' },
  'issue-from': { type: 'string' },
  'issue-to': { type: 'string' },
  'due-from': { type: 'string' },
  'due-to': { type: 'string' },
  q: { type: 'string' },
} as const;

/**
 * The amount of a payment or refund: --amount in major units of the invoice's currency (converted exactly here), or
 * minor units in --data — one of them (ctx.input refuses both).
 */
async function withAmount(ctx: CliContext, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const typed = ctx.string('amount');
  if (typed !== undefined) {
    const inv = await ctx.call('invoice.get', { id: String(input.id) });
    return { ...input, amount: parseTypedAmount(typed, inv.currency, 'amount') };
  }
  if (input.amount === undefined)
    throw usageError('Give the amount: --amount 12.50 (major units) or --data \'{"amount":1250}\'.');
  return input;
}

export const invoiceCommands: CliCommand[] = [
  {
    path: 'invoice list',
    summary: `Invoices as {items, nextCursor}. --status (repeatable or comma list: ${LIST_STATUSES.join('|')}), --customer ID, --currency, --kind, --issue-from/--issue-to, --due-from/--due-to, --q TEXT, --sort ${INVOICE_SORTS.join('|')}, --order asc|desc, --limit N, --cursor C (or --offset N to start at a position).`,
    options: {
      ...FILTER_OPTIONS,
      sort: { type: 'string' },
      order: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      offset: { type: 'string' },
    },
    async run(ctx) {
      const input = await ctx.input(
        {
          ...listFilter(ctx),
          ...ctx.strings({ sort: 'sort', order: 'order', cursor: 'cursor' }),
          limit: ctx.wholeNumber('limit'),
          offset: ctx.wholeNumber('offset'),
        },
        { data: 'optional' },
      );
      return ctx.call('invoice.list', input as MethodInput<'invoice.list'>);
    },
  },
  {
    path: 'invoice count',
    usage: '[filters as in "invoice list"]',
    summary: 'How many invoices match the filters: {count}.',
    options: FILTER_OPTIONS,
    async run(ctx) {
      const input = { ...(await ctx.dataObject({ optional: true })), ...listFilter(ctx) };
      return ctx.call('invoice.count', input as MethodInput<'invoice.count'>);
    },
  },
  {
    path: 'invoice show',
    usage: 'ID',
    summary: 'One invoice with lines, payments, links and totals.',
    run: (ctx) => ctx.call('invoice.get', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'invoice create',
    usage: "--data '<json>' | --data -",
    summary:
      'Creates a draft from {customerId, currency, issueDate, dueDate, notes, terms, lines:[{description, quantity:"1.5", unitPrice:<minor>, taxRate:"14", taxCategory:"S"}], discount}. taxRate/taxCategory may be left out: the default tax rate (kassa tax default) applies, the category follows the rate.',
    async run(ctx) {
      return ctx.call('invoice.create', (await ctx.dataObject()) as MethodInput<'invoice.create'>);
    },
  },
  {
    path: 'invoice update',
    usage: "ID --data '<json>' | --data -",
    summary: 'Changes a draft (absent fields are kept). Issued invoices are immutable.',
    async run(ctx) {
      const input = await ctx.input({ id: ctx.positional(0) }, { data: 'required' });
      return ctx.call('invoice.update', input as MethodInput<'invoice.update'>);
    },
  },
  {
    path: 'invoice delete',
    usage: 'ID',
    summary: 'Deletes a draft.',
    run: (ctx) => ctx.call('invoice.delete', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'invoice issue',
    usage: 'ID [--date YYYY-MM-DD] [--due YYYY-MM-DD] [--account ID|NAME]',
    summary:
      'Issues a draft: next gapless number (INV-YYYY-NNNN); with --account also queues it for that provider account.',
    options: { date: { type: 'string' }, due: { type: 'string' }, account: { type: 'string' } },
    async run(ctx) {
      const input: MethodInput<'invoice.issue'> = {
        id: ctx.positional(0, 'ID'),
        ...ctx.strings({ date: 'issueDate', due: 'dueDate' }),
      };
      const account = ctx.string('account');
      if (account !== undefined) input.accountId = (await ctx.call('account.resolve', { ref: account })).id;
      return ctx.call('invoice.issue', input);
    },
  },
  {
    path: 'invoice pay',
    usage:
      'ID --amount 12.50 [--date YYYY-MM-DD] [--method M] [--note TEXT] [--overpay] | ID --data \'{"amount":1250,…}\'',
    summary: 'Records a payment. --amount is in major units of the invoice currency; --data takes minor units.',
    options: {
      amount: { type: 'string' },
      date: { type: 'string' },
      method: { type: 'string' },
      note: { type: 'string' },
      overpay: { type: 'boolean' },
    },
    async run(ctx) {
      const input = await withAmount(
        ctx,
        await ctx.input(
          {
            id: ctx.positional(0),
            amount: ctx.string('amount'),
            ...ctx.strings({ date: 'date', method: 'method', note: 'note' }),
            allowOverpayment: ctx.values.overpay === true ? true : undefined,
          },
          { data: 'optional' },
        ),
      );
      return ctx.call('invoice.pay', input as MethodInput<'invoice.pay'>);
    },
  },
  {
    path: 'invoice void-payment',
    usage: 'ID PAYMENT_ID --reason TEXT',
    summary: 'Voids a wrongly recorded payment (it stays on record).',
    options: { reason: { type: 'string' } },
    run: (ctx) =>
      ctx.call('invoice.voidPayment', {
        id: ctx.positional(0, 'ID'),
        paymentId: ctx.positional(1, 'PAYMENT_ID'),
        reason: ctx.requireString('reason'),
      }),
  },
  {
    path: 'invoice cancel',
    usage: 'ID [--reason TEXT]',
    summary: 'Cancels an issued invoice without payments.',
    options: { reason: { type: 'string' } },
    async run(ctx) {
      const reason = ctx.string('reason');
      return ctx.call('invoice.cancel', { id: ctx.positional(0, 'ID'), ...(reason !== undefined ? { reason } : {}) });
    },
  },
  {
    path: 'invoice credit',
    usage:
      'ID [--line N[:QTY]]… [--reason TEXT] [--terms TEXT] [--date YYYY-MM-DD] [--data \'{"items":[{"line":1,"quantity":"2"}]}\']',
    summary:
      'Issues a credit note (CN-YYYY-NNNN): the whole invoice, or some of its lines (--line 2 credits line 2, --line 3:0.5 half a unit of line 3), or free lines given as {"lines":[…]} in --data.',
    options: {
      reason: { type: 'string' },
      terms: { type: 'string' },
      date: { type: 'string' },
      line: { type: 'string', multiple: true },
    },
    async run(ctx) {
      const lines = ctx.values.line;
      const input = await ctx.input(
        {
          id: ctx.positional(0),
          ...ctx.strings({ reason: 'reason', terms: 'terms', date: 'issueDate' }),
          items:
            lines === undefined
              ? undefined
              : (Array.isArray(lines) ? lines : [lines]).map((v) => creditItem(String(v))),
        },
        { data: 'optional' },
      );
      return ctx.call('invoice.credit', input as MethodInput<'invoice.credit'>);
    },
  },
  {
    path: 'invoice refund',
    usage: 'ID --amount 12.50 [--date YYYY-MM-DD] [--method M] [--note TEXT] [--credit-note CN_ID]',
    summary:
      'Records money paid back to the customer (a credited paid invoice, an overpayment). --amount is in major units.',
    options: {
      amount: { type: 'string' },
      date: { type: 'string' },
      method: { type: 'string' },
      note: { type: 'string' },
      'credit-note': { type: 'string' },
    },
    async run(ctx) {
      const input = await withAmount(
        ctx,
        await ctx.input(
          {
            id: ctx.positional(0),
            amount: ctx.string('amount'),
            ...ctx.strings({ date: 'date', method: 'method', note: 'note', 'credit-note': 'creditNoteId' }),
          },
          { data: 'optional' },
        ),
      );
      return ctx.call('invoice.refund', input as MethodInput<'invoice.refund'>);
    },
  },
  {
    path: 'invoice void-refund',
    usage: 'ID REFUND_ID --reason TEXT',
    summary: 'Voids a wrongly recorded refund (it stays on record).',
    options: { reason: { type: 'string' } },
    run: (ctx) =>
      ctx.call('invoice.voidRefund', {
        id: ctx.positional(0, 'ID'),
        refundId: ctx.positional(1, 'REFUND_ID'),
        reason: ctx.requireString('reason'),
      }),
  },
  {
    path: 'invoice history',
    usage: 'ID',
    summary: 'Every recorded change of an invoice, oldest first.',
    run: (ctx) => ctx.call('invoice.history', { id: ctx.positional(0, 'ID') }),
  },
];

/** `--line 3` or `--line 3:0.5`: line 3 of the invoice, all of it or that quantity. */
function creditItem(v: string): { line: number; quantity?: string } {
  const m = /^(\d{1,4})(?::(\S+))?$/.exec(v.trim());
  if (!m)
    throw usageError(`--line takes a line number, optionally with a quantity: --line 2 or --line 2:0.5 (got "${v}").`);
  return m[2] === undefined ? { line: Number(m[1]) } : { line: Number(m[1]), quantity: m[2] };
}

export { FILTER_OPTIONS, listFilter };
