/**
 * Kashier payloads ↔ the ledger. Kashier amounts are major units (every documented sample; not stated outright),
 * its status is two fields (`paymentStatus` paid/unpaid + `state` submitted/draft/cancelled), and its envelope
 * varies by endpoint (see `unwrapKashier`). Pure functions; the adapter does the I/O.
 */
import type { AccountMode, Invoice } from '../../../shared/domain';
import { majorToMinor, minorToMajorNumber } from '../../../shared/money';
import { KASHIER_INFO } from '../../../shared/providers/kashier';
import { exactLines } from '../exact-lines';
import { remoteItems, textOf } from '../remote-items';
import type { RemoteInvoice } from '../types';
import { KASHIER_REFERENCE } from './reference';

export const KASHIER_CURRENCIES = KASHIER_INFO.capabilities.currencies;
export const KASHIER_SHARE_SUBDOMAIN = 'http://merchant.kashier.io/en/prepay';

export interface KashierItem {
  itemName: string;
  description: string;
  quantity: number;
  unitPrice: number;
  subTotal: number;
}

export interface KashierCreateBody {
  paymentType: 'professional';
  merchantId: string;
  customerName: string;
  description: string;
  invoiceReferenceId: string;
  dueDate?: string;
  isSuspendedPayment: boolean;
  state: 'submitted';
  /** Always 0: Kashier does not say whether `tax` is a rate or an amount, so tax travels as item lines. */
  tax: 0;
  totalAmount: number;
  invoiceItems: KashierItem[];
}

/** The create body for an issued invoice. Σ quantity × unitPrice = totalAmount = invoice.totals.total (major units). */
export function kashierCreateBody(invoice: Invoice, merchantId: string, reference: string): KashierCreateBody {
  const cur = invoice.currency;
  const number = invoice.number ?? '';
  const body: KashierCreateBody = {
    paymentType: 'professional',
    merchantId,
    customerName: invoice.customer.name,
    description: `Invoice ${number}`,
    invoiceReferenceId: reference,
    isSuspendedPayment: false, // never let Kashier close an invoice the ledger still expects to be paid
    state: 'submitted',
    tax: 0,
    totalAmount: minorToMajorNumber(invoice.totals.total, cur),
    invoiceItems: exactLines(invoice).map((l) => ({
      itemName: l.name,
      description: l.description,
      quantity: l.quantity,
      unitPrice: minorToMajorNumber(l.unitPrice, cur),
      subTotal: minorToMajorNumber(l.subTotal, cur),
    })),
  };
  if (invoice.dueDate) body.dueDate = invoice.dueDate;
  return body;
}

/**
 * paymentStatus "paid" wins (money arrived); otherwise the state decides. Anything else — including whatever an
 * expired invoice shows, which Kashier does not document — maps to null and is kept raw, never guessed.
 */
export function kashierStatus(paymentStatus: unknown, state: unknown): RemoteInvoice['status'] {
  if (paymentStatus === 'paid') return 'paid';
  if (paymentStatus !== 'unpaid') return null;
  switch (state) {
    case 'submitted':
      return 'issued';
    case 'draft':
      return 'draft';
    case 'cancelled':
      return 'cancelled';
    default:
      return null;
  }
}

/**
 * What the docs allow to be deleted: a payment request (`simple`) that is unpaid; an invoice (`professional`) that
 * is an unpaid draft. Orders are not described, so they are treated like invoices (the stricter rule).
 */
export function kashierDeletable(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  if (r.paymentStatus !== 'unpaid') return false;
  return r.paymentType === 'simple' || r.state === 'draft';
}

/**
 * The hosted payment page. OBSERVED, NOT DOCUMENTED: Kashier's "get invoice URL" endpoint has no path in its docs;
 * public clients build this URL directly, and the share endpoint's `subDomainUrl` matches it. The UI marks such
 * links as observed (capabilities.paymentUrlObserved).
 */
