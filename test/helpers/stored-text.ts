/**
 * "No English sentence stored in the ledger for display": what the ledger keeps for people to read is a catalogue
 * key with parameters. This scan walks the JSON the app writes about what happened (invoice history details, outbox
 * results and errors of provider and e-mail rows, per-account sync state, reminder sends, recurring runs) and reports
 * every string that reads like a sentence, except under keys that hold other people's words or data (a provider's
 * own message, a note or reason someone typed, a raw body).
 */
import type { Database as Db } from 'better-sqlite3';

/** Keys whose values are data or someone else's words, never Kassa's own text. */
const DATA_KEYS = new Set([
  'providerMessage',
  'said',
  'rawText',
  'note',
  'reason',
  'keychainMessage',
  'detail',
  'legacyMessage',
  'raw',
  'url',
  'paymentUrl',
]);

/** Five or more words in a row: a sentence, not a code, id, name or amount. */
const SENTENCE = /\b[A-Za-z]+(?:[ ,;:'’-]+[A-Za-z]+){4,}/;

function walk(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (SENTENCE.test(value)) out.push(`${path}: ${JSON.stringify(value.slice(0, 120))}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) if (!DATA_KEYS.has(k)) walk(v, `${path}.${k}`, out);
}

export function englishStoredForDisplay(db: Db): { rows: number; found: string[] } {
  const found: string[] = [];
  let rows = 0;
  const scan = (sql: string, label: string): void => {
    for (const r of db.prepare(sql).all() as Array<{ id: string | number; json: string | null }>) {
      rows++;
      if (r.json) walk(JSON.parse(r.json) as unknown, `${label}#${r.id}`, found);
    }
  };
  scan(`SELECT id, details_json AS json FROM invoice_history`, 'history');
  scan(`SELECT id, result_json AS json FROM outbox`, 'outbox.result');
  scan(`SELECT id, last_error_json AS json FROM outbox`, 'outbox.error');
  scan(`SELECT key AS id, value AS json FROM meta WHERE key GLOB 'sync.account:*'`, 'sync state');
  scan(`SELECT invoice_id || ':' || step AS id, detail_json AS json FROM reminder_sends`, 'reminder');
  scan(`SELECT schedule_id || ':' || period AS id, error_json AS json FROM recurring_runs`, 'recurring run');
  return { rows, found };
}
