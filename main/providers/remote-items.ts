/**
 * A provider's invoice lines as RemoteItems: all of them read exactly (positive decimal quantity, integer minor
 * unit price), or none — a partial list would let an import build lines that do not add up.
 */
import type { RemoteItem } from './types';

const QTY_RE = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,3})?$/;
const MAX_ITEMS = 500;

/** A quantity as an exact decimal string (> 0, at most 3 decimals), or null. */
export function quantityText(q: unknown): string | null {
  const s = typeof q === 'number' && Number.isFinite(q) ? String(q) : typeof q === 'string' ? q.trim() : null;
  return s !== null && QTY_RE.test(s) && Number(s) > 0 ? s : null;
}

export function textOf(v: unknown, max = 1000): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;
}

/**
 * Reads every element of `rows` with `read` (which returns null, or throws, for one it cannot read exactly).
 * Null when there are none, too many, or any one is unreadable.
 */
export function remoteItems(
  rows: unknown,
  read: (
    row: Record<string, unknown>,
  ) => { description: string | null; quantity: unknown; unitPrice: number | null } | null,
): RemoteItem[] | null {
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_ITEMS) return null;
  const out: RemoteItem[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
    let r: ReturnType<typeof read>;
    try {
      r = read(row as Record<string, unknown>);
    } catch {
      return null;
    }
    const quantity = r ? quantityText(r.quantity) : null;
    if (
      r === null ||
      quantity === null ||
      r.unitPrice === null ||
      !Number.isSafeInteger(r.unitPrice) ||
      r.unitPrice < 0
    )
      return null;
    out.push({ description: r.description ?? 'Item', quantity, unitPrice: r.unitPrice });
  }
  return out;
}
