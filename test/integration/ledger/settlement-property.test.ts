/**
 * Property: whatever happens to an invoice (payments, overpayments, credit notes whole or by line, refunds,
 * voided payments and refunds, cancellation), the balance is invoice − credits − payments + refunds (zero once
 * cancelled), and the invoice screen's data, the list, the CSV, the PDF and the dashboard all show that same
 * figure. The model below keeps its own books from the operations it applied, never from the ledger's answers.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { createFormatter } from '../../../main/pdf/format';
import type { Invoice } from '../../../shared/domain';
import { tempDir } from '../../helpers/tmp';
import { pdfText, squash } from '../pdf/tools';
import { customer, ledgerServices, type Call } from './helpers';

type Op =
  | { kind: 'pay'; share: number; over: boolean }
  | { kind: 'credit'; line: number; part: 'all' | 'half' }
  | { kind: 'refund'; share: number }
  | { kind: 'voidPayment' }
  | { kind: 'voidRefund' }
  | { kind: 'cancel' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      share: fc.double({ min: 0.05, max: 1, noNaN: true }),
      over: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('credit' as const),
      line: fc.integer({ min: 1, max: 3 }),
      part: fc.constantFrom('all' as const, 'half' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('refund' as const), share: fc.double({ min: 0.1, max: 1, noNaN: true }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'voidPayment' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'voidRefund' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
);

interface Books {
  total: number;
  paid: number;
  credited: number;
  refunded: number;
  cancelled: boolean;
}

const expectedBalance = (b: Books): number => (b.cancelled ? 0 : b.total - b.credited - b.paid + b.refunded);

/** Applies one operation; a refusal by the ledger leaves the books as they were. */
async function apply(call: Call, inv: Invoice, b: Books, o: Op): Promise<void> {
  const current = await call('invoice.get', { id: inv.id });
  try {
    switch (o.kind) {
      case 'pay': {
        const owed = Math.max(current.balance, 0);
        // Often the whole balance (so later credits leave money to pay back), sometimes a part, sometimes more.
        const part = o.share >= 0.6 ? owed : Math.round(owed * o.share);
        const amount = Math.max(1, o.over ? owed + Math.round(2_000 * o.share) : part);
        await call('invoice.pay', { id: inv.id, amount, allowOverpayment: o.over });
        b.paid += amount;
        break;
      }
      case 'credit': {
        const items = [{ line: o.line, ...(o.part === 'half' ? { quantity: '1' } : {}) }];
        const r = await call('invoice.credit', { id: inv.id, items });
        b.credited += r.creditNote.totals.total;
        break;
      }
      case 'refund': {
        const owed = Math.max(-current.balance, 0);
        const amount = Math.max(1, Math.round(owed * o.share));
        await call('invoice.refund', { id: inv.id, amount });
        b.refunded += amount;
        break;
      }
      case 'voidPayment': {
        const p = current.payments?.find((x) => x.voidedAt === null);
        if (!p) return;
        await call('invoice.voidPayment', { id: inv.id, paymentId: p.id, reason: 'test' });
        b.paid -= p.amount;
        break;
      }
      case 'voidRefund': {
        const r = current.refunds?.find((x) => x.voidedAt === null);
        if (!r) return;
        await call('invoice.voidRefund', { id: inv.id, refundId: r.id, reason: 'test' });
        b.refunded -= r.amount;
        break;
      }
      case 'cancel':
        await call('invoice.cancel', { id: inv.id });
        b.cancelled = true;
        break;
    }
  } catch (err) {
    // Refusals are part of the property (nothing owed back, payments present, …): the ledger must not move.
    if ((err as { kind?: string }).kind !== 'refused') throw err;
  }
}

test('balance = invoice − credits − payments + refunds, the same on screen, in the list, CSV, PDF and dashboard', async () => {
  const { call } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const all: Array<{ inv: Invoice; books: Books }> = [];
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
      runs++;
      const d = await call('invoice.create', {
        customerId: c,
        currency: 'EUR',
        lines: [
          { description: 'Design', quantity: '2', unitPrice: 12_345, taxRate: '14', taxCategory: 'S' },
          { description: 'Hosting', quantity: '2', unitPrice: 999, discount: 99, taxRate: '14', taxCategory: 'S' },
          { description: 'Printing', quantity: '2', unitPrice: 2_500, taxRate: '0', taxCategory: 'Z' },
        ],
      });
      const inv = await call('invoice.issue', { id: d.id });
      const books: Books = { total: inv.totals.total, paid: 0, credited: 0, refunded: 0, cancelled: false };
      for (const o of ops) await apply(call, inv, books, o);
      const got = await call('invoice.get', { id: inv.id });
      assert.deepEqual(
        { paid: got.paid, credited: got.credited, refunded: got.refunded },
        { paid: books.paid, credited: books.credited, refunded: books.refunded },
      );
      assert.equal(got.status === 'cancelled', books.cancelled || (books.credited >= books.total && books.paid === 0));
      if (got.status === 'cancelled') books.cancelled = true;
      assert.equal(got.balance, expectedBalance(books), JSON.stringify({ ops, books }));
      all.push({ inv: got, books });
    }),
    { numRuns: 30, seed: 20260310 },
  );
  assert.equal(runs, 30);

  // The list, the CSV and the dashboard, over every invoice the property made.
  const listed = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await call('invoice.list', { kind: 'invoice', limit: 200, ...(cursor ? { cursor } : {}) });
    for (const i of page.items) listed.set(i.id, i.balance);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const csv = parse((await call('export.csv', { what: 'invoices', inline: true })).csv!, { columns: true }) as Array<
    Record<string, string>
  >;
  const csvBalance = new Map(csv.map((r) => [r.id, r.balance]));
  let outstanding = 0;
  let refundOwed = 0;
  for (const { inv, books } of all) {
    const b = expectedBalance(books);
    assert.equal(listed.get(inv.id), b, `list ${inv.number}`);
    assert.equal(csvBalance.get(inv.id), (b / 100).toFixed(2), `csv ${inv.number}`);
    if (!books.cancelled && b > 0) outstanding += b;
    if (!books.cancelled && b < 0) refundOwed += -b;
  }
  const eur = (await call('dashboard.totals', {})).currencies.find((x) => x.currency === 'EUR');
  assert.equal(eur?.outstanding ?? 0, outstanding, 'dashboard outstanding');
  assert.equal(eur?.refundOwed ?? 0, refundOwed, 'dashboard refunds owed');
  assert.ok(
    outstanding > 0 && refundOwed > 0,
    JSON.stringify(all.map((x) => x.books)) + 'the runs reached both open and over-settled invoices',
  );

  // The PDF: the balance (or what is due back) printed under the totals, for a sample of the invoices.
  const fmt = createFormatter('en-US', 'EUR');
  const dir = tempDir('kassa-prop-pdf-');
  for (const { inv, books } of all
    .filter((x) => !x.books.cancelled && x.books.paid + x.books.credited > 0)
    .slice(0, 6)) {
    const file = path.join(dir, `${inv.id}.pdf`);
    await call('pdf.render', { id: inv.id, file });
    const text = squash(pdfText(file));
    const b = expectedBalance(books);
    // The label, then its amount (the extractor may put the page footer between them).
    const label = squash(b < 0 ? 'Due to you' : 'Balance due');
    const at = text.indexOf(label);
    assert.ok(at >= 0, `${label} in ${inv.number}: ${text}`);
    assert.ok(
      text.indexOf(squash(fmt.money(Math.abs(b))), at) > at,
      `${fmt.money(Math.abs(b))} in ${inv.number}: ${text}`,
    );
  }
});
