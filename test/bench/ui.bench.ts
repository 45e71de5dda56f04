/**
 * `npm run bench:ui`: the invoice list as a user meets it, in Debian's Chromium (playwright-core) against the
 * browser host, over ledgers of 10,000 and 100,000 invoices written through the ledger's own functions
 * (seed-invoices.ts; kept between runs in a cache folder, since writing 100,000 takes minutes). Each run loads
 * the app afresh (an empty query cache; SQLite's pages stay warm, as in an app in use) and measures, in the page:
 *   - app_ready_ms:       from the start of navigation to the app drawn with its Invoices screen (the script
 *                         loaded and started, `app.info` answered, the screen's search box in the page): the
 *                         app's own start, which does not depend on the ledger's size,
 *   - list_first_rows_ms: from that moment (app ready: the screen has just asked main for its data) to the first
 *                         rows of the list in the page — the wait for the list itself, which is what a larger
 *                         ledger could make longer,
 *   - scroll_to_end_ms:   from setting the list's scroll position to its end to the last invoice's row in the page,
 *   - open_invoice_ms:    from a click on a row (near the end) to that invoice's page showing its number,
 *   - search_ms:          from Enter in the search box (a customer's name) to the count and first rows of the
 *                         matches (typing alone searches after a 250 ms pause; Enter does not wait).
 * Figures are p50/p95 over BENCH_UI_RUNS runs (default 7) after one warm-up run, per ledger size. The last line
 * is ONE JSON line: `invoices` (the sizes), and for each figure an object keyed by size: {"10000": {p50, p95}, …}.
 * Environment: BENCH_UI_SIZES (default "10000,100000"), BENCH_UI_RUNS, BENCH_UI_CACHE (the seeded ledgers'
 * folder, default $TMPDIR/kassa-bench-ui), BENCH_UI_SHOTS=1 (screenshots of the list scrolled to the middle at
 * the largest size, in English and Arabic, into test-results/bench-ui/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ledgerFile } from '../../main/config';
import { buildHandlers } from '../../main/handlers';
import { startHost } from '../../main/host/server';
import { openLedger } from '../../main/ledger/connection';
import { migrations } from '../../main/ledger/migrations';
import { writePreferences } from '../../main/ledger/preferences';
import { countInvoicesMatching } from '../../main/ledger/queries';
import { projectRoot } from '../../main/native/bindings';
import { createServices } from '../../main/services';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';
import { customerName, seedInvoices } from './seed-invoices';
import { percentile } from './percentile';

const SIZES = (process.env.BENCH_UI_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const CACHE = process.env.BENCH_UI_CACHE ?? path.join(os.tmpdir(), 'kassa-bench-ui');
const SHOTS = process.env.BENCH_UI_SHOTS === '1';
const FIGURES = ['list_first_rows_ms', 'scroll_to_end_ms', 'open_invoice_ms', 'search_ms', 'app_ready_ms'] as const;
type Figure = (typeof FIGURES)[number];

for (const n of SIZES) if (!Number.isInteger(n) || n < 100) throw new Error(`BENCH_UI_SIZES: ${n} is not a size ≥ 100`);

const customersFor = (n: number): number => Math.min(2_000, Math.max(10, Math.floor(n / 50)));

const SEEDED = /^invoices-(\d+)-schema-(\d+)\.db$/;

/**
 * The seeded ledger of n invoices, kept in CACHE per schema version. A seed of an older schema is copied and
 * brought up to date by openLedger's migrations (as a user's ledger is on upgrade) instead of seeding again,
 * which takes minutes at 100,000; only when there is none is the ledger seeded.
 */
