/** Invoices and credit notes: drafts, issuing, payments, cancellation, credit notes, history, queries. */
import { z } from 'zod';
import { isDecimalString } from '../decimal';
import type { Invoice, InvoiceStatus } from '../domain';
import { resolveLineTax } from '../tax-default';
import { lineGross } from '../totals';
import { msg } from '../i18n/keys';
import { method } from './define';
import { INVOICE_SORTS, LIST_STATUSES, type InvoiceSort, type ListStatus } from './invoice-lists';
import {
  LIMITS,
  MAX_MINOR,
  addProblem,
  currencyCode,
  foreignId,
  isoDate,
  ledgerId,
  minorAmount,
  optionalText,
  percent,
  quantity,
  requiredText,
  taxCategoryProblem,
  text,
  vatCategory,
  pageCursor,
  pageOffset,
  cursorOrOffset,
  wholeNumber,
} from './fields';
import { says } from './validation';

export const lineInput = z
  .object({
    description: requiredText(LIMITS.description, { lines: true }),
    quantity,
    unitCode: z
      .string()
      .max(3, { error: says('validation.unit_code') })
      .regex(/^[A-Z0-9]{1,3}$/, { error: says('validation.unit_code') })
      .optional(),
    unitPrice: minorAmount(),
    discount: minorAmount().optional(),
    /** Left out: the business's default tax rate, or the category's 0 % (shared/tax-default.ts). */
    taxRate: percent().optional(),
    /** Left out: follows from the rate (above 0: S, 0: Z), else the default tax rate's. */
    taxCategory: vatCategory.optional(),
    exemptionReason: optionalText(LIMITS.reason),
  })
  .strict()
  .superRefine((line, ctx) => {
    // What the line says is checked here; what it leaves to the default is checked by the ledger, which knows it.
    const tax = resolveLineTax(line, null);
    const problem = tax && taxCategoryProblem(tax.taxCategory, tax.taxRate, tax.exemptionReason);
    if (problem) addProblem(ctx, problem.problem, [problem.field === 'rate' ? 'taxRate' : 'exemptionReason']);
    // Object-level checks run even when a field check failed: only compute with values that passed.
    if (!isDecimalString(line.quantity, 3) || !Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) return;
    const gross = lineGross(line);
    if (gross > MAX_MINOR) addProblem(ctx, msg('validation.line_too_large'), ['quantity']);
    if ((line.discount ?? 0) > gross) {
      addProblem(ctx, msg('validation.discount_exceeds'), ['discount']);
    }
  });
export type LineInput = z.output<typeof lineInput>;

export const discountInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('percent'), percent: percent() }).strict(),
    z.object({ kind: z.literal('amount'), amount: minorAmount() }).strict(),
  ],
  { error: says('validation.discount_kind') },
);

const draftFields = {
  customerId: ledgerId().nullable().optional(),
  currency: currencyCode.optional(),
  issueDate: isoDate().nullable().optional(),
  dueDate: isoDate().nullable().optional(),
  notes: optionalText(LIMITS.invoiceNotes, { lines: true }),
  terms: optionalText(LIMITS.terms, { lines: true }),
  lines: z.array(lineInput).max(LIMITS.lines).optional(),
  discount: discountInput.nullable().optional(),
};

function datesInOrder(
  v: { issueDate?: string | null | undefined; dueDate?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.issueDate && v.dueDate && v.dueDate < v.issueDate) {
    addProblem(ctx, msg('validation.due_before_issue'), ['dueDate']);
  }
}

export const invoiceCreateInput = z.object(draftFields).strict().superRefine(datesInOrder);
export const invoiceUpdateInput = z
  .object({ id: ledgerId(), ...draftFields })
  .strict()
  .superRefine(datesInOrder);
export type InvoiceCreateInput = z.output<typeof invoiceCreateInput>;
export type InvoiceUpdateInput = z.output<typeof invoiceUpdateInput>;

export { INVOICE_SORTS, LIST_STATUSES, type InvoiceSort, type ListStatus };

export const invoiceFilterFields = {
  /** Any of these statuses; "overdue" = issued or partially paid and past due. */
  status: z.array(z.enum(LIST_STATUSES)).max(LIST_STATUSES.length).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  customerId: ledgerId().optional(),
  currency: currencyCode.optional(),
  issueFrom: isoDate().optional(),
  issueTo: isoDate().optional(),
  dueFrom: isoDate().optional(),
  dueTo: isoDate().optional(),
  /** Text search on the number and the customer name (case- and accent-insensitive, substring). */
  q: text(LIMITS.search).optional(),
};

export const invoiceListInput = cursorOrOffset(
  z
    .object({
      ...invoiceFilterFields,
      sort: z.enum(INVOICE_SORTS).default('createdAt'),
      order: z.enum(['asc', 'desc']).default('desc'),
      limit: wholeNumber().min(1).max(200).default(50),
      cursor: pageCursor().optional(),
      offset: pageOffset(),
    })
    .strict(),
);
export type InvoiceListInput = z.output<typeof invoiceListInput>;

export const invoiceCountInput = z.object(invoiceFilterFields).strict();
export type InvoiceFilter = Pick<InvoiceListInput, keyof typeof invoiceFilterFields>;

export interface InvoicePage {
  items: Invoice[];
  /** Pass back as `cursor` (with the same filters and sort) for the next page; null at the end. */
  nextCursor: string | null;
}

