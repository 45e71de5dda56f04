/**
 * Dashboard totals per currency from the stored totals columns: two aggregate queries over covering indexes
 * (open invoices; payments of the month), never a scan of lines.
 */
import type { Database as Db } from 'better-sqlite3';
import { monthRange } from '../../shared/contract/dates';
import type { CurrencyTotals, DashboardTotals } from '../../shared/contract/ledger';
import { stmt } from './sql';

// Expired invoices count as outstanding (the money is still owed) but not as overdue, matching isOverdue().
export const OPEN_SQL = `SELECT currency,
    sum(total - paid - credited) AS outstanding, count(*) AS outstanding_count,
    sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN total - paid - credited ELSE 0 END) AS overdue,
    sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN 1 ELSE 0 END) AS overdue_count
  FROM invoices INDEXED BY invoices_open
  WHERE kind = 'invoice' AND status IN ('issued','partially_paid','expired')
  GROUP BY currency`;
export const PAID_SQL = `SELECT currency, sum(amount) AS paid, count(*) AS n FROM payments INDEXED BY payments_by_month
  WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY currency`;

export function dashboardTotals(db: Db, asOf: string): DashboardTotals {
  const month = monthRange(asOf);
  const byCurrency = new Map<string, CurrencyTotals>();
  const entry = (currency: string): CurrencyTotals => {
    let e = byCurrency.get(currency);
    if (!e) {
      e = {
        currency,
        outstanding: 0,
        outstandingCount: 0,
        overdue: 0,
        overdueCount: 0,
        paidThisMonth: 0,
        paidThisMonthCount: 0,
      };
      byCurrency.set(currency, e);
    }
    return e;
  };
  for (const r of stmt<{
    currency: string;
    outstanding: number;
    outstanding_count: number;
    overdue: number;
    overdue_count: number;
  }>(db, OPEN_SQL).all(asOf, asOf)) {
    const e = entry(r.currency);
    e.outstanding = r.outstanding;
    e.outstandingCount = r.outstanding_count;
    e.overdue = r.overdue;
    e.overdueCount = r.overdue_count;
  }
  for (const r of stmt<{ currency: string; paid: number; n: number }>(db, PAID_SQL).all(month.from, month.to)) {
    const e = entry(r.currency);
    e.paidThisMonth = r.paid;
    e.paidThisMonthCount = r.n;
  }
  return { asOf, month, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
