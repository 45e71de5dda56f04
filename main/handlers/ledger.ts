/**
 * Ledger handlers: profile, tax rates, numbering, dashboard, backup/restore/check (BackupService), CSV export
 * (CsvExportService) — plus customers and invoices.
 */
import { yearOf } from '../../shared/contract/dates';
import type { ledgerMethods, ledgerOwnMethods } from '../../shared/contract/ledger';
import { dashboardTotals } from '../ledger/dashboard';
import { acceptNumbering } from '../ledger/high-water';
import { readPreferences } from '../ledger/preferences';
import { listSeries, setSeriesPrefix, setSeriesStart } from '../ledger/numbering';
import { getProfile, setProfile } from '../ledger/tables/profile';
import { getTaxRate, listTaxRates } from '../ledger/tables/tax-rates';
import { addTaxRate, assertUsableDefault, changeTaxRate } from '../ledger/tax-rules';
import { customerHandlers } from './customers';
import { invoiceHandlers } from './invoices';
import { ledgerCtx, read, refusePath, today, write } from './ledger-support';
import type { HandlerFactory } from './types';

export const ledgerOwnHandlers: HandlerFactory<keyof typeof ledgerOwnMethods> = (s) => ({
  'profile.get': () => read(() => getProfile(s.ledger.db)),
  'profile.set': (input, ctx) => {
    const p = write(s, () => {
      assertUsableDefault(ledgerCtx(s, ctx), input.defaultTaxRateId);
      setProfile(ledgerCtx(s, ctx), input);
      return getProfile(s.ledger.db);
    });
    s.events.emit('ledger.changed', { entity: 'profile' });
    return p;
  },
  'taxRate.list': ({ includeArchived }) => read(() => listTaxRates(s.ledger.db, includeArchived)),
  'taxRate.create': (input, ctx) => {
    const t = write(s, () => getTaxRate(s.ledger.db, addTaxRate(ledgerCtx(s, ctx), input)));
    s.events.emit('ledger.changed', { entity: 'profile' });
    return t;
  },
  'taxRate.update': (input, ctx) => {
    const t = write(s, () => {
      changeTaxRate(ledgerCtx(s, ctx), input);
      return getTaxRate(s.ledger.db, input.id);
    });
    s.events.emit('ledger.changed', { entity: 'profile' });
    return t;
  },
  'series.list': () => read(() => listSeries(s.ledger.db, yearOf(today(s)))),
  'series.setStart': ({ series, year, start }, ctx) => {
    const info = write(s, () => {
      setSeriesStart(ledgerCtx(s, ctx), series, year, start);
      return listSeries(s.ledger.db, yearOf(today(s))).find((x) => x.code === series);
    });
    if (!info) throw new Error('series vanished');
    s.events.emit('ledger.changed', { entity: 'profile' });
    return info;
  },
  'series.setPrefix': ({ series, prefix }, ctx) => {
    const info = write(s, () => {
      setSeriesPrefix(ledgerCtx(s, ctx), series, prefix);
      return listSeries(s.ledger.db, yearOf(today(s))).find((x) => x.code === series);
    });
    if (!info) throw new Error('series vanished');
    s.events.emit('ledger.changed', { entity: 'profile' });
    return info;
  },
  'series.acceptNumbering': () => {
    acceptNumbering(s.ledger.db, s.backups.dir);
    s.log.warn('ledger.numbering_accepted', {});
    s.events.emit('ledger.changed', { entity: 'profile' });
    return listSeries(s.ledger.db, yearOf(today(s)));
  },
  'dashboard.totals': ({ asOf }) => read(() => dashboardTotals(s.ledger.db, asOf ?? today(s))),
  'ledger.backup': ({ file }, ctx) => {
    if (file !== undefined && !ctx.mayChoosePaths) throw refusePath('file');
    return s.backups.backup(file);
  },
  'ledger.backups': () => s.backups.list(),
  'ledger.autoBackup': ({ force }) => s.backups.autoBackup({ force }),
  'ledger.autoBackupStatus': () => s.backups.autoBackupStatus(read(() => readPreferences(s.ledger.db)).autoBackups),
  // The app may only restore what sits in its own backups folder; the CLI may name any file.
  'ledger.restore': ({ file }, ctx) => s.backups.restore(file, { anyPath: ctx.mayChoosePaths }),
  'ledger.check': () => s.backups.check(),
  'export.csv': ({ what, file, inline, filter }, ctx) => {
    if (file !== undefined && !ctx.mayChoosePaths) throw refusePath('file');
    return s.csvExport.export({ what, file, inline, filter });
  },
});

/** Every ledger method (own, customers, invoices): what main/handlers/index.ts spreads. */
export const ledgerHandlers: HandlerFactory<keyof typeof ledgerMethods> = (s) => ({
  ...ledgerOwnHandlers(s),
  ...customerHandlers(s),
  ...invoiceHandlers(s),
});
