/** Customers: CRUD, search, the snapshot an invoice keeps, and the all-or-nothing CSV import. */
import type { Database as Db } from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import {
  CUSTOMER_CSV_COLUMNS,
  customerCreateInput,
  type CustomerCreateInput,
  type CustomerImportReport,
  type CustomerListInput,
  type CustomerPage,
  type CustomerUpdateInput,
  type ImportRowError,
} from '../../shared/contract/customers';
import type { Address, Customer, CustomerSnapshot } from '../../shared/domain';
import { notFound } from '../../shared/errors';
import type { LedgerCtx } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { newId } from './ids';
import { cleanAddress } from './profile';
import { searchNormalize, stmt } from './sql';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address_json: string;
  tax_id: string | null;
  vat_id: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export function mapCustomer(r: CustomerRow): Customer {
  const c: Customer = {
    id: r.id,
    name: r.name,
    address: JSON.parse(r.address_json) as Address,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.email) c.email = r.email;
  if (r.phone) c.phone = r.phone;
  if (r.tax_id) c.taxId = r.tax_id;
  if (r.vat_id) c.vatId = r.vat_id;
  if (r.notes) c.notes = r.notes;
  return c;
}

export function snapshotOf(c: Customer): CustomerSnapshot {
  const s: CustomerSnapshot = { name: c.name, address: c.address };
  if (c.email) s.email = c.email;
  if (c.phone) s.phone = c.phone;
  if (c.taxId) s.taxId = c.taxId;
  if (c.vatId) s.vatId = c.vatId;
  return s;
}

const COLS = 'id, name, email, phone, address_json, tax_id, vat_id, notes, created_at, updated_at';

export function findCustomer(db: Db, id: string): Customer | undefined {
  const r = stmt<CustomerRow>(db, `SELECT ${COLS} FROM customers WHERE id = ?`).get(id);
  return r ? mapCustomer(r) : undefined;
}

export function getCustomer(db: Db, id: string): Customer {
  const c = findCustomer(db, id);
  if (!c) throw notFound('customer', id);
  return c;
}

const emptyToNull = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v === '' ? null : v;
const patch = (next: string | null | undefined, cur: string | null): string | null =>
  next === undefined ? cur : emptyToNull(next);

function searchTextOf(c: {
  name: string;
  email: string | null;
  phone: string | null;
  tax_id: string | null;
  vat_id: string | null;
}): string {
  return searchNormalize([c.name, c.email, c.phone, c.tax_id, c.vat_id].filter(Boolean).join(' '));
}

export function createCustomer(ctx: LedgerCtx, input: CustomerCreateInput): string {
  const id = newId('cus', ctx.now);
  const at = ctx.now.toISOString();
  const row = {
    name: input.name,
    email: emptyToNull(input.email),
    phone: emptyToNull(input.phone),
    tax_id: emptyToNull(input.taxId),
    vat_id: emptyToNull(input.vatId),
  };
  stmt(
    ctx.db,
    `INSERT INTO customers (id, name, email, phone, address_json, tax_id, vat_id, notes, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    row.name,
    row.email,
    row.phone,
    JSON.stringify(cleanAddress(input.address)),
    row.tax_id,
    row.vat_id,
    emptyToNull(input.notes),
    searchTextOf(row),
    at,
    at,
  );
  return id;
}

export function updateCustomer(ctx: LedgerCtx, input: CustomerUpdateInput): void {
  const cur = stmt<CustomerRow>(ctx.db, `SELECT ${COLS} FROM customers WHERE id = ?`).get(input.id);
  if (!cur) throw notFound('customer', input.id);
  const next = {
    name: input.name ?? cur.name,
    email: patch(input.email, cur.email),
    phone: patch(input.phone, cur.phone),
    tax_id: patch(input.taxId, cur.tax_id),
    vat_id: patch(input.vatId, cur.vat_id),
  };
  const addressJson = input.address === undefined ? cur.address_json : JSON.stringify(cleanAddress(input.address));
  const at = ctx.now.toISOString();
  stmt(
    ctx.db,
    `UPDATE customers SET name = ?, email = ?, phone = ?, address_json = ?, tax_id = ?, vat_id = ?, notes = ?, search_text = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    next.name,
    next.email,
    next.phone,
    addressJson,
    next.tax_id,
    next.vat_id,
    patch(input.notes, cur.notes),
    searchTextOf(next),
    at,
    input.id,
  );
  // Drafts show the customer as it is now; issued invoices keep the snapshot taken when they were issued.
  const snap = snapshotOf(getCustomer(ctx.db, input.id));
  stmt(
    ctx.db,
    `UPDATE invoices SET customer_name = ?, customer_json = ?, search_text = ?, updated_at = ? WHERE customer_id = ? AND status = 'draft'`,
  ).run(snap.name, JSON.stringify(snap), searchNormalize(snap.name), at, input.id);
}

