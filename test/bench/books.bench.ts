/**
 * `npm run bench:books`: the bookkeeper's archive of a 10,000-document year (`kassa export period … --out FILE.zip`)
 * from a seeded ledger — every PDF, every UBL XML, the CSV journal, the VAT summary and the manifest — then
 * `kassa verify` of that zip. Runs the compiled app in a child process (see compiled.ts) with two worker threads,
 * and reports seconds, the peak RSS of the exporting process (main thread + workers), the longest event-loop stall
 * of its main thread, the zip's size, and the verify time.
 * Ends with one JSON line. Environment: BENCH_BOOKS_INVOICES (default 10000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../../main/ledger/connection';
import { seedInvoices, seedProfile } from '../integration/pdf/seed';
import { compileApp, PEAK_RSS_SNIPPET, runChild } from './compiled';

const BULK = Number(process.env.BENCH_BOOKS_INVOICES ?? 10_000);
const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

interface Figures {
  documents: number;
  failed: number;
  files: number;
  seconds: number;
  peakRssMb: number;
  maxStallMs: number;
  zipMb: number;
  verifySeconds: number;
  verifyOk: boolean;
  verifyPeakRssMb: number;
}

const CHILD = `
const fs = require('node:fs');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const [dist, ledgerFile, zip] = process.argv.slice(1);
const { openLedger } = require(path.join(dist, 'main/ledger/connection.js'));
const { buildArchive, issuedLister } = require(path.join(dist, 'main/books/archive.js'));
const { verifyArchive } = require(path.join(dist, 'main/books/verify.js'));
const { getProfile } = require(path.join(dist, 'main/ledger/tables/profile.js'));
${PEAK_RSS_SNIPPET}
(async () => {
  const ledger = await openLedger(ledgerFile);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  const r = await buildArchive({
    ledgerFile, lister: issuedLister(ledger.db, '1900-01-01', '2199-12-31'), from: '1900-01-01', to: '2199-12-31',
    format: 'ubl', target: zip, profile: getProfile(ledger.db), now: new Date(), workers: 2,
    onRss: (rss) => (peak = Math.max(peak, rss)),
  });
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  const peakRssMb = peakRss() / 1048576;
  ledger.close();
  const t1 = performance.now();
  const v = await verifyArchive(zip);
  const verifySeconds = (performance.now() - t1) / 1000;
  process.stdout.write(JSON.stringify({ documents: r.documents, failed: r.failed, files: r.manifest.files.length, seconds, peakRssMb,
    maxStallMs: h.max / 1e6, zipMb: fs.statSync(zip).size / 1048576, verifySeconds, verifyOk: v.ok,
    verifyPeakRssMb: process.memoryUsage.rss() / 1048576 }) + '\\n');
})().catch((e) => { console.error(e); process.exit(1); });
`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-books-'));
  try {
    const ledgerFile = path.join(dir, 'kassa.db');
    const ledger = await openLedger(ledgerFile);
    const t0 = performance.now();
    seedProfile(ledger.db);
    seedInvoices(ledger.db, { invoices: BULK, firstDay: '2025-01-01', spanDays: 365, draftEvery: 0, customers: 500 });
    const issued = (
      ledger.db.prepare(`SELECT count(*) AS n FROM invoices WHERE status <> 'draft'`).get() as { n: number }
    ).n;
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    ledger.close();
    console.log(
      `Seeded ${issued} issued documents (invoices and credit notes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const dist = compileApp('bench-books-dist');
    let f: Figures;
    try {
      f = await runChild<Figures>(CHILD, [dist, ledgerFile, path.join(dir, 'archive.zip')]);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
    console.log(
      `Archive: ${f.documents} documents (${f.failed} failed), ${f.files} files, ${f.zipMb.toFixed(0)} MB zip in ${f.seconds.toFixed(1)} s; ` +
        `peak RSS ${f.peakRssMb.toFixed(0)} MB; event-loop stall max ${f.maxStallMs.toFixed(1)} ms; verify ${f.verifyOk ? 'ok' : 'FAILED'} in ${f.verifySeconds.toFixed(1)} s`,
    );
    if (f.failed > 0 || f.documents !== issued || !f.verifyOk) throw new Error('archive incomplete or not verified');
    console.log(
      JSON.stringify({
        documents: f.documents,
        files: f.files,
        seconds: round(f.seconds),
        peak_rss_mb: round(f.peakRssMb, 1),
        max_event_loop_stall_ms: round(f.maxStallMs),
        zip_mb: round(f.zipMb, 1),
        verify_seconds: round(f.verifySeconds),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
