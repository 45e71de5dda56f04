/**
 * The issued documents (invoices and credit notes, never drafts) dated in a range, in (issue date, id) order and
 * in keyset pages: what the bookkeeper's archive walks. Index-only on invoices_issue (issue_key, id).
 */
import type { Database as Db } from 'better-sqlite3';
import { stmt } from './sql';

export interface IssuedRef {
  id: string;
  number: string | null;
  issueKey: string;
}

export function countIssuedDocuments(db: Db, from: string, to: string): number {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM invoices WHERE issue_key >= @from AND issue_key <= @to AND status <> 'draft'`,
    ).get({ from, to })?.n ?? 0
  );
}

export function issuedDocumentsPage(
  db: Db,
  from: string,
  to: string,
  after: { issueKey: string; id: string } | null,
  limit: number,
): IssuedRef[] {
  return stmt<IssuedRef>(
    db,
    `SELECT id, number, issue_key AS issueKey FROM invoices
     WHERE issue_key >= @from AND issue_key <= @to AND status <> 'draft' AND (issue_key, id) > (@afterKey, @afterId)
     ORDER BY issue_key, id LIMIT @limit`,
  ).all({ from, to, afterKey: after?.issueKey ?? '', afterId: after?.id ?? '', limit });
}
