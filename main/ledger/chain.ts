/**
 * The tamper-evident record: every issued document (invoice, credit note), every payment and refund and their
 * voids, every cancellation and every period close or reopen appends one entry to a hash chain, in the same
 * transaction as the change itself.
 *
 *   doc_hash = SHA-256( canonical form of the document as stored, UTF-8 )
 *   hash     = SHA-256( "kassa-record-v1\n" + seq + "\n" + kind + "\n" + ref_id + "\n" + doc_hash + "\n" + prev_hash )
 *
 * The canonical form is JSON with sorted keys and no spaces, of the columns that never change once a document
 * is issued, exactly as stored (JSON columns as their stored text), so one changed byte changes the hash. The
 * first entry's prev_hash is 64 zeros. `kassa check` recomputes every doc_hash from the ledger and every hash
 * from the entries: an edit of a document names that document, an edit of the chain names the entry, and an
 * issued document without an entry is named too. Anyone holding an earlier head (e.g. from an export manifest)
 * can tell the whole chain was not rebuilt since.
 */
import { createHash } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import type { CheckProblem } from '../../shared/contract/ledger';
import type { RecordKind } from '../../shared/contract/books';
import { checkProblem } from './check-problem';
import { v1CustomerJson, v1CustomerName, v1Description, v1Exemption } from './imported-v1';
import type { LedgerCtx } from './context';
import { historyRowsByIds, type HistoryRow } from './tables/history';
import { frozenRowsByIds, importedOf, lineRowsOf, type FrozenInvoiceRow, type LineRow } from './tables/invoices';
import { paymentRecordsByIds, type PaymentRecordRow } from './tables/payments';
import { periodHistoryByIds, type PeriodHistoryRow } from './tables/periods';
import { refundRecordsByIds, type RefundRecordRow } from './tables/refunds';
import { chainHead, chainPage, insertChainRow, type ChainRow } from './tables/record-chain';

export const ZERO_HASH = '0'.repeat(64);
const ENTRY_PREFIX = 'kassa-record-v1';

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every level and no whitespace: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(e: Pick<ChainRow, 'seq' | 'kind' | 'ref_id' | 'doc_hash' | 'prev_hash'>): string {
  return sha256(`${ENTRY_PREFIX}\n${e.seq}\n${e.kind}\n${e.ref_id}\n${e.doc_hash}\n${e.prev_hash}`);
}

// ---- canonical forms ----

function invoiceForm(r: FrozenInvoiceRow, lines: readonly LineRow[]): unknown {
  // An imported document is hashed in the words version 1 stored for it (imported-v1.ts).
  const provider = lines.map((l) => importedOf(l.imported_json)?.provider).find((p) => p !== undefined) ?? null;
  const unnamed = provider !== null && r.customer_name === '';
  return {
    v: 1,
    type: r.kind,
    id: r.id,
    series: r.series,
    number: r.number,
    numberYear: r.number_year,
    numberSeq: r.number_seq,
    customerId: r.customer_id,
    customerName: unnamed ? v1CustomerName(provider) : r.customer_name,
    customerJson: unnamed ? v1CustomerJson(r.customer_json, provider) : r.customer_json,
    currency: r.currency,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    notes: r.notes,
    terms: r.terms,
    discountJson: r.discount_json,
    linesNet: r.lines_net,
    allowanceTotal: r.allowance_total,
    taxTotal: r.tax_total,
    total: r.total,
    correctsInvoiceId: r.corrects_invoice_id,
    createdAt: r.created_at,
    issuedAt: r.issued_at,
    lines: lines.map((l) => {
      const imported = importedOf(l.imported_json);
      return {
        position: l.position,
        description: imported?.number === undefined ? l.description : v1Description(imported.provider, imported.number),
        quantity: l.quantity,
        unitCode: l.unit_code,
        unitPrice: l.unit_price,
        discount: l.discount,
        taxRate: l.tax_rate,
        taxCategory: l.tax_category,
        exemptionReason: imported ? v1Exemption(imported.provider) : l.exemption_reason,
        net: l.net,
      };
    }),
  };
}

const paymentForm = (p: PaymentRecordRow): unknown => ({
  v: 1,
  type: 'payment',
  id: p.id,
  invoiceId: p.invoice_id,
  currency: p.currency,
  date: p.date,
  amount: p.amount,
  method: p.method,
  note: p.note,
  source: p.source,
  accountId: p.account_id,
  remoteId: p.remote_id,
  createdAt: p.created_at,
});

