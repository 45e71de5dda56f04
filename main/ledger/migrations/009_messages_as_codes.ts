import type { Database as Db } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * What the ledger keeps for people to read is a catalogue key and its parameters, never an English sentence: the
 * text is made where it is shown, in the reader's language. Rows written before that change are rewritten:
 *
 * - outbox.result_json `advice` (a sentence) becomes the catalogue message today's sync writes for the same case
 *   (`providers.advice.*`, `providers.instead.*`): taken from `adviceKey`/`adviceParams` where a version stored
 *   them beside the sentence, else read back from the sentences older versions wrote (a sentence that matches
 *   none is kept whole as the parameter of `common.text`, so nothing is lost);
 * - outbox.last_error_json loses its English `message` (the code and params say it); the old text moves to
 *   `details.legacyMessage`, which is shown only where an old error lacks the params of its message;
 * - reminder_sends.detail_json: a failed step's error loses its English `message` the same way;
 * - invoice_history details: `advice` as above, and a failed send's `message` becomes `problem`.
 *
 * The patterns below are frozen: they describe what older versions wrote, not what this version writes.
 */

type Advice = { key: string; params: Record<string, string> };

/** Older versions wrote "the invoice" / "this invoice" where a draft had no number; today's messages take ''. */
const num = (n: string): string => (/^(the|this) invoice$/.test(n) ? '' : n);
const OPS: Record<string, string> = { cancel: 'cancel', 'mark paid': 'mark_paid', share: 'share', delete: 'delete' };

/** Each sentence older versions wrote, read back as the catalogue message today's sync writes for the same case. */
const ADVICE: Array<[RegExp, (m: RegExpMatchArray) => Advice]> = [
  [
    /^The invoice never reached (.+), so there is nothing to (cancel|mark paid|share|delete) there\.$/,
    (m) => ({ key: 'providers.advice.not_there', params: { provider: m[1]!, op: OPS[m[2]!] ?? 'delete' } }),
  ],
  [
    /^(.+) has no way to cancel an invoice through its API: cancel .+ \(.+\) in the .+ dashboard/,
    (m) => ({ key: 'providers.instead.use_dashboard', params: { provider: m[1]! } }),
  ],
  [
    /^(.+) is only partly credited by (.+?); (.+) still asks for the original amount/,
    (m) => ({
      key: 'providers.advice.cancel_partly_credited',
      params: { number: num(m[1]!), creditNote: m[2] === 'a credit note' ? '' : m[2]!, provider: m[3]! },
    }),
  ],
  [
    /^(.+) says (.+) is already paid, so it was not cancelled there\./,
    (m) => ({ key: 'providers.advice.cancel_but_paid', params: { provider: m[1]!, number: num(m[2]!) } }),
  ],
  [
    /^(.+) cannot record a payment made outside it: .+ stays open there\./,
    (m) => ({ key: 'providers.instead.record_here_close_there', params: { provider: m[1]! } }),
  ],
  [
    /^(.+) can only mark an invoice paid in full; (.+) will be marked paid there/,
    (m) => ({ key: 'providers.advice.mark_paid_partly', params: { provider: m[1]!, number: num(m[2]!) } }),
  ],
  [
    /^(.+) is cancelled at (.+), so it could not be marked paid there/,
    (m) => ({ key: 'providers.advice.mark_paid_but_cancelled', params: { number: num(m[1]!), provider: m[2]! } }),
  ],
  [
    /^(.+) cannot send invoices through its API; send the payment link to the customer yourself\.$/,
    (m) => ({ key: 'providers.instead.send_link_yourself', params: { provider: m[1]! } }),
  ],
  [
    /^The last attempt to send this invoice by (sms|email) may have gone out \((.+) cannot tell\)\./,
    (m) => ({ key: 'providers.advice.share_maybe_sent', params: { channel: m[1]!, provider: m[2]! } }),
  ],
  [
    /^(.+) cannot delete invoices through its API; delete or cancel .+ in the .+ dashboard\.$/,
    (m) => ({ key: 'providers.instead.use_dashboard', params: { provider: m[1]! } }),
  ],
  [
    /^(.+) holds (.+) for this invoice, but it is already linked to another invoice here/,
    (m) => ({ key: 'providers.advice.linked_elsewhere', params: { provider: m[1]!, remoteId: m[2]! } }),
  ],
  [
    /^Kassa cannot ask (.+) whether (.+) arrived \(its API has no lookup\)\. Look for (?:it in the .+ dashboard \(reference (.+)\)|reference (.+) in the .+ dashboard)/,
    (m) => ({
      key: 'providers.advice.no_lookup',
      params: { provider: m[1]!, number: num(m[2]!), reference: m[3] ?? m[4]! },
    }),
  ],
];

