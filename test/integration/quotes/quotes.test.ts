/**
 * Quotes through the contract on a real ledger: own number series, valid-until and expiry, accept / decline,
 * conversion of every line (property test: the invoice's totals are the quote's, to the minor unit) or of some lines
 * (with their share of the discounts), links both ways, and what is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { MethodInput } from '../../../shared/api';
import type { InvoiceDiscount, VatCategory } from '../../../shared/domain';
import type { KassaError } from '../../../shared/errors';
import { computeTotals, lineGross, lineNet } from '../../../shared/totals';
import { customer, dumpLedger, issued, ledgerServices, line, walkPages } from '../ledger/helpers';

type QuoteLine = MethodInput<'quote.create'>['lines'][number];

const rejectsWith = (p: Promise<unknown>, code: string, field?: string) =>
  assert.rejects(p, (e: KassaError) => {
    assert.equal(e.code, code, e.message);
    if (field !== undefined) assert.equal(e.field, field);
    return true;
  });

test('quotes have their own gapless series, a valid-until date, and expire when it passes while open', async () => {
  const { call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const q1 = await call('quote.create', { customerId: c, lines: [line()] });
  assert.equal(q1.number, 'QUO-2026-0001');
  assert.equal(q1.status, 'open');
  assert.equal(q1.issueDate, '2026-03-10');
  assert.equal(q1.validUntil, '2026-04-09', 'thirty days by default');
  assert.equal(q1.currency, 'EUR', "the profile's currency");
  // An invoice in between does not take a quote number, nor a quote an invoice number.
  const inv = await issued(call, c);
  assert.equal(inv.number, 'INV-2026-0001');
  const q2 = await call('quote.create', {
    customerId: c,
    currency: 'EGP',
    validUntil: '2026-03-20',
    notes: 'Prices include installation',
    lines: [line()],
  });
  assert.equal(q2.number, 'QUO-2026-0002');
  const series = await call('series.list', {});
  const quo = series.find((s) => s.code === 'QUO');
  assert.equal(quo?.kind, 'quote');
  assert.deepEqual(
    quo?.counters.map((x) => [x.year, x.next]),
    [[2026, 3]],
  );
  // The first number of a year can only be set before the year's first quote.
  await rejectsWith(call('series.setStart', { series: 'QUO', year: 2026, start: 100 }), 'series_in_use');
  await call('series.setStart', { series: 'QUO', year: 2027, start: 100 });
  clock.set('2027-01-04T12:00:00Z');
  assert.equal((await call('quote.create', { customerId: c, lines: [line()] })).number, 'QUO-2027-0100');

  // Expiry is read from the date: q2 (valid until 20 March 2026) is expired now, and so is q1.
  assert.equal((await call('quote.get', { id: q2.id })).status, 'expired');
  const expired = await call('quote.list', { status: ['expired'] });
  assert.deepEqual(
    expired.items.map((q) => q.number),
    ['QUO-2026-0002', 'QUO-2026-0001'],
  );
  const open = await call('quote.list', { status: ['open'] });
  assert.deepEqual(
    open.items.map((q) => q.number),
    ['QUO-2027-0100'],
  );
  // Paging, newest number first.
  const p1 = await call('quote.list', { limit: 2 });
  assert.deepEqual(
    p1.items.map((q) => q.number),
    ['QUO-2027-0100', 'QUO-2026-0002'],
  );
  const p2 = await call('quote.list', { limit: 2, cursor: p1.nextCursor! });
  assert.deepEqual(
    p2.items.map((q) => q.number),
    ['QUO-2026-0001'],
  );
  assert.equal(p2.nextCursor, null);
  await rejectsWith(call('quote.list', { cursor: 'nonsense' }), 'invalid_cursor', 'cursor');
});

test('accept, decline, and what a declined or expired quote refuses', async () => {
  const { call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const a = await call('quote.create', { customerId: c, validUntil: '2026-03-31', lines: [line()] });
  const d = await call('quote.create', { customerId: c, validUntil: '2026-03-31', lines: [line()] });
  const e = await call('quote.create', { customerId: c, validUntil: '2026-03-15', lines: [line()] });
  const accepted = await call('quote.accept', { id: a.id });
  assert.equal(accepted.status, 'accepted');
  assert.ok(accepted.decidedAt);
  assert.equal((await call('quote.accept', { id: a.id })).status, 'accepted', 'accepting twice is harmless');
  assert.equal((await call('quote.decline', { id: d.id })).status, 'declined');
  await rejectsWith(call('quote.accept', { id: d.id }), 'quote_wrong_status', 'id');
  await rejectsWith(call('quote.convert', { id: d.id }), 'quote_wrong_status', 'id');
  clock.set('2026-03-16T12:00:00Z');
  assert.equal((await call('quote.get', { id: e.id })).status, 'expired');
  await rejectsWith(call('quote.convert', { id: e.id }), 'quote_wrong_status', 'id');
  await rejectsWith(call('quote.accept', { id: e.id }), 'quote_wrong_status', 'id');
  await rejectsWith(call('quote.decline', { id: e.id }), 'quote_wrong_status', 'id');
  // Accepted in time, it stays accepted (and convertible) after its valid-until date.
  clock.set('2026-05-01T12:00:00Z');
  assert.equal((await call('quote.get', { id: a.id })).status, 'accepted');
  const r = await call('quote.convert', { id: a.id });
  assert.equal(r.invoice.status, 'draft');
  // The message is made in each language from the code and params.
  await assert.rejects(
    call('quote.convert', { id: d.id }),
    /Quote QUO-2026-0002 is declined; it cannot be converted to an invoice\./,
  );
});

test('convert every line: a draft invoice with the same lines, discount and totals, linked both ways; once', async () => {
  const { call } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const q = await call('quote.create', {
    customerId: c,
    currency: 'EUR',
    notes: 'Kitchen renovation',
    terms: 'Half on acceptance',
    discount: { kind: 'amount', amount: 1_999 },
    lines: [
      line({ description: 'Cabinets', quantity: '4', unitPrice: 45_000 }),
      line({ description: 'Worktop', quantity: '2.5', unitPrice: 12_345, discount: 500 }),
      line({
        description: 'Disposal',
        quantity: '1',
        unitPrice: 8_000,
        taxRate: '0',
        taxCategory: 'E',
        exemptionReason: 'Exempt service',
      }),
    ],
  });
  const { quote, invoice } = await call('quote.convert', { id: q.id });
  assert.equal(quote.status, 'accepted');
  assert.equal(quote.invoiceId, invoice.id);
  assert.equal(invoice.quoteId, q.id);
  assert.equal((await call('invoice.get', { id: invoice.id })).quoteId, q.id);
  assert.equal(invoice.status, 'draft');
  assert.equal(invoice.customerId, c);
  assert.equal(invoice.currency, 'EUR');
  assert.equal(invoice.notes, 'Kitchen renovation');
  assert.equal(invoice.terms, 'Half on acceptance');
  assert.deepEqual(invoice.lines, q.lines);
  assert.deepEqual(invoice.discount, q.discount);
  assert.deepEqual(invoice.totals, q.totals);
  const history = await call('invoice.history', { id: invoice.id });
  assert.deepEqual(
    history.map((h) => [h.action, h.details.quoteNumber ?? null]),
    [
      ['created', null],
      ['quote_converted', q.number],
    ],
  );
  await rejectsWith(call('quote.convert', { id: q.id }), 'quote_already_converted', 'id');
  await rejectsWith(call('quote.decline', { id: q.id }), 'quote_already_converted', 'id');
  // Issued, it is a normal invoice with the quote's total.
  const inv = await call('invoice.issue', { id: invoice.id });
  assert.equal(inv.totals.total, q.totals.total);
  assert.equal(inv.quoteId, q.id);
});

test('convert some lines: chosen lines (part of a quantity too) with their share of the discounts; the draft can be deleted and redone', async () => {
  const { call } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const lines = [
    line({ description: 'Phase 1', quantity: '10', unitPrice: 10_000, discount: 1_000 }),
    line({ description: 'Phase 2', quantity: '5', unitPrice: 20_000 }),
    line({ description: 'Travel', quantity: '3', unitPrice: 7_001, taxRate: '7.5' }),
  ];
  const q = await call('quote.create', { customerId: c, discount: { kind: 'amount', amount: 3_000 }, lines });
  const { invoice } = await call('quote.convert', {
    id: q.id,
    items: [{ line: 1, quantity: '5' }, { line: 3 }],
  });
  assert.deepEqual(
    invoice.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.discount ?? 0, l.taxRate]),
    [
      ['Phase 1', '5', 10_000, 500, '14'],
      ['Travel', '3', 7_001, 0, '7.5'],
    ],
  );
  // The amount discount in proportion to the net taken: (50 000 − 500 + 21 003) / (100 000 − 1 000 + 100 000 + 21 003).
  const picked = 49_500 + 21_003;
  const all = 99_000 + 100_000 + 21_003;
  assert.deepEqual(invoice.discount, { kind: 'amount', amount: Math.round((3_000 * picked) / all) });
  assert.deepEqual(invoice.totals, computeTotals(invoice.lines, invoice.discount));
  // Deleting the draft frees the quote; converting again works.
  await call('invoice.delete', { id: invoice.id });
  const again = await call('quote.get', { id: q.id });
  assert.equal(again.invoiceId, null);
  assert.equal(again.status, 'accepted');
  const redo = await call('quote.convert', { id: q.id, items: [{ line: 2 }] });
  assert.deepEqual(
    redo.invoice.lines.map((l) => l.description),
    ['Phase 2'],
  );
  // Every line in full, in order, gives back the quote exactly (a second quote, since this one is converted).
  const q2 = await call('quote.create', { customerId: c, discount: { kind: 'amount', amount: 3_000 }, lines });
  const whole = await call('quote.convert', { id: q2.id, items: [{ line: 1 }, { line: 2 }, { line: 3 }] });
  assert.deepEqual(whole.invoice.totals, q2.totals);
  assert.deepEqual(whole.invoice.discount, q2.discount);
});

test('bad input and refused conversions change nothing', async () => {
  const { call, db } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  const q = await call('quote.create', { customerId: c, lines: [line(), line({ quantity: '2' })] });
  const before = dumpLedger(db);
  await rejectsWith(call('quote.create', { customerId: c, lines: [] }), 'invalid_input', 'lines');
  await rejectsWith(
    call('quote.create', { customerId: c, lines: [line()], issueDate: '2026-03-11' }),
    'quote_date_in_future',
    'issueDate',
  );
  await rejectsWith(
    call('quote.create', { customerId: c, lines: [line()], issueDate: '2026-03-09', validUntil: '2026-03-08' }),
    'invalid_input',
    'validUntil',
  );
  await rejectsWith(
    call('quote.create', { customerId: c, lines: [line()], validUntil: '2026-03-09' }),
    'quote_valid_until_before_date',
    'validUntil',
  );
  await rejectsWith(call('quote.create', { customerId: 'cus_0000000000000', lines: [line()] }), 'customer_not_found');
  await rejectsWith(
    call('quote.create', { customerId: c, lines: [line()], currency: 'XYZ' }),
    'invalid_input',
    'currency',
  );
  await rejectsWith(call('quote.convert', { id: q.id, items: [{ line: 3 }] }), 'quote_line_unknown', 'items.0.line');
  await rejectsWith(
    call('quote.convert', { id: q.id, items: [{ line: 1 }, { line: 1 }] }),
    'quote_line_twice',
    'items.1.line',
  );
  await rejectsWith(
    call('quote.convert', { id: q.id, items: [{ line: 2, quantity: '2.001' }] }),
    'quote_quantity_exceeds_line',
    'items.0.quantity',
  );
  await rejectsWith(call('quote.convert', { id: q.id, items: [{ line: 0 }] }), 'invalid_input', 'items.0.line');
  await rejectsWith(call('quote.get', { id: 'quo_0000000000000' }), 'quote_not_found');
  assert.deepEqual(dumpLedger(db), before);
  // The schema keeps a quote as made, whoever writes.
  assert.throws(
    () => db.prepare(`UPDATE quote_lines SET unit_price = 1 WHERE quote_id = ?`).run(q.id),
    /quote_immutable/,
  );
  assert.throws(() => db.prepare(`UPDATE quotes SET total = 1 WHERE id = ?`).run(q.id), /quote_immutable/);
  assert.throws(() => db.prepare(`DELETE FROM quotes WHERE id = ?`).run(q.id), /quote_immutable/);
});

// ---- property ----

const taxArb = fc.oneof(
  fc.record({
    taxCategory: fc.constant<VatCategory>('S'),
    taxRate: fc.constantFrom('14', '19', '7.5', '5.5', '20.25'),
  }),
  fc.record({ taxCategory: fc.constant<VatCategory>('Z'), taxRate: fc.constant('0') }),
  fc.record({
    taxCategory: fc.constantFrom<VatCategory>('E', 'AE', 'O'),
    taxRate: fc.constant('0'),
    exemptionReason: fc.constantFrom('Exempt under Art. 132', 'Reverse charge'),
  }),
);

const quantityArb = fc
  .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, scale]) => {
    const s = String(units).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });

const lineArb: fc.Arbitrary<QuoteLine> = fc
  .record({
    description: fc.constantFrom('Design', 'Build', 'Héberger', 'تصميم'),
    quantity: quantityArb,
    unitPrice: fc.integer({ min: 0, max: 500_000 }),
    tax: taxArb,
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    hasDiscount: fc.boolean(),
  })
  .map(({ description, quantity, unitPrice, tax, discountShare, hasDiscount }) => {
    const l: QuoteLine = { description, quantity, unitPrice, ...tax };
    if (hasDiscount) l.discount = Math.floor(lineGross(l) * discountShare);
    return l;
  });

const quoteArb = fc.array(lineArb, { minLength: 1, maxLength: 8 }).chain((lines) => {
  const net = lines.reduce((s, l) => s + lineNet(l), 0);
  const discount: fc.Arbitrary<InvoiceDiscount | null> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: Math.max(0, net) }).map((amount): InvoiceDiscount => ({ kind: 'amount', amount })),
    fc
      .constantFrom('0', '2.5', '10', '33.3333', '100')
      .map((percent): InvoiceDiscount => ({ kind: 'percent', percent })),
  );
  return fc.record({
    lines: fc.constant(lines),
    discount,
    pick: fc.subarray(
      lines.map((_, i) => i + 1),
      { minLength: 1 },
    ),
  });
});

test('property: quote → invoice keeps the totals identical; a partial conversion is the totals of exactly its lines', async () => {
  const { call } = await ledgerServices('2026-03-10T12:00:00Z');
  const c = await customer(call);
  await fc.assert(
    fc.asyncProperty(quoteArb, async ({ lines, discount, pick }) => {
      const q = await call('quote.create', { customerId: c, lines, discount });
      assert.deepEqual(q.totals, computeTotals(q.lines, q.discount));
      const whole = await call('quote.convert', { id: q.id });
      assert.deepEqual(whole.invoice.totals, q.totals);
      assert.deepEqual(whole.invoice.lines, q.lines);
      const stored = await call('invoice.get', { id: whole.invoice.id });
      assert.deepEqual(stored.totals, q.totals, 'as stored and read back');
      // Partial: the chosen lines unchanged, and the invoice's totals are what shared/totals makes of them.
      const q2 = await call('quote.create', { customerId: c, lines, discount });
      const part = await call('quote.convert', { id: q2.id, items: pick.map((n) => ({ line: n })) });
      assert.deepEqual(
        part.invoice.lines,
        pick.map((n) => q2.lines[n - 1]),
      );
      assert.deepEqual(part.invoice.totals, computeTotals(part.invoice.lines, part.invoice.discount));
      if (discount?.kind !== 'amount') assert.deepEqual(part.invoice.discount, q2.discount);
      else assert.ok((part.invoice.discount?.kind === 'amount' ? part.invoice.discount.amount : 0) <= discount.amount);
    }),
    { numRuns: 40 },
  );
});

test('the quote count follows the filters, and an offset lands where the cursor walk is', async () => {
  const { call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
  const a = await customer(call);
  const b = (await call('customer.create', { name: 'Second Customer' })).id;
  for (let i = 0; i < 9; i++)
    await call('quote.create', { customerId: i % 3 === 0 ? b : a, validUntil: `2026-03-${11 + i}`, lines: [line()] });
  clock.set('2026-03-15T12:00:00Z'); // quotes valid until 11–14 March have expired
  const walked = (await walkPages((cursor) => call('quote.list', { limit: 2, ...(cursor ? { cursor } : {}) }))).map(
    (q) => q.id,
  );
  assert.equal(walked.length, 9);
  assert.equal((await call('quote.count', {})).count, 9);
  assert.equal((await call('quote.count', { status: ['expired'] })).count, 4);
  assert.equal((await call('quote.count', { status: ['open'] })).count, 5);
  assert.equal((await call('quote.count', { customerId: b })).count, 3);
  assert.equal((await call('quote.count', { customerId: b, status: ['expired'] })).count, 2);
  for (const offset of [0, 1, 4, 8, 9]) {
    const page = await call('quote.list', { limit: 3, offset });
    assert.deepEqual(
      page.items.map((q) => q.id),
      walked.slice(offset, offset + 3),
      `offset ${offset}`,
    );
  }
  const expired = await call('quote.list', { status: ['expired'], offset: 3 });
  assert.equal(expired.items.length, 1);
  await rejectsWith(call('quote.list', { offset: 1, cursor: 'x'.repeat(10) }), 'invalid_input', 'offset');
});
