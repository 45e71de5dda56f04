/**
 * Owner of the `customers` table: create, update, read, search pages, and the snapshot an invoice keeps. Updating a
 * customer also refreshes the drafts that name it (through the invoices owner).
 */
import type { Database as Db } from 'better-sqlite3';
import type {
  CustomerCreateInput,
  CustomerListInput,
  CustomerPage,
  CustomerUpdateInput,
} from '../../../shared/contract/customers';
import type { Address, Customer, CustomerSnapshot } from '../../../shared/domain';
import type { Language } from '../../../shared/i18n/languages';
import { invalid, notFound } from '../../../shared/errors';
import type * as Phone from '../../../shared/phone';
import type { LedgerCtx } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { newId } from '../ids';
import { refreshDraftCustomer } from './invoices';
import { cleanAddress } from './profile';
import { searchNormalize, stmt } from '../sql';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address_json: string;
  tax_id: string | null;
  vat_id: string | null;
  notes: string | null;
  language: Language | null;
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
  if (r.language) c.language = r.language;
  return c;
}

export function snapshotOf(c: Customer): CustomerSnapshot {
  const s: CustomerSnapshot = { name: c.name, address: c.address };
  if (c.email) s.email = c.email;
  if (c.phone) s.phone = c.phone;
  if (c.taxId) s.taxId = c.taxId;
  if (c.vatId) s.vatId = c.vatId;
  if (c.language) s.language = c.language;
  return s;
}

/**
 * Every column (`language` since migration 010): `*` so that a ledger on an older schema — the migration tests
 * build one with today's code — still reads; a row without the column has no language.
 */
const COLS = '*';

export function findCustomer(db: Db, id: string): Customer | undefined {
  const r = stmt<CustomerRow>(db, `SELECT ${COLS} FROM customers WHERE id = @id`).get({ id });
  return r ? mapCustomer(r) : undefined;
}

export function getCustomer(db: Db, id: string): Customer {
  const c = findCustomer(db, id);
  if (!c) throw notFound('customer', id);
  return c;
}

export function countCustomers(db: Db): number {
  return stmt<{ n: number }>(db, `SELECT count(*) AS n FROM customers`).get()?.n ?? 0;
}

const emptyToNull = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v === '' ? null : v;
const patch = (next: string | null | undefined, cur: string | null): string | null =>
  next === undefined ? cur : emptyToNull(next);

/**
 * A typed phone number in E.164, read with the owner's country (shared/phone.ts); refused when it cannot be read.
 * The numbering plans (libphonenumber's metadata, the largest load after zod) come on the first number, not with the table.
 */
export function e164(phone: string | null, country: string | null | undefined): string | null {
  if (phone === null) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  const { normalizePhone } = require('../../../shared/phone') as typeof Phone;
  const r = normalizePhone(phone, country);
  if (!r.ok) throw invalid(r.problem, {}, 'phone');
  return r.e164;
}

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
    phone: e164(emptyToNull(input.phone), input.address?.country),
    tax_id: emptyToNull(input.taxId),
    vat_id: emptyToNull(input.vatId),
  };
  // The language column only when a language is given (see COLS).
  const lang = input.language ? { col: ', language', val: ', @language' } : { col: '', val: '' };
  stmt(
    ctx.db,
    `INSERT INTO customers (id, name, email, phone, address_json, tax_id, vat_id, notes${lang.col}, search_text, created_at, updated_at)
     VALUES (@id, @name, @email, @phone, @address_json, @tax_id, @vat_id, @notes${lang.val}, @search_text, @at, @at)`,
  ).run({
    id,
    ...row,
    address_json: JSON.stringify(cleanAddress(input.address)),
    notes: emptyToNull(input.notes),
    ...(input.language ? { language: input.language } : {}),
    search_text: searchTextOf(row),
    at,
  });
  return id;
}

export function updateCustomer(ctx: LedgerCtx, input: CustomerUpdateInput): void {
  const cur = stmt<CustomerRow>(ctx.db, `SELECT ${COLS} FROM customers WHERE id = @id`).get({ id: input.id });
  if (!cur) throw notFound('customer', input.id);
  const country =
    input.address === undefined ? (JSON.parse(cur.address_json) as Address).country : input.address.country;
  const next = {
    name: input.name ?? cur.name,
    email: patch(input.email, cur.email),
    phone: input.phone ? e164(input.phone, country) : patch(input.phone, cur.phone),
    tax_id: patch(input.taxId, cur.tax_id),
    vat_id: patch(input.vatId, cur.vat_id),
  };
  const addressJson = input.address === undefined ? cur.address_json : JSON.stringify(cleanAddress(input.address));
  const at = ctx.now.toISOString();
  stmt(
    ctx.db,
    `UPDATE customers SET name = @name, email = @email, phone = @phone, address_json = @address_json, tax_id = @tax_id, vat_id = @vat_id,
       notes = @notes, language = @language, search_text = @search_text, updated_at = @at
     WHERE id = @id`,
  ).run({
    id: input.id,
    ...next,
    address_json: addressJson,
    notes: patch(input.notes, cur.notes),
    language: input.language === undefined ? cur.language : input.language,
    search_text: searchTextOf(next),
    at,
  });
  // Drafts show the customer as it is now; issued invoices keep the snapshot taken when they were issued.
  const snap = snapshotOf(getCustomer(ctx.db, input.id));
  refreshDraftCustomer(ctx.db, input.id, {
    name: snap.name,
    json: JSON.stringify(snap),
    searchText: searchNormalize(snap.name),
    at,
  });
}

function likePattern(q: string): string {
  return `%${searchNormalize(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search's WHERE clause and parameters, shared by the list and its count. */
function customerFilter(q: string | undefined): { where: string[]; params: Record<string, string | number> } {
  if (!q) return { where: [], params: {} };
  return { where: [`search_text LIKE @like ESCAPE '\\'`], params: { like: likePattern(q) } };
}

/** How many customers match the search text. */
export function countCustomersMatching(db: Db, q: string | undefined): number {
  const { where, params } = customerFilter(q);
  const sql = `SELECT count(*) AS n FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return stmt<{ n: number }>(db, sql).get(params)?.n ?? 0;
}

export function listCustomers(db: Db, input: CustomerListInput): CustomerPage {
  const { where, params } = customerFilter(input.q);
  params.limit = input.limit + 1;
  const tag = 'customers:name';
  if (input.cursor) {
    const c = decodeCursor(input.cursor, tag);
    // Spelled out (not a row value) so SQLite seeks in the NOCASE index instead of scanning it.
    where.push(`name COLLATE NOCASE >= @afterName AND (name COLLATE NOCASE > @afterName OR id > @afterId)`);
    params.afterName = String(c.key);
    params.afterId = c.id;
  }
  const sql = `SELECT ${COLS} FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY name COLLATE NOCASE, id LIMIT @limit`;
  if (input.offset) params.offset = input.offset;
  const rows = stmt<CustomerRow>(db, input.offset ? `${sql} OFFSET @offset` : sql).all(params);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(mapCustomer),
    nextCursor: more && last ? encodeCursor({ tag, key: last.name, id: last.id }) : null,
  };
}
