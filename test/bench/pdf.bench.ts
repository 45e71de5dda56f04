/**
 * `npm run bench:pdf`:
 *   1. ms per single-page invoice PDF (p50) with Kassa's pdfkit renderer (PDF/A-3b, Factur-X, QR included);
 *   2. the same invoice as an HTML template printed by headless Debian Chromium through playwright-core's
 *      page.pdf() — warm (one page reused) and cold (a browser launched per document) — and the ratios;
 *   3. a 10,000-invoice bulk export from a seeded ledger: total seconds, peak RSS of the exporting process
 *      (main thread + worker threads share one process: sampled RSS and VmHWM), and the longest event-loop
 *      stall of its main thread (perf_hooks.monitorEventLoopDelay), the thread that would serve the UI.
 * The export runs in a child process from the compiled app code (as the app ships), so its peak memory is its
 * own, not the browser benchmark's nor the TypeScript loader's.
 * Ends with one JSON line. Environment: BENCH_PDF_INVOICES (default 10000), BENCH_PDF_ITER (default 300).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import QRCode from 'qrcode';
import { openLedger } from '../../main/ledger/connection';
import { createFormatter } from '../../main/pdf/format';
import { renderInvoice } from '../../main/pdf/render';
import type { BusinessProfile, Invoice } from '../../shared/domain';
import { invoice, paymentLink, profile } from '../unit/pdf/fixtures';
import { seedInvoices, seedProfile } from '../integration/pdf/seed';
import { compileApp, runChild } from './compiled';

const BULK = Number(process.env.BENCH_PDF_INVOICES ?? 10_000);
const ITER = Number(process.env.BENCH_PDF_ITER ?? 300);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
}
const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

// ---------- The invoice, and the same invoice as HTML ----------

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

async function invoiceHtml(inv: Invoice, p: BusinessProfile): Promise<string> {
  const f = createFormatter(p.locale, inv.currency);
  const url = inv.links[0]?.paymentUrl ?? '';
  const qr = url ? await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }) : '';
  const rows = inv.lines
    .map(
      (l, i) =>
        `<tr><td>${i + 1}</td><td>${esc(l.description)}${l.discount ? `<div class="muted">Discount ${esc(f.money(-l.discount))}</div>` : ''}</td>` +
        `<td class="r">${esc(f.quantity(l.quantity))}</td><td class="r">${esc(f.money(l.unitPrice))}</td><td class="r">${esc(f.percent(l.taxRate))}</td>` +
        `<td class="r">${esc(f.money(inv.totals.lineNets[i] ?? 0))}</td></tr>`,
    )
    .join('');
  const vat = inv.totals.breakdown
    .map(
      (b) =>
        `<tr><td>VAT ${esc(f.percent(b.rate))} on ${esc(f.money(b.taxable))}</td><td class="r">${esc(f.money(b.tax))}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${esc(f.locale)}"><head><meta charset="utf-8"><title>Invoice ${esc(inv.number ?? '')}</title><style>
  @page { size: A4; margin: 48pt 48pt 64pt 48pt; }
  body { font-family: 'Noto Sans', 'Noto Sans Arabic', sans-serif; font-size: 9pt; color: #1a1a1a; margin: 0; }
  .top { display: flex; justify-content: space-between; } h1 { color: #1f4e79; font-size: 20pt; margin: 0; text-align: right; }
  .name { font-size: 13pt; font-weight: bold; } .muted { color: #5f6368; font-size: 8pt; } .label { color: #5f6368; font-size: 7.5pt; font-weight: bold; }
  table { width: 100%; border-collapse: collapse; margin-top: 16pt; } th { background: #eef2f7; text-align: left; font-size: 8pt; padding: 4pt 3pt; }
  td { padding: 4pt 3pt; border-bottom: 0.4pt solid #c9ced6; vertical-align: top; } .r { text-align: right; }
  .totals { width: 290pt; margin-left: auto; } .totals td { border: 0; padding: 1pt 3pt; } .total td { font-weight: bold; font-size: 10.5pt; border-top: 0.8pt solid #1a1a1a; }
  .pay { display: flex; gap: 14pt; margin-top: 14pt; } .pay svg { width: 84pt; height: 84pt; } footer { position: fixed; bottom: -40pt; left: 0; right: 0; font-size: 8pt; color: #5f6368; }
  </style></head><body>
  <div class="top"><div>${p.logo ? `<img src="data:${p.logo.mime};base64,${p.logo.base64}" style="max-width:150pt;max-height:56pt"><br>` : ''}
  <div class="name">${esc(p.name)}</div><div>${esc(p.address.line1 ?? '')}<br>${esc(`${p.address.postalCode ?? ''} ${p.address.city ?? ''}`)}<br>${esc(p.email ?? '')}<br>VAT ID: ${esc(p.vatId ?? '')}</div></div>
  <div><h1>INVOICE</h1><table class="totals"><tr><td class="muted">Number</td><td class="r"><b>${esc(inv.number ?? '')}</b></td></tr>
  <tr><td class="muted">Issue date</td><td class="r"><b>${esc(f.date(inv.issueDate))}</b></td></tr><tr><td class="muted">Due date</td><td class="r"><b>${esc(f.date(inv.dueDate))}</b></td></tr></table></div></div>
  <div style="margin-top:22pt" class="label">BILL TO</div><div style="font-size:11pt;font-weight:bold">${esc(inv.customer.name)}</div>
  <div>${esc(inv.customer.address.line1 ?? '')}<br>${esc(`${inv.customer.address.postalCode ?? ''} ${inv.customer.address.city ?? ''}`)}<br>${esc(inv.customer.email ?? '')}</div>
  <table><thead><tr><th>#</th><th>Description</th><th class="r">Qty</th><th class="r">Unit price</th><th class="r">VAT</th><th class="r">Amount</th></tr></thead><tbody>${rows}</tbody></table>
  <table class="totals"><tr><td>Subtotal</td><td class="r">${esc(f.money(inv.totals.linesNet))}</td></tr>${vat}
  <tr class="total"><td>Total</td><td class="r">${esc(f.money(inv.totals.total))}</td></tr></table>
  ${url ? `<div class="pay">${qr}<div><b>Pay online</b><br><span style="color:#1f4e79">${esc(url)}</span></div></div>` : ''}
  ${inv.notes ? `<div class="label" style="margin-top:14pt">NOTES</div><div>${esc(inv.notes)}</div>` : ''}
  <footer>${esc(p.name)} · ${esc(inv.number ?? '')} <span style="float:right">1 / 1</span></footer></body></html>`;
}

// ---------- 1 + 2: one invoice, pdfkit vs Chromium ----------

async function pdfkitP50(inv: Invoice, p: BusinessProfile): Promise<number> {
  for (let i = 0; i < 30; i++) await renderInvoice(inv, p);
  const times: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    const r = await renderInvoice(inv, p);
    times.push(performance.now() - t0);
    if (r.pages !== 1) throw new Error('the benchmark invoice must fit one page');
  }
  return p50(times);
}

async function chromiumP50(html: string): Promise<{ warm: number; cold: number; pdfBytes: number }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-chromium-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp; // Playwright leaves playwright-artifacts-* folders in TMPDIR.
  const { chromium } = await import('playwright-core');
  const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const browser = await launch();
    const page = await browser.newPage();
    let bytes = 0;
    const once = async (): Promise<void> => {
      await page.setContent(html, { waitUntil: 'load' });
      bytes = (await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).length;
    };
    for (let i = 0; i < 10; i++) await once();
    const warm: number[] = [];
    for (let i = 0; i < Math.min(ITER, 100); i++) {
      const t0 = performance.now();
      await once();
      warm.push(performance.now() - t0);
    }
    await browser.close();
    const cold: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const b = await launch();
      const pg = await b.newPage();
      await pg.setContent(html, { waitUntil: 'load' });
      await pg.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await b.close();
      cold.push(performance.now() - t0);
    }
    return { warm: p50(warm), cold: p50(cold), pdfBytes: bytes };
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------- 3: bulk export, in a child process running the compiled app code ----------

interface BulkFigures {
  written: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
  maxStallMs: number;
  meanStallMs: number;
}

/**
 * The app ships compiled JavaScript (tsc, CommonJS), so the export is measured that way: main/ and shared/ are
 * compiled into .tmp/bench-dist/ (ignored by git; inside the checkout so resources/fonts is found the same way),
 * and a child process opens the ledger like the app does, exports everything with two worker threads, and
 * measures itself: RSS sampled every 25 ms plus VmHWM (main thread and workers share the process), and the
 * main thread's event-loop delay. Under tsx instead (the tests' way) the same export needs ~30 MB more for the
 * TypeScript loader in each thread.
 */