export function kashierPaymentUrl(paymentRequestId: string, mode: AccountMode): string | null {
  if (!/^(INV|PR)-[A-Za-z0-9-]+$/.test(paymentRequestId)) return null;
  return `https://merchant.kashier.io/en/prepay/${encodeURIComponent(paymentRequestId)}?mode=${mode}`;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

function dateOnly(v: unknown): string | null {
  const s = str(v);
  return s !== null && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

export function isKashierInvoice(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  return str(r.paymentRequestId) !== null || str(r._id) !== null;
}

/** Maps one Kashier paymentRequest object; `raw` is kept as received. Null when it is not one. */
export function kashierToRemote(raw: unknown, mode: AccountMode): RemoteInvoice | null {
  if (!isKashierInvoice(raw)) return null;
  const r = raw;
  const paymentRequestId = str(r.paymentRequestId);
  const remoteId = paymentRequestId ?? (str(r._id) as string);
  const currency = typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) ? r.currency : null;
  let total: number | null = null;
  if (currency !== null && (typeof r.totalAmount === 'number' || typeof r.totalAmount === 'string')) {
    try {
      total = majorToMinor(r.totalAmount, currency, 'totalAmount');
    } catch {
      total = null;
    }
  }
  const status = kashierStatus(r.paymentStatus, r.state);
  const reference = str(r.invoiceReferenceId);
  return {
    provider: 'kashier',
    remoteId,
    reference,
    ourNumber: reference === null ? null : KASHIER_REFERENCE.decode(reference),
    remoteNumber: paymentRequestId,
    // Both raw fields, verbatim: "<paymentStatus>/<state>".
    remoteStatus: `${str(r.paymentStatus) ?? ''}/${str(r.state) ?? ''}`,
    status,
    currency,
    total,
    // Kashier reports no paid amount; "paid" means paid in full.
    amountPaid: status === 'paid' ? total : null,
    customerName: str(r.customerName),
    customerEmail: null,
    issueDate: null,
    dueDate: dateOnly(r.dueDate),
    paidAt: null,
    paymentUrl: paymentRequestId ? kashierPaymentUrl(paymentRequestId, mode) : null,
    createdAt: str(r.creationDate),
    items:
      currency === null
        ? null
        : remoteItems(r.invoiceItems, (it) => ({
            description: textOf(it.itemName) ?? textOf(it.description),
            quantity: it.quantity,
            unitPrice:
              typeof it.unitPrice === 'number' || typeof it.unitPrice === 'string'
                ? majorToMinor(it.unitPrice, currency, 'unitPrice')
                : null,
          })),
    raw,
  };
}

export interface KashierEnvelope {
  ok: boolean;
  message: string | null;
  /** `response` (most endpoints), `body` (add-webhook), or the whole object (share's flat answer). */
  payload: unknown;
}

/**
 * Kashier's envelopes (section 3 of the notes): `{response, messages:{en,ar}, status:"SUCCESS"}` for most calls,
 * flat `{status:"SUCCESS", message}` for share, `{status:200, body}` for add-webhook. No error shape is documented,
 * so anything with a status other than SUCCESS/200 is a failure and the best available text is its message.
 */
export function unwrapKashier(json: unknown): KashierEnvelope {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, message: null, payload: json };
  const j = json as Record<string, unknown>;
  const status = j.status;
  const ok =
    status === undefined
      ? 'response' in j || 'body' in j
      : (typeof status === 'string' && ['SUCCESS', 'OK'].includes(status.toUpperCase())) || status === 200;
  const payload = 'response' in j ? j.response : 'body' in j ? j.body : j;
  return { ok, message: kashierMessage(j), payload };
}

export function kashierMessage(j: Record<string, unknown>): string | null {
  const messages = j.messages;
  if (typeof messages === 'object' && messages !== null) {
    const en = (messages as Record<string, unknown>).en;
    if (typeof en === 'string' && en) return en;
  }
  if (typeof j.message === 'string' && j.message) return j.message;
  if (typeof j.error === 'string' && j.error) return j.error;
  if (typeof j.error === 'object' && j.error !== null) {
    const m = (j.error as Record<string, unknown>).message;
    if (typeof m === 'string' && m) return m;
  }
  return null;
}

/** The invoices in a view/list/delete payload: `data` as documented (an array even for one), tolerating an object. */
export function kashierInvoices(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (typeof payload !== 'object' || payload === null) return [];
  const p = payload as Record<string, unknown>;
  if (Array.isArray(p.data)) return p.data;
  if (Array.isArray(p.docs)) return p.docs;
  if (isKashierInvoice(p.data)) return [p.data];
  if (isKashierInvoice(p)) return [p];
  return [];
}

export interface KashierPagination {
  hasNextPage: boolean | null;
  nextPage: number | null;
  totalPages: number | null;
}

export function kashierPagination(payload: unknown): KashierPagination | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = (payload as Record<string, unknown>).pagination;
  if (typeof p !== 'object' || p === null) return null;
  const g = p as Record<string, unknown>;
  return {
    hasNextPage: typeof g.hasNextPage === 'boolean' ? g.hasNextPage : null,
    nextPage: typeof g.nextPage === 'number' ? g.nextPage : null,
    totalPages: typeof g.totalPages === 'number' ? g.totalPages : null,
  };
}
