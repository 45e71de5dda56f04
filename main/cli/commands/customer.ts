/** `kassa customer …`. */
import fs from 'node:fs';
import type { MethodInput } from '../../../shared/api';
import { KassaError } from '../../../shared/errors';
import type { CliCommand } from '../framework';

export const customerCommands: CliCommand[] = [
  {
    path: 'customer list',
    usage: '[--q TEXT] [--limit N] [--cursor C | --offset N]',
    summary: 'Customers by name as {items, nextCursor} (--offset N starts at a position).',
    options: {
      q: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      offset: { type: 'string' },
    },
    run(ctx) {
      const input: MethodInput<'customer.list'> = ctx.strings({ q: 'q', cursor: 'cursor' });
      const limit = ctx.wholeNumber('limit');
      if (limit !== undefined) input.limit = limit;
      const offset = ctx.wholeNumber('offset');
      if (offset !== undefined) input.offset = offset;
      return ctx.call('customer.list', input);
    },
  },
  {
    path: 'customer count',
    usage: '[--q TEXT]',
    summary: 'How many customers match the search text: {count}.',
    options: { q: { type: 'string' } },
    run: (ctx) => ctx.call('customer.count', ctx.strings({ q: 'q' })),
  },
  {
    path: 'customer show',
    usage: 'ID',
    summary: 'One customer.',
    run: (ctx) => ctx.call('customer.get', { id: ctx.positional(0, 'ID') }),
  },
  {
    path: 'customer create',
    usage: "--data '<json>' | --data -",
    summary:
      'Creates a customer from {name, email, phone (E.164), address:{line1,city,postalCode,country}, taxId, vatId, notes}.',
    async run(ctx) {
      return ctx.call('customer.create', (await ctx.dataObject()) as MethodInput<'customer.create'>);
    },
  },
  {
    path: 'customer update',
    usage: "ID --data '<json>' | --data -",
    summary: 'Changes a customer (absent fields are kept; "" clears one).',
    async run(ctx) {
      const input = await ctx.input({ id: ctx.positional(0) }, { data: 'required' });
      return ctx.call('customer.update', input as MethodInput<'customer.update'>);
    },
  },
  {
    path: 'customer import',
    usage: 'FILE.csv | - [--dry-run]',
    summary:
      'Imports customers from CSV (header: name,email,phone,address_line1,address_line2,city,postal_code,region,country,tax_id,vat_id,notes). All rows or none; the report lists bad rows.',
    options: { 'dry-run': { type: 'boolean' } },
    async run(ctx) {
      const file = ctx.positional(0, 'FILE (or - for stdin)');
      // The bytes go to the import, which reads them as UTF-8 or says on which line they stop being UTF-8.
      let bytes: Buffer;
      if (file === '-') bytes = await ctx.readStdinBytes();
      else {
        try {
          bytes = fs.readFileSync(file);
        } catch (err) {
          throw new KassaError(
            'io',
            'file_unreadable',
            { file, reason: (err as NodeJS.ErrnoException).code ?? 'error' },
            { field: 'file' },
          );
        }
      }
      const report = await ctx.call('customer.import', {
        csvBytes: bytes.toString('base64'),
        dryRun: ctx.values['dry-run'] === true,
      });
      if (!report.ok) {
        // The report is the useful part: print it, then fail so scripts notice.
        ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
        throw new KassaError(
          'invalid_input',
          'import_rows_invalid',
          { count: report.errorCount },
          { details: { errorCount: report.errorCount } },
        );
      }
      return report;
    },
  },
];
