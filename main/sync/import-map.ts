/**
 * A remote invoice that Kassa did not create becomes a ledger invoice in the account's external series. The ledger
 * needs lines whose totals equal the provider's amount to the minor unit: the provider's own items are used when they
 * add up exactly; otherwise one line carries the whole amount. Providers do not tell us a VAT breakdown we could
 * trust, so imported lines carry category O (outside the scope of our VAT) with a reason saying the amounts are the
 * provider's, tax included — the provider's payload stays on the link for anyone who needs more.
 *
 * What Kassa words itself is stored as data, never as English: each line's `imported` names the provider (and, on
 * the one line that carries a whole invoice, the provider's number, which is also its stored description), and a
 * customer the provider did not name is stored without a name. The reason, that line's description and "Unnamed
 * customer" are written where the invoice is shown, in the reader's language (shared/invoice-text.ts).
 */
import { isIsoDate } from '../../shared/contract/dates';
import type { ImportedLine, ProviderAccount } from '../../shared/domain';
import { invalid } from '../../shared/errors';
import { isSupportedCurrency } from '../../shared/money';
import { providerName } from '../../shared/providers';
import { computeTotals } from '../../shared/totals';
import type { StoredLine } from '../ledger/drafts';
import type { ExternalInvoice } from '../ledger/imports';
import type { RemoteInvoice } from '../providers/types';

/** The provider's items (normalised by its adapter) as ledger lines, or null when it reported none it could read. */
function itemLines(remote: RemoteInvoice, imported: ImportedLine): StoredLine[] | null {
  if (remote.items === null) return null;
  return remote.items.map((it) => ({
    description: it.description.slice(0, 1000),
    quantity: it.quantity,
    unitCode: 'C62',
    unitPrice: it.unitPrice,
    taxRate: '0',
    taxCategory: 'O',
    imported,
  }));
}

export function toExternalInvoice(
  account: ProviderAccount,
  remote: RemoteInvoice,
  o: { reference: string; today: string; paymentUrlObserved: boolean },
): ExternalInvoice {
  const { reference, today } = o;
  const name = providerName(account.provider);
  const currency = remote.currency;
  if (currency === null || !isSupportedCurrency(currency))
    throw invalid('remote_currency_unknown', { provider: name, id: remote.remoteId }, 'currency');
  if (remote.total === null || remote.total <= 0)
    throw invalid('remote_amount_unknown', { provider: name, id: remote.remoteId }, 'total');
  const number = (remote.remoteNumber ?? remote.remoteId).slice(0, 100);
  let lines = itemLines(remote, { provider: name });
  if (lines === null || computeTotals(lines, null).total !== remote.total) {
    lines = [
      {
        description: number,
        quantity: '1',
        unitCode: 'C62',
        unitPrice: remote.total,
        taxRate: '0',
        taxCategory: 'O',
        imported: { provider: name, number },
      },
    ];
  }
  const created = remote.createdAt && isIsoDate(remote.createdAt.slice(0, 10)) ? remote.createdAt.slice(0, 10) : null;
  let issueDate = remote.issueDate && isIsoDate(remote.issueDate) ? remote.issueDate : (created ?? today);
  if (issueDate > today) issueDate = today;
  const dueDate = remote.dueDate && isIsoDate(remote.dueDate) && remote.dueDate >= issueDate ? remote.dueDate : null;
  const customerName = remote.customerName?.trim() ?? '';
  const x: ExternalInvoice = {
    accountId: account.id,
    remoteId: remote.remoteId,
    number,
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