/** A void's form: the payment it voids (as paid) and the void itself. */
const paymentVoidForm = (p: PaymentRecordRow): unknown =>
  p.voided_at === null
    ? null
    : { v: 1, type: 'payment_void', payment: paymentForm(p), voidedAt: p.voided_at, voidReason: p.void_reason };

const refundForm = (r: RefundRecordRow): unknown => ({
  v: 1,
  type: 'refund',
  id: r.id,
  invoiceId: r.invoice_id,
  creditNoteId: r.credit_note_id,
  currency: r.currency,
  date: r.date,
  amount: r.amount,
  method: r.method,
  note: r.note,
  createdAt: r.created_at,
});

const refundVoidForm = (r: RefundRecordRow): unknown =>
  r.voided_at === null
    ? null
    : { v: 1, type: 'refund_void', refund: refundForm(r), voidedAt: r.voided_at, voidReason: r.void_reason };

const historyForm = (h: HistoryRow): unknown => ({
  v: 1,
  type: 'history',
  id: h.id,
  invoiceId: h.invoice_id,
  at: h.at,
  actor: h.actor,
  action: h.action,
  fromStatus: h.from_status,
  toStatus: h.to_status,
  detailsJson: h.details_json,
});

const periodForm = (p: PeriodHistoryRow): unknown => ({
  v: 1,
  type: 'period',
  id: p.id,
  period: p.period,
  fromDate: p.from_date,
  toDate: p.to_date,
  action: p.action,
  at: p.at,
  actor: p.actor,
  reason: p.reason,
});

type Source = 'invoice' | 'payment' | 'refund' | 'history' | 'period';

const SOURCE_OF: Record<RecordKind, Source> = {
  invoice: 'invoice',
  credit_note: 'invoice',
  payment: 'payment',
  payment_void: 'payment',
  refund: 'refund',
  refund_void: 'refund',
  cancellation: 'history',
  period_closed: 'period',
  period_reopened: 'period',
};

export const refKey = (kind: string, refId: string): string => `${kind}\u0000${refId}`;

/**
 * The canonical text of each referenced document, read with one query per source (two for invoices); a
 * document that no longer exists maps to null. Unknown kinds map to null too.
 */
export function canonicalForms(
  db: Db,
  refs: ReadonlyArray<{ kind: string; refId: string }>,
): Map<string, string | null> {
  const ids: Record<Source, string[]> = { invoice: [], payment: [], refund: [], history: [], period: [] };
  for (const r of refs) {
    const src = SOURCE_OF[r.kind as RecordKind];
    if (src) ids[src].push(r.refId);
  }
  const invoices = new Map<string, FrozenInvoiceRow>();
  const lines = new Map<string, LineRow[]>();
  if (ids.invoice.length > 0) {
    for (const r of frozenRowsByIds(db, ids.invoice)) invoices.set(r.id, r);
    for (const l of lineRowsOf(db, ids.invoice)) {
      const list = lines.get(l.invoice_id);
      if (list) list.push(l);
      else lines.set(l.invoice_id, [l]);
    }
  }
  const payments = new Map(
    (ids.payment.length > 0 ? paymentRecordsByIds(db, ids.payment) : []).map((p) => [p.id, p] as const),
  );
  const refunds = new Map(
    (ids.refund.length > 0 ? refundRecordsByIds(db, ids.refund) : []).map((r) => [r.id, r] as const),
  );
  const numeric = (list: string[]): number[] => list.map(Number).filter(Number.isSafeInteger);
  const history = new Map(
    (ids.history.length > 0 ? historyRowsByIds(db, numeric(ids.history)) : []).map((h) => [String(h.id), h] as const),
  );
  const periods = new Map(
    (ids.period.length > 0 ? periodHistoryByIds(db, numeric(ids.period)) : []).map((p) => [String(p.id), p] as const),
  );

  const out = new Map<string, string | null>();
  for (const r of refs) {
    let form: unknown = null;
    switch (r.kind as RecordKind) {
      case 'invoice':
      case 'credit_note': {
        const row = invoices.get(r.refId);
        form = row && row.kind === r.kind ? invoiceForm(row, lines.get(row.id) ?? []) : null;
        break;
      }
      case 'payment': {
        const p = payments.get(r.refId);
        form = p ? paymentForm(p) : null;
        break;
      }
      case 'payment_void': {
        const p = payments.get(r.refId);
        form = p ? paymentVoidForm(p) : null;
        break;
      }
      case 'refund': {
        const x = refunds.get(r.refId);
        form = x ? refundForm(x) : null;
        break;
      }
      case 'refund_void': {
        const x = refunds.get(r.refId);
        form = x ? refundVoidForm(x) : null;
        break;
      }
      case 'cancellation': {
        const h = history.get(r.refId);
        form = h ? historyForm(h) : null;
        break;
      }
      case 'period_closed':
      case 'period_reopened': {
        const p = periods.get(r.refId);
        form = p ? periodForm(p) : null;
        break;
      }
    }
    out.set(refKey(r.kind, r.refId), form === null ? null : canonicalJson(form));
  }
  return out;
}

