/**
 * Reading invoices: row → domain mapping, and loading any number of invoices with a fixed number of queries
 * (invoices, lines, payments, links, credit notes — one each, never one per invoice).
 */
import type { Database as Db } from 'better-sqlite3';
import type {
  CustomerSnapshot,
  Invoice,
  InvoiceDiscount,
  InvoiceKind,
  InvoiceStatus,
  LineItem,
  Payment,
  ProviderId,
  ProviderLink,
  VatCategory,
} from '../../shared/domain';
import { notFound } from '../../shared/errors';
import { computeTotals } from '../../shared/totals';
import { stmt } from './sql';
import { isOverdue } from './status';

export const INVOICE_COLUMNS =
  'id, kind, status, series, number, customer_id, customer_json, currency, issue_date, due_date, notes, terms, discount_json, ' +
  'lines_net, allowance_total, tax_total, total, paid, credited, corrects_invoice_id, created_at, updated_at, issued_at';

export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  series: string | null;
  number: string | null;
  customer_id: string | null;
  customer_json: string;
  currency: string;
  issue_date: string | null;
  due_date: string | null;
  notes: string | null;
  terms: string | null;
  discount_json: string | null;
  lines_net: number;
  allowance_total: number;
  tax_total: number;
  total: number;
  paid: number;
  credited: number;
  corrects_invoice_id: string | null;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
}

export interface LineRow {
  invoice_id: string;
  position: number;
  description: string;
  quantity: string;
  unit_code: string;
  unit_price: number;
  discount: number;
  tax_rate: string;
  tax_category: VatCategory;
  exemption_reason: string | null;
  net: number;
}

export interface PaymentRow {
  id: string;
  invoice_id: string;
  date: string;
  amount: number;
  method: string;
  note: string | null;
  source: 'manual' | 'provider';
  voided_at: string | null;
  void_reason: string | null;
}

export interface LinkRow {
  invoice_id: string;
  account_id: string;
  provider: ProviderId;
  remote_id: string | null;
  reference: string;
  remote_status: string | null;
  payment_url: string | null;
  payment_url_observed: number;
  last_synced_at: string | null;
}

const IDS = `(SELECT value FROM json_each(?))`;
export const LINES_SQL = `SELECT invoice_id, position, description, quantity, unit_code, unit_price, discount, tax_rate, tax_category, exemption_reason, net
  FROM invoice_lines WHERE invoice_id IN ${IDS} ORDER BY invoice_id, position`;
export const PAYMENTS_SQL = `SELECT id, invoice_id, date, amount, method, note, source, voided_at, void_reason
  FROM payments WHERE invoice_id IN ${IDS} ORDER BY invoice_id, date, id`;
export const LINKS_SQL = `SELECT l.invoice_id, l.account_id, a.provider, l.remote_id, l.reference, l.remote_status, l.payment_url,
  l.payment_url_observed, l.last_synced_at
  FROM invoice_links l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id IN ${IDS} ORDER BY l.invoice_id, l.account_id`;
export const CREDIT_NOTES_SQL = `SELECT corrects_invoice_id AS of, id FROM invoices WHERE corrects_invoice_id IN ${IDS} ORDER BY seq`;

export function mapLine(r: LineRow): LineItem {
  const l: LineItem = {
    description: r.description,
    quantity: r.quantity,
    unitCode: r.unit_code,
    unitPrice: r.unit_price,
    taxRate: r.tax_rate,
    taxCategory: r.tax_category,
  };
  if (r.discount) l.discount = r.discount;
  if (r.exemption_reason) l.exemptionReason = r.exemption_reason;
  return l;
}

export function mapPayment(r: PaymentRow): Payment {
  const p: Payment = {
    id: r.id,
    date: r.date,
    amount: r.amount,
    method: r.method,
    source: r.source,
    voidedAt: r.voided_at,
  };
  if (r.note) p.note = r.note;
  if (r.void_reason) p.voidReason = r.void_reason;
  return p;
}

export function mapLink(r: LinkRow): ProviderLink & { accountId: string } {
  return {
    accountId: r.account_id,
    provider: r.provider,
    remoteId: r.remote_id,
    reference: r.reference,
    remoteStatus: r.remote_status,
    paymentUrl: r.payment_url,
    paymentUrlObserved: r.payment_url_observed === 1,
    lastSyncedAt: r.last_synced_at,
  };
}

export interface Related {
  lines: Map<string, LineItem[]>;
  payments: Map<string, Payment[]>;
  links: Map<string, ProviderLink[]>;
  creditNotes: Map<string, string[]>;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function loadRelated(db: Db, ids: readonly string[]): Related {
  const rel: Related = { lines: new Map(), payments: new Map(), links: new Map(), creditNotes: new Map() };
  if (ids.length === 0) return rel;
  const json = JSON.stringify(ids);
  for (const r of stmt<LineRow>(db, LINES_SQL).all(json)) push(rel.lines, r.invoice_id, mapLine(r));
  for (const r of stmt<PaymentRow>(db, PAYMENTS_SQL).all(json)) push(rel.payments, r.invoice_id, mapPayment(r));
  for (const r of stmt<LinkRow>(db, LINKS_SQL).all(json)) push(rel.links, r.invoice_id, mapLink(r));
  for (const r of stmt<{ of: string; id: string }>(db, CREDIT_NOTES_SQL).all(json)) push(rel.creditNotes, r.of, r.id);
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
    balance: r.total - r.paid - r.credited,
    correctsInvoiceId: r.corrects_invoice_id,
    credited: r.credited,
    payments: rel.payments.get(r.id) ?? [],
    creditNoteIds: rel.creditNotes.get(r.id) ?? [],
    links: rel.links.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    issuedAt: r.issued_at,
  };
  if (r.notes) inv.notes = r.notes;
  if (r.terms) inv.terms = r.terms;
  return inv;
}

export function mapInvoices(db: Db, rows: readonly InvoiceRow[], today: string): Invoice[] {
  const rel = loadRelated(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => mapInvoice(r, rel, today));
}

export function findInvoiceRow(db: Db, id: string): InvoiceRow | undefined {
  return stmt<InvoiceRow>(db, `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id = ?`).get(id);
}

export function getInvoiceRow(db: Db, id: string): InvoiceRow {
  const r = findInvoiceRow(db, id);
  if (!r) throw notFound('invoice', id);
  return r;
}

export function getInvoice(db: Db, id: string, today: string): Invoice {
  const [inv] = mapInvoices(db, [getInvoiceRow(db, id)], today);
  if (!inv) throw notFound('invoice', id);
  return inv;
}

export function getInvoices(db: Db, ids: readonly string[], today: string): Invoice[] {
  const rows = stmt<InvoiceRow>(db, `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id IN ${IDS}`).all(
    JSON.stringify(ids),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return mapInvoices(
    db,
    ids.map((id) => byId.get(id)).filter((r): r is InvoiceRow => r !== undefined),
    today,
  );
}
