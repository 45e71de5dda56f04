/**
 * The bookkeeper's archive of a date range: every issued document's PDF (PDF/A-3b with Factur-X) and e-invoice XML in
 * the chosen format, the CSV journal (documents and lines), the VAT summary (JSON, CSV, PDF), and manifest.json
 * with each file's size and SHA-256 and the record chain's head — into a folder, or a .zip.
 *
 * Bounded memory: documents are rendered by the PDF export's worker pool straight to files (a few batches in flight),
 * the CSVs are written in chunks, files are hashed as streams, and the zip is streamed from the files on disk
 * (yazl reads one file at a time). What stays in memory is the list of file names and hashes for the manifest.
 *
 * Why yazl (writing) and yauzl (reading, verify.ts): the two small, long-maintained zip libraries of Node
 * (one dependency each, no native code, written by the same author and used by millions of installs) that stream
 * entries from and to files, so neither side holds an archive in memory. adm-zip and JSZip work in memory, archiver
 * brings a dozen packages. The manifest's SHA-256s, not the zip's CRC-32s, are what verify.ts trusts.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ArchiveManifestFile, VatSummary, XmlFormat } from '../../shared/contract/books';
import type { InvoiceFilter } from '../../shared/contract/invoices';
import { INVOICE_STATUSES, type BusinessProfile } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { replaceFileAtomic, writeFileAtomic, writeFileAtomicFrom } from '../atomic-write';
import { PRIVATE_DIR_MODE } from '../private-files';
import { sha256 } from '../ledger/chain';
import { openDatabase } from '../ledger/connection';
import { exportCsv } from '../ledger/csv-export';
import { countIssuedDocuments, issuedDocumentsPage } from '../ledger/issued-listing';
import { vatSummary } from '../ledger/vat-summary';
import { runPdfExport } from '../pdf/export-run';
import type { ExportLister } from '../pdf/source';
import { renderVatSummaryPdf } from '../pdf/vat-summary';
import { vatSummaryCsv } from './vat-csv';

export const MANIFEST = 'manifest.json';
export const ARCHIVE_KIND = 'kassa-archive';

export interface ArchiveManifest {
  kind: typeof ARCHIVE_KIND;
  version: 1;
  createdAt: string;
  from: string;
  to: string;
  xmlFormat: XmlFormat;
  seller: { name: string; vatId: string | null };
  /** Issued documents of the range, and how many of them could not be written. */
  documents: number;
  failed: number;
  closedPeriods: string[];
  /** The record chain when the archive was made: its length and last hash. */
  chainHead: { length: number; hash: string };
  files: ArchiveManifestFile[];
}

export interface ArchiveProgress {
  phase: 'documents' | 'packing';
  done: number;
  total: number;
  failed: number;
}

export interface ArchiveRequest {
  ledgerFile: string;
  /** The app's connection, for the index-only listing of the documents (workers load them on their own). */
  lister: ExportLister;
  from: string;
  to: string;
  format: XmlFormat;
  /** A folder (created; must be empty if it exists) or a file ending in .zip (must not exist). */
  target: string;
  profile: BusinessProfile;
  appVersion?: string;
  now: Date;
  signal?: AbortSignal;
  onProgress?: (p: ArchiveProgress) => void;
  workers?: number;
  onRss?: (rss: number) => void;
}

export interface ArchiveResult {
  cancelled: boolean;
  documents: number;
  failed: number;
  errors: Array<{ id: string; message: string }>;
  manifest: ArchiveManifest | null;
  /** SHA-256 of manifest.json: keep it, and any copy of the archive can be checked against it. */
  manifestSha256: string | null;
}

export const isZipTarget = (target: string): boolean => /\.zip$/i.test(target);

/** The documents of the range the archive holds: issued ones only, never drafts. */
export function issuedLister(db: Parameters<typeof countIssuedDocuments>[0], from: string, to: string): ExportLister {
  return {
    count: () => countIssuedDocuments(db, from, to),
    page: (_range, after, limit) => issuedDocumentsPage(db, from, to, after, limit),
  };
}

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), bytes };
}

/** Files under `dir`, as archive paths with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
    })
    .sort();
}

/** Refuses a target that would overwrite something: an existing zip, or a folder that is not empty. */
export function checkArchiveTarget(target: string): void {
  if (isZipTarget(target)) {
    if (fs.existsSync(target))
      throw new KassaError('refused', 'archive_target_exists', { file: target }, { field: 'out' });
    return;
  }
  if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0))
    throw new KassaError('refused', 'archive_target_not_empty', { file: target }, { field: 'out' });
}