// ---- appending ----

export interface RecordRef {
  kind: RecordKind;
  refId: string;
  /** The invoice the entry concerns; null for periods. */
  invoiceId: string | null;
  /** Names the document for people: its number, or the period. */
  label: string;
}

function append(db: Db, ref: RecordRef, at: string): ChainRow {
  const text = canonicalForms(db, [ref]).get(refKey(ref.kind, ref.refId));
  if (text === null || text === undefined) throw new Error(`record chain: ${ref.kind} ${ref.refId} does not exist`);
  const head = chainHead(db);
  const row: ChainRow = {
    seq: (head?.seq ?? 0) + 1,
    kind: ref.kind,
    ref_id: ref.refId,
    invoice_id: ref.invoiceId,
    label: ref.label,
    at,
    doc_hash: sha256(text),
    prev_hash: head?.hash ?? ZERO_HASH,
    hash: '',
  };
  row.hash = entryHash(row);
  insertChainRow(db, row);
  return row;
}

/**
 * Appends the entry of a change that was just written, inside the caller's writeTx (so the document and its
 * entry commit together or not at all). The document is read back as stored: the hash is of what the ledger holds.
 */
export function appendRecord(ctx: LedgerCtx, ref: RecordRef): ChainRow {
  return append(ctx.db, ref, ctx.now.toISOString());
}

export interface ChainHeadInfo {
  /** Entries in the chain (the head's seq). */
  length: number;
  /** The last entry's hash, ZERO_HASH for an empty chain. */
  hash: string;
  at: string | null;
}

export function headOf(db: Db): ChainHeadInfo {
  const h = chainHead(db);
  return { length: h?.seq ?? 0, hash: h?.hash ?? ZERO_HASH, at: h?.at ?? null };
}

// ---- existing ledgers ----

interface PastEvent {
  at: string;
  /** Orders events of the same instant: a document before what happens to it. */
  rank: number;
  key: string;
  ref: RecordRef;
}

/**
 * Pages of one kind of past event, ordered by (at, key). Paged so the backfill's memory does not grow with
 * the ledger: the merge holds one page per source.
 */
type PastSource = (after: { at: string; key: string } | null, limit: number) => PastEvent[];

