/**
 * "No English sentence stored in the ledger for display": what the ledger keeps for people to read is a catalogue
 * key with parameters. This scan walks the JSON the app writes about what happened (invoice history details, outbox
 * results and errors of provider and e-mail rows, per-account sync state, reminder sends, recurring runs) and reports
 * every string that reads like a sentence, except under keys that hold other people's words or data (a provider's
 * own message, a note or reason someone typed, a raw body). Invoices imported from a provider are scanned too: what
 * they hold for display (line descriptions and exemption reasons, the customer's name) may only be the provider's
 * own words, found in the payload it sent — never text Kassa wrote ("… invoice 42", "Imported from …", "… customer").
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

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Every word of every string in a provider's payload (its values, not its keys). */
function payloadWords(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') for (const w of words(value)) out.add(w);
  else if (Array.isArray(value)) for (const v of value) payloadWords(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) payloadWords(v, out);
  return out;
}

function scanImported(db: Db, out: string[]): number {
  const rows = db
    .prepare(
      `SELECT i.id, i.customer_name, l.position, l.description, l.exemption_reason, k.raw_json
         FROM invoices i JOIN invoice_links k ON k.invoice_id = i.id JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE i.series GLOB 'ext:*' ORDER BY i.id, l.position`,
    )
    .all() as Array<{
    id: string;
    customer_name: string;
    position: number;
    description: string;
    exemption_reason: string | null;
    raw_json: string;
  }>;
  for (const r of rows) {
    const theirs = payloadWords(JSON.parse(r.raw_json) as unknown, new Set());
    const texts: Array<[string, string | null]> = [
      [`line ${r.position + 1} description`, r.description],
      [`line ${r.position + 1} exemption reason`, r.exemption_reason],
      ...(r.position === 0 ? ([['customer name', r.customer_name]] as Array<[string, string]>) : []),
    ];
    for (const [what, text] of texts) {
      const ours = words(text ?? '').filter((w) => !theirs.has(w));
      if (ours.length > 0)
        out.push(`imported ${r.id} ${what}: ${JSON.stringify(text)} (not the provider's: ${ours.join(' ')})`);
    }
  }
  return rows.length;
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
  rows += scanImported(db, found);
  return { rows, found };
}