export const ACTORS = ['user', 'cli', 'provider', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export interface HistoryEntry {
  id: number;
  invoiceId: string;
  at: string;
  actor: Actor;
  /** created | updated | issued | payment_recorded | payment_voided | refund_recorded | refund_voided | cancelled | credited | expired | status_changed | deleted */
  action: string;
  fromStatus: InvoiceStatus | null;
  toStatus: InvoiceStatus | null;
  details: Record<string, unknown>;
}

export interface CreditResult {
  creditNote: Invoice;
  invoice: Invoice;
}

const idOnly = z.object({ id: ledgerId() }).strict();

export const invoiceIssueInput = z
  .object({
    id: ledgerId(),
    /** Defaults to the draft's issue date, else today; never in the future nor before the series' last issue date. */
    issueDate: isoDate().optional(),
    /** Defaults to the draft's due date, else issue date + the profile's payment terms. */
    dueDate: isoDate().optional(),
    /** Provider account to send the invoice to (writes the link and an outbox "create" in the same transaction). */
    accountId: foreignId().optional(),
  })
  .strict()
  .superRefine(datesInOrder);

export const invoicePayInput = z
  .object({
    id: ledgerId(),
    amount: minorAmount({ min: 1 }),
    /** Defaults to today. */
    date: isoDate().optional(),
    method: requiredText(LIMITS.method).default('bank_transfer'),
    note: optionalText(LIMITS.reason),
    /** A payment above the balance is refused unless this is true (the balance then goes negative: a refund is owed). */
    allowOverpayment: z.boolean().default(false),
  })
  .strict();
export type InvoicePayInput = z.output<typeof invoicePayInput>;

/** One line of the invoice to credit: its number (1 = first line) and how much of its quantity (all when omitted). */
export const creditItemInput = z
  .object({
    line: wholeNumber().min(1).max(LIMITS.lines),
    quantity: quantity.optional(),
  })
  .strict();
export type CreditItemInput = z.output<typeof creditItemInput>;

export const invoiceCreditInput = z
  .object({
    id: ledgerId(),
    /** Lines of the invoice to credit, by number, each whole or a part of its quantity (a partial credit). */
    items: z.array(creditItemInput).min(1).max(LIMITS.lines).optional(),
    /** Free lines to credit (a correction that is not a share of the invoice's own lines); omitted with items = the whole invoice. */
    lines: z.array(lineInput).min(1).max(LIMITS.lines).optional(),
    reason: optionalText(LIMITS.reason),
    /** Payment terms (BT-20) of the credit note; without them it says it is set off against the invoice. */
    terms: optionalText(LIMITS.terms),
    issueDate: isoDate().optional(),
  })
  .strict()
  .refine((v) => !(v.items && v.lines), { error: says('validation.credit_items_or_lines'), path: ['items'] });
export type InvoiceCreditInput = z.output<typeof invoiceCreditInput>;

export const invoiceRefundInput = z
  .object({
    id: ledgerId(),
    amount: minorAmount({ min: 1 }),
    /** Defaults to today. */
    date: isoDate().optional(),
    method: requiredText(LIMITS.method).default('bank_transfer'),
    note: optionalText(LIMITS.reason),
    /** The credit note this refund pays out (one of the invoice's own). */
    creditNoteId: ledgerId().optional(),
  })
  .strict();
export type InvoiceRefundInput = z.output<typeof invoiceRefundInput>;

export const invoiceMethods = {
  'invoice.list': method<InvoicePage>()(
    invoiceListInput,
    'Invoices matching filters, sorted, one keyset page at a time.',
  ),
  'invoice.count': method<{ count: number }>()(
    invoiceCountInput,
    'How many invoices match the filters (the list shows the total; pages are read with invoice.list).',
  ),
  'invoice.get': method<Invoice>()(idOnly, 'One invoice with its lines, payments, links and totals.'),
  'invoice.create': method<Invoice>()(invoiceCreateInput, 'Creates a draft (no number yet).'),
  'invoice.update': method<Invoice>()(invoiceUpdateInput, 'Changes a draft; issued invoices are immutable.'),
  'invoice.delete': method<{ id: string; deleted: true }>()(
    idOnly,
    'Deletes a draft (issued invoices are cancelled or credited instead).',
  ),
  'invoice.issue': method<Invoice>()(
    invoiceIssueInput,
    'Issues a draft: assigns the next gapless number of its series and freezes it.',
  ),
  'invoice.pay': method<Invoice>()(invoicePayInput, 'Records a (partial) payment.'),
  'invoice.voidPayment': method<Invoice>()(
    z.object({ id: ledgerId(), paymentId: ledgerId(), reason: requiredText(LIMITS.reason) }).strict(),
    'Voids a wrongly recorded payment (it stays on record, marked void).',
  ),
  'invoice.cancel': method<Invoice>()(
    z.object({ id: ledgerId(), reason: optionalText(LIMITS.reason) }).strict(),
    'Cancels an issued invoice that has no payments.',
  ),
  'invoice.credit': method<CreditResult>()(
    invoiceCreditInput,
    'Issues a credit note (own series) correcting an issued invoice: whole, by line (items) or with free lines.',
  ),
  'invoice.refund': method<Invoice>()(
    invoiceRefundInput,
    'Records money paid back to the customer on an invoice that received more than it asks for.',
  ),
  'invoice.voidRefund': method<Invoice>()(
    z.object({ id: ledgerId(), refundId: ledgerId(), reason: requiredText(LIMITS.reason) }).strict(),
    'Voids a wrongly recorded refund (it stays on record, marked void).',
  ),
  'invoice.history': method<HistoryEntry[]>()(idOnly, 'Every recorded change of an invoice, oldest first.'),
};
