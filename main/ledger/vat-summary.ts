/**
 * The VAT summary of a date range, for the VAT return: per currency, per VAT category and rate, the taxable base
 * and the VAT of the invoices and of the credit notes issued in the range, with the exemption reasons given.
 *
 * Every figure is the sum of the documents' own breakdowns, each computed by shared/totals.ts exactly as the
 * invoice itself was (EN 16931 rounding once per category and document), so the summary equals the documents to
 * the minor unit. Read in keyset chunks of the issue-date index: bounded memory on any ledger.
 *
 * What counts: every issued invoice and credit note dated in the range. An invoice cancelled without being fully
 * credited is void and left out (listed apart as `cancelled`); one cancelled by its credit notes counts, and so do
 * the credit notes.
 */
import type { Database as Db } from 'better-sqlite3';
import type { VatAmounts, VatCurrency, VatRateRow, VatSummary } from '../../shared/contract/books';
import type { InvoiceDiscount } from '../../shared/domain';
import { compareTaxGroups, computeTotals } from '../../shared/totals';
import { headOf } from './chain';
import { lineRowsOf, mapLine, type InvoiceRow, type LineRow } from './tables/invoices';

const CHUNK = 1000;

type DocRow = Pick<
  InvoiceRow,
  'id' | 'kind' | 'status' | 'currency' | 'issue_date' | 'discount_json' | 'total' | 'credited'
>;

/** An invoice cancelled without being fully credited is void: it is in no figure of the VAT summary. */
export function isVoidForVat(r: Pick<InvoiceRow, 'kind' | 'status' | 'total' | 'credited'>): boolean {
  return r.kind === 'invoice' && r.status === 'cancelled' && r.credited < r.total;
}

const zero = (): VatAmounts => ({ count: 0, taxable: 0, tax: 0 });

interface Acc {
  currency: VatCurrency;
  rows: Map<string, VatRateRow & { reasons: Set<string>; providers: Set<string> }>;
}

/** Documents issued in [from, to], chunk by chunk, each with its lines (two queries per chunk). */
export function* documentsIssuedBetween(
  db: Db,
  from: string,
  to: string,
): Generator<Array<{ row: DocRow; lines: LineRow[] }>> {
  const page = db.prepare(
    `SELECT id, kind, status, currency, issue_date, discount_json, total, credited FROM invoices
     WHERE issue_key >= @from AND issue_key <= @to AND (issue_key, id) > (@afterDate, @afterId) AND status <> 'draft'
     ORDER BY issue_key, id LIMIT ${CHUNK}`,
  );
  let afterDate = '';
  let afterId = '';
  for (;;) {
    const rows = page.all({ from, to, afterDate, afterId }) as DocRow[];
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    afterDate = last.issue_date ?? '';
    afterId = last.id;
    const lines = new Map<string, LineRow[]>();
    for (const l of lineRowsOf(
      db,
      rows.map((r) => r.id),
    )) {
      const list = lines.get(l.invoice_id);
      if (list) list.push(l);
      else lines.set(l.invoice_id, [l]);
    }
    yield rows.map((row) => ({ row, lines: lines.get(row.id) ?? [] }));
    if (rows.length < CHUNK) return;
  }
}

export function vatSummary(db: Db, from: string, to: string, now: Date): VatSummary {
  const byCurrency = new Map<string, Acc>();
  let documents = 0;
  for (const chunk of documentsIssuedBetween(db, from, to)) {
    for (const { row, lines } of chunk) {
      let acc = byCurrency.get(row.currency);
      if (!acc) {
        acc = {
          currency: {
            currency: row.currency,
            rows: [],
            invoices: { count: 0, taxExclusive: 0, tax: 0, total: 0 },
            creditNotes: { count: 0, taxExclusive: 0, tax: 0, total: 0 },
            net: { taxExclusive: 0, tax: 0, total: 0 },
            cancelled: { count: 0, total: 0 },
          },
          rows: new Map(),
        };
        byCurrency.set(row.currency, acc);
      }
      const items = lines.map(mapLine);
      const t = computeTotals(items, row.discount_json ? (JSON.parse(row.discount_json) as InvoiceDiscount) : null);
      if (isVoidForVat(row)) {
        acc.currency.cancelled.count++;
        acc.currency.cancelled.total += t.total;
        continue;
      }
      documents++;
      const credit = row.kind === 'credit_note';
      const docs = credit ? acc.currency.creditNotes : acc.currency.invoices;
      docs.count++;
      docs.taxExclusive += t.taxExclusive;
      docs.tax += t.tax;
      docs.total += t.total;
      for (const b of t.breakdown) {
        const key = `${b.category}|${b.rate}`;
        let r = acc.rows.get(key);
        if (!r) {
          r = {
            category: b.category,
            rate: b.rate,
            exemptionReasons: [],
            importedFrom: [],
            reasons: new Set(),
            providers: new Set(),
            invoices: zero(),
            creditNotes: zero(),
            net: { taxable: 0, tax: 0 },
          };
          acc.rows.set(key, r);
        }
        // A breakdown row may join several reasons ("a; b"): each is listed once.
        for (const reason of b.exemptionReason?.split('; ') ?? []) if (reason) r.reasons.add(reason);
        for (const l of items)
          if (l.imported && l.taxCategory === b.category && Number(l.taxRate) === Number(b.rate))
            r.providers.add(l.imported.provider);
        const side = credit ? r.creditNotes : r.invoices;
        side.count++;
        side.taxable += b.taxable;
        side.tax += b.tax;
      }
    }
  }
  const currencies = [...byCurrency.values()]
    .sort((a, b) => (a.currency.currency < b.currency.currency ? -1 : 1))
    .map(({ currency, rows }) => {
      currency.rows = [...rows.values()]
        .sort((a, b) => compareTaxGroups(a, b))
        .map(({ reasons, providers, ...r }) => ({
          ...r,
          exemptionReasons: [...reasons].sort(),
          importedFrom: [...providers].sort(),
          net: { taxable: r.invoices.taxable - r.creditNotes.taxable, tax: r.invoices.tax - r.creditNotes.tax },
        }));
      const i = currency.invoices;
      const c = currency.creditNotes;
      currency.net = { taxExclusive: i.taxExclusive - c.taxExclusive, tax: i.tax - c.tax, total: i.total - c.total };
      return currency;
    });
  const closedPeriods = (
    db
      .prepare(
        `SELECT period FROM closed_periods WHERE from_date <= @to AND to_date >= @from ORDER BY from_date, to_date DESC`,
      )
      .all({ from, to }) as Array<{ period: string }>
  ).map((r) => r.period);
  const head = headOf(db);
  return {
    from,
    to,
    generatedAt: now.toISOString(),
    documents,
    currencies,
    closedPeriods,
    chainHead: { length: head.length, hash: head.hash },
  };
}
