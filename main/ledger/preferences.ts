/** The user's app preferences (UI language, digits), kept in the ledger's `meta` store next to the data they read. */
import type { Database as Db } from 'better-sqlite3';
import type { Preferences } from '../../shared/contract/app';
import { isLanguage } from '../../shared/i18n/languages';
import { readMeta, writeMeta } from './tables/meta';

const KEY = 'app.preferences';
const DEFAULTS: Preferences = { language: null, digits: 'latn' };

export function readPreferences(db: Db): Preferences {
  const raw = readMeta(db, KEY);
  if (raw === undefined) return { ...DEFAULTS };
  // Written only by writePreferences; anything else found there is ignored field by field.
  const stored = JSON.parse(raw) as Partial<Record<keyof Preferences, unknown>>;
  return {
    language: isLanguage(stored.language) ? stored.language : null,
    digits: stored.digits === 'arab' ? 'arab' : 'latn',
  };
}

/** Applies the given fields (call inside writeTx). */
export function writePreferences(db: Db, patch: Partial<Preferences>): Preferences {
  const next: Preferences = { ...readPreferences(db) };
  if (patch.language !== undefined) next.language = patch.language;
  if (patch.digits !== undefined) next.digits = patch.digits;
  writeMeta(db, KEY, JSON.stringify(next));
  return next;
}
