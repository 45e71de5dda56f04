/**
 * Dashboard totals per currency from the stored totals columns: aggregate queries over covering indexes
 * (open invoices; invoices on which a refund is owed; payments, refunds and credit notes of the month), never a
 * scan of lines. Balances come from `kassa_balance`, the SQL face of shared/settlement.ts `balanceOf`, so the
 * dashboard nets credits and refunds exactly as the invoice screen, the PDF and the CSV do.
 */
import type { Database as Db } from 'better-sqlite3';
import { monthRange } from '../../shared/contract/dates';
import type { CurrencyTotals, DashboardTotals } from '../../shared/contract/ledger';
import { stmt } from './sql';
import { OPEN_STATUSES } from './status';

const OPEN_LIST = OPEN_STATUSES.map((st) => `'${st}'`).join(',');

const BALANCE = `kassa_balance('invoice', status, total, paid, credited, refunded)`;

// Expired invoices count as outstanding (the money is still owed) but not as overdue, matching isOverdue().
// The status list must stay the one of the invoices_open partial index (schema 001) for INDEXED BY to apply.
export const OPEN_SQL = `SELECT currency,
    sum(${BALANCE}) AS outstanding, count(*) AS outstanding_count,
    sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN ${BALANCE} ELSE 0 END) AS overdue,
    sum(CASE WHEN status <> 'expired' AND due_key > '' AND due_key < ? THEN 1 ELSE 0 END) AS overdue_count
  FROM invoices INDEXED BY invoices_open
  WHERE kind = 'invoice' AND status IN (${OPEN_LIST})
  GROUP BY currency`;
/** Invoices that received more than they ask for (paid, then credited; overpaid): money owed back. */
export const REFUND_OWED_SQL = `SELECT currency, -sum(${BALANCE}) AS owed, count(*) AS n
  FROM invoices INDEXED BY invoices_refund_owed
  WHERE kind = 'invoice' AND status = 'paid' AND paid + credited > total + refunded
  GROUP BY currency`;
export const PAID_SQL = `SELECT currency, sum(amount) AS paid, count(*) AS n FROM payments INDEXED BY payments_by_month
  WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY currency`;
export const REFUNDED_SQL = `SELECT currency, sum(amount) AS refunded, count(*) AS n FROM refunds INDEXED BY refunds_by_month
  WHERE voided_at IS NULL AND date BETWEEN ? AND ? GROUP BY currency`;
export const CREDITED_SQL = `SELECT currency, sum(total) AS credited, count(*) AS n FROM invoices INDEXED BY invoices_status_issue
  WHERE status = 'issued' AND issue_key BETWEEN ? AND ? AND kind = 'credit_note' GROUP BY currency`;

function emptyTotals(currency: string): CurrencyTotals {
  return {
    currency,
    outstanding: 0,
    outstandingCount: 0,
    overdue: 0,
    overdueCount: 0,
    paidThisMonth: 0,
    paidThisMonthCount: 0,
    refundedThisMonth: 0,
    refundedThisMonthCount: 0,
    receivedThisMonth: 0,
    creditedThisMonth: 0,
    creditedThisMonthCount: 0,
    refundOwed: 0,
    refundOwedCount: 0,
  };
}

export function dashboardTotals(db: Db, asOf: string): DashboardTotals {
  const month = monthRange(asOf);
  const byCurrency = new Map<string, CurrencyTotals>();
  const entry = (currency: string): CurrencyTotals => {
    let e = byCurrency.get(currency);
    if (!e) {
      e = emptyTotals(currency);
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
  for (const r of stmt<{ currency: string; owed: number; n: number }>(db, REFUND_OWED_SQL).all()) {
    const e = entry(r.currency);
    e.refundOwed = r.owed;
    e.refundOwedCount = r.n;
  }
  for (const r of stmt<{ currency: string; paid: number; n: number }>(db, PAID_SQL).all(month.from, month.to)) {
    const e = entry(r.currency);
    e.paidThisMonth = r.paid;
    e.paidThisMonthCount = r.n;
  }
  for (const r of stmt<{ currency: string; refunded: number; n: number }>(db, REFUNDED_SQL).all(month.from, month.to)) {
    const e = entry(r.currency);
    e.refundedThisMonth = r.refunded;
    e.refundedThisMonthCount = r.n;
  }
  for (const r of stmt<{ currency: string; credited: number; n: number }>(db, CREDITED_SQL).all(month.from, month.to)) {
    const e = entry(r.currency);
    e.creditedThisMonth = r.credited;
    e.creditedThisMonthCount = r.n;
  }
  for (const e of byCurrency.values()) e.receivedThisMonth = e.paidThisMonth - e.refundedThisMonth;
  return { asOf, month, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
