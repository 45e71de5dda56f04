import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodInput } from '../../../shared/api';
import type { Invoice } from '../../../shared/domain';
import { INVOICE_SORTS } from '../../../shared/contract/invoices';
import { addDays } from '../../../shared/contract/dates';
import { expectError, ledgerServices, line, walkPages, type Call } from './helpers';

/** Walks every page and returns all items. */
async function all(call: Call, input: MethodInput<'invoice.list'>): Promise<Invoice[]> {
  return walkPages(async (cursor) => {
    const page = await call('invoice.list', { ...input, ...(cursor ? { cursor } : {}) });
    assert.ok(page.items.length <= (input.limit ?? 50));
    return page;
  });
}

const sortValue = (inv: Invoice, sort: (typeof INVOICE_SORTS)[number]): string | number =>
  sort === 'createdAt'
    ? inv.createdAt
    : sort === 'issueDate'
      ? (inv.issueDate ?? '')
      : sort === 'dueDate'
        ? (inv.dueDate ?? '')
        : sort === 'number'
          ? (inv.number ?? '')
          : inv.totals.total;

async function seed() {
  const env = await ledgerServices('2026-01-01T12:00:00Z');
  const { call, clock } = env;
  const names = ['Nile Bakery', 'Cedar Studio', 'Amélie Café', 'شركة النيل', 'Delta Motors'];
  const customers = [];
  for (const name of names) customers.push((await call('customer.create', { name })).id);
  const currencies = ['EUR', 'EGP', 'NGN'];
  for (let i = 0; i < 90; i++) {
    const day = addDays('2026-01-01', Math.floor(i / 2));
    clock.set(`${day}T12:00:00Z`);
    const d = await call('invoice.create', {
      customerId: customers[i % customers.length]!,
      currency: currencies[i % 3]!,
      lines: [
        line({ unitPrice: 1_000 + ((i * 7919) % 50_000) }),
        ...(i % 4 === 0 ? [line({ description: 'extra', quantity: '0.5' })] : []),
      ],
      dueDate: addDays(day, 10 + (i % 5) * 10),
    });
    if (i % 10 === 9) continue; // a few drafts
    await call('invoice.issue', { id: d.id });
    if (i % 3 === 0) await call('invoice.pay', { id: d.id, amount: 500 });
    if (i % 11 === 0) {
      const inv = await call('invoice.get', { id: d.id });
      await call('invoice.pay', { id: d.id, amount: inv.balance });
    }
  }
  clock.set('2026-03-01T12:00:00Z');
  return env;
}

test('every sort, both orders, walked page by page: each invoice exactly once, in order, ties by id', async () => {
  const { call } = await seed();
  const everything = await all(call, { limit: 200 });
  assert.equal(everything.length, 90);
  for (const sort of INVOICE_SORTS) {
    for (const order of ['asc', 'desc'] as const) {
      const got = await all(call, { sort, order, limit: 7 });
      const expected = [...everything].sort((a, b) => {
        const va = sortValue(a, sort);
        const vb = sortValue(b, sort);
        const c = va < vb ? -1 : va > vb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return order === 'asc' ? c : -c;
      });
      assert.deepEqual(
        got.map((i) => i.id),
        expected.map((i) => i.id),
        `${sort} ${order}`,
      );
    }
  }
});

test('filters: status (with overdue), customer, currency, kind, issue and due ranges, combined with paging', async () => {
  const { call } = await seed();
  const everything = await all(call, { limit: 200 });
  const check = async (input: MethodInput<'invoice.list'>, pred: (i: Invoice) => boolean) => {
    const got = await all(call, { ...input, sort: 'dueDate', order: 'asc', limit: 5 });
    const want = everything.filter(pred);
    assert.ok(want.length > 0, `fixture has no match for ${JSON.stringify(input)}`);
    assert.deepEqual(new Set(got.map((i) => i.id)), new Set(want.map((i) => i.id)), JSON.stringify(input));
    assert.equal(got.length, want.length);
    // The total the list shows counts exactly what the pages hold.
    const { sort: _s, order: _o, limit: _l, ...filter } = { sort: 0, order: 0, limit: 0, ...input };
    assert.equal((await call('invoice.count', filter)).count, want.length, `count ${JSON.stringify(input)}`);
  };
  await check({ status: ['issued'] }, (i) => i.status === 'issued');
  await check({ status: ['paid', 'draft'] }, (i) => i.status === 'paid' || i.status === 'draft');
  await check({ status: ['overdue'] }, (i) => i.overdue);
  await check({ status: ['overdue', 'paid'] }, (i) => i.overdue || i.status === 'paid');
  const cust = everything[3]!.customerId!;
  await check({ customerId: cust }, (i) => i.customerId === cust);
  await check(
    { currency: 'EUR', status: ['partially_paid'] },
    (i) => i.currency === 'EUR' && i.status === 'partially_paid',
  );
  await check({ currency: 'EGP' }, (i) => i.currency === 'EGP');
  await check(
    { issueFrom: '2026-01-10', issueTo: '2026-01-20' },
    (i) => i.issueDate !== null && i.issueDate >= '2026-01-10' && i.issueDate <= '2026-01-20',
  );
  await check({ dueTo: '2026-02-01' }, (i) => i.dueDate !== null && i.dueDate <= '2026-02-01');
  await check({ dueFrom: '2026-02-15', kind: 'invoice' }, (i) => i.dueDate !== null && i.dueDate >= '2026-02-15');
  assert.ok(everything.filter((i) => i.overdue).every((i) => i.status === 'issued' || i.status === 'partially_paid'));
});

