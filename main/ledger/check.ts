/**
 * `kassa check`: SQLite's own integrity check plus the ledger's invariants. Reads in bounded chunks so it
 * runs in constant memory on any ledger size, inside one read transaction (a consistent snapshot: WAL lets
 * other connections keep writing meanwhile), yielding to the event loop between chunks. Give it a connection
 * of its own when the ledger is in use.
 */
import type { Database as Db } from 'better-sqlite3';
import type { CheckProblem, CheckReport } from '../../shared/contract/ledger';
import type { InvoiceDiscount, VatCategory } from '../../shared/domain';
import { computeTotals, lineNet } from '../../shared/totals';
import { verifyRecordChain, ZERO_HASH } from './chain';
import { checkProblem, type CheckInvariant } from './check-problem';
import { checkSearchIndex, type InvoiceRow } from './tables/invoices';
import { isDamageError, unreadableReport } from './damage';
import { formatNumber } from './numbering';
import { settledStatus } from './status';

const CHUNK = 2000;
const MAX_PROBLEMS = 500;

type ChunkRow = { seq: number; of_import: number } & Pick<
  InvoiceRow,
  | 'id'
  | 'kind'
  | 'status'
  | 'series'
  | 'number'
  | 'customer_json'
  | 'discount_json'
  | 'lines_net'
  | 'allowance_total'
  | 'tax_total'
  | 'total'
  | 'paid'
  | 'credited'
  | 'refunded'
>;
interface CheckLine {
  invoice_id: string;
  quantity: string;
  unit_price: number;
  discount: number;
  tax_rate: string;
  tax_category: VatCategory;
  exemption_reason: string | null;
  imported_json: string | null;
  net: number;
}

/** A stored amount (paid, credited, refunded) and what its records add up to. */
interface AmountMismatch {
  id: string;
  number: string | null;
  currency: string;
  stored: number;
  actual: number;
}

const mismatch = (code: 'paid_mismatch' | 'credited_mismatch' | 'refunded_mismatch', r: AmountMismatch) =>
  checkProblem(
    code,
    {
      invoice: r.number ?? r.id,
      stored: { minor: r.stored, currency: r.currency },
      actual: { minor: r.actual, currency: r.currency },
    },
    r.id,
  );

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Never throws on damage: a page SQLite cannot read is a finding like any other, reported with what SQLite's
 * integrity check says about the file.
 */
export async function checkLedger(db: Db): Promise<CheckReport> {
  try {
    return await checkReadable(db);
  } catch (err) {
    if (!isDamageError(err)) throw err;
    if (db.inTransaction) db.exec('ROLLBACK');
    const report = unreadableReport(err);
    try {
      const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
      report.integrity = [...report.integrity, ...integrity.filter((l) => l !== 'ok')];
      report.checked.push('sqlite_integrity');
    } catch {
      // Not even the integrity check can read it: SQLite's first error says enough.
    }
    return report;
  }
}

