/** The bookkeeper's methods: periods, the record chain, the VAT summary, e-invoice XML and period archives. */
import type { booksMethods } from '../../shared/contract/books';
import fs from 'node:fs';
import path from 'node:path';
import { checkArchiveTarget, issuedLister } from '../books/archive';
import { ArchiveJobs } from '../books/archive-jobs';
import { targetFile, writeWhole } from '../books/files';
import { verifyArchive } from '../books/verify';
import { vatSummaryCsv } from '../books/vat-csv';
import { einvoiceXml, xmlFileName } from '../einvoice';
import { verifyRecordChain } from '../ledger/chain';
import { openDatabase } from '../ledger/connection';
import { closePeriod, periodsOverview, reopenPeriod } from '../ledger/periods';
import { translateSqliteError } from '../ledger/sql';
import { getProfile } from '../ledger/tables/profile';
import { vatSummary } from '../ledger/vat-summary';
import { documentOf, ledgerInvoiceSource } from '../pdf/source';
import { renderVatSummaryPdf } from '../pdf/vat-summary';
import type { Services } from '../services';
import { backupStamp } from '../ledger/backup';
import { KassaError } from '../../shared/errors';
import { callerMayChoosePaths, exportDir, ledgerCtx, read, today, write } from './ledger-support';
import type { HandlerFactory } from './types';

/** One archive job registry per running app (jobs outlive a call). */
const archiveRegistries = new WeakMap<Services, ArchiveJobs>();

function archiveJobs(s: Services): ArchiveJobs {
  let jobs = archiveRegistries.get(s);
  if (!jobs) {
    jobs = new ArchiveJobs({
      ledgerFile: s.ledger.file,
      lister: (from, to) => issuedLister(s.ledger.db, from, to),
      profile: () => read(() => getProfile(s.ledger.db)),
      events: s.events,
      log: s.log,
      now: s.now,
      appVersion: s.version,
    });
    archiveRegistries.set(s, jobs);
  }
  return jobs;
}

function job<T>(found: T | undefined, jobId: string): T {
  if (found === undefined)
    throw new KassaError('not_found', 'archive_job_not_found', { id: jobId }, { field: 'jobId' });
  return found;
}

const periodsChanged = (s: Services): void => s.events.emit('ledger.changed', { entity: 'period' });

/** A read on a connection of its own, in one read transaction: a consistent snapshot that never blocks writers. */
export async function onSnapshot<T>(
  s: Services,
  fn: (db: ReturnType<typeof openDatabase>) => Promise<T> | T,
): Promise<T> {
  const db = openDatabase(s.ledger.file, { readonly: true });
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

export const booksHandlers: HandlerFactory<keyof typeof booksMethods> = (s) => ({
  'period.list': () => read(() => periodsOverview(s.ledger.db)),
  'period.close': ({ period, note }, ctx) => {
    const closed = write(s, () => closePeriod(ledgerCtx(s, ctx), period, note));
    s.log.info('period.closed', { period: closed.period });
    periodsChanged(s);
    return closed;
  },
  'period.reopen': ({ period, reason }, ctx) => {
    const event = write(s, () => reopenPeriod(ledgerCtx(s, ctx), period, reason));
    s.log.warn('period.reopened', { period: event.period });
    periodsChanged(s);
    return event;
  },
  'report.vat': ({ from, to }) => onSnapshot(s, (db) => vatSummary(db, from, to, s.now())),
  'report.vatFile': async ({ from, to, format, file, inline }, ctx) => {
    const fileName = `vat-summary-${from}-${to}.${format}`;
    const target = inline ? null : targetFile(s, ctx, file, fileName);
    const summary = await onSnapshot(s, (db) => vatSummary(db, from, to, s.now()));
    const data =
      format === 'pdf'
        ? await renderVatSummaryPdf(
            summary,
            read(() => getProfile(s.ledger.db)),
            { appVersion: s.version },
          )
        : Buffer.from(format === 'csv' ? vatSummaryCsv(summary) : `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
    if (target === null) return { format, fileName, file: null, bytes: data.length, base64: data.toString('base64') };
    const bytes = writeWhole(target, data);
    s.log.info('report.vat', { format, bytes, documents: summary.documents });
    return { format, fileName, file: target, bytes, base64: null };
  },
  'invoice.xml': ({ id, format, file, ...opts }, ctx) => {
    const doc = read(() =>
      documentOf(
        ledgerInvoiceSource(s.ledger.db, () => today(s)),
        id,
      ),
    );
    const fileName = xmlFileName(doc.invoice, format);
    const target = file === undefined ? null : targetFile(s, ctx, file, fileName);
    const { xml, missing } = einvoiceXml(doc.invoice, doc.profile, doc.corrected, format, opts);
    const bytes = Buffer.byteLength(xml);
    if (target === null) return { id, format, fileName, file: null, xml, bytes, missing };
    writeWhole(target, xml);
    s.log.info('invoice.xml', { invoiceId: id, format, bytes, missing: missing.length });
    return { id, format, fileName, file: target, xml: null, bytes, missing };
  },
  'archive.start': ({ from, to, format, out }, ctx) => {
    const target = targetFile(s, ctx, out, `kassa-archive-${from}-${to}-${backupStamp(s.now())}.zip`, 'out');
    checkArchiveTarget(target);
    return archiveJobs(s).start({ from, to, format, target });
  },
  'archive.status': ({ jobId }) => job(archiveJobs(s).get(jobId), jobId),
  'archive.cancel': async ({ jobId }) => job(await archiveJobs(s).cancel(jobId), jobId),
  'archive.list': () => {
    const dir = exportDir(s);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => /^kassa-archive-.*\.zip$/.test(name))
      .map((fileName) => {
        const file = path.join(dir, fileName);
        const st = fs.statSync(file);
        return { file, fileName, bytes: st.size, createdAt: st.mtime.toISOString() };
      })
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  },
  // The app may only check what sits in its own exports folder; the CLI may name any file or folder.
  'archive.verify': ({ file }, ctx) =>
    verifyArchive(callerMayChoosePaths(ctx) ? path.resolve(file) : path.join(exportDir(s), path.basename(file))),
  'record.verify': () =>
    onSnapshot(s, async (db) => {
      const v = await verifyRecordChain(db, () => new Promise((r) => setImmediate(r)));
      return {
        ok: v.ok,
        length: v.head.length,
        head: v.head.hash,
        headAt: v.head.at,
        problems: v.problems,
        problemCount: v.problemCount,
      };
    }),
});
