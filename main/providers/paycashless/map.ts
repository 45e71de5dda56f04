/**
 * Paycashless payloads ↔ the ledger. Paycashless amounts are integers in the smallest unit (kobo / cents), the same
 * as our minor units, so no conversion happens; the status is one enum (draft/open/partially_paid/paid/cancelled).
 */
import type { Address, Invoice } from '../../../shared/domain';
import { IDENTITY_REFERENCE } from '../descriptor';
import { exactLines } from '../exact-lines';
import { remoteItems, textOf } from '../remote-items';
import type { RemoteInvoice } from '../types';

/** Documented range of daysUntilDue: 0 < x ≤ 1800. */
export const MAX_DAYS_UNTIL_DUE = 1800;

export interface PaycashlessItem {
  name: string;
  quantity: number;
  description: string;
  /** Smallest currency unit. */
  price: number;
}

export interface PaycashlessCreateBody {
  reference: string;
  description: string;
  currency: string;
  customer: { name: string; email?: string; address?: string };
  items: PaycashlessItem[];
  acceptPartialPayments: boolean;
  sendEmail: boolean;
  autoFinalize: boolean;
  daysUntilDue?: number;
  metadata: Record<string, string>;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days from `today` (UTC date) to the due date; may be ≤ 0 for an invoice pushed late. */
export function daysUntil(dueDate: string, today: Date): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((due - start) / DAY_MS);
}

function addressText(a: Address): string {
  return [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
    .filter((p) => p && p.trim())
    .join(', ');
}

/**
 * The create body. `reference` is our invoice number, `autoFinalize` opens the invoice at once (Paycashless has no
 * later finalize call), tax travels as item lines (tax rates would need ids we cannot create), and Σ quantity ×
 * price = invoice.totals.total exactly.
 */
export function paycashlessCreateBody(
  invoice: Invoice,
  opts: { reference: string; sendEmail: boolean; today: Date },
): PaycashlessCreateBody {
  const customer: PaycashlessCreateBody['customer'] = { name: invoice.customer.name };
  if (invoice.customer.email) customer.email = invoice.customer.email;
  const address = addressText(invoice.customer.address);
  if (address) customer.address = address;
  const body: PaycashlessCreateBody = {
    reference: opts.reference,
    description: `Invoice ${invoice.number ?? ''}`,
    currency: invoice.currency,
    customer,
    items: exactLines(invoice).map((l) => ({
      name: l.name,
      quantity: l.quantity,
      description: l.description || l.name,
      price: l.unitPrice,
    })),
    acceptPartialPayments: false,
    sendEmail: opts.sendEmail,
    autoFinalize: true,
    metadata: { kassaInvoiceId: invoice.id },
  };
  if (invoice.dueDate) {
    // daysUntilDue must be > 0: a due date of today (or one already past, for an invoice pushed late) cannot be
    // expressed, and 1 would tell the customer "tomorrow". Such an invoice goes without a due date at Paycashless
    // rather than with a wrong one; the ledger keeps the real date. Beyond the documented 1800 days it is refused.
    const days = daysUntil(invoice.dueDate, opts.today);
    if (days >= 1) body.daysUntilDue = days;
  }
  return body;
}

export function paycashlessStatus(status: unknown): RemoteInvoice['status'] {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'open':
      return 'issued';
    case 'partially_paid':
      return 'partially_paid';
    case 'paid':
      return 'paid';
    case 'cancelled':
      return 'cancelled';
    default:
      return null; // Paycashless documents no overdue/expired status; anything new is kept raw, never guessed.
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const dateOnly = (v: unknown): string | null => {
  const s = str(v);
  return s !== null && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

export function isPaycashlessInvoice(raw: unknown): raw is Record<string, unknown> {
  return (
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && str((raw as Record<string, unknown>).id) !== null
  );
}

/** Maps one invoice object; `raw` is kept as received. Null when it is not one. */
export function paycashlessToRemote(raw: unknown): RemoteInvoice | null {
  if (!isPaycashlessInvoice(raw)) return null;
  const r = raw;
  const customer =
    typeof r.customer === 'object' && r.customer !== null ? (r.customer as Record<string, unknown>) : null;
  const reference = str(r.reference);
  return {
    provider: 'paycashless',
    remoteId: r.id as string,
    reference,
    ourNumber: reference === null ? null : IDENTITY_REFERENCE.decode(reference),
    remoteNumber: str(r.number),
    remoteStatus: typeof r.status === 'string' ? r.status : '',
    status: paycashlessStatus(r.status),
    currency: typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) ? r.currency : null,
    total: int(r.amountDue),
    amountPaid: int(r.amountPaid),
    customerName: customer ? str(customer.name) : null,
    customerEmail: customer ? str(customer.email) : null,
    issueDate: null,
    dueDate: dateOnly(r.dueDate),
    paidAt: str(r.paidAt),
    // Only the create answer carries it (per the docs); the ledger keeps the one it saw.
    paymentUrl: str(r.hostedInvoiceUrl),
    createdAt: str(r.createdAt),
    items: remoteItems(r.items, (it) => ({
      description: textOf(it.name) ?? textOf(it.description),
      quantity: it.quantity,
      unitPrice: int(it.price),
    })),
    raw,
  };
}

/** `{error:{type, code, message}}` → message and "type/code". */
export function describePaycashlessError(
  _status: number,
  json: unknown,
  text: string,
): { message: string | null; code: string | null } {
  if (typeof json === 'object' && json !== null) {
    const e = (json as Record<string, unknown>).error;
    if (typeof e === 'object' && e !== null) {
      const err = e as Record<string, unknown>;
      const type = str(err.type);
      const code = str(err.code);
      return { message: str(err.message), code: [type, code].filter(Boolean).join('/') || null };
    }
    const m = (json as Record<string, unknown>).message;
    if (typeof m === 'string') return { message: m, code: null };
  }
  const t = text.trim();
  return { message: t && t.length <= 200 && !t.startsWith('<') ? t : null, code: null };
}
