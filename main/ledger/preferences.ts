/**
 * The user's app preferences (UI language, digits, automatic backups, sync polling interval, first-start setup),
 * kept in the ledger's `meta` store next to the data they read.
 */
import type { Database as Db } from 'better-sqlite3';
import { POLL_MINUTES, SETUP_STATES, type Preferences, type SetupState } from '../../shared/contract/app';
import { isLanguage } from '../../shared/i18n/languages';
import { readMeta, writeMeta } from './tables/meta';

const KEY = 'app.preferences';
const DEFAULTS: Preferences = {
  language: null,
  digits: 'latn',
  autoBackups: true,
  pollMinutes: POLL_MINUTES.default,
  setup: 'pending',
};

export function readPreferences(db: Db): Preferences {
  const raw = readMeta(db, KEY);
  if (raw === undefined) return { ...DEFAULTS };
  // Written only by writePreferences; anything else found there is ignored field by field.
  const stored = JSON.parse(raw) as Partial<Record<keyof Preferences, unknown>>;
  return {
    language: isLanguage(stored.language) ? stored.language : null,
    digits: stored.digits === 'arab' ? 'arab' : 'latn',
    autoBackups: stored.autoBackups !== false,
    pollMinutes:
      Number.isInteger(stored.pollMinutes) &&
      (stored.pollMinutes as number) >= POLL_MINUTES.min &&
      (stored.pollMinutes as number) <= POLL_MINUTES.max
        ? (stored.pollMinutes as number)
        : DEFAULTS.pollMinutes,
    setup: (SETUP_STATES as readonly unknown[]).includes(stored.setup) ? (stored.setup as SetupState) : DEFAULTS.setup,
  };
}

/** Applies the given fields (call inside writeTx). */
export function writePreferences(db: Db, patch: Partial<Preferences>): Preferences {
  const next: Preferences = { ...readPreferences(db) };
  if (patch.language !== undefined) next.language = patch.language;
  if (patch.digits !== undefined) next.digits = patch.digits;
  if (patch.autoBackups !== undefined) next.autoBackups = patch.autoBackups;
  if (patch.pollMinutes !== undefined) next.pollMinutes = patch.pollMinutes;
  if (patch.setup !== undefined) next.setup = patch.setup;
  writeMeta(db, KEY, JSON.stringify(next));
  return next;
}
