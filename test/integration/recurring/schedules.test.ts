/**
 * Recurring schedules through the contract, with a fake clock: the periods made on the right days with the right
 * numbers, catch-up after the app was closed, back-filling a start in the past, the numbering rule for periods that
 * cannot be issued in date order (held as drafts), drafts, provider accounts, ends, pause/resume, bad input.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../../../shared/contract/dates';
import type { RecurringRunSummary } from '../../../shared/contract/recurring';
import type { Invoice } from '../../../shared/domain';
import type { KassaError } from '../../../shared/errors';
import { customer, draft, dumpLedger, insertAccount, issued, ledgerServices, type Call } from '../ledger/helpers';

const MONTH_ENDS = [
  '2028-01-31',
  '2028-02-29',
  '2028-03-31',
  '2028-04-30',
  '2028-05-31',
  '2028-06-30',
  '2028-07-31',
  '2028-08-31',
  '2028-09-30',
  '2028-10-31',
  '2028-11-30',
  '2028-12-31',
  '2029-01-31',
  '2029-02-28',
];

const EXPECTED_NUMBERS = [
  ...Array.from({ length: 12 }, (_, i) => `INV-2028-${String(i + 1).padStart(4, '0')}`),
  'INV-2029-0001',
  'INV-2029-0002',
];

async function allInvoices(call: Call): Promise<Invoice[]> {
  const out: Invoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('invoice.list', {
      sort: 'createdAt',
      order: 'asc',
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function template(call: Call, over: Parameters<typeof draft>[2] = {}): Promise<Invoice> {
  const c = await customer(call);
  return draft(call, c, {
    notes: 'Monthly retainer',
    discount: { kind: 'percent', percent: '5' },
    lines: [
      { description: 'Retainer', quantity: '1', unitPrice: 120_000, taxRate: '14', taxCategory: 'S' },
      { description: 'Hosting', quantity: '3', unitPrice: 1_999, taxRate: '14', taxCategory: 'S' },
    ],
    ...over,
  });
}

const made = (invoices: Invoice[], scheduleId: string): Invoice[] =>
  invoices
    .filter((i) => i.recurringId === scheduleId)
    .sort(
      (a, b) => (a.issueDate ?? '').localeCompare(b.issueDate ?? '') || (a.number ?? '').localeCompare(b.number ?? ''),
    );

test('monthly from 31 January, the clock moving day by day across 14 months with a 29 February: each invoice on its day, numbers gapless', async () => {
  const { call, clock } = await ledgerServices('2028-01-30T12:00:00Z');
  const t = await template(call);
  const schedule = await call('recurring.create', {
    templateId: t.id,
    frequency: 'month',
    startDate: '2028-01-31',
    action: 'issue',
  });
  assert.deepEqual(schedule.upcoming, ['2028-01-31', '2028-02-29', '2028-03-31']);
  assert.equal(schedule.monthDay, 31);
  const createdOn = new Map<string, string>();
  for (let day = '2028-01-30'; day <= '2029-03-30'; day = addDays(day, 1)) {
    clock.set(`${day}T12:00:00Z`);
    const r = await call('recurring.run', {});
    assert.equal(r.error, null);
    for (const run of r.runs) createdOn.set(run.date, day);
    // Only on a period's day does anything happen, and then exactly that period.
    const expected = MONTH_ENDS.includes(day) ? [day] : [];
    assert.deepEqual(
      r.runs.map((x) => x.date),
      expected,
      `run on ${day}`,
    );
  }
  const mine = made(await allInvoices(call), schedule.id);
  assert.deepEqual(
    mine.map((i) => i.issueDate),
    MONTH_ENDS,
  );
  assert.deepEqual(
    mine.map((i) => i.number),
    EXPECTED_NUMBERS,
  );
  for (const inv of mine) {
    assert.equal(createdOn.get(inv.issueDate ?? ''), inv.issueDate, 'made on its own day, not before, not later');
    assert.equal(inv.status, 'issued');
    assert.equal(inv.dueDate, addDays(inv.issueDate ?? '', 14), "the profile's payment terms");
    assert.equal(inv.totals.total, t.totals.total, "the template's total");
    assert.deepEqual(inv.lines, t.lines);
    assert.deepEqual(inv.discount, t.discount);
    assert.equal(inv.notes, 'Monthly retainer');
    assert.equal(inv.customerId, t.customerId);
  }
  // `invoice show` carries the schedule's id; the template itself does not.
  assert.equal((await call('invoice.get', { id: mine[3]!.id })).recurringId, schedule.id);
  assert.equal((await call('invoice.get', { id: t.id })).recurringId, undefined);
  const detail = await call('recurring.get', { id: schedule.id });
  assert.equal(detail.schedule.periodsDone, 14);
  assert.equal(detail.schedule.runs.issued, 14);
  assert.equal(detail.schedule.nextDate, '2029-03-31');
  assert.deepEqual(
    detail.runs.map((r) => r.number),
    [...EXPECTED_NUMBERS].reverse(),
  );
});

test('catch-up after 14 months closed: every missed period once, in date order; running again creates nothing', async () => {
  const { call, clock, db } = await ledgerServices('2028-01-20T12:00:00Z');
  const t = await template(call);
  const schedule = await call('recurring.create', {
    templateId: t.id,
    frequency: 'month',
    startDate: '2028-01-31',
    action: 'issue',
  });
  clock.set('2029-03-01T09:00:00Z');
  const first = await call('recurring.run', {});
  assert.equal(first.error, null);
  assert.deepEqual(
    first.runs.map((r) => r.date),
    MONTH_ENDS,
  );
  assert.deepEqual(
    first.runs.map((r) => r.number),
    EXPECTED_NUMBERS,
  );
  assert.deepEqual(first.counts, { draft: 0, issued: 14, held: 0, skipped: 0 });
  assert.equal(first.nextDate, '2029-03-31');
  const before = dumpLedger(db);
  const again = await call('recurring.run', {});
  assert.deepEqual(again.runs, []);
  clock.set('2029-03-01T23:00:00Z');
  assert.deepEqual((await call('recurring.run', {})).runs, []);
  assert.deepEqual(dumpLedger(db), before, 'the second and third runs changed nothing at all');
  assert.equal(made(await allInvoices(call), schedule.id).length, 14);
  assert.equal((await call('ledger.check', {})).ok, true);
});

test('a start in the past is back-filled from its start; ends after N and on a date; draft action', async () => {
  const { call, clock } = await ledgerServices('2026-05-10T12:00:00Z');
  const t = await template(call);
  const weekly = await call('recurring.create', {
    templateId: t.id,
    frequency: 'week',
    startDate: '2026-03-02',
    day: 5,
    action: 'draft',
    end: { after: 4 },
  });
  const quarterly = await call('recurring.create', {
    templateId: t.id,
    frequency: 'quarter',
    startDate: '2025-11-30',
    action: 'issue',
    end: { on: '2026-08-29' },
    dueDays: 30,
  });
  const r = await call('recurring.run', {});
  // Date order across both schedules: 2025-11-30, 2026-02-28 (quarterly), then the Fridays from 6 March.
  assert.deepEqual(
    r.runs.map((x) => `${x.date} ${x.outcome}`),
    [
      '2025-11-30 issued',
      '2026-02-28 issued',
      '2026-03-06 draft',
      '2026-03-13 draft',
      '2026-03-20 draft',
      '2026-03-27 draft',
    ],
  );
  const w = await call('recurring.get', { id: weekly.id });
  assert.equal(w.schedule.status, 'ended', 'after 4 invoices');
  assert.equal(w.schedule.nextDate, null);
  const drafts = made(await allInvoices(call), weekly.id);
  assert.equal(drafts.length, 4);
  for (const d of drafts) {
    assert.equal(d.status, 'draft');
    assert.equal(d.number, null);
    assert.ok(['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27'].includes(d.issueDate ?? ''));
  }
  const q = made(await allInvoices(call), quarterly.id);
  assert.deepEqual(
    q.map((i) => [i.number, i.issueDate, i.dueDate]),
    [
      ['INV-2025-0001', '2025-11-30', '2025-12-30'],
      ['INV-2026-0001', '2026-02-28', '2026-03-30'],
    ],
  );
  // The quarterly one ends on 29 August: 30 May is its last period.
  clock.set('2027-01-01T12:00:00Z');
  const later = await call('recurring.run', {});
  assert.deepEqual(
    later.runs.map((x) => x.date),
    ['2026-05-30'],
  );
  assert.equal((await call('recurring.get', { id: quarterly.id })).schedule.status, 'ended');
});

test('periods that cannot be issued in date order are held as drafts with the reason, never re-dated or skipped', async () => {
  const { call, clock } = await ledgerServices('2026-05-10T12:00:00Z');
  const t = await template(call);
  // An invoice issued by hand today: the series' last issue date is now 2026-05-10.
  const manual = await issued(call, t.customerId!);
  assert.equal(manual.number, 'INV-2026-0001');
  const schedule = await call('recurring.create', {
    templateId: t.id,
    frequency: 'month',
    startDate: '2026-03-15',
    action: 'issue',
  });
  const r = await call('recurring.run', {});
  assert.equal(r.error, null);
  assert.deepEqual(
    r.runs.map((x) => `${x.date} ${x.outcome} ${x.error?.code ?? ''}`),
    ['2026-03-15 held issue_date_out_of_order', '2026-04-15 held issue_date_out_of_order'],
  );
  assert.deepEqual(r.counts, { draft: 0, issued: 0, held: 2, skipped: 0 });
  const held = made(await allInvoices(call), schedule.id);
  assert.deepEqual(
    held.map((i) => [i.status, i.number, i.issueDate]),
    [
      ['draft', null, '2026-03-15'],
      ['draft', null, '2026-04-15'],
    ],
  );
  const history = await call('invoice.history', { id: held[0]!.id });
  assert.deepEqual(
    history.map((h) => h.action),
    ['created', 'recurring_created', 'recurring_held'],
  );
  // The next period is in order again and is issued; the series stayed gapless.
  clock.set('2026-05-15T12:00:00Z');
  const next = await call('recurring.run', {});
  assert.deepEqual(
    next.runs.map((x) => `${x.date} ${x.outcome} ${x.number}`),
    ['2026-05-15 issued INV-2026-0002'],
  );
  // The user issues a held draft today: it takes the next number with today's date.
  const fixed = await call('invoice.issue', { id: held[0]!.id, issueDate: '2026-05-15', dueDate: '2026-05-29' });
  assert.equal(fixed.number, 'INV-2026-0003');
  const detail = await call('recurring.get', { id: schedule.id });
  assert.deepEqual(detail.schedule.runs, { draft: 0, issued: 1, held: 2, skipped: 0 });
  assert.equal(detail.runs.find((x) => x.period === 0)?.number, 'INV-2026-0003');
});

test('issue to a provider account queues the create in the same transaction; a deleted template or draft changes nothing', async () => {
  const { call, clock, db } = await ledgerServices('2026-05-10T12:00:00Z');
  const accountId = insertAccount(db, 'acc_rec1', 'kashier');
  const t = await template(call);
  const schedule = await call('recurring.create', {
    templateId: t.id,
    frequency: 'month',
    startDate: '2026-05-10',
    action: 'issue',
    accountId,
  });
  // The template was a draft: deleting it does not change what the schedule bills.
  await call('invoice.delete', { id: t.id });
  const r = await call('recurring.run', {});
  assert.equal(r.runs.length, 1);
  const inv = await call('invoice.get', { id: r.runs[0]!.invoiceId! });
  assert.equal(inv.totals.total, t.totals.total);
  assert.deepEqual(
    inv.links.map((l) => l.accountId),
    [accountId],
  );
  const outbox = db.prepare(`SELECT op, invoice_id AS invoiceId FROM outbox`).all();
  assert.deepEqual(outbox, [{ op: 'create', invoiceId: inv.id }]);
  assert.equal(schedule.accountId, accountId);

  // A draft-action schedule whose draft the user deletes: the run stays recorded, the period is not made again.
  const d = await call('recurring.create', {
    templateId: (await template(call)).id,
    frequency: 'week',
    startDate: '2026-05-10',
    action: 'draft',
  });
  const made1 = await call('recurring.run', {});
  assert.equal(made1.runs.length, 1);
  await call('invoice.delete', { id: made1.runs[0]!.invoiceId! });
  assert.deepEqual((await call('recurring.run', {})).runs, []);
  const detail = await call('recurring.get', { id: d.id });
  assert.equal(detail.runs[0]?.invoiceId, null);
  assert.equal(detail.schedule.periodsDone, 1);
  clock.set('2026-05-17T12:00:00Z');
  assert.deepEqual(
    (await call('recurring.run', {})).runs.map((x) => x.date),
    ['2026-05-17'],
  );
});

test('pause and resume: nothing is made while paused; periods that fell in the pause are skipped', async () => {
  const { call, clock } = await ledgerServices('2026-01-05T12:00:00Z');
  const t = await template(call);
  const schedule = await call('recurring.create', {
    templateId: t.id,
    frequency: 'week',
    startDate: '2026-01-05',
    action: 'issue',
  });
  assert.equal((await call('recurring.run', {})).runs.length, 1);
  const paused = await call('recurring.pause', { id: schedule.id });
  assert.equal(paused.schedule.status, 'paused');
  assert.deepEqual(paused.schedule.upcoming, []);
  clock.set('2026-02-03T12:00:00Z');
  assert.deepEqual((await call('recurring.run', {})).runs, []);
  const resumed = await call('recurring.resume', { id: schedule.id });
  assert.equal(resumed.schedule.status, 'active');
  assert.equal(resumed.schedule.nextDate, '2026-02-09');
  assert.deepEqual(resumed.schedule.runs, { draft: 0, issued: 1, held: 0, skipped: 4 });
  assert.deepEqual(
    resumed.runs.filter((r) => r.outcome === 'skipped').map((r) => r.date),
    ['2026-02-02', '2026-01-26', '2026-01-19', '2026-01-12'],
  );
  clock.set('2026-02-09T12:00:00Z');
  assert.deepEqual(
    (await call('recurring.run', {})).runs.map((r) => `${r.date} ${r.number}`),
    ['2026-02-09 INV-2026-0002'],
  );
});

test('bad input is refused with the field and changes nothing', async () => {
  const { call, db } = await ledgerServices('2026-05-10T12:00:00Z');
  const t = await template(call);
  const noLines = await draft(call, t.customerId!, { lines: [] });
  const noCustomer = await call('invoice.create', { currency: 'EUR', lines: [t.lines[0]!] });
  const base = { templateId: t.id, frequency: 'month', startDate: '2026-05-01', action: 'issue' } as const;
  const before = dumpLedger(db);
  const cases: Array<[unknown, string, string | undefined]> = [
    [{ ...base, frequency: 'daily' }, 'invalid_input', 'frequency'],
    [{ ...base, action: 'send' }, 'invalid_input', 'action'],
    [{ ...base, startDate: '2026-02-30' }, 'invalid_input', 'startDate'],
    [{ ...base, frequency: 'week', day: 8 }, 'invalid_input', 'day'],
    [{ ...base, day: 32 }, 'invalid_input', 'day'],
    [{ ...base, end: { after: 0 } }, 'invalid_input', 'end'],
    [{ ...base, end: { on: '2026-04-01' } }, 'invalid_input', 'end'],
    [{ ...base, end: 'sometime' }, 'invalid_input', 'end'],
    [{ ...base, action: 'draft', accountId: 'acc_x' }, 'invalid_input', 'accountId'],
    [{ ...base, accountId: 'acc_missing' }, 'account_not_found', undefined],
    [{ ...base, templateId: 'inv_0000000000000000' }, 'invoice_not_found', undefined],
    [{ ...base, templateId: noLines.id }, 'template_lines_required', 'templateId'],
    [{ ...base, templateId: noCustomer.id }, 'template_customer_required', 'templateId'],
    [{ ...base, dueDays: -1 }, 'invalid_input', 'dueDays'],
    [{ ...base, extra: 1 }, 'invalid_input', undefined],
    [{ ...base, startDate: '2026-05-31', day: 31, end: { on: '2026-05-30' } }, 'invalid_input', 'end'],
  ];
  for (const [input, code, field] of cases) {
    await assert.rejects(
      call('recurring.create', input as never),
      (e: KassaError) => e.code === code && (field === undefined || e.field === field),
      JSON.stringify(input),
    );
  }
  // The end lies before the first period the day makes: nothing would ever run.
  await assert.rejects(
    call('recurring.create', { ...base, startDate: '2026-05-02', day: 31, end: { on: '2026-05-30' } }),
    (e: KassaError) => e.code === 'schedule_empty' && e.field === 'end',
  );
  await assert.rejects(
    call('recurring.get', { id: 'rec_0000000000000000' }),
    (e: KassaError) => e.code === 'schedule_not_found',
  );
  assert.deepEqual(dumpLedger(db), before);
});

test('a failure that is not a refusal stops the run, keeps the period due and says so', async () => {
  const { s, call, clock } = await ledgerServices('2026-05-10T12:00:00Z');
  const t = await template(call);
  await call('recurring.create', { templateId: t.id, frequency: 'week', startDate: '2026-04-26', action: 'issue' });
  // A trigger standing in for a fault while the second period is made (outside its issue step).
  s.ledger.db.exec(`CREATE TEMP TABLE fail_once (n INTEGER); INSERT INTO fail_once VALUES (1);
    CREATE TEMP TRIGGER boom BEFORE INSERT ON invoice_history WHEN (SELECT n FROM fail_once) = 1
      AND NEW.action = 'recurring_created' AND NEW.details_json LIKE '%"period":1%'
    BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
  const r: RecurringRunSummary = await call('recurring.run', {});
  assert.deepEqual(
    r.runs.map((x) => x.date),
    ['2026-04-26'],
  );
  assert.equal(r.error?.code, 'constraint_failed');
  assert.equal(r.nextDate, '2026-05-03', 'the failed period is still due');
  s.ledger.db.exec(`UPDATE fail_once SET n = 0`);
  clock.set('2026-05-10T13:00:00Z');
  const again = await call('recurring.run', {});
  assert.equal(again.error, null);
  assert.deepEqual(
    again.runs.map((x) => `${x.date} ${x.number}`),
    ['2026-05-03 INV-2026-0002', '2026-05-10 INV-2026-0003'],
  );
});