/** The range's figures and journal, from one read transaction (a consistent snapshot). */
async function writeStatements(req: ArchiveRequest, dir: string): Promise<VatSummary> {
  const db = openDatabase(req.ledgerFile, { readonly: true });
  try {
    db.exec('BEGIN');
    try {
      const summary = vatSummary(db, req.from, req.to, req.now);
      writeFileAtomic(path.join(dir, 'vat-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
      writeFileAtomic(path.join(dir, 'vat-summary.csv'), vatSummaryCsv(summary));
      writeFileAtomic(
        path.join(dir, 'vat-summary.pdf'),
        await renderVatSummaryPdf(summary, req.profile, {
          now: req.now,
          ...(req.appVersion ? { appVersion: req.appVersion } : {}),
        }),
      );
      const filter: InvoiceFilter = {
        issueFrom: req.from,
        issueTo: req.to,
        status: INVOICE_STATUSES.filter((st) => st !== 'draft'),
      };
      for (const [what, name] of [
        ['invoices', 'journal.csv'],
        ['lines', 'journal-lines.csv'],
      ] as const) {
        await writeFileAtomicFrom(path.join(dir, name), (sink) =>
          exportCsv(db, what, filter, req.now.toISOString().slice(0, 10), sink, () => {}),
        );
      }
      return summary;
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}

async function zipInto(target: string, staging: string, files: string[], onFile: () => void): Promise<void> {
  await replaceFileAtomic(target, async (tmp) => {
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, fs.createWriteStream(tmp));
    for (const rel of files) {
      // PDFs are compressed inside already: storing them saves the CPU a second deflate would waste.
      zip.addFile(path.join(staging, rel), rel, { compress: !rel.endsWith('.pdf') });
      onFile();
    }
    zip.end();
    await written;
  });
}

export async function buildArchive(req: ArchiveRequest): Promise<ArchiveResult> {
  checkArchiveTarget(req.target);
  const zip = isZipTarget(req.target);
  const staging = zip ? `${req.target}.staging-${randomBytes(4).toString('hex')}` : req.target;
  const createdTarget = !fs.existsSync(staging);
  fs.mkdirSync(staging, { recursive: true, mode: PRIVATE_DIR_MODE });
  const cleanup = (): void => {
    if (zip || createdTarget) fs.rmSync(staging, { recursive: true, force: true });
    else
      for (const name of fs.readdirSync(staging)) fs.rmSync(path.join(staging, name), { recursive: true, force: true });
  };
  try {
    const summary = await writeStatements(req, staging);
    const run = await runPdfExport({
      ledgerFile: req.ledgerFile,
      outDir: path.join(staging, 'pdf'),
      range: { from: req.from, to: req.to },
      lister: req.lister,
      xml: { format: req.format, dir: path.join(staging, 'xml') },
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.workers ? { workers: req.workers } : {}),
      ...(req.appVersion ? { appVersion: req.appVersion } : {}),
      ...(req.onRss ? { onRss: req.onRss } : {}),
      onProgress: (p) => req.onProgress?.({ phase: 'documents', done: p.done, total: p.total, failed: p.failed }),
    });
    const cancelled = (): ArchiveResult => {
      cleanup();
      return {
        cancelled: true,
        documents: run.total,
        failed: run.failed,
        errors: run.errors,
        manifest: null,
        manifestSha256: null,
      };
    };
    if (run.cancelled) return cancelled();

    const rels = filesUnder(staging);
    const files: ArchiveManifestFile[] = [];
    const packing = (done: number): void =>
      req.onProgress?.({ phase: 'packing', done, total: rels.length * (zip ? 2 : 1), failed: run.failed });
    for (const rel of rels) {
      if (req.signal?.aborted) break;
      files.push({ path: rel, ...(await sha256File(path.join(staging, rel))) });
      packing(files.length);
    }
    if (req.signal?.aborted) return cancelled();
    const manifest: ArchiveManifest = {
      kind: ARCHIVE_KIND,
      version: 1,
      createdAt: req.now.toISOString(),
      from: req.from,
      to: req.to,
      xmlFormat: req.format,
      seller: { name: req.profile.name, vatId: req.profile.vatId ?? null },
      documents: run.total,
      failed: run.failed,
      closedPeriods: summary.closedPeriods,
      chainHead: summary.chainHead,
      files,
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    writeFileAtomic(path.join(staging, MANIFEST), manifestText);
    if (zip) {
      let zipped = 0;
      await zipInto(req.target, staging, [...rels, MANIFEST], () =>
        packing(rels.length + Math.min(++zipped, rels.length)),
      );
      fs.rmSync(staging, { recursive: true, force: true });
    }
    return {
      cancelled: false,
      documents: run.total,
      failed: run.failed,
      errors: run.errors,
      manifest,
      manifestSha256: sha256(manifestText),
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}
