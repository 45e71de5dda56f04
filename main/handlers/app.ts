import type { appMethods } from '../../shared/contract/app';
import { rollbackOf } from '../ledger/high-water';
import { describeStop } from '../ledger/numbering';
import { readPreferences, writePreferences } from '../ledger/preferences';
import { countCustomers } from '../ledger/tables/customers';
import { countInvoices } from '../ledger/tables/invoices';
import { read, write } from './ledger-support';
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
    numberingStopped: read(() => {
      const r = rollbackOf(s.ledger.db);
      return r ? describeStop(s.ledger.db, r) : null;
    }),
  }),
  'app.preferences': () => read(() => readPreferences(s.ledger.db)),
  'app.setPreferences': (input) => {
    const p = write(s, () => writePreferences(s.ledger.db, input));
    s.events.emit('ledger.changed', { entity: 'preferences' });
    return p;
  },
});
