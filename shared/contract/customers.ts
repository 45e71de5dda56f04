/** Customers: the people and companies invoices are addressed to. */
import { z } from 'zod';
import type { Customer } from '../domain';
import { LANGUAGES } from '../i18n/languages';
import type { Message } from '../i18n/params';
import { method } from './define';
import { says } from './validation';
import {
  LIMITS,
  address,
  email,
  ledgerId,
  optionalText,
  pageCursor,
  pageOffset,
  cursorOrOffset,
  phone,
  requiredText,
  text,
  wholeNumber,
} from './fields';
import { checkPhone } from './phone-check';

const customerFields = {
  name: requiredText(LIMITS.name),
  email,
  phone,
  address: address.optional(),
  taxId: optionalText(LIMITS.taxId),
  vatId: optionalText(LIMITS.taxId),
  notes: optionalText(LIMITS.customerNotes, { lines: true }),
  /** The language of their documents (PDF, e-mails, reminders); null: the business's. */
  language: z.enum(LANGUAGES).nullable().optional(),
};

export const customerCreateInput = z
  .object(customerFields)
  .strict()
  .superRefine((v, ctx) => checkPhone(v, ctx, { countryKnown: true }));
export const customerUpdateInput = z
  .object({ id: ledgerId(), ...customerFields, name: customerFields.name.optional() })
  .strict()
  .superRefine((v, ctx) => checkPhone(v, ctx, { countryKnown: false }));
export type CustomerCreateInput = z.output<typeof customerCreateInput>;
export type CustomerUpdateInput = z.output<typeof customerUpdateInput>;

const customerFilterFields = {
  /** Matches name, email, phone, tax and VAT ids (case- and accent-insensitive). */
  q: text(LIMITS.search).optional(),
};

export const customerListInput = cursorOrOffset(
  z
    .object({
      ...customerFilterFields,
      limit: wholeNumber().min(1).max(500).default(50),
      cursor: pageCursor().optional(),
      offset: pageOffset(),
    })
    .strict(),
);
export type CustomerListInput = z.output<typeof customerListInput>;

export interface CustomerPage {
  items: Customer[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface ImportRowError {
  /** 1-based line of the CSV file (the header is line 1). */
  row: number;
  field: string | null;
  /** What is wrong, as a catalogue message (shown in the reader's language). */
  problem: Message;
  /** The same in English, for scripts. */
  message: string;
}

/** A value the import stores differently from the file (so nothing changes without being said). */
export interface ImportChange {
  /** 1-based line of the CSV file. */
  row: number;
  field: string;
  /** `trimmed`: spaces around it removed; `reformatted`: written the standard way (E.164 phone, upper-case country). */
  change: 'trimmed' | 'reformatted';
  from: string;
  to: string;
}

export interface CustomerImportReport {
  /** True when every row was valid and (unless dryRun) all rows were written in one transaction. */
  ok: boolean;
  dryRun: boolean;
  rows: number;
  imported: number;
  ids: string[];
  /** Per-row problems; when non-empty nothing was written. At most 200 are listed. */
  errors: ImportRowError[];
  errorCount: number;
  /** Every cell stored differently from the file (at most 200 listed). */
  changes: ImportChange[];
  changeCount: number;
}

/** Columns a customer CSV may have (header names, case-insensitive; "-" and spaces count as "_"). */
export const CUSTOMER_CSV_COLUMNS = [
  'name',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'city',
  'postal_code',
  'region',
  'country',
  'tax_id',
  'vat_id',
  'notes',
  /** The language of the customer's documents: en, ar or es (empty: the business's). */
  'language',
] as const;

export const customerMethods = {
  'customer.list': method<CustomerPage>()(
    customerListInput,
    'Customers sorted by name, optionally filtered by a search text, one page at a time.',
  ),
  'customer.count': method<{ count: number }>()(
    z.object(customerFilterFields).strict(),
    'How many customers match the search text (the list shows the total; pages are read with customer.list).',
  ),
  'customer.get': method<Customer>()(z.object({ id: ledgerId() }).strict(), 'One customer.'),
  'customer.create': method<Customer>()(customerCreateInput, 'Creates a customer.'),
  'customer.update': method<Customer>()(
    customerUpdateInput,
    'Changes a customer (absent fields are kept; "" or null clears one). Drafts follow; issued invoices keep their snapshot.',
  ),
  'customer.import': method<CustomerImportReport>()(
    z
      .object({
        /** The CSV as text (already decoded by the caller). */
        csv: z.string().max(LIMITS.csv).optional(),
        /** Or the file's bytes, base64: read as UTF-8 (with or without BOM); any other encoding is refused. */
        csvBytes: z
          .string()
          .max(Math.ceil(LIMITS.csv / 3) * 4, { error: says('validation.too_long') })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: says('validation.base64') })
          .optional(),
        dryRun: z.boolean().default(false),
      })
      .strict()
      .refine((v) => (v.csv === undefined) !== (v.csvBytes === undefined), {
        error: says('validation.csv_one_source'),
        path: ['csv'],
      }),
    'Imports customers from CSV (text, or the file bytes) with a header row; all rows or none, with a per-row error report and every value the import changed.',
  ),
};
