/**
 * Small helpers over better-sqlite3: a per-connection cache of prepared statements (preparing costs more than
 * running the small indexed queries of a page), and translation of the schema's RAISE(ABORT, 'kassa:…')
 * guards into KassaErrors.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import { KassaError } from '../../shared/errors';

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

/** The codes the schema's triggers raise (RAISE(ABORT, 'kassa:<code>')); each has a catalogue message. */
export const GUARD_CODES = [
  'issued_invoice_immutable',
  'issued_invoice_undeletable',
  'payment_undeletable',
  'payment_immutable',
  'history_append_only',
  'quote_immutable',
  'refund_undeletable',
  'refund_immutable',
  'record_chain_append_only',
] as const;

/** Maps a schema guard or constraint failure to a KassaError; other errors pass through unchanged. */
export function translateSqliteError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof KassaError) return err;
  const code = (err as Error & { code?: string }).code ?? '';
  const m = /kassa:([a-z_]+)/.exec(err.message);
  if (m?.[1]) {
    const guard = (GUARD_CODES as readonly string[]).includes(m[1]) ? m[1] : 'ledger_refused';
    return KassaError.withCode('refused', guard, {}, { cause: err, details: { guard: m[1] } });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new KassaError('io', 'ledger_busy', {}, { cause: err });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new KassaError(
      'refused',
      'constraint_failed',
      {},
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
    return new KassaError('io', 'ledger_io', { code }, { cause: err });
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
