import type { appMethods } from '../../shared/contract/app';
import { countCustomers } from '../ledger/tables/customers';
import { countInvoices } from '../ledger/tables/invoices';
import type { HandlerFactory } from './types';

export const appHandlers: HandlerFactory<keyof typeof appMethods> = (s) => ({
  'app.info': () => ({
    name: 'Kassa',
    version: s.version,
    dataDir: s.config.dataDir,
    ledgerFile: s.ledger.file,
    schemaVersion: s.ledger.schemaVersion,
    invoiceCount: countInvoices(s.ledger.db),
    customerCount: countCustomers(s.ledger.db),
    runtime: s.config.runtime,
  }),
});
