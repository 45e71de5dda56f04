/**
 * The all-or-nothing customer CSV import: the file read strictly (UTF-8, each column once), every row checked with
 * customer.create's schema, then all written or none; every value stored differently from the file is reported.
 */
import { parse } from 'csv-parse/sync';
import {
  CUSTOMER_CSV_COLUMNS,
  customerCreateInput,
  type CustomerCreateInput,
  type CustomerImportReport,
  type ImportChange,
  type ImportRowError,
} from '../../shared/contract/customers';
import { issueField, issueMessage } from '../../shared/contract/validation';
import { msg } from '../../shared/i18n/keys';
import { englishMessage } from '../../shared/i18n/english';
import type { Message } from '../../shared/i18n/params';
import type { LedgerCtx } from './context';
import { checkCsvText, decodeCsvBytes } from './csv-decode';
import { createCustomer, e164 } from './tables/customers';

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

const rowError = (row: number, field: string | null, problem: Message): ImportRowError => ({
  row,
  field,
  problem,
  message: englishMessage(problem),
});

/** The CSV as given: text, or the file's bytes (base64). */
export interface CsvSource {
  csv?: string | undefined;
  csvBytes?: string | undefined;
}

/** What the import stores for a cell, next to what the file says: a change is reported, never made in silence. */
function changeOf(row: number, field: string, from: string | undefined, to: unknown): ImportChange | null {
  if (from === undefined || typeof to !== 'string' || from === to) return null;
  return {
    row,
    field,
    change: from.trim() === to ? 'trimmed' : 'reformatted',
    from: from.slice(0, 200),
    to: to.slice(0, 200),
  };
}

/**
 * Reads the CSV strictly (UTF-8, one column per name), validates every row with the same schema as customer.create,
 * then writes all of them in one transaction (the caller's writeTx) — or none when any row is bad. Every value stored
 * differently from the file is listed in `changes`.
 */
export function importCustomers(ctx: LedgerCtx, source: CsvSource, dryRun: boolean): CustomerImportReport {
  const errors: ImportRowError[] = [];
  const changes: ImportChange[] = [];
  const report = (rows: number, imported: number, ids: string[]): CustomerImportReport => ({
    ok: errors.length === 0,
    dryRun,
    rows,
    imported,
    ids,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: errors.length,
    changes: changes.slice(0, MAX_LISTED_ERRORS),
    changeCount: changes.length,
  });
  const decoded =
    source.csvBytes !== undefined
      ? decodeCsvBytes(Buffer.from(source.csvBytes, 'base64'))
      : checkCsvText(source.csv ?? '');
  if (!decoded.ok) {
    errors.push(
      rowError(
        decoded.line,
        null,
        decoded.problem === 'utf16'
          ? msg('customers.import.utf16')
          : msg('customers.import.not_utf8', { line: decoded.line }),
      ),
    );
    return report(0, 0, []);
  }
  let records: string[][];
  try {
    // Not trimmed here: the schema trims, and the difference is reported as a change.
    records = parse(decoded.text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    const e = err as Error & { lines?: number };
    errors.push(rowError(e.lines ?? 1, null, msg('customers.import.unreadable', { detail: e.message.slice(0, 200) })));
    return report(0, 0, []);
  }
  const [header, ...rows] = records;
  if (!header) {
    errors.push(rowError(1, null, msg('customers.import.empty')));
    return report(0, 0, []);
  }
  const columns = header.map((h) => columnOf(h));
  header.forEach((h, i) => {
    if (!columns[i])
      errors.push(
        rowError(
          1,
          h.slice(0, 50),
          msg('customers.import.unknown_column', { column: h.slice(0, 50), known: CUSTOMER_CSV_COLUMNS.join(', ') }),
        ),
      );
  });
  columns.forEach((col, i) => {
    const first = columns.indexOf(col);
    // Two headers for one column: which one would win is a guess; the file must say it once.
    if (col && first !== i)
      errors.push(
        rowError(1, col, msg('customers.import.duplicate_column', { column: col, first: first + 1, second: i + 1 })),
      );
  });
  if (!columns.includes('name')) errors.push(rowError(1, 'name', msg('customers.import.no_name_column')));
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
      // Empty: the business's language. Checked by the schema (en, ar, es); "AR" is read as ar and reported.
      language: get('language')?.trim().toLowerCase() || undefined,
    };
    const parsed = customerCreateInput.safeParse(candidate);
    if (parsed.success) {
      valid.push(parsed.data);
      const out = parsed.data;
      const stored: Array<[string, string | undefined, unknown]> = [
        ['name', candidate.name, out.name],
        ['email', candidate.email, out.email],
        // The ledger writes phones in E.164, read with the customer's country (tables/customers.ts).
        ['phone', candidate.phone, out.phone ? e164(out.phone, out.address?.country) : out.phone],
        ['address.line1', candidate.address.line1, out.address?.line1],
        ['address.line2', candidate.address.line2, out.address?.line2],
        ['address.city', candidate.address.city, out.address?.city],
        ['address.postalCode', candidate.address.postalCode, out.address?.postalCode],
        ['address.region', candidate.address.region, out.address?.region],
        ['address.country', candidate.address.country, out.address?.country],
        ['taxId', candidate.taxId, out.taxId],
        ['vatId', candidate.vatId, out.vatId],
        ['notes', candidate.notes, out.notes],
        ['language', get('language'), out.language],
      ];
      for (const [field, from, to] of stored) {
        const c = changeOf(rowNumber, field, from, to);
        if (c) changes.push(c);
      }
      return;
    }
    for (const issue of parsed.error.issues)
      errors.push(rowError(rowNumber, issueField(issue) ?? null, issueMessage(issue)));
  });
  if (errors.length > 0 || dryRun) return report(rows.length, 0, []);
  const ids = valid.map((c) => createCustomer(ctx, c));
  return report(rows.length, ids.length, ids);
}
