/**
 * The statuses and sorts an invoice list takes, without the schemas around them (so the CLI can name them in its
 * help without loading zod). shared/contract/invoices.ts builds the list input from these.
 */
import { INVOICE_STATUSES } from '../domain';

export const LIST_STATUSES = [...INVOICE_STATUSES, 'overdue'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const INVOICE_SORTS = ['createdAt', 'issueDate', 'dueDate', 'number', 'total'] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
