/**
 * Closed periods: nothing is issued, credited, paid, voided or cancelled with a date in one (refusal naming the
 * period, ledger unchanged); reopening is explicit, takes a reason, and is recorded in the period history and
 * the record chain.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KassaError } from '../../../shared/errors';
import { customer, draft, dumpLedger, issued, ledgerServices } from '../ledger/helpers';

async function refusedWith(p: Promise<unknown>, code: string): Promise<KassaError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof KassaError, String(err));
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('closed periods', () => {
  it('refuses issuing, crediting, paying, refunding, voiding and cancelling with a date in a closed month; the ledger is unchanged', async () => {
    const { call, db } = await ledgerServices('2026-03-10T12:00:00Z');
    const c = await customer(call);
    const feb = await issued(call, c, {}, { issueDate: '2026-02-10' });
    const paidInFeb = await call('invoice.pay', { id: feb.id, amount: 1000, date: '2026-02-20' });
    const febOpen = await issued(call, c, {}, { issueDate: '2026-02-12' });
    const over = await issued(call, c, {}, { issueDate: '2026-02-13' });
    await call('invoice.pay', {
      id: over.id,
      amount: over.totals.total + 300,
      date: '2026-02-14',
      allowOverpayment: true,
    });
    const refundedInFeb = await call('invoice.refund', { id: over.id, amount: 100, date: '2026-02-15' });
    const closed = await call('period.close', { period: '2026-02', note: 'VAT return filed' });
    assert.deepEqual(
      { period: closed.period, from: closed.from, to: closed.to, note: closed.note, actor: closed.actor },
      { period: '2026-02', from: '2026-02-01', to: '2026-02-28', note: 'VAT return filed', actor: 'user' },
    );

    const before = dumpLedger(db);
    const d = await draft(call, c);
    const afterDraft = dumpLedger(db);
    const e = await refusedWith(call('invoice.issue', { id: d.id, issueDate: '2026-02-27' }), 'period_closed');
    assert.deepEqual(e.params, { period: '2026-02', date: '2026-02-27' });
    assert.equal(e.field, 'issueDate');
    assert.match(e.message, /2026-02 is closed/);
    await refusedWith(call('invoice.credit', { id: feb.id, issueDate: '2026-02-28' }), 'period_closed');
    await refusedWith(call('invoice.pay', { id: febOpen.id, amount: 500, date: '2026-02-28' }), 'period_closed');
    const payment = paidInFeb.payments?.[0];
    assert.ok(payment);
    await refusedWith(
      call('invoice.voidPayment', { id: feb.id, paymentId: payment.id, reason: 'typo' }),
      'period_closed',
    );
    await refusedWith(call('invoice.refund', { id: over.id, amount: 100, date: '2026-02-20' }), 'period_closed');
    await refusedWith(
      call('invoice.voidRefund', { id: over.id, refundId: refundedInFeb.refunds![0]!.id, reason: 'typo' }),
      'period_closed',
    );
    // A cancellation takes a February invoice out of February's figures: refused although it is dated today.
    await refusedWith(call('invoice.cancel', { id: febOpen.id, reason: 'mistake' }), 'period_closed');
    assert.deepEqual(dumpLedger(db), afterDraft, 'refused calls changed nothing');
    assert.notDeepEqual(before, afterDraft);

    // March is open: the same invoice credited and paid today is fine.
    const credit = await call('invoice.credit', { id: febOpen.id });
    assert.equal(credit.creditNote.issueDate, '2026-03-10');
    const paid = await call('invoice.pay', { id: feb.id, amount: 500 });
    assert.equal(paid.paid, 1500);
  });

  it('a quarter closes its three months; a month inside a closed quarter cannot be reopened on its own', async () => {
    const { call } = await ledgerServices('2026-04-02T09:00:00Z');
    const c = await customer(call);
    await call('period.close', { period: '2026-02' });
    const q = await call('period.close', { period: '2026-q1' });
    assert.deepEqual([q.period, q.from, q.to], ['2026-Q1', '2026-01-01', '2026-03-31']);
    const d = await draft(call, c);
    for (const day of ['2026-01-01', '2026-03-31']) {
      const e = await refusedWith(call('invoice.issue', { id: d.id, issueDate: day }), 'period_closed');
      assert.equal(e.params?.period, '2026-Q1');
    }
    const inside = await refusedWith(
      call('period.reopen', { period: '2026-02', reason: 'late invoice' }),
      'period_inside_closed',
    );
    assert.deepEqual(inside.params, { period: '2026-02', closedBy: '2026-Q1' });
    await refusedWith(call('period.close', { period: '2026-Q1' }), 'period_already_closed');
    await refusedWith(call('period.close', { period: '2026-Q2' }), 'period_not_over');
    await refusedWith(call('period.reopen', { period: '2026-05', reason: 'x' }), 'period_not_closed');
    // Reopen the quarter: February alone is still closed, January is open again.
    await call('period.reopen', { period: '2026-Q1', reason: 'late invoice' });
    await refusedWith(call('invoice.issue', { id: d.id, issueDate: '2026-02-02' }), 'period_closed');
    const inv = await call('invoice.issue', { id: d.id, issueDate: '2026-01-30' });
    assert.equal(inv.issueDate, '2026-01-30');
  });

  it('reopening is explicit and recorded: in the period history, and in the record chain', async () => {
    const { call, clock } = await ledgerServices('2026-03-10T12:00:00Z');
    const c = await customer(call);
    const d = await draft(call, c);
    await call('period.close', { period: '2026-02' });
    clock.set('2026-03-11T08:00:00Z');
    await assert.rejects(call('period.reopen', { period: '2026-02' } as never), /reason/);
    const ev = await call('period.reopen', { period: '2026-02', reason: 'client sent a late order' });
    assert.deepEqual(
      [ev.action, ev.reason, ev.at],
      ['reopened', 'client sent a late order', '2026-03-11T08:00:00.000Z'],
    );
    const inv = await call('invoice.issue', { id: d.id, issueDate: '2026-02-25' });
    assert.equal(inv.issueDate, '2026-02-25');

    const overview = await call('period.list', {});
    assert.deepEqual(overview.closed, []);
    assert.deepEqual(
      overview.history.map((h) => [h.period, h.action, h.reason, h.actor]),
      [
        ['2026-02', 'reopened', 'client sent a late order', 'user'],
        ['2026-02', 'closed', null, 'user'],
      ],
    );
    const record = await call('record.verify', {});
    assert.equal(record.ok, true, JSON.stringify(record.problems));
    assert.equal(record.length, 3, 'close, reopen, issue');
  });

  it('refuses a period that is not a month or quarter', async () => {
    const { call } = await ledgerServices();
    for (const period of ['2026-13', '2026-Q5', '2026', 'March']) {
      await assert.rejects(call('period.close', { period }), (err: KassaError) => {
        assert.equal(err.code, 'invalid_input');
        assert.equal(err.field, 'period');
        return true;
      });
    }
  });
});