async function seededLedger(n: number): Promise<string> {
  const file = path.join(CACHE, `invoices-${n}-schema-${migrations.length}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE, { recursive: true });
  const part = `${file}.part`;
  for (const f of [part, `${part}-wal`, `${part}-shm`]) fs.rmSync(f, { force: true });
  const older = olderSeed(n);
  if (older) {
    console.log(`Migrating ${older} to schema ${migrations.length}`);
    fs.copyFileSync(path.join(CACHE, older), part);
  }
  const ledger = await openLedger(part, { backupDir: path.join(CACHE, 'migration-backups') });
  if (!older) {
    const t0 = Date.now();
    console.log(`Seeding ${n.toLocaleString('en')} invoices into ${file}`);
    seedInvoices(ledger.db, n, customersFor(n), (done) => {
      if (done % 10_000 === 0)
        console.log(`  ${done.toLocaleString('en')} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    });
    // The app opens on the list (no first-start setup) and copies nothing in the background while it is measured.
    writePreferences(ledger.db, { setup: 'done', autoBackups: false });
  }
  ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  fs.renameSync(part, file);
  fs.rmSync(path.join(CACHE, 'migration-backups'), { recursive: true, force: true });
  return file;
}

/** The newest cached seed of n invoices made under an older schema (file name), if any. */
function olderSeed(n: number): string | undefined {
  let best: { name: string; schema: number } | undefined;
  for (const name of fs.readdirSync(CACHE)) {
    const m = SEEDED.exec(name);
    if (!m || Number(m[1]) !== n) continue;
    const schema = Number(m[2]);
    if (schema < migrations.length && (!best || schema > best.schema)) best = { name, schema };
  }
  return best?.name;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Resolves with the ms from `act` (statements run in the page) until `done` (an expression) holds, checked on
 * every change of the page. Sent as source text: the app's content security policy allows no eval in the page.
 */
async function timed(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const t0 = performance.now();
    ${act}
    const finish = () => {
      if (!(${done})) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now() - t0);
      return true;
    };
    const observer = new MutationObserver(() => void finish());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('not done after 60 s: ' + ${JSON.stringify(done)}));
    }, 60000);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    finish();
  })`);
}

const BOX = `document.querySelector('[data-testid="invoice-scroll"]')`;
const rowAt = (i: string): string =>
  `${BOX}.querySelector('tr[data-testid="invoice-row"][data-index="' + (${i}) + '"]')`;

/** One fresh load of the app and the four measures. */
async function run(page: Page, url: string, search: { q: string; count: number }): Promise<Record<Figure, number>> {
  await page.goto('about:blank');
  await page.goto(url);
  await page
    .waitForSelector('[data-testid="invoice-row"]', { timeout: Number(process.env.BENCH_UI_TIMEOUT ?? 120_000) })
    .catch(async (err: unknown) => {
      const file = path.join(os.tmpdir(), 'kassa-bench-ui-failed.png');
      await page.screenshot({ path: file, fullPage: true });
      throw new Error(`no rows (screenshot ${file}): ${String(err)}`);
    });
  const ready = Number(await page.evaluate('window.appReady'));
  const first = Number(await page.evaluate('window.firstRows')) - ready;
  const count = Number(await page.getByTestId('invoice-list-count').getAttribute('data-count'));

  const scroll = await timed(page, `const b = ${BOX}; b.scrollTop = b.scrollHeight;`, `!!${rowAt(String(count - 1))}`);

  // A row near the end that has a number (drafts show none).
  const open = await timed(
    page,
    `const rows = [...${BOX}.querySelectorAll('tr[data-testid="invoice-row"]')].filter((r) => /\\d/.test(r.cells[0].textContent));
     const row = rows[rows.length - 3]; window.opened = row.cells[0].textContent; row.click();`,
    `(document.querySelector('[data-testid="invoice-number"]')?.textContent ?? '').includes(window.opened)`,
  );

  const find = await timed(
    page,
    `const box = document.querySelector('[data-testid="invoice-search"]');
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, ${JSON.stringify(search.q)});
     box.dispatchEvent(new Event('input', { bubbles: true }));
     box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`,
    `document.querySelector('[data-testid="invoice-list-count"]')?.getAttribute('data-count') === '${search.count}' &&
     (${rowAt('0')}?.textContent ?? '').includes(${JSON.stringify(search.q.slice(-4))})`,
  );
  return {
    list_first_rows_ms: first,
    scroll_to_end_ms: scroll,
    open_invoice_ms: open,
    search_ms: find,
    app_ready_ms: ready,
  };
}

/** The list scrolled to its middle, in this language, into test-results/bench-ui/. */
async function screenshot(page: Page, url: string, lang: 'en' | 'ar', n: number): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByTestId('invoice-row').first().waitFor();
  const middle = Math.floor(n / 2);
  await page.evaluate(
    `{ const b = ${BOX}; const h = b.querySelector('tr[data-index]').offsetHeight; b.scrollTop = ${middle} * h - b.clientHeight / 2; }`,
  );
  await page.waitForSelector(`tr[data-testid="invoice-row"][data-index="${middle}"]`);
  const dir = path.join(projectRoot(), 'test-results', 'bench-ui');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `invoice-list-${n}-${lang}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}