async function checkReadable(db: Db): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  let total = 0;
  const add = (p: CheckProblem): void => {
    total++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const checked: CheckInvariant[] = [];

  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  checked.push('sqlite_integrity');
  const fk = db.pragma('foreign_key_check') as unknown[];
  checked.push('foreign_keys');
  try {
    checkSearchIndex(db);
  } catch (err) {
    add(checkProblem('search_index_damaged', { error: (err as Error).message.slice(0, 200) }));
  }
  checked.push('search_index');

  let record = { length: 0, head: ZERO_HASH };
  let counts: CheckReport['counts'] = { invoices: 0, issued: 0, drafts: 0, creditNotes: 0, payments: 0, customers: 0 };
  const ownTx = !db.inTransaction;
  if (ownTx) db.exec('BEGIN');
  try {
    // Totals, line nets, statuses and snapshots, a chunk of invoices at a time.
    const chunkSql = db.prepare(
      `SELECT seq, id, kind, status, series, number, customer_json, discount_json, lines_net, allowance_total, tax_total, total, paid, credited, refunded,
              coalesce((SELECT o.series GLOB 'ext:*' FROM invoices o WHERE o.id = invoices.corrects_invoice_id), 0) AS of_import
       FROM invoices WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`,
    );
    const linesSql = db.prepare(
      `SELECT invoice_id, quantity, unit_price, discount, tax_rate, tax_category, exemption_reason, imported_json, net FROM invoice_lines
       WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`,
    );
    let after = 0;
    for (;;) {
      const rows = chunkSql.all(after) as ChunkRow[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.seq ?? after;
      const lines = new Map<string, CheckLine[]>();
      for (const l of linesSql.all(JSON.stringify(rows.map((r) => r.id))) as CheckLine[]) {
        const list = lines.get(l.invoice_id) ?? [];
        list.push(l);
        lines.set(l.invoice_id, list);
      }
      for (const r of rows) {
        const ls = lines.get(r.id) ?? [];
        const items = ls.map((l) => ({
          quantity: l.quantity,
          unitPrice: l.unit_price,
          discount: l.discount,
          taxRate: l.tax_rate,
          taxCategory: l.tax_category,
          ...(l.exemption_reason ? { exemptionReason: l.exemption_reason } : {}),
        }));
        items.forEach((it, i) => {
          if (lineNet(it) !== ls[i]?.net)
            add(checkProblem('line_net_mismatch', { line: i + 1, invoice: r.number ?? r.id }, r.id));
        });
        const t = computeTotals(items, r.discount_json ? (JSON.parse(r.discount_json) as InvoiceDiscount) : null);
        if (
          t.linesNet !== r.lines_net ||
          t.allowance !== r.allowance_total ||
          t.tax !== r.tax_total ||
          t.total !== r.total
        ) {
          add(
            checkProblem('totals_mismatch', { invoice: r.number ?? r.id }, r.id, {
              stored: { linesNet: r.lines_net, allowance: r.allowance_total, tax: r.tax_total, total: r.total },
              computed: { linesNet: t.linesNet, allowance: t.allowance, tax: t.tax, total: t.total },
            }),
          );
        }
        if (r.status !== 'draft') {
          if (ls.length === 0) add(checkProblem('issued_without_lines', { invoice: r.number ?? r.id }, r.id));
          const snap = JSON.parse(r.customer_json) as { name?: string };
          // A provider may name no customer: its imported document (and a credit note of it, whatever its lines)
          // is shown with "Unnamed customer".
          const imported = r.of_import === 1 || ls.some((l) => l.imported_json !== null);
          if (!snap.name && !imported)
            add(checkProblem('issued_without_customer', { invoice: r.number ?? r.id }, r.id));
        }
        if (r.kind === 'invoice') {
          const expected = settledStatus('invoice', r.status, r);
          if (expected !== r.status) {
            add(checkProblem('status_inconsistent', { invoice: r.number ?? r.id, status: r.status, expected }, r.id));
          }
          if (r.status === 'cancelled' && r.paid > 0)
            add(checkProblem('cancelled_with_payments', { invoice: r.number ?? r.id }, r.id));
        } else if (r.paid !== 0 || r.status !== 'issued') {
          add(checkProblem('credit_note_state', { invoice: r.number ?? r.id }, r.id));
        }
      }
      await breathe();
    }
    checked.push('totals', 'line_nets', 'issued_complete', 'statuses');

    // Gapless numbering per series and year, starting at the counter's start, ending just before its next.
    const numbering = db
      .prepare(
        `SELECT c.series, c.year, c.start_number, c.next_number, s.prefix, s.digits,
                count(i.seq) AS n, min(i.number_seq) AS mn, max(i.number_seq) AS mx,
                sum(i.number IS NOT (s.prefix || '-' || c.year || '-' || substr('0000000000' || i.number_seq, -max(s.digits, length(i.number_seq))))) AS misformatted
         FROM series_counters c JOIN series s ON s.code = c.series
         LEFT JOIN invoices i ON i.series = c.series AND i.number_year = c.year
         GROUP BY c.series, c.year`,
      )
      .all() as Array<{
      series: string;
      year: number;
      start_number: number;
      next_number: number;
      prefix: string;
      digits: number;
      n: number;
      mn: number | null;
      mx: number | null;
      misformatted: number | null;
    }>;
    for (const c of numbering) {
      const used = c.next_number - c.start_number;
      const gapless = c.n === used && (c.n === 0 || (c.mn === c.start_number && c.mx === c.next_number - 1));
      if (!gapless) {
        const taken = {
          series: c.series,
          year: String(c.year),
          count: c.n,
          first: formatNumber(c.prefix, c.year, c.start_number, c.digits),
          last: formatNumber(c.prefix, c.year, c.next_number - 1, c.digits),
        };
        add(
          checkProblem('numbering_gap', taken, null, {
            series: c.series,
            year: c.year,
            count: c.n,
            min: c.mn,
            max: c.mx,
            start: c.start_number,
            next: c.next_number,
          }),
        );
      }
      if ((c.misformatted ?? 0) > 0)
        add(checkProblem('number_format', { series: c.series, year: String(c.year), count: c.misformatted ?? 0 }));
    }
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM invoices i WHERE number_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM series_counters c WHERE c.series = i.series AND c.year = i.number_year)`,
      )
      .get() as { n: number };
    if (orphans.n > 0) add(checkProblem('numbering_without_counter', { count: orphans.n }));
    checked.push('numbering');

    // Stored paid / credited = what the payments and credit notes say.
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.currency, i.paid AS stored, ifnull(p.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM payments WHERE voided_at IS NULL GROUP BY invoice_id) p ON p.invoice_id = i.id
         WHERE i.paid <> ifnull(p.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as AmountMismatch[]) {
      add(mismatch('paid_mismatch', r));
    }
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.currency, i.credited AS stored, ifnull(c.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT corrects_invoice_id AS of, sum(total) AS s FROM invoices WHERE kind = 'credit_note' AND status <> 'draft' GROUP BY corrects_invoice_id) c ON c.of = i.id
         WHERE i.credited <> ifnull(c.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as AmountMismatch[]) {
      add(mismatch('credited_mismatch', r));
    }
    const payOnWrong = db
      .prepare(
        `SELECT count(*) AS n FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.status = 'draft' OR i.kind <> 'invoice' OR p.currency <> i.currency`,
      )
      .get() as { n: number };
    if (payOnWrong.n > 0) add(checkProblem('payment_misplaced', { count: payOnWrong.n }));
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.currency, i.refunded AS stored, ifnull(f.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM refunds WHERE voided_at IS NULL GROUP BY invoice_id) f ON f.invoice_id = i.id
         WHERE i.refunded <> ifnull(f.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as AmountMismatch[]) {
      add(mismatch('refunded_mismatch', r));
    }
    for (const r of db
      .prepare(`SELECT id, number FROM invoices WHERE refunded > paid LIMIT ${MAX_PROBLEMS}`)
      .all() as Array<{ id: string; number: string | null }>) {
      add(checkProblem('refunded_over_paid', { invoice: r.number ?? r.id }, r.id));
    }
    const refundOnWrong = db
      .prepare(
        `SELECT count(*) AS n FROM refunds f JOIN invoices i ON i.id = f.invoice_id
         WHERE i.status = 'draft' OR i.kind <> 'invoice' OR f.currency <> i.currency
            OR (f.credit_note_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.id = f.credit_note_id AND c.corrects_invoice_id = i.id))`,
      )
      .get() as { n: number };
    if (refundOnWrong.n > 0) add(checkProblem('refund_misplaced', { count: refundOnWrong.n }));
    checked.push('paid', 'credited', 'refunded');

    // History: every invoice has some, and the last recorded status is the current one.
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.status, h.to_status AS last FROM invoices i
         LEFT JOIN invoice_history h ON h.id = (SELECT max(id) FROM invoice_history WHERE invoice_id = i.id)
         WHERE h.to_status IS NOT i.status LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as Array<{ id: string; number: string | null; status: string; last: string | null }>) {
      const invoice = r.number ?? r.id;
      add(
        r.last === null
          ? checkProblem('history_missing', { invoice }, r.id)
          : checkProblem('history_inconsistent', { invoice, status: r.status, last: r.last }, r.id),
      );
    }
    const unissued = db
      .prepare(
        `SELECT count(*) AS n FROM invoices i WHERE status <> 'draft' AND NOT EXISTS (SELECT 1 FROM invoice_history h WHERE h.invoice_id = i.id AND h.action IN ('issued','imported'))`,
      )
      .get() as { n: number };
    if (unissued.n > 0) add(checkProblem('history_not_issued', { count: unissued.n }));
    checked.push('history');

    // A link created by issuing has its outbox "create" (or already a remote id, or a copy deleted at the provider).
    const lostCreates = db
      .prepare(
        `SELECT count(*) AS n FROM invoice_links l WHERE l.remote_id IS NULL AND l.remote_status IS NOT 'deleted' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.invoice_id = l.invoice_id AND o.account_id = l.account_id AND o.op = 'create')`,
      )
      .get() as { n: number };
    if (lostCreates.n > 0) add(checkProblem('outbox_missing', { count: lostCreates.n }));
    checked.push('outbox');

    // The record chain: every document as stored still hashes to its entry, every entry follows from the one
    // before, every issued document has one. A chain too damaged to read is reported, not thrown.
    try {
      const chain = await verifyRecordChain(db, breathe);
      for (const p of chain.problems) add(p);
      total += chain.problemCount - chain.problems.length;
      record = { length: chain.head.length, head: chain.head.hash };
    } catch (err) {
      add(checkProblem('record_chain_unreadable', { error: (err as Error).message.slice(0, 200) }));
    }
    checked.push('record_chain');

    counts = db
      .prepare(
        `SELECT count(*) AS invoices, sum(status <> 'draft') AS issued, sum(status = 'draft') AS drafts, sum(kind = 'credit_note') AS creditNotes,
                (SELECT count(*) FROM payments) AS payments, (SELECT count(*) FROM customers) AS customers FROM invoices`,
      )
      .get() as CheckReport['counts'];
  } finally {
    if (ownTx) db.exec('COMMIT');
  }
  const ok = integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0 && total === 0;
  return {
    ok,
    integrity,
    foreignKeyViolations: fk.length,
    problems,
    counts: {
      invoices: counts.invoices,
      issued: counts.issued ?? 0,
      drafts: counts.drafts ?? 0,
      creditNotes: counts.creditNotes ?? 0,
      payments: counts.payments,
      customers: counts.customers,
    },
    checked,
    record,
  };
}
