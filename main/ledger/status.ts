/**
 * Status rules in one place (used when money moves and by `kassa check`):
 * - fully credited with nothing paid → cancelled (the credit note is the cancellation document);
 * - received + credited ≥ total → paid (a negative balance means a refund is owed), where received is what was paid
 *   less what was paid back: a payment voided after a refund leaves the invoice owing again;
 * - something received → partially paid; otherwise issued (or still expired, when a provider expired it).
 * Drafts, explicitly cancelled invoices and credit notes keep their status.
 */
import type { InvoiceKind, InvoiceStatus } from '../../shared/domain';
import type { Minor } from '../../shared/money';

export function settledStatus(
  kind: InvoiceKind,
  current: InvoiceStatus,
  f: { total: Minor; paid: Minor; credited: Minor; refunded: Minor },
): InvoiceStatus {
  if (kind === 'credit_note' || current === 'draft' || current === 'cancelled') return current;
  if (f.total > 0 && f.credited >= f.total && f.paid === 0) return 'cancelled';
  const received = f.paid - f.refunded;
  if (received + f.credited >= f.total) return 'paid';
  if (received > 0) return 'partially_paid';
  return current === 'expired' ? 'expired' : 'issued';
}

export function isOverdue(kind: InvoiceKind, status: InvoiceStatus, dueDate: string | null, today: string): boolean {
  return (
    kind === 'invoice' && (status === 'issued' || status === 'partially_paid') && dueDate !== null && dueDate < today
  );
}

/** Statuses whose balance is still owed (dashboard "outstanding"). */
export const OPEN_STATUSES: readonly InvoiceStatus[] = ['issued', 'partially_paid', 'expired'];
