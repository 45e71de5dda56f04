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
import { chainProblem, verifyRecordChain, ZERO_HASH } from './chain';
import { checkSearchIndex, type InvoiceRow } from './tables/invoices';
import { isDamageError, unreadableReport } from './damage';
import { formatNumber } from './numbering';
import { settledStatus } from './status';

const CHUNK = 2000;
const MAX_PROBLEMS = 500;

type ChunkRow = { seq: number } & Pick<
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
>;
interface CheckLine {
  invoice_id: string;
  quantity: string;
  unit_price: number;
  discount: number;
  tax_rate: string;
  tax_category: VatCategory;
  exemption_reason: string | null;
  net: number;
}

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
      report.checked.push('sqlite integrity_check');
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
  const checked: string[] = [];

  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  checked.push('sqlite integrity_check');
  const fk = db.pragma('foreign_key_check') as unknown[];
  checked.push('foreign keys');
  try {
    checkSearchIndex(db);
  } catch (err) {
    add({
      code: 'search_index_damaged',
      message: `The search index does not match the invoices (${(err as Error).message}); it can be rebuilt.`,
    });
  }
  checked.push('search index matches invoices');

  let record = { length: 0, head: ZERO_HASH };
  let counts: CheckReport['counts'] = { invoices: 0, issued: 0, drafts: 0, creditNotes: 0, payments: 0, customers: 0 };
  const ownTx = !db.inTransaction;
  if (ownTx) db.exec('BEGIN');
  try {
    // Totals, line nets, statuses and snapshots, a chunk of invoices at a time.
    const chunkSql = db.prepare(
      `SELECT seq, id, kind, status, series, number, customer_json, discount_json, lines_net, allowance_total, tax_total, total, paid, credited
       FROM invoices WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`,
    );
    const linesSql = db.prepare(
      `SELECT invoice_id, quantity, unit_price, discount, tax_rate, tax_category, exemption_reason, net FROM invoice_lines
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
            add({
              code: 'line_net_mismatch',
              message: `Line ${i + 1} of ${r.number ?? r.id} has a stored net that does not match its quantity × price − discount.`,
              invoiceId: r.id,
            });
        });
        const t = computeTotals(items, r.discount_json ? (JSON.parse(r.discount_json) as InvoiceDiscount) : null);
        if (
          t.linesNet !== r.lines_net ||
          t.allowance !== r.allowance_total ||
          t.tax !== r.tax_total ||
          t.total !== r.total
        ) {
          add({
            code: 'totals_mismatch',
            message: `Stored totals of ${r.number ?? r.id} differ from the totals recomputed from its lines.`,
            invoiceId: r.id,
            details: {
              stored: { linesNet: r.lines_net, allowance: r.allowance_total, tax: r.tax_total, total: r.total },
              computed: { linesNet: t.linesNet, allowance: t.allowance, tax: t.tax, total: t.total },
            },
          });
        }
        if (r.status !== 'draft') {
          if (ls.length === 0)
            add({ code: 'issued_without_lines', message: `${r.number} has no lines.`, invoiceId: r.id });
          const snap = JSON.parse(r.customer_json) as { name?: string };
          if (!snap.name)
            add({ code: 'issued_without_customer', message: `${r.number} has no customer snapshot.`, invoiceId: r.id });
        }
        if (r.kind === 'invoice') {
          const expected = settledStatus('invoice', r.status, r.total, r.paid, r.credited);
          if (expected !== r.status) {
            add({
              code: 'status_inconsistent',
              message: `${r.number ?? r.id} is ${r.status} but its payments and credits make it ${expected}.`,
              invoiceId: r.id,
            });
          }
          if (r.status === 'cancelled' && r.paid > 0)
            add({
              code: 'cancelled_with_payments',
              message: `${r.number} is cancelled but has payments.`,
              invoiceId: r.id,
            });
        } else if (r.paid !== 0 || r.status !== 'issued') {
          add({
            code: 'credit_note_state',
            message: `Credit note ${r.number ?? r.id} must be issued and unpaid.`,
            invoiceId: r.id,
          });
        }
      }
      await breathe();
    }
    checked.push(
      'stored totals = recomputed totals',
      'line nets',
      'issued invoices have lines and a customer',
      'statuses match payments and credits',
    );

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
        add({
          code: 'numbering_gap',
          message: `Series ${c.series} ${c.year}: ${c.n} documents but numbers ${formatNumber(c.prefix, c.year, c.start_number, c.digits)}…${formatNumber(c.prefix, c.year, c.next_number - 1, c.digits)} were taken.`,
          details: {
            series: c.series,
            year: c.year,
            count: c.n,
            min: c.mn,
            max: c.mx,
            start: c.start_number,
            next: c.next_number,
          },
        });
      }
      if ((c.misformatted ?? 0) > 0)
        add({
          code: 'number_format',
          message: `Series ${c.series} ${c.year}: ${c.misformatted} numbers do not match their sequence.`,
        });
    }
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM invoices i WHERE number_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM series_counters c WHERE c.series = i.series AND c.year = i.number_year)`,
      )
      .get() as { n: number };
    if (orphans.n > 0)
      add({ code: 'numbering_gap', message: `${orphans.n} numbered documents have no series counter.` });
    checked.push('numbers gapless per series and year');

    // Stored paid / credited = what the payments and credit notes say.
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.paid, ifnull(p.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM payments WHERE voided_at IS NULL GROUP BY invoice_id) p ON p.invoice_id = i.id
         WHERE i.paid <> ifnull(p.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as Array<{ id: string; number: string | null; paid: number; actual: number }>) {
      add({
        code: 'paid_mismatch',
        message: `${r.number ?? r.id} says ${r.paid} paid; its payments add up to ${r.actual}.`,
        invoiceId: r.id,
      });
    }
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.credited, ifnull(c.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT corrects_invoice_id AS of, sum(total) AS s FROM invoices WHERE kind = 'credit_note' AND status <> 'draft' GROUP BY corrects_invoice_id) c ON c.of = i.id
         WHERE i.credited <> ifnull(c.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as Array<{ id: string; number: string | null; credited: number; actual: number }>) {
      add({
        code: 'credited_mismatch',
        message: `${r.number ?? r.id} says ${r.credited} credited; its credit notes add up to ${r.actual}.`,
        invoiceId: r.id,
      });
    }
    const payOnWrong = db
      .prepare(
        `SELECT count(*) AS n FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.status = 'draft' OR i.kind <> 'invoice' OR p.currency <> i.currency`,
      )
      .get() as { n: number };
    if (payOnWrong.n > 0)
      add({
        code: 'payment_misplaced',
        message: `${payOnWrong.n} payments belong to a draft or a credit note, or have another currency.`,
      });
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.refunded, ifnull(f.s, 0) AS actual FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM refunds WHERE voided_at IS NULL GROUP BY invoice_id) f ON f.invoice_id = i.id
         WHERE i.refunded <> ifnull(f.s, 0) LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as Array<{ id: string; number: string | null; refunded: number; actual: number }>) {
      add({
        code: 'refunded_mismatch',
        message: `${r.number ?? r.id} says ${r.refunded} refunded; its refunds add up to ${r.actual}.`,
        invoiceId: r.id,
      });
    }
    for (const r of db
      .prepare(`SELECT id, number FROM invoices WHERE refunded > paid LIMIT ${MAX_PROBLEMS}`)
      .all() as Array<{ id: string; number: string | null }>) {
      add({
        code: 'refunded_over_paid',
        message: `${r.number ?? r.id} has more refunded than it received.`,
        invoiceId: r.id,
      });
    }
    const refundOnWrong = db
      .prepare(
        `SELECT count(*) AS n FROM refunds f JOIN invoices i ON i.id = f.invoice_id
         WHERE i.status = 'draft' OR i.kind <> 'invoice' OR f.currency <> i.currency
            OR (f.credit_note_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.id = f.credit_note_id AND c.corrects_invoice_id = i.id))`,
      )
      .get() as { n: number };
    if (refundOnWrong.n > 0)
      add({
        code: 'refund_misplaced',
        message: `${refundOnWrong.n} refunds belong to a draft or a credit note, have another currency, or name a credit note of another invoice.`,
      });
    checked.push(
      'paid = sum of payments',
      'credited = sum of credit notes',
      'refunded = sum of refunds, never more than paid',
    );

    // History: every invoice has some, and the last recorded status is the current one.
    for (const r of db
      .prepare(
        `SELECT i.id, i.number, i.status, h.to_status AS last FROM invoices i
         LEFT JOIN invoice_history h ON h.id = (SELECT max(id) FROM invoice_history WHERE invoice_id = i.id)
         WHERE h.to_status IS NOT i.status LIMIT ${MAX_PROBLEMS}`,
      )
      .all() as Array<{ id: string; number: string | null; status: string; last: string | null }>) {
      add({
        code: r.last === null ? 'history_missing' : 'history_inconsistent',
        message:
          r.last === null
            ? `${r.number ?? r.id} has no history.`
            : `${r.number ?? r.id} is ${r.status} but its history ends at ${r.last}.`,
        invoiceId: r.id,
      });
    }
    const unissued = db
      .prepare(
        `SELECT count(*) AS n FROM invoices i WHERE status <> 'draft' AND NOT EXISTS (SELECT 1 FROM invoice_history h WHERE h.invoice_id = i.id AND h.action IN ('issued','imported'))`,
      )
      .get() as { n: number };
    if (unissued.n > 0)
      add({ code: 'history_missing', message: `${unissued.n} issued documents have no "issued" history entry.` });
    checked.push('history present and ends at the current status');

    // A link created by issuing has its outbox "create" (or already a remote id, or a copy deleted at the provider).
    const lostCreates = db
      .prepare(
        `SELECT count(*) AS n FROM invoice_links l WHERE l.remote_id IS NULL AND l.remote_status IS NOT 'deleted' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.invoice_id = l.invoice_id AND o.account_id = l.account_id AND o.op = 'create')`,
      )
      .get() as { n: number };
    if (lostCreates.n > 0)
      add({
        code: 'outbox_missing',
        message: `${lostCreates.n} provider links have neither a remote id nor an outbox "create".`,
      });
    checked.push('provider links have their outbox create');

    // The record chain: every document as stored still hashes to its entry, every entry follows from the one
    // before, every issued document has one. A chain too damaged to read is reported, not thrown.
    try {
      const chain = await verifyRecordChain(db, breathe);
      for (const p of chain.problems) add(p);
      total += chain.problemCount - chain.problems.length;
      record = { length: chain.head.length, head: chain.head.hash };
    } catch (err) {
      add(chainProblem('record_chain_unreadable', { error: (err as Error).message.slice(0, 200) }, null));
    }
    checked.push('record chain: documents unchanged, entries linked, every issued document recorded');

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
