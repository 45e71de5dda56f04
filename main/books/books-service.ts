/**
 * The bookkeeper's pack as a service of the running app: the VAT summary and its files, e-invoice XML, the record
 * chain's verification, and the period archives (a job registry that outlives a single call). Reads that walk many
 * rows run on a read-only connection of their own, in one read transaction (a consistent snapshot that never holds
 * up the app's writes). pdfkit and the zip libraries are loaded on first use.
 */
import path from 'node:path';
import type {
  ArchiveInfo,
  ArchiveStatus,
  InvoiceXmlResult,
  RecordStatus,
  ReportFile,
  VatFileFormat,
  VatSummary,
  XmlFormat,
} from '../../shared/contract/books';
import { KassaError } from '../../shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { exportDir } from '../config';
import type { EventHub } from '../events';
import { backupStamp } from '../ledger/backup';
import { verifyRecordChain } from '../ledger/chain';
import { openDatabase, type Db, type Ledger } from '../ledger/connection';
import { translateSqliteError } from '../ledger/sql';
import { getProfile } from '../ledger/tables/profile';
import { vatSummary } from '../ledger/vat-summary';
import type { Logger } from '../log';
import { documentOf, ledgerInvoiceSource } from '../pdf/source';
import type { ArchiveJobs } from './archive-jobs';
import { listArchives } from './archive-files';
import type { XmlOptions } from '../einvoice';

export interface BooksServiceDeps {
  ledger: Ledger;
  dataDir: string;
  events: EventHub;
  log: Logger;
  now: () => Date;
  today: () => string;
  version: string;
}

export class BooksService {
  private jobs: ArchiveJobs | undefined;

  constructor(private readonly d: BooksServiceDeps) {}

  /** Where the app's own files go (a path the caller did not choose). */
  exportFile(fileName: string): string {
    return path.join(exportDir(this.d.dataDir), fileName);
  }

  private async snapshot<T>(fn: (db: Db) => Promise<T> | T): Promise<T> {
    const db = openDatabase(this.d.ledger.file, { readonly: true });
    try {
      db.exec('BEGIN');
      try {
        return await fn(db);
      } finally {
        db.exec('COMMIT');
      }
    } catch (err) {
      throw translateSqliteError(err);
    } finally {
      db.close();
    }
  }

  vat(from: string, to: string): Promise<VatSummary> {
    return this.snapshot((db) => vatSummary(db, from, to, this.d.now()));
  }

  /** The summary as JSON, CSV or PDF: written to `file` (already allowed by the caller), or returned inline. */
  async vatFile(from: string, to: string, format: VatFileFormat, file: string | null): Promise<ReportFile> {
    const fileName = `vat-summary-${from}-${to}.${format}`;
    const summary = await this.vat(from, to);
    let data: Buffer;
    if (format === 'pdf') {
      const { renderVatSummaryPdf } = await import('../pdf/vat-summary.js');
      data = await renderVatSummaryPdf(summary, getProfile(this.d.ledger.db), { appVersion: this.d.version });
    } else if (format === 'csv') {
      data = Buffer.from((await import('./vat-csv.js')).vatSummaryCsv(summary), 'utf8');
    } else data = Buffer.from(`${JSON.stringify(summary, null, 2)}\n`, 'utf8');
    if (file === null) return { format, fileName, file: null, bytes: data.length, base64: data.toString('base64') };
    const target = path.resolve(file);
    writeFileAtomic(target, data);
    this.d.log.info('report.vat', { format, bytes: data.length, documents: summary.documents });
    return { format, fileName, file: target, bytes: data.length, base64: null };
  }

  async xml(id: string, format: XmlFormat, opts: XmlOptions, file: string | null): Promise<InvoiceXmlResult> {
    const { einvoiceXml, xmlFileName } = await import('../einvoice/index.js');
    let doc;
    try {
      doc = documentOf(ledgerInvoiceSource(this.d.ledger.db, this.d.today), id);
    } catch (err) {
      throw translateSqliteError(err);
    }
    const fileName = xmlFileName(doc.invoice, format);
    const { xml, missing } = einvoiceXml(doc.invoice, doc.profile, doc.corrected, format, opts);
    const bytes = Buffer.byteLength(xml);
    if (file === null) return { id, format, fileName, file: null, xml, bytes, missing };
    const target = path.resolve(file);
    writeFileAtomic(target, xml);
    this.d.log.info('einvoice.xml', { invoiceId: id, format, bytes, missing: missing.length });
    return { id, format, fileName, file: target, xml: null, bytes, missing };
  }

  verifyRecord(): Promise<RecordStatus> {
    return this.snapshot(async (db) => {
      const v = await verifyRecordChain(db, () => new Promise((r) => setImmediate(r)));
      return {
        ok: v.ok,
        length: v.head.length,
        head: v.head.hash,
        headAt: v.head.at,
        problems: v.problems,
        problemCount: v.problemCount,
      };
    });
  }

  private async archiveJobs(): Promise<ArchiveJobs> {
    if (!this.jobs) {
      const [{ ArchiveJobs }, { issuedLister }] = await Promise.all([
        import('./archive-jobs.js'),
        import('./archive.js'),
      ]);
      this.jobs ??= new ArchiveJobs({
        ledgerFile: this.d.ledger.file,
        lister: (from, to) => issuedLister(this.d.ledger.db, from, to),
        profile: () => getProfile(this.d.ledger.db),
        events: this.d.events,
        log: this.d.log,
        now: this.d.now,
        appVersion: this.d.version,
      });
    }
    return this.jobs;
  }

  /** Starts an archive into `target` (a .zip or a folder); `null` names a new zip in the exports folder. */
  async startArchive(
    input: { from: string; to: string; format: XmlFormat },
    target: string | null,
  ): Promise<ArchiveStatus> {
    const { checkArchiveTarget } = await import('./archive.js');
    const file = path.resolve(
      target ?? this.exportFile(`kassa-archive-${input.from}-${input.to}-${backupStamp(this.d.now())}.zip`),
    );
    checkArchiveTarget(file);
    return (await this.archiveJobs()).start({ ...input, target: file });
  }

  async archiveStatus(jobId: string): Promise<ArchiveStatus> {
    return found((await this.archiveJobs()).get(jobId), jobId);
  }

  async cancelArchive(jobId: string): Promise<ArchiveStatus> {
    return found(await (await this.archiveJobs()).cancel(jobId), jobId);
  }

  archives(): ArchiveInfo[] {
    return listArchives(exportDir(this.d.dataDir));
  }

  /** Verifies an archive; the app's page may only name one of its own exports (its base name). */
  async verifyArchive(file: string, anyPath: boolean) {
    const { verifyArchive } = await import('./verify.js');
    return verifyArchive(anyPath ? path.resolve(file) : this.exportFile(path.basename(file)));
  }

  async close(): Promise<void> {
    await this.jobs?.closeAll();
  }
}

function found<T>(status: T | undefined, jobId: string): T {
  if (status === undefined)
    throw new KassaError('not_found', 'archive_job_not_found', { id: jobId }, { field: 'jobId' });
  return status;
}
