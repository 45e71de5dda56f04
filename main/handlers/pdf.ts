import fs from 'node:fs';
import path from 'node:path';
import type { pdfMethods, FacturXReport } from '../../shared/contract/pdf';
import { KassaError } from '../../shared/errors';
import { backupStamp } from '../ledger/backup';
import { ExportJobs } from '../pdf/export-jobs';
import { baseFileName } from '../pdf/file-names';
import { loadFonts } from '../pdf/fonts';
import { undrawable } from '../pdf/glyphs';
import { renderInvoice, type RenderResult } from '../pdf/render';
import { ledgerExportLister, ledgerInvoiceSource } from '../pdf/source';
import type { Services } from '../services';
import { callerMayChoosePaths, exportDir, read, refusePath, today } from './ledger-support';
import type { HandlerFactory } from './types';

/** One job registry per running app; jobs outlive a single call, so they hang off the Services object. */
const registries = new WeakMap<Services, ExportJobs>();

export function exportJobs(s: Services): ExportJobs {
  let jobs = registries.get(s);
  if (!jobs) {
    jobs = new ExportJobs({
      ledgerFile: s.ledger.file,
      lister: ledgerExportLister(s.ledger.db),
      events: s.events,
      log: s.log,
      appVersion: s.version,
    });
    registries.set(s, jobs);
  }
  return jobs;
}

async function renderStored(s: Services, id: string): Promise<{ result: RenderResult; fileName: string }> {
  const source = ledgerInvoiceSource(s.ledger.db, () => today(s));
  const { invoice, profile, corrected } = read(() => {
    const inv = source.invoice(id);
    const refs = inv.correctsInvoiceId ? source.correctedRefs([inv.correctsInvoiceId]) : new Map();
    return {
      invoice: inv,
      profile: source.profile(),
      corrected: inv.correctsInvoiceId ? (refs.get(inv.correctsInvoiceId) ?? null) : null,
    };
  });
  const result = await renderInvoice(invoice, profile, { corrected, appVersion: s.version, now: s.now() });
  return { result, fileName: `${baseFileName(invoice)}.pdf` };
}

const report = (r: RenderResult): FacturXReport => ({ embedded: r.facturX.embedded, missing: r.facturX.missing });

function unknownJob(jobId: string): KassaError {
  return new KassaError(
    'not_found',
    'export_job_not_found',
    `No PDF export job ${jobId} (finished jobs are kept for a while only).`,
    { field: 'jobId' },
  );
}

export const pdfHandlers: HandlerFactory<keyof typeof pdfMethods> = (s) => ({
  'pdf.checkText': ({ texts }) => {
    const fonts = loadFonts();
    const problems = texts
      .map(({ field, text }) => ({ field, characters: undrawable(fonts, text) }))
      .filter((p) => p.characters.length > 0);
    return { problems };
  },
  'pdf.render': async ({ id, file }, ctx) => {
    if (file !== undefined && !callerMayChoosePaths(ctx)) throw refusePath('file');
    const { result, fileName } = await renderStored(s, id);
    const target = path.resolve(file ?? path.join(exportDir(s), 'pdf', fileName));
    const partial = `${target}.part`;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(partial, result.pdf);
      fs.renameSync(partial, target);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw new KassaError('io', 'pdf_write_failed', `Cannot write ${target}: ${(err as Error).message}`, {
        field: 'file',
        cause: err,
      });
    }
    s.log.info('pdf.render', {
      invoiceId: id,
      bytes: result.pdf.length,
      pages: result.pages,
      facturXMissing: result.facturX.missing.length,
    });
    return { id, file: target, bytes: result.pdf.length, pages: result.pages, facturX: report(result) };
  },
  'pdf.preview': async ({ id }) => {
    const { result, fileName } = await renderStored(s, id);
    return {
      id,
      base64: result.pdf.toString('base64'),
      bytes: result.pdf.length,
      pages: result.pages,
      fileName,
      facturX: report(result),
    };
  },
  'pdf.export': ({ from, to, outDir }, ctx) => {
    if (outDir !== undefined && !callerMayChoosePaths(ctx)) throw refusePath('outDir');
    const dir = path.resolve(outDir ?? path.join(exportDir(s), `pdf-${backupStamp(s.now())}`));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new KassaError('io', 'export_failed', `Cannot create ${dir}: ${(err as Error).message}`, {
        field: 'outDir',
        cause: err,
      });
    }
    return read(() => exportJobs(s).start(dir, { from, to }));
  },
  'pdf.exportStatus': ({ jobId }) => {
    const st = exportJobs(s).get(jobId);
    if (!st) throw unknownJob(jobId);
    return st;
  },
  'pdf.cancelExport': async ({ jobId }) => {
    const st = await exportJobs(s).cancel(jobId);
    if (!st) throw unknownJob(jobId);
    return st;
  },
});
