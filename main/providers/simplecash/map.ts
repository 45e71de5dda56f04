/**
 * SimpleCash payloads ↔ the ledger (../shared/providers/simplecash.md). Only the requests are documented: the
 * answers' field names and the status values are not. So the answer is read defensively (several plausible field
 * names, the payload kept verbatim) and the status is mapped by a small explicit table — paid, expired, pending,
 * in any case — that is a guess to confirm against a real answer; every other status is unknown (null), never paid.
 */
import type { Invoice } from '../../../shared/domain';
import { minorToMajorNumber } from '../../../shared/money';
import { simplecashTimeout, type SimplecashTimeout } from '../../../shared/providers/simplecash';
import { IDENTITY_REFERENCE } from '../descriptor';
import { minorOf } from '../major-amounts';
import type { RemoteInvoice } from '../types';

/** SimpleCash prices in USD only (documented); an answer without a currency is in USD. */
export const SIMPLECASH_CURRENCY = 'USD';
/** Documented: the amount must be greater than 0.25 USD. */
export const SIMPLECASH_MIN_EXCLUSIVE = 25;
const DESCRIPTION_MAX = 300;

export interface SimplecashCreateBody {
  amount: number;
  timeout: SimplecashTimeout;
  email: string;
  name: string;
  description?: string;
}

/** The invoice's name carries our number (the lookup-free reference a person searches for in the dashboard). */
export const simplecashName = (number: string): string => `Invoice ${number}`;

export function simplecashCreateBody(
  invoice: Invoice,
  reference: string,
  email: string,
  now: Date,
): SimplecashCreateBody {
  const body: SimplecashCreateBody = {
    amount: minorToMajorNumber(invoice.totals.total, invoice.currency),
    timeout: simplecashTimeout(invoice.dueDate, now),
    email,
    name: simplecashName(reference),
  };
  const lines = invoice.lines.map((l) => l.description).join(', ');
  const description = [invoice.customer.name, lines].filter(Boolean).join(': ');
  if (description) body.description = description.slice(0, DESCRIPTION_MAX);
  return body;
}

/** The guessed table (see above). */
export function simplecashStatus(status: unknown): RemoteInvoice['status'] {
  switch (typeof status === 'string' ? status.trim().toLowerCase() : null) {
    case 'paid':
      return 'paid';
    case 'expired':
      return 'expired';
    case 'pending':
      return 'issued';
    default:
      return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const first = (o: Record<string, unknown>, names: readonly string[]): unknown => {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
};
const UID_RE = /^[A-Za-z0-9_-]{6,128}$/;

/** The invoice object in an answer: the body, or under `invoice` / `data` / `result`. */
function invoiceObject(json: unknown): Record<string, unknown> | null {
  const j = obj(json);
  if (j === null) return null;
  for (const c of [j.invoice, j.data, j.result, j]) {
    const o = obj(c);
    if (o && typeof first(o, ['uid', 'id', 'invoice_uid', 'invoiceUid']) === 'string') return o;
  }
  return null;
}

/** The uid a create answered with: a field of the answer, or the answer itself when it is just the uid. */
export function simplecashUid(json: unknown): string | null {
  if (typeof json === 'string') return UID_RE.test(json.trim()) ? json.trim() : null;
  const o = invoiceObject(json);
  const uid = o ? str(first(o, ['uid', 'id', 'invoice_uid', 'invoiceUid'])) : null;
  return uid !== null && UID_RE.test(uid) ? uid : null;
}

/** Maps an invoice (create answer, get answer or list row); `raw` is kept as received. Null without a uid. */
export function simplecashToRemote(raw: unknown): RemoteInvoice | null {
  const uid = simplecashUid(raw);
  if (uid === null) return null;
  const o = invoiceObject(raw) ?? {};
  const statusValue = first(o, ['status', 'state', 'invoice_status']);
  const status = simplecashStatus(statusValue);
  const total = minorOf(first(o, ['amount', 'required_amount', 'amount_usd', 'price']), SIMPLECASH_CURRENCY);
  const name = str(first(o, ['name', 'title']));
  const reference = name !== null && name.startsWith('Invoice ') ? name.slice('Invoice '.length) : null;
  const created = str(first(o, ['created_at', 'creation_date', 'created', 'date']));
  return {
    provider: 'simplecash',
    remoteId: uid,
    reference,
    ourNumber: reference === null ? null : IDENTITY_REFERENCE.decode(reference),
    remoteNumber: null,
    remoteStatus: typeof statusValue === 'string' ? statusValue : '',
    status,
    currency: SIMPLECASH_CURRENCY,
    total,
    // Less than the full amount fails and is refunded (documented): "paid" is paid in full.
    amountPaid: status === 'paid' ? total : null,
    customerName: null,
    customerEmail: str(first(o, ['email', 'customer_email', 'payer_email'])),
    issueDate: null,
    dueDate: null,
    paidAt: str(first(o, ['paid_at', 'payment_date'])),
    // SimpleCash e-mails the invoice itself; no payment URL is documented.
    paymentUrl: null,
    createdAt: created,
    items: null,
    raw,
  };
}

/** The rows of a list answer: an array, or under `invoices` / `data` / `results`. */
export function simplecashRows(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  const j = obj(json);
  if (j === null) return null;
  for (const c of [j.invoices, j.data, j.results]) if (Array.isArray(c)) return c;
  return null;
}

/** Errors are not documented: `error`, `message` or `detail`, as text or inside an object. */
export function describeSimplecashError(
  _status: number,
  json: unknown,
  text: string,
): { message: string | null; code: string | null } {
  const j = obj(json);
  if (j) {
    for (const k of ['error', 'message', 'detail']) {
      if (str(j[k])) return { message: j[k] as string, code: str(j.code) };
      const e = obj(j[k]);
      if (e && str(e.message)) return { message: e.message as string, code: str(e.code) };
    }
  }
  const t = text.trim();
  return { message: t && t.length <= 200 && !t.startsWith('<') ? t : null, code: null };
}
