/**
 * Seeds a ledger for the PDF tests and the PDF benchmark through the ledger's own write functions (the same
 * path the app takes), in transactions of up to 1,000 invoices. Deterministic: the same call seeds the same data.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../../shared/contract/dates';
import type { LineInput } from '../../../shared/contract/invoices';
import { writeTx } from '../../../main/ledger/connection';
import type { LedgerCtx } from '../../../main/ledger/context';
import { createCustomer } from '../../../main/ledger/tables/customers';
import { createDraft } from '../../../main/ledger/drafts';
import { cancelInvoice, creditInvoice, issueInvoice } from '../../../main/ledger/lifecycle';
import { recordPayment } from '../../../main/ledger/payments';
import { setProfile } from '../../../main/ledger/tables/profile';

export interface SeedOptions {
  invoices: number;
  firstDay: string;
  /** Issue dates spread evenly over this many days from firstDay. */
  spanDays: number;
  /** Every n-th invoice stays a draft (0: none). */
  draftEvery?: number;
  customers?: number;
}

export interface Seeded {
  ids: string[];
  issued: Array<{ id: string; number: string; issueDate: string }>;
  drafts: string[];
}

let state = 0x9e3779b9;
function rnd(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const WORDS = [
  'Consulting',
  'Design work',
  'Hosting (monthly)',
  'Delivery',
  'Materials',
  'Support hours',
  'Training session',
];

function lines(i: number): LineInput[] {
  const n = 1 + (i % 4);
  return Array.from({ length: n }, (_, k) => ({
    description: `${WORDS[(i + k) % WORDS.length]} ${k + 1}`,
    quantity: String(1 + ((i + k) % 5)),
    unitPrice: 1_000 + Math.floor(rnd() * 200_000),
    taxRate: k % 3 === 2 ? '0' : '20',
    taxCategory: k % 3 === 2 ? ('E' as const) : ('S' as const),
    ...(k % 3 === 2 ? { exemptionReason: 'Exempt training (art. 261-4-4° CGI)' } : {}),
  }));
}

export function seedProfile(db: Db, now = new Date('2025-01-01T08:00:00Z')): void {
  writeTx(db, () =>
    setProfile(
      { db, now, actor: 'system' },
      {
        name: 'Atelier Lumière & Co',
        address: { line1: '12 rue des Fleurs', city: 'Lyon', postalCode: '69001', country: 'FR' },
        email: 'billing@atelier.example',
        vatId: 'FR40303265045',
        taxId: '303 265 045 00015',
        locale: 'fr-FR',
        defaultCurrency: 'EUR',
        paymentTermsDays: 30,
      },
    ),
  );
}

export function seedInvoices(db: Db, opts: SeedOptions): Seeded {
  state = 0x9e3779b9;
  const out: Seeded = { ids: [], issued: [], drafts: [] };
  const customers: string[] = [];
  writeTx(db, () => {
    const ctx: LedgerCtx = { db, now: new Date(`${opts.firstDay}T08:00:00Z`), actor: 'system' };
    for (let i = 0; i < (opts.customers ?? 50); i++) {
      customers.push(
        createCustomer(ctx, {
          name: i % 10 === 3 ? `شركة النيل للتجارة ${i}` : `Client ${String(i).padStart(3, '0')} SARL`,
          email: `compta${i}@client.example`,
          vatId: `FR${String(10_000_000_000 + i)}`,
          address: { line1: `${i + 1} avenue Foch`, city: 'Paris', postalCode: '75016', country: 'FR' },
        }),
      );
    }
  });
  const BATCH = 1000;
  for (let start = 0; start < opts.invoices; start += BATCH) {
    writeTx(db, () => {
      for (let i = start; i < Math.min(opts.invoices, start + BATCH); i++) {
        const day = addDays(opts.firstDay, Math.floor((i * opts.spanDays) / opts.invoices));
        const ctx: LedgerCtx = { db, now: new Date(`${day}T12:00:00Z`), actor: 'system' };
        const id = createDraft(ctx, {
          customerId: customers[i % customers.length] ?? null,
          currency: 'EUR',
          lines: lines(i),
          discount: i % 10 === 7 ? { kind: 'percent', percent: '5' } : null,
          notes: i % 5 === 0 ? 'Merci pour votre confiance.' : null,
          terms: 'Paiement à 30 jours.',
        });
        out.ids.push(id);
        if (opts.draftEvery && i % opts.draftEvery === opts.draftEvery - 1) {
          out.drafts.push(id);
          continue;
        }
        const { number } = issueInvoice(ctx, id, { issueDate: day, dueDate: addDays(day, 30) });
        out.issued.push({ id, number, issueDate: day });
        const total = (db.prepare('SELECT total FROM invoices WHERE id = ?').get(id) as { total: number }).total;
        if (i % 17 === 5) cancelInvoice(ctx, id, 'seed');
        else if (i % 3 === 1) recordPayment(ctx, { invoiceId: id, amount: total, date: day, method: 'bank_transfer' });
        else if (i % 29 === 11) {
          const cn = creditInvoice(ctx, { id });
          out.ids.push(cn.creditNoteId);
          out.issued.push({ id: cn.creditNoteId, number: cn.number, issueDate: day });
        }
      }
    });
  }
  return out;
}
