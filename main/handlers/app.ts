import type { appMethods } from '../../shared/contract/app';
import type { HandlerFactory } from './types';

export const appHandlers: HandlerFactory<keyof typeof appMethods> = (s) => ({
  'app.info': () => {
    const count = (table: string): number =>
      (s.ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      name: 'Kassa',
      version: s.version,
      dataDir: s.config.dataDir,
      ledgerFile: s.ledger.file,
      schemaVersion: s.ledger.schemaVersion,
      invoiceCount: count('invoices'),
      customerCount: count('customers'),
      runtime: s.config.runtime,
    };
  },
});