function likePattern(q: string): string {
  return `%${searchNormalize(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listCustomers(db: Db, input: CustomerListInput): CustomerPage {
  const where: string[] = [];
  const params: unknown[] = [];
  const tag = 'customers:name';
  if (input.q) {
    where.push(`search_text LIKE ? ESCAPE '\\'`);
    params.push(likePattern(input.q));
  }
  if (input.cursor) {
    const c = decodeCursor(input.cursor, tag);
    // Spelled out (not a row value) so SQLite seeks in the NOCASE index instead of scanning it.
    where.push(`name COLLATE NOCASE >= ? AND (name COLLATE NOCASE > ? OR id > ?)`);
    params.push(String(c.key), String(c.key), c.id);
  }
  const sql = `SELECT ${COLS} FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY name COLLATE NOCASE, id LIMIT ?`;
  const rows = stmt<CustomerRow>(db, sql).all(...params, input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(mapCustomer),
    nextCursor: more && last ? encodeCursor({ tag, key: last.name, id: last.id }) : null,
  };
}

/** Maps a header cell to a known column: case-insensitive, spaces and dashes as underscores, a few aliases. */
function columnOf(header: string): (typeof CUSTOMER_CSV_COLUMNS)[number] | undefined {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const aliases: Record<string, (typeof CUSTOMER_CSV_COLUMNS)[number]> = {
    e_mail: 'email',
    line1: 'address_line1',
    address: 'address_line1',
    line2: 'address_line2',
    zip: 'postal_code',
    postcode: 'postal_code',
    state: 'region',
    vat: 'vat_id',
    tax: 'tax_id',
  };
  return (CUSTOMER_CSV_COLUMNS as readonly string[]).includes(h)
    ? (h as (typeof CUSTOMER_CSV_COLUMNS)[number])
    : aliases[h];
}

const MAX_LISTED_ERRORS = 200;

/**
 * Validates every row with the same schema as customer.create, then writes all of them in one transaction
 * (the caller's writeTx) — or none when any row is bad.
 */
export function importCustomers(ctx: LedgerCtx, csv: string, dryRun: boolean): CustomerImportReport {
  const errors: ImportRowError[] = [];
  const report = (rows: number, imported: number, ids: string[]): CustomerImportReport => ({
    ok: errors.length === 0,
    dryRun,
    rows,
    imported,
    ids,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: errors.length,
  });
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (err) {
    const e = err as Error & { lines?: number };
    errors.push({ row: e.lines ?? 1, field: null, message: `The CSV could not be read: ${e.message.slice(0, 200)}` });
    return report(0, 0, []);
  }
  const [header, ...rows] = records;
  if (!header) {
    errors.push({
      row: 1,
      field: null,
      message: 'The CSV is empty; it needs a header row with at least a "name" column.',
    });
    return report(0, 0, []);
  }
  const columns = header.map(columnOf);
  header.forEach((h, i) => {
    if (!columns[i])
      errors.push({
        row: 1,
        field: h.slice(0, 50),
        message: `Unknown column "${h.slice(0, 50)}". Known: ${CUSTOMER_CSV_COLUMNS.join(', ')}.`,
      });
  });
  if (!columns.includes('name')) errors.push({ row: 1, field: 'name', message: 'The header has no "name" column.' });
  if (errors.length > 0) return report(rows.length, 0, []);

  const valid: CustomerCreateInput[] = [];
  rows.forEach((cells, i) => {
    const rowNumber = i + 2;
    const get = (col: (typeof CUSTOMER_CSV_COLUMNS)[number]): string | undefined => {
      const idx = columns.indexOf(col);
      return idx >= 0 ? cells[idx] : undefined;
    };
    const candidate = {
      name: get('name') ?? '',
      email: get('email'),
      phone: get('phone'),
      address: {
        line1: get('address_line1'),
        line2: get('address_line2'),
        city: get('city'),
        postalCode: get('postal_code'),
        region: get('region'),
        country: get('country'),
      },
      taxId: get('tax_id'),
      vatId: get('vat_id'),
      notes: get('notes'),
    };
    const parsed = customerCreateInput.safeParse(candidate);
    if (parsed.success) {
      valid.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
      errors.push({ row: rowNumber, field, message: `${field ? `${field}: ` : ''}${issue.message}` });
    }
  });
  if (errors.length > 0 || dryRun) return report(rows.length, 0, []);
  const ids = valid.map((c) => createCustomer(ctx, c));
  return report(rows.length, ids.length, ids);
}
