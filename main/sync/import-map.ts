/**
 * A remote invoice that Kassa did not create becomes a ledger invoice in the account's external series. The ledger
 * needs lines whose totals equal the provider's amount to the minor unit: the provider's own items are used when they
 * add up exactly; otherwise one line carries the whole amount. Providers do not tell us a VAT breakdown we could
 * trust, so imported lines carry category O (outside the scope of our VAT) with a reason saying the amounts are the
 * provider's, tax included — the provider's payload stays on the link for anyone who needs more.
 */
import { isIsoDate } from '../../shared/contract/dates';
import type { ProviderAccount } from '../../shared/domain';
import { invalid } from '../../shared/errors';
import { isSupportedCurrency, majorToMinor } from '../../shared/money';
import { computeTotals } from '../../shared/totals';
import type { StoredLine } from '../ledger/drafts';
import type { ExternalInvoice } from '../ledger/imports';
import { PROVIDER_NAMES } from '../providers/http-errors';
import type { RemoteInvoice } from '../providers/types';

const QTY_RE = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,3})?$/;

function quantityText(q: unknown): string | null {
  const s = typeof q === 'number' && Number.isFinite(q) ? String(q) : typeof q === 'string' ? q.trim() : null;
  return s !== null && QTY_RE.test(s) && Number(s) > 0 ? s : null;
}

function text(v: unknown, max: number): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;
}

/** The provider's items as ledger lines (amounts in minor units), or null when they are missing or unreadable. */
function itemLines(remote: RemoteInvoice, currency: string, reason: string): StoredLine[] | null {
  const raw = remote.raw;
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const items = remote.provider === 'kashier' ? r.invoiceItems : remote.provider === 'paycashless' ? r.items : null;
  if (!Array.isArray(items) || items.length === 0 || items.length > 500) return null;
  const lines: StoredLine[] = [];
  for (const it of items) {
    if (typeof it !== 'object' || it === null) return null;
    const o = it as Record<string, unknown>;
    const quantity = quantityText(o.quantity);
    let unitPrice: number | null = null;
    try {
      if (remote.provider === 'paycashless' && typeof o.price === 'number' && Number.isSafeInteger(o.price))
        unitPrice = o.price;
      if (remote.provider === 'kashier' && (typeof o.unitPrice === 'number' || typeof o.unitPrice === 'string'))
        unitPrice = majorToMinor(o.unitPrice, currency, 'unitPrice');
    } catch {
      unitPrice = null;
    }
    if (quantity === null || unitPrice === null || unitPrice < 0) return null;
    const description = text(o.itemName, 1000) ?? text(o.name, 1000) ?? text(o.description, 1000) ?? 'Item';
    lines.push({
      description,
      quantity,
      unitCode: 'C62',
      unitPrice,
      taxRate: '0',
      taxCategory: 'O',
      exemptionReason: reason,
    });
  }
  return lines;
}

export function toExternalInvoice(
  account: ProviderAccount,
  remote: RemoteInvoice,
  o: { reference: string; today: string; paymentUrlObserved: boolean },
): ExternalInvoice {
  const { reference, today } = o;
  const name = PROVIDER_NAMES[account.provider];
  const currency = remote.currency;
  if (currency === null || !isSupportedCurrency(currency))
    throw invalid(
      'remote_currency_unknown',
      `${name} invoice ${remote.remoteId} has no currency Kassa knows.`,
      'currency',
    );
  if (remote.total === null || remote.total <= 0)
    throw invalid('remote_amount_unknown', `${name} invoice ${remote.remoteId} has no positive amount.`, 'total');
  const reason = `Imported from ${name}: amounts as ${name} holds them, tax (if any) included.`;
  let lines = itemLines(remote, currency, reason);
  if (lines === null || computeTotals(lines, null).total !== remote.total) {
    lines = [
      {
        description: `${name} invoice ${remote.remoteNumber ?? remote.remoteId}`,
        quantity: '1',
        unitCode: 'C62',
        unitPrice: remote.total,
        taxRate: '0',
        taxCategory: 'O',
        exemptionReason: reason,
      },
    ];
  }
  const created = remote.createdAt && isIsoDate(remote.createdAt.slice(0, 10)) ? remote.createdAt.slice(0, 10) : null;
  let issueDate = remote.issueDate && isIsoDate(remote.issueDate) ? remote.issueDate : (created ?? today);
  if (issueDate > today) issueDate = today;
  const dueDate = remote.dueDate && isIsoDate(remote.dueDate) && remote.dueDate >= issueDate ? remote.dueDate : null;
  const customerName = remote.customerName?.trim() || `${name} customer`;
  const x: ExternalInvoice = {
    accountId: account.id,
    remoteId: remote.remoteId,
    number: (remote.remoteNumber ?? remote.remoteId).slice(0, 100),
    reference,
    currency,
    issueDate,
    dueDate,
    customerId: null,
    customer: {
      name: customerName.slice(0, 200),
      address: {},
      ...(remote.customerEmail ? { email: remote.customerEmail } : {}),
    },
    lines,
    discount: null,
    remoteStatus: remote.remoteStatus,
    paymentUrl: remote.paymentUrl,
    paymentUrlObserved: remote.paymentUrl !== null && o.paymentUrlObserved,
    rawJson: JSON.stringify(remote.raw ?? null),
  };
  if (remote.status === 'cancelled' || remote.status === 'expired') x.status = remote.status;
  return x;
}
