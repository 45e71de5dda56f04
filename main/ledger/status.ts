/**
 * Status rules in one place (used when money moves and by `kassa check`):
 * - fully credited with nothing paid → cancelled (the credit note is the cancellation document);
 * - paid + credited ≥ total → paid (a negative balance means a refund is owed);
 * - something paid → partially paid; otherwise issued (or still expired, when a provider expired it).
 * Drafts, explicitly cancelled invoices and credit notes keep their status.
 */
import type { InvoiceKind, InvoiceStatus } from '../../shared/domain';
import type { Minor } from '../../shared/money';

export function settledStatus(
  kind: InvoiceKind,
  current: InvoiceStatus,
  total: Minor,
  paid: Minor,
  credited: Minor,
): InvoiceStatus {
  if (kind === 'credit_note' || current === 'draft' || current === 'cancelled') return current;
  if (total > 0 && credited >= total && paid === 0) return 'cancelled';
  if (paid + credited >= total) return 'paid';
  if (paid > 0) return 'partially_paid';
  return current === 'expired' ? 'expired' : 'issued';
}

export function isOverdue(kind: InvoiceKind, status: InvoiceStatus, dueDate: string | null, today: string): boolean {
  return (
    kind === 'invoice' && (status === 'issued' || status === 'partially_paid') && dueDate !== null && dueDate < today
  );
}

/** Statuses whose balance is still owed (dashboard "outstanding"). */
export const OPEN_STATUSES: readonly InvoiceStatus[] = ['issued', 'partially_paid', 'expired'];
