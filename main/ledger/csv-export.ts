/**
 * CSV export of invoices or of line items, in keyset chunks (bounded memory, the connection is free between
 * chunks) with progress. Amounts are major units in the invoice currency (a spreadsheet is an edge), and text
 * cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
import type { Database as Db } from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import type { InvoiceFilter } from '../../shared/contract/invoices';
import { minorToMajorString } from '../../shared/money';
import { balanceOf } from '../../shared/settlement';
import { customerNameOf, lineDescription, lineExemptionReason } from '../../shared/invoice-text';
import { englishMessage } from '../../shared/i18n/english';
import { importedOf, type InvoiceRow } from './tables/invoices';
import { filterSql } from './queries';
import { isOverdue } from './status';

const CHUNK = 2000;

export const INVOICE_CSV_HEADER = [
  'id',
  'kind',
  'number',
  'status',
  'overdue',
  'customer_id',
  'customer_name',
  'customer_tax_id',
  'customer_vat_id',
  'currency',
  'issue_date',
  'due_date',
  'lines_net',
  'allowance',
  'tax',
  'total',
  'paid',
  'credited',
  'refunded',
  'balance',
  'corrects_number',
  'created_at',
  'issued_at',
];
export const LINE_CSV_HEADER = [
  'invoice_id',
  'invoice_number',
  'invoice_status',
  'currency',
  'position',
  'description',
  'quantity',
  'unit_code',
  'unit_price',
  'discount',
  'net',
  'tax_category',
  'tax_rate',
  'exemption_reason',
];

/**
 * Neutralizes spreadsheet formulas in free text and in anything a provider chose (CSV injection): names, and also
 * invoice numbers, which an import takes from the provider.
 */
export function safeCell(v: string | null | undefined): string {
  if (!v) return '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

type InvoiceCsvRow = { seq: number; corrects_number: string | null } & Pick<
  InvoiceRow,
  | 'id'
  | 'kind'
  | 'number'
  | 'status'
  | 'customer_id'
  | 'customer_json'
  | 'currency'
  | 'issue_date'
  | 'due_date'
  | 'lines_net'
  | 'allowance_total'
  | 'tax_total'
  | 'total'
  | 'paid'
  | 'credited'
  | 'refunded'
  | 'created_at'
  | 'issued_at'
>;
interface LineCsvRow {
  seq: number;
  invoice_id: string;
  number: string | null;
  status: string;
  currency: string;
  position: number;
  description: string;
  quantity: string;
  unit_code: string;
  unit_price: number;
  discount: number;
  net: number;
  tax_category: string;
  tax_rate: string;
  exemption_reason: string | null;
  imported_json: string | null;
}

export interface CsvSink {
  write(chunk: string): void;
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes the CSV a chunk at a time and yields to the event loop between chunks, so the app stays responsive
 * during a large export. Pass a connection of its own inside a read transaction for a consistent snapshot.
 */
export async function exportCsv(
  db: Db,
  what: 'invoices' | 'lines',
  filter: InvoiceFilter,
  today: string,
  sink: CsvSink,
  progress: (done: number) => void,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<number> {
  const { where, params } = filterSql(filter, today);
  const cond = where.map((w) => `AND ${w}`).join(' ');
  const money = (v: number, c: string): string => minorToMajorString(v, c);
  sink.write(stringify([what === 'invoices' ? INVOICE_CSV_HEADER : LINE_CSV_HEADER]));
  let rows = 0;
  let after = 0;
  if (what === 'invoices') {
    const q = db.prepare(
      `SELECT seq, id, kind, number, status, customer_id, customer_json, currency, issue_date, due_date, lines_net, allowance_total, tax_total, total,
              paid, credited, refunded, (SELECT c.number FROM invoices c WHERE c.id = invoices.corrects_invoice_id) AS corrects_number, created_at, issued_at
       FROM invoices WHERE seq > ? ${cond} ORDER BY seq LIMIT ${CHUNK}`,
    );
    for (;;) {
      const chunk = q.all(after, ...params) as InvoiceCsvRow[];
      if (chunk.length === 0) break;
      rows += chunk.length;
      if (rows > maxRows) throw new RangeError('too many rows');
      after = chunk[chunk.length - 1]?.seq ?? after;
      sink.write(
        stringify(
          chunk.map((r) => {
            const snap = JSON.parse(r.customer_json) as { name?: string; taxId?: string; vatId?: string };
            return [
              r.id,
              r.kind,
              safeCell(r.number),
              r.status,
              isOverdue(r.kind, r.status, r.due_date, today) ? 'yes' : 'no',
              r.customer_id ?? '',
              safeCell(customerNameOf({ customer: { name: snap.name ?? '' }, status: r.status }, englishMessage)),
              safeCell(snap.taxId),
              safeCell(snap.vatId),
              r.currency,
              r.issue_date ?? '',
              r.due_date ?? '',
              money(r.lines_net, r.currency),
              money(r.allowance_total, r.currency),
              money(r.tax_total, r.currency),
              money(r.total, r.currency),
              money(r.paid, r.currency),
              money(r.credited, r.currency),
              money(r.refunded, r.currency),
              money(balanceOf(r), r.currency),
              safeCell(r.corrects_number),
              r.created_at,
              r.issued_at ?? '',
            ];
          }),
        ),
      );
      progress(rows);
      await breathe();
    }
  } else {
    const q = db.prepare(
      `SELECT i.seq, l.invoice_id, i.number, i.status, i.currency, l.position, l.description, l.quantity, l.unit_code, l.unit_price, l.discount, l.net,
              l.tax_category, l.tax_rate, l.exemption_reason, l.imported_json
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
       WHERE i.seq IN (SELECT seq FROM invoices WHERE seq > ? ${cond} ORDER BY seq LIMIT ${CHUNK})
       ORDER BY i.seq, l.position`,
    );
    const lastSeq = db.prepare(
      `SELECT max(seq) AS s FROM (SELECT seq FROM invoices WHERE seq > ? ${cond} ORDER BY seq LIMIT ${CHUNK})`,
    );
    for (;;) {
      const upto = (lastSeq.get(after, ...params) as { s: number | null }).s;
      if (upto === null) break;
      const chunk = q.all(after, ...params) as LineCsvRow[];
      after = upto;
      rows += chunk.length;
      if (rows > maxRows) throw new RangeError('too many rows');
      sink.write(
        stringify(
          chunk.map((r) => {
            // An imported line's texts, in English like the rest of the file (for scripts).
            const line = {
              description: r.description,
              exemptionReason: r.exemption_reason ?? undefined,
              imported: importedOf(r.imported_json) ?? undefined,
            };
            return [
              r.invoice_id,
              safeCell(r.number),
              r.status,
              r.currency,
              r.position + 1,
              safeCell(lineDescription(line, englishMessage)),
              r.quantity,
              r.unit_code,
              money(r.unit_price, r.currency),
              money(r.discount, r.currency),
              money(r.net, r.currency),
              r.tax_category,
              r.tax_rate,
              safeCell(lineExemptionReason(line, englishMessage)),
            ];
          }),
        ),
      );
      progress(rows);
      await breathe();
    }
  }
  return rows;
}
