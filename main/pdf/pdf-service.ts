/**
 * PDFs as a service of the running app: render one invoice to a file or for preview, and the background export
 * jobs (a registry that outlives a single call). The renderer (pdfkit, fonts) and the export workers are loaded on
 * first use, so commands and windows that never make a PDF do not pay for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FacturXReport, PdfExportStatus, TextCheckResult } from '../../shared/contract/pdf';
import { KassaError } from '../../shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { exportDir } from '../config';
import type { EventHub } from '../events';
import { backupStamp } from '../ledger/backup';
import type { Ledger } from '../ledger/connection';
import { translateSqliteError } from '../ledger/sql';
import type { Logger } from '../log';
import type { ExportJobs } from './export-jobs';
import type { InvoicePdf } from './invoice-pdf';
import type { RenderResult } from './render';
import { ledgerExportLister, type ExportRange } from './source';

export interface PdfServiceDeps {
  ledger: Ledger;
  dataDir: string;
  events: EventHub;
  log: Logger;
  now: () => Date;
  today: () => string;
  version: string;
}

export interface RenderedFile {
  id: string;
  file: string;
  bytes: number;
  pages: number;
  facturX: FacturXReport;
}

export interface Preview {
  id: string;
  base64: string;
  bytes: number;
  pages: number;
  fileName: string;
  facturX: FacturXReport;
}

/** What a PDF is of. */
export type PdfSubject = 'invoice' | 'quote';

const report = (r: RenderResult): FacturXReport => ({
  embedded: r.facturX.embedded,
  missing: r.facturX.missing,
  gaps: r.facturX.gaps,
});

function unknownJob(jobId: string): KassaError {
  return new KassaError('not_found', 'export_job_not_found', { id: jobId }, { field: 'jobId' });
}

export class PdfService {
  private jobs: ExportJobs | undefined;

  constructor(private readonly d: PdfServiceDeps) {}

  /** The invoice's PDF as bytes: what the preview shows and what an e-mail to the customer carries. */
  document(id: string): Promise<InvoicePdf> {
    return this.renderStored(id);
  }

  /** An invoice's PDF, or a quote's (its own title and facts, from main/pdf/quote-pdf.ts). */
  private async renderStored(id: string, what: PdfSubject = 'invoice'): Promise<InvoicePdf> {
    const opts = { today: this.d.today, now: this.d.now(), appVersion: this.d.version };
    if (what === 'quote') {
      const { renderLedgerQuote } = await import('./quote-pdf.js');
      return renderLedgerQuote(this.d.ledger.db, id, opts);
    }
    const { renderLedgerInvoice } = await import('./invoice-pdf.js');
    return renderLedgerInvoice(this.d.ledger.db, id, opts);
  }

  /** Characters the PDF fonts cannot draw, per field (checked before issuing). */
  async checkText(texts: ReadonlyArray<{ field: string; text: string }>): Promise<TextCheckResult> {
    const [{ loadFonts }, { undrawable }] = await Promise.all([import('./fonts.js'), import('./glyphs.js')]);
    const fonts = loadFonts();
    const problems = texts
      .map(({ field, text }) => ({ field, characters: undrawable(fonts, text) }))
      .filter((p) => p.characters.length > 0);
    return { problems };
  }

  /** Renders an invoice (or a quote) into `file`, or into <data dir>/exports/pdf under its own name. */
  async render(id: string, file?: string, what: PdfSubject = 'invoice'): Promise<RenderedFile> {
    const { result, fileName } = await this.renderStored(id, what);
    const target = path.resolve(file ?? path.join(exportDir(this.d.dataDir), 'pdf', fileName));
    try {
      writeFileAtomic(target, result.pdf);
    } catch (err) {
      throw new KassaError(
        'io',
        'pdf_write_failed',
        { file: target, detail: (err as Error).message },
        { field: 'file', cause: err },
      );
    }
    this.d.log.info('pdf.render', {
      [what === 'quote' ? 'quoteId' : 'invoiceId']: id,
      bytes: result.pdf.length,
      pages: result.pages,
      facturXMissing: result.facturX.missing.length,
    });
    return { id, file: target, bytes: result.pdf.length, pages: result.pages, facturX: report(result) };
  }

  async preview(id: string, what: PdfSubject = 'invoice'): Promise<Preview> {
    const { result, fileName } = await this.renderStored(id, what);
    return {
      id,
      base64: result.pdf.toString('base64'),
      bytes: result.pdf.length,
      pages: result.pages,
      fileName,
      facturX: report(result),
    };
  }

  private async exportJobs(): Promise<ExportJobs> {
    if (!this.jobs) {
      const { ExportJobs } = await import('./export-jobs.js');
      // Another call may have created it while the module loaded.
      this.jobs ??= new ExportJobs({
        ledgerFile: this.d.ledger.file,
        lister: ledgerExportLister(this.d.ledger.db),
        events: this.d.events,
        log: this.d.log,
        appVersion: this.d.version,
      });
    }
    return this.jobs as ExportJobs;
  }

  /** Starts exporting every invoice of the range as one PDF each, into `outDir` or a new exports folder. */
  async startExport(range: ExportRange, outDir?: string): Promise<PdfExportStatus> {
    const dir = path.resolve(outDir ?? path.join(exportDir(this.d.dataDir), `pdf-${backupStamp(this.d.now())}`));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new KassaError(
        'io',
        'export_failed',
        { file: dir, detail: (err as Error).message },
        { field: 'outDir', cause: err },
      );
    }
    const jobs = await this.exportJobs();
    try {
      return jobs.start(dir, range);
    } catch (err) {
      throw translateSqliteError(err);
    }
  }

  async exportStatus(jobId: string): Promise<PdfExportStatus> {
    const st = (await this.exportJobs()).get(jobId);
    if (!st) throw unknownJob(jobId);
    return st;
  }

  async cancelExport(jobId: string): Promise<PdfExportStatus> {
    const st = await (await this.exportJobs()).cancel(jobId);
    if (!st) throw unknownJob(jobId);
    return st;
  }

  /** Cancels running exports and waits for their workers (services shutdown). */
  async close(): Promise<void> {
    await this.jobs?.closeAll();
  }
}