async function measureSize(n: number): Promise<Record<Figure, { p50: number; p95: number }>> {
  const seeded = await seededLedger(n);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-ui-data-'));
  fs.copyFileSync(seeded, ledgerFile(dataDir));
  const s = await createServices({ dataDir, runtime: 'browser-host' });
  const host = await startHost({
    handlers: buildHandlers(s),
    events: s.events,
    log: s.log,
    staticDir: path.join(projectRoot(), 'dist', 'renderer'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    // A customer's name as a person would type it (two words and its number), and how many invoices it has.
    const name = customerName(Math.floor(customersFor(n) / 3));
    const q = `${name.split(' ').slice(0, 2).join(' ')} ${name.slice(-4)}`;
    const search = { q, count: countInvoicesMatching(s.ledger.db, { q }, '2026-11-24') };
    if (search.count === 0) throw new Error(`no invoice matches ${q}`);
    const times = Object.fromEntries(FIGURES.map((f) => [f, [] as number[]])) as Record<Figure, number[]>;
    for (const [lang, locale] of [
      ['en', 'en-US'],
      ['ar', 'ar-EG'],
    ] as const) {
      if (lang === 'ar' && !SHOTS) break;
      const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
      // When the app is ready and when the first rows are in, from the start of navigation, noted by the page
      // itself in the same change of the page that shows them. (Source text: a function would be sent with the
      // TypeScript loader's helpers, unknown in the page.)
      await context.addInitScript(`{
        const seen = () => {
          if (!window.appReady && document.querySelector('[data-testid="invoice-search"]'))
            window.appReady = performance.now();
          if (!document.querySelector('[data-testid="invoice-row"]')) return false;
          window.firstRows = performance.now();
          return true;
        };
        const observer = new MutationObserver(() => seen() && observer.disconnect());
        observer.observe(document, { childList: true, subtree: true });
      }`);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      if (lang === 'en') {
        for (let i = 0; i <= RUNS; i++) {
          const r = await run(page, host.openUrl, search);
          if (i === 0) continue; // warm-up
          for (const f of FIGURES) times[f].push(r[f]);
          console.log(`  ${n} run ${i}: ${FIGURES.map((f) => `${f} ${r[f].toFixed(1)}`).join('  ')}`);
        }
      }
      if (SHOTS && n === Math.max(...SIZES)) await screenshot(page, host.openUrl, lang, n);
      if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
      await context.close();
    }
    const out = {} as Record<Figure, { p50: number; p95: number }>;
    for (const f of FIGURES) {
      const sorted = times[f].sort((a, b) => a - b);
      out[f] = { p50: r1(percentile(sorted, 0.5)), p95: r1(percentile(sorted, 0.95)) };
    }
    return out;
  } finally {
    await browser.close();
    await host.close();
    await s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(projectRoot(), 'dist', 'renderer', 'index.html')))
    throw new Error('dist/renderer is missing: run npm run build:renderer');
  const bySize: Record<string, Record<Figure, { p50: number; p95: number }>> = {};
  for (const n of SIZES) {
    console.log(`${n.toLocaleString('en')} invoices, ${RUNS} runs`);
    bySize[n] = await measureSize(n);
  }
  const line: Record<string, unknown> = { invoices: SIZES };
  for (const f of FIGURES) line[f] = Object.fromEntries(SIZES.map((n) => [String(n), bySize[n]![f]]));
  line.runs = RUNS;
  line.load_avg_1m = r1(os.loadavg()[0] ?? NaN);
  console.log(JSON.stringify(line));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
