/** Ledger handlers: profile, tax rates, numbering, dashboard, backup/restore/check, CSV export — plus customers and invoices. */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { yearOf } from '../../shared/contract/dates';
import type { ledgerMethods, ledgerOwnMethods } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { backupLedger, backupStamp, defaultBackupFile, listBackups, restoreLedger } from '../ledger/backup';
import { checkLedger } from '../ledger/check';
import { openDatabase } from '../ledger/connection';
import { exportCsv } from '../ledger/csv-export';
import { dashboardTotals } from '../ledger/dashboard';
import { listSeries, setSeriesStart } from '../ledger/numbering';
import { translateSqliteError } from '../ledger/sql';
import { getProfile, setProfile } from '../ledger/tables/profile';
import { createTaxRate, getTaxRate, listTaxRates, updateTaxRate } from '../ledger/tables/tax-rates';
import { customerHandlers } from './customers';
import { invoiceHandlers } from './invoices';
import {
  backupDir,
  callerMayChoosePaths,
  exportDir,
  ledgerCtx,
  read,
  refusePath,
  today,
  write,
} from './ledger-support';
import type { HandlerFactory } from './types';

const INLINE_MAX_ROWS = 200_000;

export const ledgerOwnHandlers: HandlerFactory<keyof typeof ledgerOwnMethods> = (s) => ({
  'profile.get': () => read(() => getProfile(s.ledger.db)),
  'profile.set': (input, ctx) => {
    const p = write(s, () => {
      setProfile(ledgerCtx(s, ctx), input);
      return getProfile(s.ledger.db);
    });
    s.events.emit('ledger.changed', { entity: 'profile' });
    return p;
  },
  'taxRate.list': ({ includeArchived }) => read(() => listTaxRates(s.ledger.db, includeArchived)),
  'taxRate.create': (input, ctx) => {
    const t = write(s, () => getTaxRate(s.ledger.db, createTaxRate(ledgerCtx(s, ctx), input)));
    s.events.emit('ledger.changed', { entity: 'profile' });
    return t;
  },
  'taxRate.update': (input, ctx) => {
    const t = write(s, () => {
      updateTaxRate(ledgerCtx(s, ctx), input);
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
  'dashboard.totals': ({ asOf }) => read(() => dashboardTotals(s.ledger.db, asOf ?? today(s))),
  'ledger.backup': async ({ file }, ctx) => {
    if (file !== undefined && !callerMayChoosePaths(ctx)) throw refusePath('file');
    const info = await backupLedger(s.ledger, file ?? defaultBackupFile(backupDir(s), s.now()), s.now());
    s.log.info('ledger.backup', { bytes: info.bytes });
    return info;
  },
  'ledger.backups': () => listBackups(backupDir(s)),
  'ledger.restore': async ({ file }, ctx) => {
    // The app may only restore what sits in its own backups folder; the CLI may name any file.
    const source = callerMayChoosePaths(ctx) ? file : path.join(backupDir(s), path.basename(file));
    const result = await restoreLedger(s.ledger, source, { backupDir: backupDir(s), now: s.now() });
    s.log.warn('ledger.restored', { schemaVersion: result.schemaVersion });
    for (const entity of ['invoice', 'customer', 'profile', 'account'] as const)
      s.events.emit('ledger.changed', { entity });
    return result;
  },
  'ledger.check': async () => {
    // Its own connection: the check's read transaction must not hold up writes on the app's connection.
    const db = openDatabase(s.ledger.file);
    try {
      return await checkLedger(db);
    } catch (err) {
      throw translateSqliteError(err);
    } finally {
      db.close();
    }
  },
  'export.csv': async ({ what, file, inline, filter }, ctx) => {
    if (file !== undefined && !callerMayChoosePaths(ctx)) throw refusePath('file');
    const jobId = randomUUID();
    const label = `Export ${what} (CSV)`;
    const progress = (done: number): void =>
      s.events.emit('progress', { jobId, label, done, total: null, finished: false });
    const day = today(s);
    // A connection of its own in a read transaction: a consistent snapshot, and writes continue meanwhile.
    const snapshot = openDatabase(s.ledger.file, { readonly: true });
    const run = async (sink: { write(c: string): void }, maxRows?: number): Promise<number> => {
      snapshot.exec('BEGIN');
      try {
        return await exportCsv(snapshot, what, filter ?? {}, day, sink, progress, maxRows);
      } finally {
        snapshot.exec('COMMIT');
      }
    };
    try {
      if (inline) {
        const parts: string[] = [];
        let rows: number;
        try {
          rows = await run({ write: (c) => parts.push(c) }, INLINE_MAX_ROWS);
        } catch (err) {
          if (err instanceof RangeError) {
            throw new KassaError(
              'refused',
              'export_too_large',
              `More than ${INLINE_MAX_ROWS.toLocaleString('en')} rows: export to a file instead.`,
              { field: 'inline' },
            );
          }
          throw translateSqliteError(err);
        }
        s.events.emit('progress', { jobId, label, done: rows, total: rows, finished: true });
        return { what, rows, file: null, csv: parts.join('') };
      }
      const target = path.resolve(file ?? path.join(exportDir(s), `${what}-${backupStamp(s.now())}.csv`));
      const partial = `${target}.part`;
      let fd: number;
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fd = fs.openSync(partial, 'w');
      } catch (err) {
        throw new KassaError('io', 'export_failed', `Cannot write ${target}: ${(err as Error).message}`, {
          field: 'file',
          cause: err,
        });
      }
      let rows: number;
      try {
        rows = await run({ write: (c) => fs.writeSync(fd, c) });
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.renameSync(partial, target);
      } catch (err) {
        try {
          fs.closeSync(fd);
        } catch {
          // already closed
        }
        fs.rmSync(partial, { force: true });
        throw err instanceof KassaError
          ? err
          : new KassaError('io', 'export_failed', `Export failed: ${(err as Error).message}`, { cause: err });
      }
      s.events.emit('progress', { jobId, label, done: rows, total: rows, finished: true });
      return { what, rows, file: target, csv: null };
    } finally {
      snapshot.close();
    }
  },
});

/** Every ledger method (own, customers, invoices): what main/handlers/index.ts spreads. */
export const ledgerHandlers: HandlerFactory<keyof typeof ledgerMethods> = (s) => ({
  ...ledgerOwnHandlers(s),
  ...customerHandlers(s),
  ...invoiceHandlers(s),
});
