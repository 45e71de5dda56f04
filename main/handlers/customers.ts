import type { customerMethods } from '../../shared/contract/customers';
import type * as CustomerImport from '../ledger/customer-import';
import {
  countCustomersMatching,
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../ledger/tables/customers';
import { ledgerCtx, read, write } from './ledger-support';
import type { HandlerFactory } from './types';

export const customerHandlers: HandlerFactory<keyof typeof customerMethods> = (s) => ({
  'customer.list': (input) => read(() => listCustomers(s.ledger.db, input)),
  'customer.count': ({ q }) => read(() => ({ count: countCustomersMatching(s.ledger.db, q) })),
  'customer.get': ({ id }) => read(() => getCustomer(s.ledger.db, id)),
  'customer.create': (input, ctx) => {
    const c = write(s, () => getCustomer(s.ledger.db, createCustomer(ledgerCtx(s, ctx), input)));
    s.events.emit('ledger.changed', { entity: 'customer', id: c.id });
    return c;
  },
  'customer.update': (input, ctx) => {
    const c = write(s, () => {
      updateCustomer(ledgerCtx(s, ctx), input);
      return getCustomer(s.ledger.db, input.id);
    });
    s.events.emit('ledger.changed', { entity: 'customer', id: c.id });
    return c;
  },
  'customer.import': ({ csv, csvBytes, dryRun }, ctx) => {
    // Loaded on first import: the CSV parser is not part of every ledger command's start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { importCustomers } = require('../ledger/customer-import') as typeof CustomerImport;
    const report = write(s, () => importCustomers(ledgerCtx(s, ctx), { csv, csvBytes }, dryRun));
    if (report.imported > 0) s.events.emit('ledger.changed', { entity: 'customer' });
    s.log.info('customer.import', { rows: report.rows, imported: report.imported, errors: report.errorCount, dryRun });
    return report;
  },
});