test('text search: number and customer name, substring, case- and accent-insensitive, Arabic too', async () => {
  const { call } = await seed();
  const by = async (q: string) => (await all(call, { q, limit: 50 })).map((i) => i.customer.name);
  const nile = await by('nile bak');
  assert.equal(nile.length, 18);
  assert.ok(nile.every((n) => n === 'Nile Bakery'));
  assert.equal((await by('AMELIE')).length, 18, 'accent-insensitive');
  assert.equal((await by('café')).length, 18);
  assert.equal((await by('النيل')).length, 18);
  const num = await all(call, { q: '2026-0042' });
  assert.deepEqual(
    num.map((i) => i.number),
    ['INV-2026-0042'],
  );
  assert.equal((await all(call, { q: 'ba' })).length > 0, true, 'short terms still match (scan)');
  assert.deepEqual(await by('no such customer'), []);
  assert.deepEqual(await by('"; DROP TABLE invoices; --'), []);
  assert.deepEqual(await by('nile AND OR NOT *'), []);
  // search and status together, paged
  const nileIssued = await all(call, { q: 'nile', status: ['issued'], limit: 2 });
  assert.ok(
    nileIssued.length > 0 && nileIssued.every((i) => i.status === 'issued' && i.customer.name === 'Nile Bakery'),
  );
});

test('a cursor only works with the sort it was made for', async () => {
  const { call } = await seed();
  const page = await call('invoice.list', { sort: 'dueDate', order: 'asc', limit: 3 });
  assert.ok(page.nextCursor);
  await expectError(
    call('invoice.list', { sort: 'total', order: 'asc', cursor: page.nextCursor }),
    'invalid_cursor',
    'cursor',
  );
  await expectError(call('invoice.list', { cursor: 'garbage' }), 'invalid_cursor', 'cursor');
});

test('customers: search and keyset pages by name', async () => {
  const { call } = await seed();
  for (let i = 0; i < 12; i++)
    await call('customer.create', { name: `Zeta ${String(i).padStart(2, '0')}`, email: `z${i}@example.com` });
  const seen = (await walkPages((cursor) => call('customer.list', { limit: 4, ...(cursor ? { cursor } : {}) }))).map(
    (c) => c.name,
  );
  assert.equal(seen.length, 17);
  // NOCASE folds ASCII only; compare the same way.
  const fold = (x: string) => x.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  assert.deepEqual(
    seen,
    [...seen].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)),
  );
  assert.equal(new Set(seen).size, 17);
  const zetas = await call('customer.list', { q: 'ZETA 1' });
  assert.deepEqual(
    zetas.items.map((c) => c.name),
    ['Zeta 10', 'Zeta 11'],
  );
  assert.deepEqual(
    (await call('customer.list', { q: 'z3@example' })).items.map((c) => c.name),
    ['Zeta 03'],
  );
  assert.deepEqual((await call('customer.list', { q: '100%_' })).items, []);
});

test('an offset lands on the same rows the cursor walk reaches there; count and offset with search too', async () => {
  const { call } = await seed();
  const walked = await all(call, { sort: 'issueDate', order: 'asc', limit: 7 });
  for (const offset of [0, 1, 44, 83, 89, 90]) {
    const page = await call('invoice.list', { sort: 'issueDate', order: 'asc', limit: 7, offset });
    assert.deepEqual(
      page.items.map((i) => i.id),
      walked.slice(offset, offset + 7).map((i) => i.id),
      `offset ${offset}`,
    );
    // The cursor it gives continues the walk from there.
    if (page.nextCursor) {
      const next = await call('invoice.list', { sort: 'issueDate', order: 'asc', limit: 7, cursor: page.nextCursor });
      assert.equal(next.items[0]?.id, walked[offset + 7]?.id);
    }
  }
  assert.equal((await call('invoice.count', {})).count, 90);
  const nile = await all(call, { q: 'nile', limit: 50 });
  assert.equal((await call('invoice.count', { q: 'nile' })).count, nile.length);
  await expectError(call('invoice.list', { offset: 3, cursor: walked.length ? 'x'.repeat(10) : '' }), 'invalid_input');
});

test('customers: the count follows the search, and an offset lands where the cursor walk is', async () => {
  const { call } = await seed();
  for (let i = 0; i < 12; i++) await call('customer.create', { name: `Zeta ${String(i).padStart(2, '0')}` });
  const walked = (await walkPages((cursor) => call('customer.list', { limit: 5, ...(cursor ? { cursor } : {}) }))).map(
    (c) => c.id,
  );
  assert.equal((await call('customer.count', {})).count, walked.length);
  assert.equal((await call('customer.count', { q: 'zeta 1' })).count, 2);
  assert.equal((await call('customer.count', { q: 'no such customer' })).count, 0);
  for (const offset of [0, 3, 10, walked.length - 1, walked.length]) {
    const page = await call('customer.list', { limit: 5, offset });
    assert.deepEqual(
      page.items.map((c) => c.id),
      walked.slice(offset, offset + 5),
      `offset ${offset}`,
    );
    if (page.nextCursor) {
      const next = await call('customer.list', { limit: 5, cursor: page.nextCursor });
      assert.equal(next.items[0]?.id, walked[offset + 5]);
    }
  }
  const zetas = await call('customer.list', { q: 'zeta', limit: 3, offset: 10 });
  assert.deepEqual(
    zetas.items.map((c) => c.name),
    ['Zeta 10', 'Zeta 11'],
  );
  await expectError(call('customer.list', { offset: 3, cursor: 'x'.repeat(10) }), 'invalid_input');
});
