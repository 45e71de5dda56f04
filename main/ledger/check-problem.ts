/**
 * What the ledger check reports, as codes: each problem is `check.<code>` with its parameters (the screen words it
 * in the reader's language; `message` is the English text for the CLI and logs, from the same catalogue), and
 * each invariant it checked is `check.invariant.<id>`.
 */
import type { CheckProblem } from '../../shared/contract/ledger';
import { englishText } from '../../shared/i18n/english';
import type { ParamValues } from '../../shared/i18n/params';

/** Every problem the check can report (test/unit/i18n/codes.test.ts walks them). */
export const CHECK_PROBLEM_CODES = [
  'ledger_unreadable',
  'ledger_went_back',
  'search_index_damaged',
  'line_net_mismatch',
  'totals_mismatch',
  'issued_without_lines',
  'issued_without_customer',
  'status_inconsistent',
  'cancelled_with_payments',
  'credit_note_state',
  'numbering_gap',
  'numbering_without_counter',
  'number_format',
  'paid_mismatch',
  'credited_mismatch',
  'refunded_mismatch',
  'payment_misplaced',
  'refunded_over_paid',
  'refund_misplaced',
  'history_missing',
  'history_inconsistent',
  'history_not_issued',
  'outbox_missing',
  'record_changed',
  'record_document_missing',
  'record_chain_broken',
  'record_chain_gap',
  'record_chain_unreadable',
  'record_not_chained',
] as const;
export type CheckProblemCode = (typeof CHECK_PROBLEM_CODES)[number];

/** Every invariant the check can say it checked. */
export const CHECK_INVARIANTS = [
  'sqlite_integrity',
  'sqlite_readable',
  'foreign_keys',
  'search_index',
  'totals',
  'line_nets',
  'issued_complete',
  'statuses',
  'numbering',
  'paid',
  'credited',
  'refunded',
  'history',
  'outbox',
  'record_chain',
  'numbering_marks',
] as const;
export type CheckInvariant = (typeof CHECK_INVARIANTS)[number];

export function checkProblem(
  code: CheckProblemCode,
  params: ParamValues,
  invoiceId: string | null = null,
  details?: Record<string, unknown>,
): CheckProblem {
  const p: CheckProblem = { code, message: englishText(`check.${code}`, params, code), params };
  if (invoiceId) p.invoiceId = invoiceId;
  if (details) p.details = details;
  return p;
}
