/**
 * When the provider's copy is not the ledger's invoice, a person decides — and sees both amounts:
 * - the provider answered the create with its own total: linked (it exists; never sent twice) but parked for
 *   review with both amounts and a conflict in the history; when it is later paid there, no partial payment is
 *   recorded that would leave the invoice open for ever;
 * - a lost create is looked up, and the provider holds our reference on an invoice with another total: not linked,
 *   parked with both amounts, never re-sent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { remoteOf, syncEnv } from './helpers';
import { englishMessage } from '../../../shared/i18n/english';

test('a create answered with another total: linked, needs review with both amounts; paid there → no stuck partial payment', async () => {
  const env = await syncEnv('paycashless');
  const fake = env.fake as PaycashlessFake;
  try {
    fake.surcharge = 150;
    const [inv] = await env.issue(1);
    const r = await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(r.outbox.needsReview, 1);
    const item = (await env.call('sync.status', { accountId: env.accountId })).accounts[0]!.items[0]!;
    assert.equal(item.state, 'needs_review');
    assert.equal(item.advice?.key, 'providers.advice.total_mismatch');
    const total = inv!.totals.total;
    const fmt = (m: number) => `$${(m / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
    const advice = item.advice ? englishMessage(item.advice) : '';
    assert.ok(advice.includes(fmt(total + 150)) && advice.includes(fmt(total)), advice);
    assert.equal(item.error?.code, 'remote_mismatch');
    const linked = await env.call('invoice.get', { id: inv!.id });
    assert.ok(linked.links[0]?.remoteId, 'linked: it exists at the provider and is never sent again');
    const history = await env.call('invoice.history', { id: inv!.id });
    const conflict = history.find((h) => h.action === 'provider_conflict');
    assert.equal(conflict?.details.problem, 'total_mismatch');
    assert.equal(conflict?.details.remoteTotal, total + 150);
    assert.equal(conflict?.details.total, total);

    // Paid in full at the provider, for its own total.
    fake.markPaid(linked.links[0]!.remoteId!);
    const poll = await env.call('sync.now', { accountId: env.accountId });
    assert.equal(poll.poll.conflicts, 1);
    const after = await env.call('invoice.get', { id: inv!.id });
    assert.equal(after.status, 'issued', 'not partially paid for ever: a person records what arrived');
    assert.equal(after.paid, 0);
    const later = await env.call('invoice.history', { id: inv!.id });
    assert.equal(later.filter((h) => h.action === 'provider_conflict').length, 2);
    assert.equal(remoteOf('paycashless', fake, inv!.number!).length, 1);
  } finally {
    await env.fake.close();
  }
});

test('found by reference with another total after a lost create: not linked, parked with both amounts, not re-sent', async () => {
  const env = await syncEnv('paycashless');
  const fake = env.fake as PaycashlessFake;
  try {
    const [inv] = await env.issue(1);
    // Someone else's invoice already carries our number as its reference (Paycashless returns the first hit).
    fake.seed(1, { reference: inv!.number!, currency: 'USD', amountDue: 99_999 });
    fake.server.inject({ route: 'create', kind: 'status', status: 500 });
    await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(env.outbox()[0]?.state, 'unknown');
    const creates = fake.server.calls('create');
    const r = await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(r.outbox.needsReview, 1);
    assert.equal(fake.server.calls('create'), creates, 'not re-sent');
    const item = (await env.call('sync.status', { accountId: env.accountId })).accounts[0]!.items[0]!;
    assert.equal(item.advice?.key, 'providers.advice.found_differs');
    assert.match(item.advice ? englishMessage(item.advice) : '', /\$999\.99 instead of/);
    assert.equal((await env.call('invoice.get', { id: inv!.id })).links[0]?.remoteId, null, 'not linked');
  } finally {
    await env.fake.close();
  }
});
