/**
 * A ledger of n invoices for the benchmarks, written through the ledger's own functions (createDraft, issueInvoice,
 * payments, cancellations, credit notes) in transactions of 1,000: customers with names from a fixed vocabulary
 * (one in ten Arabic-suffixed), 1–8 lines each, 4 currencies, issue dates spread over 690 days. Deterministic: the
 * same n always gives the same ledger, so runs compare.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../shared/contract/dates';
import type { LineInput } from '../../shared/contract/invoices';
import { writeTx } from '../../main/ledger/connection';
import type { LedgerCtx } from '../../main/ledger/context';
import { createCustomer } from '../../main/ledger/tables/customers';
import { createDraft } from '../../main/ledger/drafts';
import { cancelInvoice, creditInvoice, issueInvoice } from '../../main/ledger/lifecycle';
import { recordPayment } from '../../main/ledger/payments';

/** The day the seeded ledger is read on (every invoice is issued before it). */
export const SEED_TODAY = '2026-11-24';
const CURRENCIES = ['EUR', 'EGP', 'NGN', 'USD'] as const;
const FIRST_DAY = '2025-01-01';
const SPAN_DAYS = 690; // up to 2026-11-21

// Deterministic pseudo-random numbers (mulberry32) so every run seeds the same ledger.
let seed = 0x5eed;
function rnd(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

const FIRST = [
  'Nile',
  'Delta',
  'Cedar',
  'Baobab',
  'Sahara',
  'Atlas',
  'Lagos',
  'Alpine',
  'Harbor',
  'Oasis',
  'Falcon',
  'Lotus',
  'Amber',
  'Cobalt',
  'Granite',
  'Willow',
  'Zephyr',
  'Mango',
  'Ivory',
  'Saffron',
];
const SECOND = [
  'Bakery',
  'Trading',
  'Logistics',
  'Studio',
  'Textiles',
  'Pharmacy',
  'Motors',
  'Foods',
  'Consulting',
  'Builders',
  'Media',
  'Solar',
  'Clinic',
  'Coffee',
  'Design',
  'Imports',
  'Farms',
  'Labs',
  'Travel',
  'Software',
];
const SUFFIX = ['Ltd', 'LLC', 'GmbH', 'SARL', 'Co', 'Group', 'Partners', 'and Sons', 'Holdings', 'شركة'];

export function customerName(i: number): string {
  // 20 × 20 × 5 unique combinations, numbered to stay unique at 2,000.
  return `${FIRST[i % 20]} ${SECOND[Math.floor(i / 20) % 20]} ${SUFFIX[Math.floor(i / 400) % 10]} ${String(i).padStart(4, '0')}`;
}

function randomLines(): LineInput[] {
  const n = int(1, 8);
  const lines: LineInput[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rnd();
    const qty = kind < 0.5 ? String(int(1, 10)) : `${int(0, 20)}.${String(int(1, 999)).padStart(3, '0')}`;
    const line: LineInput = {
      description: `${pick(['Consulting', 'Design work', 'Hosting', 'Delivery', 'Materials', 'Support', 'Training'])} ${i + 1}`,
      quantity: qty,
      unitPrice: int(100, 500_000),
      taxRate: '14',
      taxCategory: 'S',
    };
    if (kind > 0.9) {
      line.taxRate = '0';
      line.taxCategory = 'E';
      line.exemptionReason = 'Exempt service';
    } else if (kind > 0.8) {
      line.taxRate = '7.5';
    }
    if (rnd() < 0.1) line.discount = int(0, 50);
    lines.push(line);
  }
  return lines;
}

export interface Seeded {
  customerIds: string[];
  /** customerIds[i]'s name. */
  names: string[];
  issued: number;
}

/**
 * Writes n invoices over `customers` customers into an empty ledger; `progress` is told after each 1,000.
 */
export function seedInvoices(db: Db, n: number, customers: number, progress?: (done: number) => void): Seeded {
  seed = 0x5eed;
  const customerIds: string[] = [];
  const names: string[] = [];
  writeTx(db, () => {
    const ctx: LedgerCtx = { db, now: new Date(`${FIRST_DAY}T08:00:00Z`), actor: 'system' };
    for (let i = 0; i < customers; i++) {
      names.push(customerName(i));
      customerIds.push(
        createCustomer(ctx, {
          name: customerName(i),
          email: `billing${i}@example.com`,
          address: { city: 'Cairo', country: 'EG' },
        }),
      );
    }
  });
  const BATCH = 1000;
  let issued = 0;
  for (let start = 0; start < n; start += BATCH) {
    writeTx(db, () => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const day = addDays(FIRST_DAY, Math.floor((i * SPAN_DAYS) / n));
        const ctx: LedgerCtx = { db, now: new Date(`${day}T12:00:00Z`), actor: 'system' };
        const currency = CURRENCIES[i % CURRENCIES.length] as string;
        const id = createDraft(ctx, {
          customerId: customerIds[int(0, customers - 1)] ?? null,
          currency,
          lines: randomLines(),
          discount: rnd() < 0.1 ? { kind: 'percent', percent: '5' } : null,
        });
        const fate = rnd();
        if (fate < 0.03) continue; // stays a draft
        issueInvoice(ctx, id, { issueDate: day, dueDate: addDays(day, pick([7, 14, 30, 60])) });
        issued++;
        const total = (db.prepare('SELECT total FROM invoices WHERE id = ?').get(id) as { total: number }).total;
        if (fate < 0.1) cancelInvoice(ctx, id, 'bench');
        else if (fate < 0.5) recordPayment(ctx, { invoiceId: id, amount: total, date: day, method: 'bank_transfer' });
        else if (fate < 0.62 && total > 1)
          recordPayment(ctx, { invoiceId: id, amount: Math.ceil(total / 3), date: day, method: 'cash' });
        else if (fate < 0.64) creditInvoice(ctx, { id });
      }
    });
    progress?.(Math.min(n, start + BATCH));
  }
  return { customerIds, names, issued };
}
