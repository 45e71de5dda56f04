/** A provider invoice imported straight into a ledger (what `sync.import` does for each one), for tests. */
import type { Database as Db } from 'better-sqlite3';
import { writeTx } from '../../main/ledger/connection';
import { importExternalInvoice } from '../../main/ledger/imports';
import type { RemoteInvoice } from '../../main/providers/types';
import { toExternalInvoice } from '../../main/sync/import-map';
import type { ProviderAccount, ProviderId } from '../../shared/domain';

/** A remote Kashier invoice as its adapter maps it: no items and no customer name unless given. */
export function remoteInvoice(over: Partial<RemoteInvoice> = {}): RemoteInvoice {
  return {
    provider: 'kashier',
    remoteId: 'r1',
    reference: null,
    ourNumber: null,
    remoteNumber: '4711',
    remoteStatus: 'submitted',
    status: 'issued',
    currency: 'EGP',
    total: 12_345,
    amountPaid: null,
    customerName: null,
    customerEmail: null,
    issueDate: '2026-03-01',
    dueDate: null,
    paidAt: null,
    paymentUrl: null,
    createdAt: null,
    items: null,
    raw: {},
    ...over,
  };
}

/** Maps and imports `remote` for the account (its row must exist); returns the ledger invoice's id. */
export function importRemote(
  db: Db,
  account: { id: string; provider: ProviderId },
  remote: RemoteInvoice,
  now: Date,
  today = remote.issueDate ?? '2026-03-10',
): string {
  const x = toExternalInvoice(account as ProviderAccount, remote, {
    reference: remote.remoteId,
    today,
    paymentUrlObserved: false,
  });
  return writeTx(db, () => importExternalInvoice({ db, now, actor: 'system' }, x)).invoiceId;
}
