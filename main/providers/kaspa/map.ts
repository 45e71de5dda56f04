/**
 * Kaspa Living Invoices payloads ↔ the ledger (../shared/providers/kaspa-living-invoices.md). Only the request
 * side is documented: the create and list answers are not, so everything here reads defensively (the invoice may
 * be the body, or under `invoice`/`data`; the total may be `amount.total` as in the webhook sample, or `total`)
 * and keeps the payload as received. Prices are fiat major units; only USD can be set.
 */
import type { Invoice } from '../../../shared/domain';
import { minorToMajorNumber } from '../../../shared/money';
import { IDENTITY_REFERENCE } from '../descriptor';
import { exactLines } from '../exact-lines';
import { minorOf } from '../major-amounts';
import { remoteItems, textOf } from '../remote-items';
import type { RemoteInvoice } from '../types';

export interface KaspaItem {
  description: string;
  unit_price: number;
  quantity: number;
}

export interface KaspaCreateBody {
  to_email: string;
  to_name: string;
  items: KaspaItem[];
  due_date?: string;
  notes: string;
  send: true;
}

/** The line of the notes that carries our number: how a lost create is found again in the list pages. */
export const kaspaNotesMarker = (number: string): string => `Invoice ${number}`;

/**
 * The create body. `send: true` puts the invoice straight into "pending" (the customer gets it); the notes carry
 * our number (there is no reference field) above the invoice's own notes.
 */
export function kaspaCreateBody(invoice: Invoice, reference: string, email: string): KaspaCreateBody {
  const body: KaspaCreateBody = {
    to_email: email,
    to_name: invoice.customer.name,
    items: exactLines(invoice).map((l) => ({
      description: l.description ? `${l.name} (${l.description})` : l.name,
      unit_price: minorToMajorNumber(l.unitPrice, invoice.currency),
      quantity: l.quantity,
    })),
    notes: [kaspaNotesMarker(reference), invoice.notes].filter(Boolean).join('\n\n'),
    send: true,
  };
  if (invoice.dueDate) body.due_date = invoice.dueDate;
  return body;
}

/** draft / pending / paid / overdue / cancelled. Overdue is still open (the ledger works out "overdue" itself). */
export function kaspaStatus(status: unknown): RemoteInvoice['status'] {
  switch (typeof status === 'string' ? status.toLowerCase() : null) {
    case 'draft':
      return 'draft';
    case 'pending':
    case 'overdue':
      return 'issued';
    case 'paid':
      return 'paid';
    case 'cancelled':
      return 'cancelled';
    default:
      return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const dateOnly = (v: unknown): string | null => {
  const s = str(v);
  return s !== null && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

/** The invoice object in an answer: the body itself, or under `invoice` / `data`. */
export function kaspaInvoiceOf(json: unknown): Record<string, unknown> | null {
  const j = obj(json);
  if (j === null) return null;
  for (const c of [j.invoice, j.data, j]) {
    const o = obj(c);
    if (o && (str(o.id) ?? str(o.invoice_id)) !== null) return o;
  }
  return null;
}

/** Our number as the notes carry it (the first line, "Invoice <number>"), when they do. */
export function kaspaReferenceIn(notes: unknown): string | null {
  const s = str(notes);
  const m = s === null ? null : /^Invoice (\S+)/.exec(s);
  return m ? (m[1] as string) : null;
}

/**
 * Maps one invoice (whatever envelope it came in); `raw` is the answer as received. `payUrlBase` is the account's
 * origin: the customer link is `<origin>/i/<id>` (documented on the public host; an override replaces the origin).
 */
export function kaspaToRemote(raw: unknown, payUrlBase: string): RemoteInvoice | null {
  const r = kaspaInvoiceOf(raw);
  if (r === null) return null;
  const id = (str(r.id) ?? str(r.invoice_id)) as string;
  const amount = obj(r.amount);
  const currency =
    [amount?.currency, r.currency].find((c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c)) ?? null;
  const total = minorOf(amount?.total ?? r.total ?? (typeof r.amount !== 'object' ? r.amount : undefined), currency);
  const status = kaspaStatus(r.status);
  const reference = str(r.reference) ?? kaspaReferenceIn(r.notes);
  const customer = obj(r.customer);
  const url = str(obj(raw)?.url) ?? str(r.url);
  return {
    provider: 'kaspa',
    remoteId: id,
    reference,
    ourNumber: reference === null ? null : IDENTITY_REFERENCE.decode(reference),
    remoteNumber: id,
    remoteStatus: typeof r.status === 'string' ? r.status : '',
    status,
    currency,
    total,
    amountPaid: status === 'paid' ? total : null,
    customerName: str(r.to_name) ?? (customer ? str(customer.name) : null),
    customerEmail: str(r.to_email) ?? (customer ? str(customer.email) : null),
    issueDate: null,
    dueDate: dateOnly(r.due_date),
    paidAt: str(r.paid_at),
    // The documented customer link; a URL the answer carries on our own host is taken as is.
    paymentUrl: url !== null && url.startsWith(`${payUrlBase}/`) ? url : `${payUrlBase}/i/${encodeURIComponent(id)}`,
    createdAt: str(r.created_at) ?? str(r.created),
    items:
      currency === null
        ? null
        : remoteItems(r.items, (it) => ({
            description: textOf(it.description),
            quantity: it.quantity ?? 1,
            unitPrice: minorOf(it.unit_price, currency),
          })),
    raw,
  };
}

/** The rows of a list page: an array, or under `invoices` / `data` / `items`. Null when there is none. */
export function kaspaRows(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  const j = obj(json);
  if (j === null) return null;
  for (const c of [j.invoices, j.data, j.items]) if (Array.isArray(c)) return c;
  return null;
}

/** Whether the page says there is another one; null when it does not say (then a full page means "maybe"). */
export function kaspaHasMore(json: unknown, page: number): boolean | null {
  const j = obj(json);
  if (j === null) return null;
  const p = obj(j.pagination) ?? j;
  if (typeof p.has_more === 'boolean') return p.has_more;
  if (typeof p.hasMore === 'boolean') return p.hasMore;
  const pages = typeof p.total_pages === 'number' ? p.total_pages : typeof p.pages === 'number' ? p.pages : null;
  return pages === null ? null : page < pages;
}

/** Kaspa documents no error body: the best text of `error` (string or object) or `message`. */
export function describeKaspaError(
  _status: number,
  json: unknown,
  text: string,
): { message: string | null; code: string | null } {
  const j = obj(json);
  if (j) {
    if (str(j.error)) return { message: j.error as string, code: str(j.code) };
    const e = obj(j.error);
    if (e && str(e.message)) return { message: e.message as string, code: str(e.code) };
    if (str(j.message)) return { message: j.message as string, code: str(j.code) };
  }
  const t = text.trim();
  return { message: t && t.length <= 200 && !t.startsWith('<') ? t : null, code: null };
}