function pastSources(db: Db): PastSource[] {
  const page = <R>(sql: string, map: (r: R) => PastEvent): PastSource => {
    const s = db.prepare(sql);
    return (after, limit) => (s.all({ at: after?.at ?? '', key: after?.key ?? '', limit }) as R[]).map(map);
  };
  return [
    page<{ id: string; kind: 'invoice' | 'credit_note'; number: string | null; issued_at: string }>(
      `SELECT id, kind, number, issued_at FROM invoices WHERE status <> 'draft' AND (issued_at, id) > (@at, @key)
       ORDER BY issued_at, id LIMIT @limit`,
      (r) => ({
        at: r.issued_at,
        rank: 0,
        key: r.id,
        ref: { kind: r.kind, refId: r.id, invoiceId: r.id, label: r.number ?? r.id },
      }),
    ),
    page<{ id: string; invoice_id: string; number: string | null; created_at: string }>(
      `SELECT p.id, p.invoice_id, i.number, p.created_at FROM payments p JOIN invoices i ON i.id = p.invoice_id
       WHERE (p.created_at, p.id) > (@at, @key) ORDER BY p.created_at, p.id LIMIT @limit`,
      (r) => ({
        at: r.created_at,
        rank: 1,
        key: r.id,
        ref: { kind: 'payment', refId: r.id, invoiceId: r.invoice_id, label: r.number ?? r.invoice_id },
      }),
    ),
    page<{ id: string; invoice_id: string; number: string | null; voided_at: string }>(
      `SELECT p.id, p.invoice_id, i.number, p.voided_at FROM payments p JOIN invoices i ON i.id = p.invoice_id
       WHERE p.voided_at IS NOT NULL AND (p.voided_at, p.id) > (@at, @key) ORDER BY p.voided_at, p.id LIMIT @limit`,
      (r) => ({
        at: r.voided_at,
        rank: 2,
        key: r.id,
        ref: { kind: 'payment_void', refId: r.id, invoiceId: r.invoice_id, label: r.number ?? r.invoice_id },
      }),
    ),
    page<{ id: string; invoice_id: string; number: string | null; created_at: string }>(
      `SELECT r.id, r.invoice_id, i.number, r.created_at FROM refunds r JOIN invoices i ON i.id = r.invoice_id
       WHERE (r.created_at, r.id) > (@at, @key) ORDER BY r.created_at, r.id LIMIT @limit`,
      (r) => ({
        at: r.created_at,
        rank: 4,
        key: r.id,
        ref: { kind: 'refund', refId: r.id, invoiceId: r.invoice_id, label: r.number ?? r.invoice_id },
      }),
    ),
    page<{ id: string; invoice_id: string; number: string | null; voided_at: string }>(
      `SELECT r.id, r.invoice_id, i.number, r.voided_at FROM refunds r JOIN invoices i ON i.id = r.invoice_id
       WHERE r.voided_at IS NOT NULL AND (r.voided_at, r.id) > (@at, @key) ORDER BY r.voided_at, r.id LIMIT @limit`,
      (r) => ({
        at: r.voided_at,
        rank: 5,
        key: r.id,
        ref: { kind: 'refund_void', refId: r.id, invoiceId: r.invoice_id, label: r.number ?? r.invoice_id },
      }),
    ),
    page<{ id: number; invoice_id: string; number: string | null; at: string }>(
      `SELECT h.id, h.invoice_id, i.number, h.at FROM invoice_history h JOIN invoices i ON i.id = h.invoice_id
       WHERE h.action = 'cancelled' AND (h.at, printf('%020d', h.id)) > (@at, @key)
       ORDER BY h.at, h.id LIMIT @limit`,
      (r) => ({
        at: r.at,
        rank: 3,
        key: String(r.id).padStart(20, '0'),
        ref: { kind: 'cancellation', refId: String(r.id), invoiceId: r.invoice_id, label: r.number ?? r.invoice_id },
      }),
    ),
  ];
}

const before = (a: PastEvent, b: PastEvent): boolean =>
  a.at !== b.at ? a.at < b.at : a.rank !== b.rank ? a.rank < b.rank : a.key < b.key;

/**
 * Builds the chain for a ledger that had none (migration 008): every issued document, payment, refund, void
 * and cancellation, in the order they happened, each entry stamped with the time of its event.
 */
export function backfillRecordChain(db: Db): number {
  const PAGE = 500;
  const sources = pastSources(db).map((next) => ({ next, buf: [] as PastEvent[], pos: 0, done: false }));
  const peek = (s: (typeof sources)[number]): PastEvent | undefined => {
    if (s.pos >= s.buf.length && !s.done) {
      const last = s.buf[s.buf.length - 1];
      s.buf = s.next(last ? { at: last.at, key: last.key } : null, PAGE);
      s.pos = 0;
      if (s.buf.length < PAGE) s.done = true;
    }
    return s.buf[s.pos];
  };
  let n = 0;
  for (;;) {
    let best: (typeof sources)[number] | undefined;
    let bestEvent: PastEvent | undefined;
    for (const s of sources) {
      const e = peek(s);
      if (e && (!bestEvent || before(e, bestEvent))) {
        best = s;
        bestEvent = e;
      }
    }
    if (!best || !bestEvent) return n;
    best.pos++;
    append(db, bestEvent.ref, bestEvent.at);
    n++;
  }
}

// ---- verifying ----

export interface ChainVerification {
  ok: boolean;
  head: ChainHeadInfo;
  /** Entries whose document and links were checked. */
  entries: number;
  problems: CheckProblem[];
  /** Problems found in all (`problems` keeps the first ones only). */
  problemCount: number;
}

const MAX_PROBLEMS = 500;

