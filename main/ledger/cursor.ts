/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key and id, plus a tag of the sort they belong
 * to, so a cursor reused with another sort is refused instead of silently skipping rows.
 */
import { invalid } from '../../shared/errors';

export interface Cursor {
  tag: string;
  key: string | number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.tag, c.key, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, tag: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      v[0] === tag &&
      (typeof v[1] === 'string' || typeof v[1] === 'number') &&
      typeof v[2] === 'string'
    ) {
      return { tag, key: v[1], id: v[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

export function invalidCursor() {
  return invalid('invalid_cursor', {}, 'cursor');
}
