/**
 * Quotes (estimates): numbered in their own series (QUO-YYYY-NNNN), valid until a date, accepted or declined by the
 * customer, and converted — all lines or some — into a draft invoice that links back to the quote.
 */
import { z } from 'zod';
import type { CustomerSnapshot, Invoice, InvoiceDiscount, LineItem, Totals } from '../domain';
import { event, method } from './define';
import type { PdfPreviewResult, PdfRenderResult } from './pdf';
import {
  addProblem,
  currencyCode,
  filePath,
  isoDate,
  ledgerId,
  LIMITS,
  optionalText,
  pageCursor,
  pageOffset,
  cursorOrOffset,
  quantity,
  wholeNumber,
} from './fields';
import { discountInput, lineInput } from './invoices';

export const STORED_QUOTE_STATUSES = ['open', 'accepted', 'declined'] as const;
export type StoredQuoteStatus = (typeof STORED_QUOTE_STATUSES)[number];
/** open: waiting for the customer; expired: still open past its valid-until date (read, never stored). */
export const QUOTE_STATUSES = [...STORED_QUOTE_STATUSES, 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Days a quote stays valid when it does not say. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

export interface Quote {
  id: string;
  number: string;
  status: QuoteStatus;
  customerId: string;
  /** The customer as the quote was made for them. */
  customer: CustomerSnapshot;
  currency: string;
  issueDate: string;
  validUntil: string;
  notes?: string;
  terms?: string;
  lines: LineItem[];
  discount: InvoiceDiscount | null;
  totals: Totals;
  /** The invoice the quote was converted to (null until converted, or when that draft was deleted). */
  invoiceId: string | null;
  /** When it was accepted or declined. */
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const quoteCreateInput = z
  .object({
    customerId: ledgerId(),
    currency: currencyCode.optional(),
    /** The quote's date (its number's year); default today, never in the future. */
    issueDate: isoDate().optional(),
    /** Default: the quote's date + 30 days. */
    validUntil: isoDate().optional(),
    notes: optionalText(LIMITS.invoiceNotes),
    terms: optionalText(LIMITS.terms),
    lines: z.array(lineInput).min(1).max(LIMITS.lines),
    discount: discountInput.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.issueDate && v.validUntil && v.validUntil < v.issueDate)
      addProblem(ctx, { key: 'validation.valid_until_before_date' }, ['validUntil']);
  });
export type QuoteCreateInput = z.output<typeof quoteCreateInput>;

const quoteFilterFields = {
  status: z.array(z.enum(QUOTE_STATUSES)).max(QUOTE_STATUSES.length).optional(),
  customerId: ledgerId().optional(),
};

export const quoteListInput = cursorOrOffset(
  z
    .object({
      ...quoteFilterFields,
      limit: wholeNumber().min(1).max(200).default(50),
      cursor: pageCursor().optional(),
      offset: pageOffset(),
    })
    .strict(),
);
export type QuoteListInput = z.output<typeof quoteListInput>;

export interface QuotePage {
  items: Quote[];
  nextCursor: string | null;
}

/** One line of the quote to put on the invoice (numbered from 1 as shown), all of it or part of its quantity. */
export const quoteItemInput = z
  .object({
    line: wholeNumber().min(1).max(LIMITS.lines),
    quantity: quantity.optional(),
  })
  .strict();

export const quoteConvertInput = z
  .object({
    id: ledgerId(),
    /** The lines to invoice; omitted = every line, exactly as quoted. */
    items: z.array(quoteItemInput).min(1).max(LIMITS.lines).optional(),
  })
  .strict();
export type QuoteConvertInput = z.output<typeof quoteConvertInput>;

export interface QuoteConversion {
  quote: Quote;
  /** The draft invoice made from it (the user issues it). */
  invoice: Invoice;
}

const idOnly = z.object({ id: ledgerId() }).strict();

export const quoteMethods = {
  'quote.create': method<Quote>()(
    quoteCreateInput,
    'Makes a quote: the next number of the QUO series, valid until a date, for a customer.',
  ),
  'quote.list': method<QuotePage>()(quoteListInput, 'Quotes, newest number first, one page at a time.'),
  'quote.count': method<{ count: number }>()(
    z.object(quoteFilterFields).strict(),
    'How many quotes match the filters (the list shows the total; pages are read with quote.list).',
  ),
  'quote.get': method<Quote>()(idOnly, 'One quote with its lines and totals.'),
  'quote.accept': method<Quote>()(idOnly, 'Records that the customer accepted an open quote.'),
  'quote.decline': method<Quote>()(idOnly, 'Records that the customer declined the quote.'),
  'quote.pdf': method<PdfRenderResult>()(
    z.object({ id: ledgerId(), file: filePath().optional() }).strict(),
    'Writes the quote as a PDF/A-3b file ("QUOTE" in the document\'s language); only the CLI may choose the path.',
  ),
  'quote.preview': method<PdfPreviewResult>()(idOnly, 'The quote PDF as base64, for the preview.'),
  'quote.convert': method<QuoteConversion>()(
    quoteConvertInput,
    'Makes a draft invoice from an open or accepted quote (all lines, or some); declined and expired quotes cannot be converted.',
  ),
};

export const quoteEvents = {
  'quotes.changed': event<{ id?: string }>('A quote was made, decided or converted; quote screens refresh.'),
};