/**
 * Walks the chain in pages inside the caller's read transaction: recomputes each document's hash from the
 * ledger and each entry's hash from the entry, and lists issued documents that have no entry. Reports, never
 * throws for what it finds (a damaged ledger must still get a report).
 */
export async function verifyRecordChain(
  db: Db,
  breathe: () => Promise<void> = async () => {},
): Promise<ChainVerification> {
  const problems: CheckProblem[] = [];
  let count = 0;
  const add = (p: CheckProblem): void => {
    count++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const PAGE = 1000;
  let prev = ZERO_HASH;
  let expectSeq = 1;
  let entries = 0;
  let last: ChainRow | undefined;
  for (;;) {
    const rows = chainPage(db, expectSeq - 1, PAGE);
    if (rows.length === 0) break;
    const forms = canonicalForms(
      db,
      rows.map((r) => ({ kind: r.kind, refId: r.ref_id })),
    );
    for (const r of rows) {
      const what = { seq: r.seq, kind: r.kind, label: r.label };
      if (r.seq !== expectSeq) {
        add(checkProblem('record_chain_gap', { seq: expectSeq, found: r.seq }, null));
      }
      if (r.prev_hash !== prev || entryHash(r) !== r.hash) {
        add(checkProblem('record_chain_broken', what, r.invoice_id, { seq: r.seq }));
      }
      const text = forms.get(refKey(r.kind, r.ref_id));
      if (text === null || text === undefined) add(checkProblem('record_document_missing', what, r.invoice_id));
      else if (sha256(text) !== r.doc_hash) add(checkProblem('record_changed', what, r.invoice_id, { seq: r.seq }));
      prev = r.hash;
      expectSeq = r.seq + 1;
      entries++;
      last = r;
    }
    await breathe();
  }

  // Documents that should have an entry and have none (written outside Kassa, or their entry removed).
  const unchained = db
    .prepare(
      `SELECT 'invoice' AS what, i.kind AS kind, i.id AS invoice_id, ifnull(i.number, i.id) AS label FROM invoices i
         WHERE i.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = i.kind AND c.ref_id = i.id)
       UNION ALL
       SELECT 'payment', 'payment', p.invoice_id, ifnull(i.number, p.invoice_id) FROM payments p JOIN invoices i ON i.id = p.invoice_id
         WHERE NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = 'payment' AND c.ref_id = p.id)
       UNION ALL
       SELECT 'payment_void', 'payment_void', p.invoice_id, ifnull(i.number, p.invoice_id) FROM payments p JOIN invoices i ON i.id = p.invoice_id
         WHERE p.voided_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = 'payment_void' AND c.ref_id = p.id)
       UNION ALL
       SELECT 'refund', 'refund', r.invoice_id, ifnull(i.number, r.invoice_id) FROM refunds r JOIN invoices i ON i.id = r.invoice_id
         WHERE NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = 'refund' AND c.ref_id = r.id)
       UNION ALL
       SELECT 'refund_void', 'refund_void', r.invoice_id, ifnull(i.number, r.invoice_id) FROM refunds r JOIN invoices i ON i.id = r.invoice_id
         WHERE r.voided_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = 'refund_void' AND c.ref_id = r.id)
       UNION ALL
       SELECT 'cancellation', 'cancellation', h.invoice_id, ifnull(i.number, h.invoice_id) FROM invoice_history h JOIN invoices i ON i.id = h.invoice_id
         WHERE h.action = 'cancelled' AND NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind = 'cancellation' AND c.ref_id = CAST(h.id AS TEXT))
       UNION ALL
       SELECT 'period', CASE p.action WHEN 'closed' THEN 'period_closed' ELSE 'period_reopened' END, NULL, p.period FROM period_history p
         WHERE NOT EXISTS (SELECT 1 FROM record_chain c WHERE c.kind IN ('period_closed', 'period_reopened') AND c.ref_id = CAST(p.id AS TEXT))
       LIMIT ${MAX_PROBLEMS}`,
    )
    .all() as Array<{ kind: string; invoice_id: string | null; label: string }>;
  for (const u of unchained) add(checkProblem('record_not_chained', { kind: u.kind, label: u.label }, u.invoice_id));

  const head: ChainHeadInfo = { length: last?.seq ?? 0, hash: last?.hash ?? ZERO_HASH, at: last?.at ?? null };
  return { ok: count === 0, head, entries, problems, problemCount: count };
}
