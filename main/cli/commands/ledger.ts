/** `kassa export csv`, `kassa backup`, `kassa restore`, `kassa check`, `kassa dashboard`, `kassa series …`. */
import type { MethodInput } from '../../../shared/api';
import { KassaError } from '../../../shared/errors';
import { usageError, type CliCommand } from '../framework';
import { customerCommands } from './customer';
import { FILTER_OPTIONS, invoiceCommands, listFilter } from './invoice';
import { profileCommands } from './profile';

export const ledgerCommands: CliCommand[] = [
  {
    path: 'export csv',
    usage: '--what invoices|lines [--out FILE | --out -] [filters as in "invoice list"]',
    summary:
      'CSV of invoices or line items (amounts in major units). Prints {file, rows}; --out - writes the CSV itself to stdout.',
    options: { what: { type: 'string' }, out: { type: 'string' }, ...FILTER_OPTIONS },
    async run(ctx) {
      const what = ctx.string('what') ?? 'invoices';
      if (what !== 'invoices' && what !== 'lines') throw usageError('--what must be invoices or lines.');
      const out = ctx.string('out');
      const filter = listFilter(ctx) as NonNullable<MethodInput<'export.csv'>['filter']>;
      const input: MethodInput<'export.csv'> = { what, filter };
      if (out === '-') {
        const r = await ctx.call('export.csv', { ...input, inline: true });
        ctx.io.stdout.write(r.csv ?? '');
        return undefined;
      }
      if (out !== undefined) input.file = out;
      return ctx.call('export.csv', input);
    },
  },
  {
    path: 'backup',
    usage: '[--out FILE] | --auto [--force]',
    summary:
      "Online backup of the ledger (safe while Kassa runs); default <data dir>/backups/. --auto makes today's automatic copy (as the app does daily: checked, kept 7 daily + 4 weekly), e.g. from cron.",
    options: { out: { type: 'string' }, auto: { type: 'boolean' }, force: { type: 'boolean' } },
    run(ctx) {
      if (ctx.values.auto === true) return ctx.call('ledger.autoBackup', { force: ctx.values.force === true });
      const out = ctx.string('out');
      return ctx.call('ledger.backup', out !== undefined ? { file: out } : {});
    },
  },
  {
    path: 'backup list',
    summary: 'The backups in <data dir>/backups/, newest first (works on a damaged ledger too).',
    run: (ctx) => ctx.call('ledger.backups', {}),
  },
  {
    path: 'backup status',
    summary:
      'The automatic copies: on or off, the newest, how many are kept, and when the running app makes the next one ({soon: true} or {day}).',
    run: (ctx) => ctx.call('ledger.autoBackupStatus', {}),
  },
  {
    path: 'restore',
    usage: 'FILE',
    summary:
      'Replaces the ledger with a checked backup; the current ledger is saved to backups/ first (a ledger SQLite cannot read is moved to backups/damaged-<time>/).',
    run: (ctx) => ctx.call('ledger.restore', { file: ctx.positional(0, 'FILE') }),
  },
  {
    path: 'check',
    summary:
      'PRAGMA integrity_check plus the ledger invariants; exit 1 when anything is wrong (the report is on stdout).',
    async run(ctx) {
      const report = await ctx.call('ledger.check', {});
      if (!report.ok) {
        ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
        throw new KassaError(
          'refused',
          'check_failed',
          { count: report.problems.length, integrity: report.integrity[0] !== 'ok' ? 'broken' : 'ok' },
          {
            details: { problems: report.problems.length, foreignKeyViolations: report.foreignKeyViolations },
          },
        );
      }
      return report;
    },
  },
  {
    path: 'dashboard',
    usage: '[--as-of YYYY-MM-DD]',
    summary: 'Per currency: outstanding, overdue, paid this month.',
    options: { 'as-of': { type: 'string' } },
    run(ctx) {
      const asOf = ctx.string('as-of');
      return ctx.call('dashboard.totals', asOf !== undefined ? { asOf } : {});
    },
  },
  {
    path: 'series list',
    summary: 'Numbering series and their yearly counters.',
    run: (ctx) => ctx.call('series.list', {}),
  },
  {
    path: 'series accept-numbers',
    summary:
      'After Kassa found the ledger behind numbers already issued (an older copy, an emptied file, a lost WAL): accept it as it is and resume numbering. Restoring a backup that has those numbers is the other way.',
    run: (ctx) => ctx.call('series.acceptNumbering', {}),
  },
  {
    path: 'series set-start',
    usage: 'INV|CN|QUO YEAR START',
    summary: 'Sets the first number of a series for a year (before anything was numbered in that year).',
    run(ctx) {
      const series = ctx.positional(0, 'SERIES');
      const year = Number(ctx.positional(1, 'YEAR'));
      const start = Number(ctx.positional(2, 'START'));
      if (series !== 'INV' && series !== 'CN' && series !== 'QUO') throw usageError('SERIES must be INV, CN or QUO.');
      if (!Number.isInteger(year) || !Number.isInteger(start)) throw usageError('YEAR and START are whole numbers.');
      return ctx.call('series.setStart', { series, year, start });
    },
  },
  {
    path: 'series set-prefix',
    usage: 'INV|CN|QUO PREFIX',
    summary:
      'Changes the prefix of a series (1 to 10 letters or digits; only before anything was numbered in it, and not one another series uses).',
    run(ctx) {
      const series = ctx.positional(0, 'SERIES');
      if (series !== 'INV' && series !== 'CN' && series !== 'QUO') throw usageError('SERIES must be INV, CN or QUO.');
      return ctx.call('series.setPrefix', { series, prefix: ctx.positional(1, 'PREFIX') });
    },
  },
];

/** Every ledger command (invoices, customers, profile, export/backup/restore/check): what commands/index.ts spreads. */
export const ledgerDomainCommands: CliCommand[] = [
  ...invoiceCommands,
  ...customerCommands,
  ...profileCommands,
  ...ledgerCommands,
];