/** An old advice sentence as a catalogue message (one this version cannot read is kept whole, as common.text). */
export function adviceFromText(text: string): Advice {
  for (const [re, make] of ADVICE) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return { key: 'common.text', params: { text } };
}

/**
 * The advice of a row: versions that stored the message beside its English (adviceKey/adviceParams) keep the
 * message; older ones are read back from the sentence.
 */
function adviceOf(result: Record<string, unknown>): Record<string, unknown> {
  const { advice, adviceKey, adviceParams, ...rest } = result;
  if (typeof adviceKey === 'string') {
    const params = typeof adviceParams === 'object' && adviceParams !== null ? adviceParams : {};
    return { ...rest, advice: { key: adviceKey, params } };
  }
  return typeof advice === 'string' ? { ...rest, advice: adviceFromText(advice) } : result;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function withoutText(error: Record<string, unknown>): Record<string, unknown> {
  const { message, ...kept } = error;
  if (typeof message !== 'string') return error;
  const details = typeof kept.details === 'object' && kept.details !== null ? kept.details : {};
  const out: Record<string, unknown> = { ...kept, details: { ...details, legacyMessage: message } };
  const prev = (details as Record<string, unknown>).previous;
  if (typeof prev === 'object' && prev !== null && typeof (prev as { message?: unknown }).message === 'string') {
    const { message: prevText, ...prevKept } = prev as Record<string, unknown>;
    (out.details as Record<string, unknown>).previous = { ...prevKept, legacyMessage: prevText };
  }
  return out;
}

function rewriteOutbox(db: Db): void {
  const rows = db.prepare(`SELECT id, last_error_json, result_json FROM outbox`).all() as Array<{
    id: number;
    last_error_json: string | null;
    result_json: string | null;
  }>;
  const update = db.prepare(`UPDATE outbox SET last_error_json = @error, result_json = @result WHERE id = @id`);
  for (const r of rows) {
    const error = parse(r.last_error_json);
    const result = parse(r.result_json);
    const newError = error ? JSON.stringify(withoutText(error)) : r.last_error_json;
    const newResult = result && typeof result.advice === 'string' ? JSON.stringify(adviceOf(result)) : r.result_json;
    if (newError !== r.last_error_json || newResult !== r.result_json)
      update.run({ id: r.id, error: newError, result: newResult });
  }
}

/** A failed reminder step kept its error whole (with English text): it keeps the code and params. */
function rewriteReminders(db: Db): void {
  const rows = db
    .prepare(`SELECT invoice_id, step, detail_json FROM reminder_sends WHERE detail_json LIKE '%"message"%'`)
    .all() as Array<{ invoice_id: string; step: number; detail_json: string }>;
  const update = db.prepare(`UPDATE reminder_sends SET detail_json = @detail WHERE invoice_id = @id AND step = @step`);
  for (const r of rows) {
    const d = parse(r.detail_json);
    const error = d && typeof d.error === 'object' && d.error !== null ? (d.error as Record<string, unknown>) : null;
    if (!error) continue;
    update.run({ id: r.invoice_id, step: r.step, detail: JSON.stringify({ ...d, error: withoutText(error) }) });
  }
}

function rewriteHistory(db: Db): void {
  const rows = db
    .prepare(
      `SELECT id, details_json FROM invoice_history WHERE details_json LIKE '%"advice"%' OR details_json LIKE '%"message"%'`,
    )
    .all() as Array<{ id: number; details_json: string }>;
  if (rows.length === 0) return;
  // History is append-only; this one rewrite of old rows lifts the guard for its own statement only.
  db.exec(`DROP TRIGGER invoice_history_no_update`);
  const update = db.prepare(`UPDATE invoice_history SET details_json = @details WHERE id = @id`);
  for (const r of rows) {
    const d = parse(r.details_json);
    if (!d) continue;
    const next: Record<string, unknown> = typeof d.advice === 'string' ? adviceOf(d) : { ...d };
    if (typeof d.message === 'string') {
      delete next.message;
      next.problem =
        typeof d.code === 'string'
          ? { key: `error.${d.code}`, params: {}, legacyText: d.message }
          : { key: 'common.text', params: { text: d.message } };
    }
    update.run({ id: r.id, details: JSON.stringify(next) });
  }
  db.exec(`
    CREATE TRIGGER invoice_history_no_update BEFORE UPDATE ON invoice_history BEGIN
      SELECT RAISE(ABORT, 'kassa:history_append_only');
    END;
  `);
}

export const m009: Migration = {
  version: 9,
  name: 'messages_as_codes',
  up(db) {
    rewriteOutbox(db);
    rewriteReminders(db);
    rewriteHistory(db);
  },
};
