/**
 * The VAT summary as CSV: one line per currency, category and rate, then a total line and (when there are any)
 * a line of the void cancelled invoices per currency. Amounts in major units of their currency, as every CSV of
 * Kassa (a spreadsheet is an edge); column names are stable identifiers, not translated.
 */
import { stringify } from 'csv-stringify/sync';
import type { VatSummary } from '../../shared/contract/books';
import { minorToMajorString } from '../../shared/money';
import { safeCell } from '../ledger/csv-export';

export const VAT_CSV_HEADER = [
  'currency',
  'row',
  'category',
  'rate',
  'exemption_reasons',
  'invoices',
  'invoices_taxable',
  'invoices_tax',
  'credit_notes',
  'credit_notes_taxable',
  'credit_notes_tax',
  'net_taxable',
  'net_tax',
  'net_total',
] as const;

export function vatSummaryCsv(s: VatSummary): string {
  const rows: string[][] = [];
  for (const c of s.currencies) {
    const m = (minor: number): string => minorToMajorString(minor, c.currency);
    for (const r of c.rows) {
      rows.push([
        c.currency,
        'rate',
        r.category,
        r.rate,
        safeCell(r.exemptionReasons.join('; ')),
        String(r.invoices.count),
        m(r.invoices.taxable),
        m(r.invoices.tax),
        String(r.creditNotes.count),
        m(r.creditNotes.taxable),
        m(r.creditNotes.tax),
        m(r.net.taxable),
        m(r.net.tax),
        m(r.net.taxable + r.net.tax),
      ]);
    }
    rows.push([
      c.currency,
      'total',
      '',
      '',
      '',
      String(c.invoices.count),
      m(c.invoices.taxExclusive),
      m(c.invoices.tax),
      String(c.creditNotes.count),
      m(c.creditNotes.taxExclusive),
      m(c.creditNotes.tax),
      m(c.net.taxExclusive),
      m(c.net.tax),
      m(c.net.total),
    ]);
    if (c.cancelled.count > 0)
      rows.push([
        c.currency,
        'cancelled',
        '',
        '',
        '',
        String(c.cancelled.count),
        m(c.cancelled.total),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
  }
  return stringify([[...VAT_CSV_HEADER], ...rows]);
}
