/**
 * KashIO payloads ↔ the ledger (../shared/providers/kashio.md, Spanish versions). Amounts are major units with two
 * decimals; statuses come in any case and `new`/`pending` both mean open; timestamps carry no time zone (a `T` or
 * a space between date and time). Pure functions; the adapter does the I/O.
 */
import type { Invoice } from '../../../shared/domain';
import { minorToMajorNumber } from '../../../shared/money';
import { IDENTITY_REFERENCE } from '../descriptor';
import { minorOf } from '../major-amounts';
import type { RemoteInvoice } from '../types';

/** KashIO sends amounts with two decimals whatever the currency. */
export const KASHIO_DECIMALS = 2;
const E164_RE = /^\+[1-9]\d{6,14}$/;

export interface KashioCustomer {
  name: string;
  email?: string;
  phone?: string;
  external_id?: string;
}

export interface KashioCreateBody {
  customer: KashioCustomer;
  request_datetime: string;
  currency: string;
  amount: number;
  invoice_id: string;
  due_datetime?: string;
  metadata: Record<string, string>;
}

/** `yyyy-MM-ddThh:mm:ss` in UTC: the documented format has no zone. */
export function kashioDateTime(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/**
 * The create body. `invoice_id` is our number (KashIO's own "your reference"); the due date travels as
 * `due_datetime` and no `expiration_datetime` is set, so KashIO never closes an invoice the ledger still expects
 * to be paid (an expired payment order can no longer be paid).
 */
export function kashioCreateBody(invoice: Invoice, reference: string, now: Date): KashioCreateBody {
  const customer: KashioCustomer = { name: invoice.customer.name };
  if (invoice.customer.email) customer.email = invoice.customer.email;
  if (invoice.customer.phone && E164_RE.test(invoice.customer.phone)) customer.phone = invoice.customer.phone;
  if (invoice.customerId) customer.external_id = invoice.customerId;
  const body: KashioCreateBody = {
    customer,
    request_datetime: kashioDateTime(now),
    currency: invoice.currency,
    amount: minorToMajorNumber(invoice.totals.total, invoice.currency),
    invoice_id: reference,
    metadata: { kassa_invoice_id: invoice.id },
  };
  if (invoice.dueDate) body.due_datetime = `${invoice.dueDate}T23:59:59`;
  return body;
}

/** Case-insensitive; `new` and `pending` are both an open order. Anything else is kept raw, never guessed. */
export function kashioStatus(status: unknown): RemoteInvoice['status'] {
  if (typeof status !== 'string') return null;
  switch (status.trim().toLowerCase()) {
    case 'new':
    case 'pending':
      return 'issued';
    case 'paid':
      return 'paid';
    case 'expired':
      return 'expired';
    case 'voided':
      return 'cancelled';
    default:
      return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The date part of a zone-less KashIO timestamp ("2020-06-07T10:00:00" or "2020-06-07 10:00:00"). */
function dateOnly(v: unknown): string | null {
  const s = str(v);
  return s !== null && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

export function isKashioInvoice(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  return str(r.id) !== null && (r.object === undefined || r.object === 'invoice');
}

/** Maps one invoice object; `raw` is kept as received. Null when it is not one. */
export function kashioToRemote(raw: unknown): RemoteInvoice | null {
  if (!isKashioInvoice(raw)) return null;
  const r = raw;
  const currency = typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) ? r.currency : null;
  const total = minorOf(r.amount, currency);
  const status = kashioStatus(r.status);
  const customer =
    typeof r.customer === 'object' && r.customer !== null ? (r.customer as Record<string, unknown>) : null;
  const reference = str(r.invoice_id);
  return {
    provider: 'kashio',
    remoteId: r.id as string,
    reference,
    ourNumber: reference === null ? null : IDENTITY_REFERENCE.decode(reference),
    // The code the payer uses to pay at banks and agents is KashIO's own number for the order.
    remoteNumber: str(r.ktin),
    remoteStatus: typeof r.status === 'string' ? r.status : '',
    status,
    currency,
    total,
    // KashIO documents no partial payment: "paid" is paid in full.
    amountPaid: status === 'paid' ? total : null,
    customerName: customer ? str(customer.name) : null,
    customerEmail: customer ? str(customer.email) : null,
    issueDate: null,
    dueDate: dateOnly(r.due_datetime) ?? dateOnly(r.expiration_datetime),
    paidAt: null,
    paymentUrl: null,
    createdAt: str(r.created),
    items: null,
    raw,
  };
}

/** `{object:"list", has_more, data}` (invoices and events alike). */
export function kashioList(json: unknown): { rows: unknown[]; hasMore: boolean } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const j = json as Record<string, unknown>;
  if (!Array.isArray(j.data)) return null;
  return { rows: j.data, hasMore: j.has_more === true };
}

/** The invoice an event carries (`data.invoice`), for the events the ledger cares about. */
export function kashioEventInvoice(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.type !== 'string' || !e.type.toLowerCase().startsWith('invoice.')) return null;
  const data = typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : null;
  return data?.invoice ?? null;
}

/**
 * KashIO documents no error shape beyond "Error[]": read a message from `error[].message`, `error.message`,
 * `errors[]`, or a top-level `message`, whichever is there.
 */
export function describeKashioError(
  _status: number,
  json: unknown,
  text: string,
): { message: string | null; code: string | null } {
  if (typeof json === 'object' && json !== null) {
    const j = json as Record<string, unknown>;
    const list = Array.isArray(j.error) ? j.error : Array.isArray(j.errors) ? j.errors : j.error ? [j.error] : [];
    for (const e of list) {
      if (typeof e === 'string' && e) return { message: e, code: null };
      if (typeof e === 'object' && e !== null) {
        const o = e as Record<string, unknown>;
        const m = str(o.message) ?? str(o.description);
        if (m) return { message: m, code: str(o.code) };
      }
    }
    if (str(j.message)) return { message: j.message as string, code: str(j.code) };
  }
  const t = text.trim();
  return { message: t && t.length <= 200 && !t.startsWith('<') ? t : null, code: null };
}
