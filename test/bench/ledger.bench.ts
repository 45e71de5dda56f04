/**
 * `npm run bench:ledger`: seeds 100,000 invoices (1–8 lines each) across 2,000 customers and 4 currencies
 * through the ledger's own write functions, then measures, each against the same query written by hand in
 * raw better-sqlite3 with rows mapped to the same objects:
 *   - a 50-row page filtered by status and sorted by due date (walking pages with the keyset cursor),
 *   - a text search by customer name,
 *   - the dashboard totals.
 * Ends with one JSON line of figures. Environment: BENCH_INVOICES (default 100000), BENCH_KEEP=1 keeps the file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database as Db } from 'better-sqlite3';
import { invoiceListInput, type InvoiceListInput } from '../../shared/contract/invoices';
import { monthRange } from '../../shared/contract/dates';
import type {
  CustomerSnapshot,
  Invoice,
  InvoiceDiscount,
  LineItem,
  Payment,
  Refund,
  ProviderLink,
  VatCategory,
} from '../../shared/domain';
import { computeTotals } from '../../shared/totals';
import { openLedger } from '../../main/ledger/connection';
import { checkLedger } from '../../main/ledger/check';
import { exportCsv } from '../../main/ledger/csv-export';
import { dashboardTotals } from '../../main/ledger/dashboard';
import { listInvoices, searchTerms } from '../../main/ledger/queries';
import { searchNormalize } from '../../main/ledger/sql';
import { SEED_TODAY, seedInvoices } from './seed-invoices';
import { percentile } from './percentile';

const N = Number(process.env.BENCH_INVOICES ?? 100_000);
const CUSTOMERS = 2_000;
const TODAY = SEED_TODAY;

function measure(label: string, iterations: number, fn: (i: number) => unknown): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(i); // warm-up: statement caches, pages in memory
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  console.log(`${label.padEnd(34)} p50 ${r.p50.toFixed(3)} ms   p95 ${r.p95.toFixed(3)} ms`);
  return r;
}

// ---------- The hand-written versions: raw SQL, rows mapped to the same Invoice objects. ----------

const RAW_COLS =
  'id, kind, status, series, number, customer_id, customer_json, currency, issue_date, due_date, notes, terms, discount_json, ' +
  'lines_net, allowance_total, tax_total, total, paid, credited, refunded, corrects_invoice_id, created_at, updated_at, issued_at';

interface RawRow {
  id: string;
  kind: 'invoice' | 'credit_note';
  status: Invoice['status'];
  series: string | null;
  number: string | null;
  customer_id: string | null;
  customer_json: string;
  currency: string;
  issue_date: string | null;
  due_date: string | null;
  notes: string | null;
  terms: string | null;
  discount_json: string | null;
  total: number;
  paid: number;
  credited: number;
  refunded: number;
  corrects_invoice_id: string | null;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
  k: string;
}

function rawRelated(db: Db) {
  const lines = db.prepare(
    `SELECT invoice_id, description, quantity, unit_code, unit_price, discount, tax_rate, tax_category, exemption_reason FROM invoice_lines
     WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`,
  );
  const payments = db.prepare(
    `SELECT id, invoice_id, date, amount, method, note, source, voided_at, void_reason FROM payments
     WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, date, id`,
  );
  const refunds = db.prepare(
    `SELECT id, invoice_id, credit_note_id, date, amount, method, note, voided_at, void_reason FROM refunds
     WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, date, id`,
  );
  const links = db.prepare(
    `SELECT l.invoice_id, l.account_id, a.provider, l.remote_id, l.reference, l.remote_status, l.payment_url, l.payment_url_observed, l.last_synced_at
     FROM invoice_links l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id IN (SELECT value FROM json_each(?)) ORDER BY l.invoice_id, l.account_id`,
  );
  const credits = db.prepare(
    `SELECT corrects_invoice_id AS of, id FROM invoices WHERE corrects_invoice_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  );
  return (rows: RawRow[]): Invoice[] => {
    const ids = JSON.stringify(rows.map((r) => r.id));
    const L = new Map<string, LineItem[]>();
    for (const r of lines.all(ids) as Array<Record<string, string | number | null>>) {
      const item: LineItem = {
        description: r.description as string,
        quantity: r.quantity as string,
        unitCode: r.unit_code as string,
        unitPrice: r.unit_price as number,
        taxRate: r.tax_rate as string,
        taxCategory: r.tax_category as VatCategory,
      };
      if (r.discount) item.discount = r.discount as number;
      if (r.exemption_reason) item.exemptionReason = r.exemption_reason as string;
      const k = r.invoice_id as string;
      (L.get(k) ?? L.set(k, []).get(k))!.push(item);
    }
    const P = new Map<string, Payment[]>();
    for (const r of payments.all(ids) as Array<Record<string, string | number | null>>) {
      const p: Payment = {
        id: r.id as string,
        date: r.date as string,
        amount: r.amount as number,
        method: r.method as string,
        source: r.source as Payment['source'],
        voidedAt: r.voided_at as string | null,
      };
      if (r.note) p.note = r.note as string;
      if (r.void_reason) p.voidReason = r.void_reason as string;
      const k = r.invoice_id as string;
      (P.get(k) ?? P.set(k, []).get(k))!.push(p);
    }
    const R = new Map<string, Refund[]>();
    for (const r of refunds.all(ids) as Array<Record<string, string | number | null>>) {
      const x: Refund = {
        id: r.id as string,
        date: r.date as string,
        amount: r.amount as number,
        method: r.method as string,
        creditNoteId: r.credit_note_id as string | null,
        voidedAt: r.voided_at as string | null,
      };
      if (r.note) x.note = r.note as string;
      if (r.void_reason) x.voidReason = r.void_reason as string;
      const k = r.invoice_id as string;
      (R.get(k) ?? R.set(k, []).get(k))!.push(x);
    }
    const K = new Map<string, ProviderLink[]>();
    for (const r of links.all(ids) as Array<Record<string, string | number | null>>) {
      const k = r.invoice_id as string;
      (K.get(k) ?? K.set(k, []).get(k))!.push({
        accountId: r.account_id as string,
        provider: r.provider as ProviderLink['provider'],
        remoteId: r.remote_id as string | null,
        reference: r.reference as string,
        remoteStatus: r.remote_status as string | null,
        paymentUrl: r.payment_url as string | null,
        paymentUrlObserved: r.payment_url_observed === 1,
        lastSyncedAt: r.last_synced_at as string | null,
      });
    }
    const C = new Map<string, string[]>();
    for (const r of credits.all(ids) as Array<{ of: string; id: string }>)
      (C.get(r.of) ?? C.set(r.of, []).get(r.of))!.push(r.id);
    return rows.map((r) => {
      const ls = L.get(r.id) ?? [];
      const discount = r.discount_json ? (JSON.parse(r.discount_json) as InvoiceDiscount) : null;
      const inv: Invoice = {
        id: r.id,
        kind: r.kind,
        number: r.number,
        series: r.series,
        status: r.status,
        overdue:
          r.kind === 'invoice' &&
          (r.status === 'issued' || r.status === 'partially_paid') &&
          r.due_date !== null &&
          r.due_date < TODAY,
        customerId: r.customer_id,
        customer: JSON.parse(r.customer_json) as CustomerSnapshot,
        currency: r.currency,
        issueDate: r.issue_date,
        dueDate: r.due_date,
        lines: ls,
        discount,
        totals: computeTotals(ls, discount),
        paid: r.paid,
        refunded: r.refunded,
        balance: r.kind === 'credit_note' || r.status === 'cancelled' ? 0 : r.total - r.paid - r.credited + r.refunded,
        correctsInvoiceId: r.corrects_invoice_id,
        credited: r.credited,
        payments: P.get(r.id) ?? [],
        refunds: R.get(r.id) ?? [],
        creditNoteIds: C.get(r.id) ?? [],
        links: K.get(r.id) ?? [],
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        issuedAt: r.issued_at,
      };
      if (r.notes) inv.notes = r.notes;
      if (r.terms) inv.terms = r.terms;
      return inv;
    });
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-'));
  const file = path.join(dir, 'kassa.db');
  const ledger = await openLedger(file);
  const db = ledger.db;
  console.log(`Seeding ${N.toLocaleString('en')} invoices into ${file}`);

  // ---------- Seed, through the ledger's own functions, 1,000 invoices per transaction. ----------
  const t0 = performance.now();
  const { names, issued } = seedInvoices(db, N, CUSTOMERS);
  const seedSeconds = (performance.now() - t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  const dbBytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  const lineCount = (db.prepare('SELECT count(*) AS n FROM invoice_lines').get() as { n: number }).n;
  console.log(
    `Seeded in ${seedSeconds.toFixed(1)} s: ${N} invoices (${issued} issued, ${lineCount} lines), file ${(dbBytes / 1048576).toFixed(1)} MB`,
  );

  const related = rawRelated(db);

  // ---------- Page: status filter, sorted by due date, walking pages by keyset cursor. ----------
  const parse = (x: unknown): InvoiceListInput => invoiceListInput.parse(x);
  const cursors: Array<string | undefined> = [undefined];
  {
    let c: string | undefined;
    for (let i = 0; i < 40; i++) {
      const p = listInvoices(
        db,
        parse({ status: ['issued'], sort: 'dueDate', order: 'asc', limit: 50, ...(c ? { cursor: c } : {}) }),
        TODAY,
      );
      if (!p.nextCursor) break;
      c = p.nextCursor;
      cursors.push(c);
    }
  }
  const pageInputs = cursors.map((c) =>
    parse({ status: ['issued'], sort: 'dueDate', order: 'asc', limit: 50, ...(c ? { cursor: c } : {}) }),
  );
  const rawPage = db.prepare(
    `SELECT ${RAW_COLS}, due_key AS k FROM invoices WHERE status = ? ORDER BY due_key, id LIMIT 51`,
  );
  const rawPageAfter = db.prepare(
    `SELECT ${RAW_COLS}, due_key AS k FROM invoices WHERE status = ? AND (due_key, id) > (?, ?) ORDER BY due_key, id LIMIT 51`,
  );
  const rawCursorOf = (c: string | undefined): [string, string] | null => {
    if (!c) return null;
    const [, k, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string, string];
    return [k, id];
  };
  const rawCursors = cursors.map(rawCursorOf);
  const rawPageFn = (i: number): Invoice[] => {
    const c = rawCursors[i % rawCursors.length];
    const rows = (c ? rawPageAfter.all('issued', c[0], c[1]) : rawPage.all('issued')) as RawRow[];
    return related(rows.slice(0, 50));
  };
  assert.deepEqual(
    listInvoices(db, pageInputs[3] ?? pageInputs[0]!, TODAY).items,
    rawPageFn(3 % rawCursors.length),
    'page: ledger and raw disagree',
  );

  // ---------- Search by customer name (FTS5 trigram index). ----------
  const searchNames = Array.from(
    { length: 50 },
    (_, i) =>
      names[(i * 37) % names.length]!.split(' ').slice(0, 2).join(' ') +
      ' ' +
      names[(i * 37) % names.length]!.slice(-4),
  );
  const searchInputs = searchNames.map((q) => parse({ q, limit: 50 }));
  const rawSearch = db.prepare(
    `SELECT ${RAW_COLS}, created_at AS k FROM invoices WHERE seq IN (SELECT rowid FROM invoice_search WHERE invoice_search MATCH ?) ORDER BY created_at DESC, id DESC LIMIT 51`,
  );
  const rawMatches = searchNames.map((q) => searchTerms(q).match);
  const rawSearchFn = (i: number): Invoice[] =>
    related((rawSearch.all(rawMatches[i % rawMatches.length]) as RawRow[]).slice(0, 50));
  {
    const mine = listInvoices(db, searchInputs[0]!, TODAY).items;
    assert.ok(mine.length > 0, 'search found nothing');
    assert.deepEqual(mine, rawSearchFn(0), 'search: ledger and raw disagree');
  }
  // For reference only: the same search as a full scan with LIKE on the normalized column.
  const likeScan = db.prepare(
    `SELECT ${RAW_COLS}, created_at AS k FROM invoices WHERE search_text LIKE ? ORDER BY created_at DESC, id DESC LIMIT 51`,
  );
  const likes = searchNames.map((q) => `%${searchNormalize(q)}%`);

  // ---------- Dashboard. ----------
  const month = monthRange(TODAY);
  const rawOpen = db.prepare(
    `SELECT currency, sum(total - paid - credited + refunded) AS outstanding, count(*) AS outstanding_count,
       sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN total - paid - credited + refunded ELSE 0 END) AS overdue,
       sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN 1 ELSE 0 END) AS overdue_count
     FROM invoices WHERE kind = 'invoice' AND status IN ('issued','partially_paid','expired') GROUP BY currency`,
  );
  const rawPaid = db.prepare(
    `SELECT currency, sum(amount) AS paid, count(*) AS n FROM payments WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY currency`,
  );
  const rawOwed = db.prepare(
    `SELECT currency, sum(paid + credited - total - refunded) AS owed, count(*) AS n FROM invoices
     WHERE kind = 'invoice' AND status = 'paid' AND paid + credited > total + refunded GROUP BY currency`,
  );
  const rawRefunded = db.prepare(
    `SELECT currency, sum(amount) AS refunded, count(*) AS n FROM refunds WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY currency`,
  );
  const rawCredited = db.prepare(
    `SELECT currency, sum(total) AS credited, count(*) AS n FROM invoices WHERE kind = 'credit_note' AND status = 'issued' AND issue_key BETWEEN ? AND ? GROUP BY currency`,
  );
  const rawDashboard = (): unknown => {
    const m = new Map<string, Record<string, number | string>>();
    const e = (c: string): Record<string, number | string> =>
      m.get(c) ??
      m
        .set(c, {
          currency: c,
          outstanding: 0,
          outstandingCount: 0,
          overdue: 0,
          overdueCount: 0,
          paidThisMonth: 0,
          paidThisMonthCount: 0,
          refundedThisMonth: 0,
          refundedThisMonthCount: 0,
          receivedThisMonth: 0,
          creditedThisMonth: 0,
          creditedThisMonthCount: 0,
          refundOwed: 0,
          refundOwedCount: 0,
        })
        .get(c)!;
    for (const r of rawOpen.all(TODAY, TODAY) as Array<Record<string, number | string>>) {
      Object.assign(e(r.currency as string), {
        outstanding: r.outstanding,
        outstandingCount: r.outstanding_count,
        overdue: r.overdue,
        overdueCount: r.overdue_count,
      });
    }
    for (const r of rawOwed.all() as Array<Record<string, number | string>>)
      Object.assign(e(r.currency as string), { refundOwed: r.owed, refundOwedCount: r.n });
    for (const r of rawPaid.all(month.from, month.to) as Array<Record<string, number | string>>)
      Object.assign(e(r.currency as string), { paidThisMonth: r.paid, paidThisMonthCount: r.n });
    for (const r of rawRefunded.all(month.from, month.to) as Array<Record<string, number | string>>)
      Object.assign(e(r.currency as string), { refundedThisMonth: r.refunded, refundedThisMonthCount: r.n });
    for (const r of rawCredited.all(month.from, month.to) as Array<Record<string, number | string>>)
      Object.assign(e(r.currency as string), { creditedThisMonth: r.credited, creditedThisMonthCount: r.n });
    for (const x of m.values()) x.receivedThisMonth = Number(x.paidThisMonth) - Number(x.refundedThisMonth);
    return {
      asOf: TODAY,
      month,
      currencies: [...m.values()].sort((a, b) => String(a.currency).localeCompare(String(b.currency))),
    };
  };
  assert.deepEqual(dashboardTotals(db, TODAY), rawDashboard(), 'dashboard: ledger and raw disagree');

  // ---------- Measure (interleaved pairs, so both sides see the same cache state). ----------
  const ITER = 400;
  console.log('');
  const page = measure('page (ledger)', ITER, (i) => listInvoices(db, pageInputs[i % pageInputs.length]!, TODAY));
  const pageRaw = measure('page (raw SQL)', ITER, rawPageFn);
  const search = measure('search by customer (ledger)', ITER, (i) =>
    listInvoices(db, searchInputs[i % searchInputs.length]!, TODAY),
  );
  const searchRaw = measure('search by customer (raw SQL)', ITER, rawSearchFn);
  measure('search, LIKE full scan (reference)', 40, (i) =>
    related((likeScan.all(likes[i % likes.length]) as RawRow[]).slice(0, 50)),
  );
  const dash = measure('dashboard (ledger)', 200, () => dashboardTotals(db, TODAY));
  const dashRaw = measure('dashboard (raw SQL)', 200, rawDashboard);

  // For information (not in the JSON line): the full `kassa check` and a CSV export of every invoice.
  {
    let t = performance.now();
    const report = await checkLedger(db);
    console.log(
      `check of the whole ledger              ${((performance.now() - t) / 1000).toFixed(2)} s, ok=${report.ok}`,
    );
    t = performance.now();
    let bytes = 0;
    const rows = await exportCsv(db, 'invoices', {}, TODAY, { write: (c) => (bytes += c.length) }, () => undefined);
    console.log(
      `CSV export of ${rows} invoices         ${((performance.now() - t) / 1000).toFixed(2)} s, ${(bytes / 1048576).toFixed(1)} MB`,
    );
    assert.equal(report.ok, true, JSON.stringify(report.problems.slice(0, 5)));
  }

  ledger.close();
  if (process.env.BENCH_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${file}`);

  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  console.log(
    JSON.stringify({
      page_p50_ms: r3(page.p50),
      page_p95_ms: r3(page.p95),
      page_ratio_vs_raw: r3(page.p50 / pageRaw.p50),
      search_p50_ms: r3(search.p50),
      search_ratio_vs_raw: r3(search.p50 / searchRaw.p50),
      dashboard_p50_ms: r3(dash.p50),
      dashboard_ratio_vs_raw: r3(dash.p50 / dashRaw.p50),
      seed_invoices_per_s: Math.round(N / seedSeconds),
      db_mb: Math.round((dbBytes / 1048576) * 10) / 10,
    }),
  );
}

void main();
