/**
 * `kassa invoice pdf ID --out FILE` and `kassa export pdf --out DIR [--from --to]`. The export runs in worker
 * threads; this command follows its progress events (one JSON line each on stderr, follow-job.ts), stops it
 * cleanly on Ctrl-C, and prints the final status. Exit 1 when some invoices could not be written.
 */
import type { MethodInput } from '../../../shared/api';
import { englishMessage } from '../../../shared/i18n/english';
import { documentTexts, type PdfExportStatus } from '../../../shared/contract/pdf';
import { KassaError } from '../../../shared/errors';
import type { CliCommand } from '../framework';
import { followJob } from '../follow-job';

export const pdfCommands: CliCommand[] = [
  {
    path: 'invoice pdf',
    usage: 'ID --out FILE',
    summary:
      'Writes the invoice as a PDF/A-3b file (with Factur-X XML when issued); prints {id, file, bytes, pages, facturX}.',
    options: { out: { type: 'string' } },
    run(ctx) {
      const id = ctx.positional(0, 'ID');
      const out = ctx.string('out');
      return ctx.call('pdf.render', out !== undefined ? { id, file: out } : { id });
    },
  },
  {
    path: 'invoice check-text',
    usage: 'ID',
    summary:
      'Characters in the invoice (line descriptions, notes, terms) that no PDF font can draw, per field; they would print as the replacement sign.',
    async run(ctx) {
      const inv = await ctx.call('invoice.get', { id: ctx.positional(0, 'ID') });
      return ctx.call('pdf.checkText', { texts: documentTexts(inv) });
    },
  },
  {
    path: 'export pdf',
    usage: '--out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    summary: 'One PDF per invoice issued in the range (all invoices, drafts included, without one), named by number.',
    options: { out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    async run(ctx) {
      const input: MethodInput<'pdf.export'> = {
        outDir: ctx.requireString('out'),
        ...ctx.strings({ from: 'from', to: 'to' }),
      };
      const final: PdfExportStatus = await followJob(ctx, {
        start: () => ctx.call('pdf.export', input),
        status: (jobId) => ctx.call('pdf.exportStatus', { jobId }),
        cancel: (jobId) => ctx.call('pdf.cancelExport', { jobId }),
      });
      if (final.state === 'failed') {
        throw new KassaError(
          'io',
          'pdf_export_failed',
          { detail: final.error ? englishMessage(final.error) : '' },
          { details: { written: final.written } },
        );
      }
      if (final.failed > 0) {
        ctx.io.stdout.write(`${JSON.stringify(final)}\n`);
        throw new KassaError(
          'refused',
          'export_incomplete',
          { failed: final.failed, total: final.total },
          {
            details: { failed: final.failed, written: final.written },
          },
        );
      }
      return final;
    },
  },
];
