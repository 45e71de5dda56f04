/**
 * What an invoice still asks for, in one place: the screen, the PDF, the CSV, the dashboard and `kassa check`
 * all call `balanceOf` (the ledger registers it in SQLite as `kassa_balance` so aggregates use it too).
 *
 *   balance = total − credited − paid + refunded
 *
 * Credit notes lower what is owed (`credited`), payments are money received, refunds money paid back. A
 * negative balance is money the business owes the customer (an overpayment, or a paid invoice credited
 * afterwards) until a refund settles it to zero. A credit note owes nothing itself: its total is a credit
 * applied to the invoice it corrects. A cancelled invoice owes nothing either.
 */
import type { CreditNoteSummary, InvoiceKind, InvoiceStatus } from './domain';
import type { Minor } from './money';

export interface SettlementFigures {
  kind: InvoiceKind;
  status: InvoiceStatus;
  total: Minor;
  paid: Minor;
  credited: Minor;
  refunded: Minor;
}

export function balanceOf(f: SettlementFigures): Minor {
  if (f.kind === 'credit_note' || f.status === 'cancelled') return 0;
  return f.total - f.credited - f.paid + f.refunded;
}

/** How much may still be paid back: the part of the balance that is owed to the customer. */
export function refundableOf(f: SettlementFigures): Minor {
  return Math.max(0, -balanceOf(f));
}

/**
 * The credit note a refund most likely pays out: the newest one that refunds have not yet paid out in full (a paid
 * invoice credited afterwards owes that credit back). None when every credit note is paid out or there is none
 * (the amount owed back is then an overpayment).
 */
export function creditNoteOwedBack(notes: readonly CreditNoteSummary[]): string | null {
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i]!;
    if (n.total - n.paidOut > 0) return n.id;
  }
  return null;
}

/**
 * The document's amount as the reader should see it: a credit note's total is a credit (negative), an
 * invoice's total is what it charges.
 */
export function signedTotal(kind: InvoiceKind, total: Minor): Minor {
  return kind === 'credit_note' ? -total : total;
}
