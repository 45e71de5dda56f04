/**
 * The bookkeeper's commands: `period close|reopen|list`, `record verify` (and, in their own entries below,
 * `report vat`, `invoice xml`, `export period`, `verify`).
 */
import { VAT_FILE_FORMATS, XML_FORMATS, type VatFileFormat, type XmlFormat } from '../../../shared/contract/books';
import { KassaError } from '../../../shared/errors';
import { englishMessage } from '../../../shared/i18n/english';
import { verifyArchive } from '../../books/verify';
import { followJob } from '../follow-job';
import { usageError, type CliCommand } from '../framework';

const PERIOD = 'YYYY-MM | YYYY-QN';

export const periodCommands: CliCommand[] = [
  {
    path: 'period list',
    summary: 'Closed months and quarters, and the latest closes and reopens.',
    run: (ctx) => ctx.call('period.list', {}),
  },
  {
    path: 'period close',
    usage: `${PERIOD} [--note TEXT]`,
    summary:
      'Closes a month (2026-03) or a quarter (2026-Q1): nothing can then be issued, credited, paid or cancelled with a date in it.',
    options: { note: { type: 'string' } },
    run: (ctx) => ctx.call('period.close', { period: ctx.positional(0, 'PERIOD'), ...ctx.strings({ note: 'note' }) }),
  },
  {
    path: 'period reopen',
    usage: `${PERIOD} --reason TEXT`,
    summary: 'Reopens a closed month or quarter; the reason is kept in the period history and the record.',
    options: { reason: { type: 'string' } },
    run: (ctx) =>
      ctx.call('period.reopen', { period: ctx.positional(0, 'PERIOD'), reason: ctx.requireString('reason') }),
  },
];

export const recordCommands: CliCommand[] = [
  {
    path: 'record verify',
    summary:
      'Recomputes the record chain (one SHA-256 entry per issued document, payment, void, cancellation and period close); exit 1 naming every document changed outside Kassa.',
    async run(ctx) {
      const r = await ctx.call('record.verify', {});
      if (!r.ok) {
        ctx.io.stdout.write(`${JSON.stringify(r)}\n`);
        throw new KassaError('refused', 'record_check_failed', { count: r.problemCount });
      }
      return r;
    },
  },
];

export const reportCommands: CliCommand[] = [
  {
    path: 'report vat',
    usage: '--from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv|pdf] [--out FILE]',
    summary:
      'VAT summary of the invoices and credit notes issued in the range, per currency, category and rate. Without --out, JSON or CSV go to stdout; a PDF needs --out.',
    options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const from = ctx.requireString('from');
      const to = ctx.requireString('to');
      const format = (ctx.string('format') ?? 'json') as VatFileFormat;
      if (!VAT_FILE_FORMATS.includes(format)) throw usageError('--format must be json, csv or pdf.');
      const out = ctx.string('out');
      if (out !== undefined) return ctx.call('report.vatFile', { from, to, format, file: out });
      if (format === 'json') return ctx.call('report.vat', { from, to });
      if (format === 'pdf') throw usageError('A PDF needs --out FILE.');
      const r = await ctx.call('report.vatFile', { from, to, format, inline: true });
      ctx.io.stdout.write(Buffer.from(r.base64 ?? '', 'base64').toString('utf8'));
      return undefined;
    },
  },
];

export const xmlCommands: CliCommand[] = [
  {
    path: 'invoice xml',
    usage:
      'ID --format ubl|peppol|xrechnung|facturx [--out FILE] [--buyer-reference REF] [--seller-endpoint SCHEME:ID] [--buyer-endpoint SCHEME:ID]',
    summary:
      'An issued invoice or credit note as an e-invoice: UBL 2.1 (EN 16931), Peppol BIS 3.0, XRechnung 3.0 (UBL) or Factur-X (CII). Without --out the XML goes to stdout; {missing} lists the rules the data cannot meet (on stderr then).',
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      'buyer-reference': { type: 'string' },
      'seller-endpoint': { type: 'string' },
      'buyer-endpoint': { type: 'string' },
    },
    async run(ctx) {
      const format = (ctx.string('format') ?? 'ubl') as XmlFormat;
      if (!XML_FORMATS.includes(format)) throw usageError(`--format must be one of ${XML_FORMATS.join(', ')}.`);
      const out = ctx.string('out');
      const r = await ctx.call('einvoice.xml', {
        id: ctx.positional(0, 'ID'),
        format,
        ...ctx.strings({
          'buyer-reference': 'buyerReference',
          'seller-endpoint': 'sellerEndpoint',
          'buyer-endpoint': 'buyerEndpoint',
        }),
        ...(out !== undefined && out !== '-' ? { file: out } : {}),
      });
      if (r.xml === null) return r;
      ctx.io.stdout.write(r.xml);
      if (r.missing.length > 0) ctx.io.stderr.write(`${JSON.stringify({ missing: r.missing })}\n`);
      return undefined;
    },
  },
];

export const archiveCommands: CliCommand[] = [
  {
    path: 'export period',
    usage: '--from YYYY-MM-DD --to YYYY-MM-DD --out DIR|FILE.zip [--format ubl|peppol|xrechnung|facturx]',
    summary:
      "The bookkeeper's archive of a range: every issued document's PDF and XML, the CSV journal, the VAT summary (JSON, CSV, PDF) and manifest.json (each file's SHA-256, the record chain's head). Progress on stderr; exit 1 when a document could not be written.",
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    async run(ctx) {
      const format = (ctx.string('format') ?? 'ubl') as XmlFormat;
      if (!XML_FORMATS.includes(format)) throw usageError(`--format must be one of ${XML_FORMATS.join(', ')}.`);
      const input = {
        from: ctx.requireString('from'),
        to: ctx.requireString('to'),
        out: ctx.requireString('out'),
        format,
      };
      const final = await followJob(ctx, {
        start: () => ctx.call('archive.start', input),
        status: (jobId) => ctx.call('archive.status', { jobId }),
        cancel: (jobId) => ctx.call('archive.cancel', { jobId }),
      });
      if (final.state === 'failed')
        throw new KassaError('io', 'archive_failed', { error: final.error ? englishMessage(final.error) : '' });
      if (final.failed > 0) {
        ctx.io.stdout.write(`${JSON.stringify(final)}\n`);
        throw new KassaError('refused', 'archive_incomplete', { failed: final.failed, total: final.total });
      }
      return final;
    },
  },
  {
    path: 'verify',
    usage: 'FILE.zip | DIR',
    summary:
      'Checks an archive made by "kassa export period" against its manifest, without a ledger: exit 1 naming every changed, missing or unexpected file.',
    async run(ctx) {
      // No services: a bookkeeper checks the archive on a machine that has no Kassa data at all.
      const report = await verifyArchive(ctx.positional(0, 'FILE'));
      if (!report.ok) {
        ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
        if (report.error) throw new KassaError('refused', 'archive_unverified', { reason: report.error.message });
        throw new KassaError('refused', 'archive_verify_failed', {
          count: report.changed.length + report.missing.length + report.unexpected.length,
        });
      }
      return report;
    },
  },
];

export const booksCommands: CliCommand[] = [
  ...periodCommands,
  ...recordCommands,
  ...reportCommands,
  ...xmlCommands,
  ...archiveCommands,
];
