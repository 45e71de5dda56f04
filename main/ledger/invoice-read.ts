/**
 * Reading invoices: row → domain mapping, and loading any number of invoices with a fixed number of queries
 * (invoices, lines, payments, refunds, links, credit notes — one each, never one per invoice).
 */
import type { Database as Db } from 'better-sqlite3';
import type {
  CreditNoteSummary,
  CustomerSnapshot,
  Invoice,
  InvoiceDiscount,
  LineItem,
  Payment,
  ProviderLink,
  Refund,
} from '../../shared/domain';
import { notFound } from '../../shared/errors';
import { computeTotals } from '../../shared/totals';
import { isOverdue } from './status';
import { linksOf, mapLink } from './tables/invoice-links';
import {
  creditNotesOf,
  getInvoiceRow,
  invoiceRowsByIds,
  lineRowsOf,
  mapLine,
  type InvoiceRow,
} from './tables/invoices';
import { mapPayment, paymentsOf } from './tables/payments';
import { quotesOfInvoices } from './tables/quotes';
import { schedulesOfInvoices } from './tables/recurring';
import { mapRefund, refundsNaming, refundsOf } from './tables/refunds';
import { balanceOf } from '../../shared/settlement';
import { uncreditedQuantities } from '../../shared/line-picks';

export interface Related {
  lines: Map<string, LineItem[]>;
  payments: Map<string, Payment[]>;
  refunds: Map<string, Refund[]>;
  links: Map<string, ProviderLink[]>;
  creditNotes: Map<string, string[]>;
  /** invoice id → the recurring schedule that made it */
  recurring: Map<string, string>;
  /** invoice id → the quote it was converted from */
  quotes: Map<string, string>;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function loadRelated(db: Db, ids: readonly string[]): Related {
  const rel: Related = {
    lines: new Map(),
    payments: new Map(),
    refunds: new Map(),
    links: new Map(),
    creditNotes: new Map(),
    recurring: new Map(),
    quotes: new Map(),
  };
  if (ids.length === 0) return rel;
  rel.recurring = schedulesOfInvoices(db, ids);
  rel.quotes = quotesOfInvoices(db, ids);
  for (const r of lineRowsOf(db, ids)) push(rel.lines, r.invoice_id, mapLine(r));
  for (const r of paymentsOf(db, ids)) push(rel.payments, r.invoice_id, mapPayment(r));
  for (const r of refundsOf(db, ids)) push(rel.refunds, r.invoice_id, mapRefund(r));
  for (const r of linksOf(db, ids)) push(rel.links, r.invoice_id, mapLink(r));
  for (const r of creditNotesOf(db, ids)) push(rel.creditNotes, r.of, r.id);
  return rel;
}

export function mapInvoice(r: InvoiceRow, rel: Related, today: string): Invoice {
  const lines = rel.lines.get(r.id) ?? [];
  const discount = r.discount_json ? (JSON.parse(r.discount_json) as InvoiceDiscount) : null;
  const inv: Invoice = {
    id: r.id,
    kind: r.kind,
    number: r.number,
    series: r.series,
    status: r.status,
    overdue: isOverdue(r.kind, r.status, r.due_date, today),
    customerId: r.customer_id,
    customer: JSON.parse(r.customer_json) as CustomerSnapshot,
    currency: r.currency,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    lines,
    discount,
    totals: computeTotals(lines, discount),
    paid: r.paid,
    refunded: r.refunded,
    balance: balanceOf(r),
    correctsInvoiceId: r.corrects_invoice_id,
    credited: r.credited,
    payments: rel.payments.get(r.id) ?? [],
    refunds: rel.refunds.get(r.id) ?? [],
    creditNoteIds: rel.creditNotes.get(r.id) ?? [],
    links: rel.links.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    issuedAt: r.issued_at,
  };
  if (r.notes) inv.notes = r.notes;
  if (r.terms) inv.terms = r.terms;
  const recurringId = rel.recurring.get(r.id);
  if (recurringId) inv.recurringId = recurringId;
  const quoteId = rel.quotes.get(r.id);
  if (quoteId) inv.quoteId = quoteId;
  return inv;
}

export function mapInvoices(db: Db, rows: readonly InvoiceRow[], today: string): Invoice[] {
  const rel = loadRelated(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => mapInvoice(r, rel, today));
}

/** What is left of each line of an invoice after its credit notes (shared/line-picks.ts). */
export function uncreditedOf(db: Db, invoiceId: string, lines: readonly LineItem[]): string[] {
  const notes = creditNotesOf(db, [invoiceId]).map((n) => n.id);
  const byNote = new Map<string, LineItem[]>();
  if (notes.length > 0) for (const r of lineRowsOf(db, notes)) push(byNote, r.invoice_id, mapLine(r));
  return uncreditedQuantities(lines, [...byNote.values()]);
}

/** An issued invoice's credit notes with what the refunds naming each have paid out of it. */
function creditNotesSummary(db: Db, inv: Invoice, today: string): CreditNoteSummary[] {
  const ids = inv.creditNoteIds ?? [];
  if (ids.length === 0) return [];
  const notes = mapInvoices(db, invoiceRowsByIds(db, ids), today);
  const byId = new Map(notes.map((n) => [n.id, n]));
  return ids.flatMap((id) => {
    const n = byId.get(id);
    if (!n || n.status === 'draft') return [];
    const paidOut = (inv.refunds ?? [])
      .filter((r) => r.creditNoteId === id && r.voidedAt === null)
      .reduce((sum, r) => sum + r.amount, 0);
    return [{ id, number: n.number, issueDate: n.issueDate, total: n.totals.total, paidOut }];
  });
}

export function getInvoice(db: Db, id: string, today: string): Invoice {
  const [inv] = mapInvoices(db, [getInvoiceRow(db, id)], today);
  if (!inv) throw notFound('invoice', id);
  if (inv.kind === 'invoice' && inv.status !== 'draft') {
    inv.uncredited = uncreditedOf(db, id, inv.lines);
    inv.creditNotes = creditNotesSummary(db, inv, today);
  }
  if (inv.kind === 'credit_note') inv.payouts = refundsNaming(db, id).map(mapRefund);
  return inv;
}

export function getInvoices(db: Db, ids: readonly string[], today: string): Invoice[] {
  const rows = invoiceRowsByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return mapInvoices(
    db,
    ids.map((id) => byId.get(id)).filter((r): r is InvoiceRow => r !== undefined),
    today,
  );
}
