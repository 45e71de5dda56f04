/**
 * The VAT summary as CSV: one line per currency, category and rate, then a total line and (when there are any)
 * a line of the void cancelled invoices per currency. Amounts in major units of their currency, as every CSV of
 * Kassa (a spreadsheet is an edge); column names are stable identifiers, not translated.
 */
import { stringify } from 'csv-stringify/sync';
import type { VatSummary } from '../../shared/contract/books';
import { minorToMajorString } from '../../shared/money';
import { safeCell } from '../ledger/csv-export';
import { englishMessage } from '../../shared/i18n/english';
import { vatRowReasons } from '../../shared/invoice-text';

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

interface Side {
  count: number;
  base: number;
  tax: number;
}

export function vatSummaryCsv(s: VatSummary): string {
  const rows: string[][] = [];
  for (const c of s.currencies) {
    const m = (minor: number): string => minorToMajorString(minor, c.currency);
    const line = (row: string, key: [string, string, string], inv: Side, cn: Side, net: Side & { total: number }) => [
      c.currency,
      row,
      ...key,
      String(inv.count),
      m(inv.base),
      m(inv.tax),
      String(cn.count),
      m(cn.base),
      m(cn.tax),
      m(net.base),
      m(net.tax),
      m(net.total),
    ];
    for (const r of c.rows) {
      rows.push(
        line(
          'rate',
          [r.category, r.rate, safeCell(vatRowReasons(r, englishMessage).join('; '))],
          { count: r.invoices.count, base: r.invoices.taxable, tax: r.invoices.tax },
          { count: r.creditNotes.count, base: r.creditNotes.taxable, tax: r.creditNotes.tax },
          { count: 0, base: r.net.taxable, tax: r.net.tax, total: r.net.taxable + r.net.tax },
        ),
      );
    }
    rows.push(
      line(
        'total',
        ['', '', ''],
        { count: c.invoices.count, base: c.invoices.taxExclusive, tax: c.invoices.tax },
        { count: c.creditNotes.count, base: c.creditNotes.taxExclusive, tax: c.creditNotes.tax },
        { count: 0, base: c.net.taxExclusive, tax: c.net.tax, total: c.net.total },
      ),
    );
    // The void cancelled invoices: how many (invoices) and their total (net_total), in no other line.
    if (c.cancelled.count > 0)
      rows.push([
        c.currency,
        'cancelled',
        '',
        '',
        '',
        String(c.cancelled.count),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        m(c.cancelled.total),
      ]);
  }
  return stringify([[...VAT_CSV_HEADER], ...rows]);
}