const CHILD = `
const fs = require('node:fs');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const [dist, ledgerFile, outDir] = process.argv.slice(1);
const { openLedger } = require(path.join(dist, 'main/ledger/connection.js'));
const { runPdfExport } = require(path.join(dist, 'main/pdf/export-run.js'));
const { ledgerExportLister } = require(path.join(dist, 'main/pdf/source.js'));
(async () => {
  const ledger = await openLedger(ledgerFile);
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const r = await runPdfExport({ ledgerFile, outDir, range: {}, lister: ledgerExportLister(ledger.db), workers: 2, onRss: (rss) => (peak = Math.max(peak, rss)) });
  h.disable();
  clearInterval(sampler);
  const hwm = Number((/VmHWM:\\s+(\\d+)\\s*kB/.exec(fs.readFileSync('/proc/self/status', 'utf8')) || [])[1] || 0) * 1024;
  ledger.close();
  process.stdout.write(JSON.stringify({ written: r.written, failed: r.failed, seconds: r.seconds, peakRssMb: Math.max(peak, hwm) / 1048576,
    maxStallMs: h.max / 1e6, meanStallMs: h.mean / 1e6 }) + '\\n');
})().catch((e) => { console.error(e); process.exit(1); });
`;

async function main(): Promise<void> {
  const inv = invoice({ links: [paymentLink()], notes: 'Merci pour votre confiance.' });
  const prof = profile();

  const pdfkit = await pdfkitP50(inv, prof);
  console.log(`pdfkit, one invoice (PDF/A-3b + Factur-X + QR): p50 ${pdfkit.toFixed(2)} ms over ${ITER}`);
  const chrome = await chromiumP50(await invoiceHtml(inv, prof));
  console.log(
    `Chromium page.pdf(), same invoice: warm p50 ${chrome.warm.toFixed(1)} ms, cold p50 ${chrome.cold.toFixed(0)} ms (${chrome.pdfBytes} bytes)`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-pdf-'));
  try {
    const ledgerFile = path.join(dir, 'kassa.db');
    const ledger = await openLedger(ledgerFile);
    const t0 = performance.now();
    seedProfile(ledger.db);
    seedInvoices(ledger.db, { invoices: BULK, firstDay: '2025-01-01', spanDays: 365, draftEvery: 0, customers: 500 });
    const count = (ledger.db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    ledger.close();
    console.log(`Seeded ${count} invoices (incl. credit notes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const dist = compileApp();
    let bulk: BulkFigures;
    try {
      bulk = await runChild<BulkFigures>(CHILD, [dist, ledgerFile, path.join(dir, 'out')]);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
    const files = fs.readdirSync(path.join(dir, 'out')).length;
    console.log(
      `Bulk export: ${bulk.written} written (${files} files, ${bulk.failed} failed) in ${bulk.seconds.toFixed(1)} s; ` +
        `peak RSS ${bulk.peakRssMb.toFixed(0)} MB; event-loop stall max ${bulk.maxStallMs.toFixed(1)} ms (mean ${bulk.meanStallMs.toFixed(2)} ms)`,
    );
    if (bulk.failed > 0 || files !== count) throw new Error(`export incomplete: ${files} files for ${count} invoices`);
    const result = {
      pdfkit_p50_ms: round(pdfkit),
      chromium_warm_p50_ms: round(chrome.warm),
      chromium_cold_p50_ms: round(chrome.cold),
      ratio_warm: round(chrome.warm / pdfkit),
      ratio_cold: round(chrome.cold / pdfkit),
      bulk_invoices: bulk.written,
      bulk_s: round(bulk.seconds),
      bulk_peak_rss_mb: round(bulk.peakRssMb, 1),
      max_event_loop_stall_ms: round(bulk.maxStallMs),
    };
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
