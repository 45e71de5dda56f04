/**
 * Ledger ids: `<prefix>_<time><random>` in lower-case base 36. The time part keeps new rows close together
 * in the id indexes (better locality than random UUIDs); 64 random bits keep ids unguessable and unique
 * across processes writing the same file.
 */
import { randomBytes } from 'node:crypto';

export type IdPrefix = 'inv' | 'cus' | 'pay' | 'ref' | 'tax' | 'rec' | 'quo';

export function newId(prefix: IdPrefix, now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const rand = randomBytes(8).readBigUInt64BE().toString(36).padStart(13, '0');
  return `${prefix}_${time}${rand}`;
}
