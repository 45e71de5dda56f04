/**
 * Small helpers over better-sqlite3: a per-connection cache of prepared statements (preparing costs more than
 * running the small indexed queries of a page), and translation of the schema's RAISE(ABORT, 'kassa:…')
 * guards into KassaErrors.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import { KassaError } from '../../shared/errors';
import { isMessageKey } from '../../shared/i18n/catalogue';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt<R = unknown>(db: Db, sql: string): Statement<unknown[], R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    // Dynamic list queries (filters × sorts) are few but unbounded in theory: keep the cache small.
    if (cache.size > 500) cache.clear();
    cache.set(sql, s);
  }
  return s as unknown as Statement<unknown[], R>;
}

const GUARD_MESSAGES: Record<string, string> = {
  issued_invoice_immutable: 'An issued invoice cannot be changed; cancel it or issue a credit note.',
  issued_invoice_undeletable: 'An issued invoice cannot be deleted; cancel it or issue a credit note.',
  payment_undeletable: 'Payments cannot be deleted; void the payment instead.',
  payment_immutable: 'A payment cannot be edited; void it and record a new one.',
  history_append_only: 'Invoice history is append-only.',
  quote_immutable: 'A quote cannot be changed once made; make a new one.',
  record_chain_append_only: 'The record chain is append-only: its entries cannot be changed or removed.',
};

/** Maps a schema guard or constraint failure to a KassaError; other errors pass through unchanged. */
export function translateSqliteError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof KassaError) return err;
  const code = (err as Error & { code?: string }).code ?? '';
  const m = /kassa:([a-z_]+)/.exec(err.message);
  if (m?.[1]) {
    if (isMessageKey(`error.${m[1]}`)) return KassaError.withCode('refused', m[1], {}, { cause: err });
    return new KassaError('refused', m[1], GUARD_MESSAGES[m[1]] ?? 'The ledger refused this change.', { cause: err });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new KassaError(
      'io',
      'ledger_busy',
      'The ledger is busy (another Kassa process holds the write lock); try again.',
      { cause: err },
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new KassaError(
      'refused',
      'constraint_failed',
      'The ledger refused this change (a consistency rule failed).',
      {
        cause: err,
        details: { sqlite: code },
      },
    );
  }
  if (
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR' ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_READONLY'
  ) {
    return new KassaError('io', 'ledger_io', `The ledger file could not be written (${code}).`, { cause: err });
  }
  return err;
}

/**
 * Lower-case, accent- and mark-free text for substring search (Latin accents, Arabic harakat). Control characters
 * become spaces and invisible format characters and lone surrogates go: they are never part of a word, and a NUL
 * would end the FTS5 query string inside its quotes ("unterminated string") — a search is text, never syntax.
 */
export function searchNormalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\p{Cf}\p{Cs}]/gu, '')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const nowIso = (now: Date): string => now.toISOString();
