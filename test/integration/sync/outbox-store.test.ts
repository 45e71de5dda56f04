/** The outbox claim rules on a real SQLite ledger: order per invoice, one holder per row, expiry, dead owners, write-ahead. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { test } from 'node:test';
import { writeTx } from '../../../main/ledger/connection';
import {
  channelTarget,
  claimRows,
  enqueueChannel,
  finishRow,
  makeDueNow,
  noteHandover,
  renewLeases,
} from '../../../main/ledger/tables/outbox';
import { customer, insertAccount, issued, ledgerServices } from '../ledger/helpers';

const LEASE = 60_000;

async function setup() {
  const { call, db } = await ledgerServices('2026-03-10T12:00:00Z');
  const acc = insertAccount(db, 'acc_outbox01', 'paycashless');
  const other = insertAccount(db, 'acc_outbox02', 'kashier');
  const c = await customer(call);
  const a = await issued(call, c, {}, { accountId: acc });
  await call('invoice.cancel', { id: a.id, reason: 'test' });
  const b = await issued(call, c, {}, { accountId: acc });
  const k = await issued(call, c, {}, { accountId: other });
  const row = (id: number) =>
    db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as {
      state: string;
      lease_owner: string | null;
      lease_until: string | null;
      attempts: number;
      next_attempt_at: string | null;
    };
  return { db, acc, other, a, b, k, row };
}

const t = (iso: string): Date => new Date(iso);

test('claims: order per invoice, write-ahead "unknown", one holder per row, release only by the holder', async () => {
  const { db, acc, row } = await setup();
  const now = t('2026-03-10T12:00:01Z');
  const first = claimRows(db, { owner: 'host-x/1/aaa', now, leaseMs: LEASE, limit: 10 });
  // a.create and b.create and k.create — never a.cancel while a.create is unfinished.
  assert.deepEqual(
    first.map((r) => r.op),
    ['create', 'create', 'create'],
  );
  const [aCreate, bCreate] = first;
  for (const r of first) {
    assert.equal(r.previousState, 'pending');
    assert.equal(row(r.id).state, 'unknown', 'written as unknown before anything is sent');
    assert.equal(row(r.id).attempts, 1);
    assert.equal(row(r.id).lease_owner, 'host-x/1/aaa');
  }
  // A second drainer gets nothing: every claimable row is held, and the cancel waits for its create.
  assert.deepEqual(claimRows(db, { owner: 'host-y/2/bbb', now, leaseMs: LEASE, limit: 10 }), []);
  // Only the holder can finish a row.
  assert.equal(
    writeTx(db, () => finishRow(db, aCreate!.id, 'host-y/2/bbb', now, { state: 'done' })),
    false,
  );
  assert.equal(row(aCreate!.id).state, 'unknown');
  assert.equal(
    writeTx(db, () => finishRow(db, aCreate!.id, 'host-x/1/aaa', now, { state: 'done', result: { remoteId: 'r1' } })),
    true,
  );
  assert.equal(row(aCreate!.id).lease_owner, null);
  // Now the cancel of invoice a is next in line.
  const next = claimRows(db, { owner: 'host-y/2/bbb', now, leaseMs: LEASE, limit: 10, targets: [acc] });
  assert.deepEqual(
    next.map((r) => r.op),
    ['cancel'],
  );

  // An expired lease is claimable again; the row comes back as "unknown" with the time it may have been sent.
  const later = new Date(now.getTime() + LEASE + 1);
  const again = claimRows(db, {
    owner: 'host-y/2/bbb',
    now: later,
    leaseMs: LEASE,
    limit: 10,
    excludeTargets: ['acc_outbox02'],
  });
  assert.deepEqual(
    again.map((r) => r.id),
    [next[0]!.id, bCreate!.id],
    'expired leases of account acc, none of the paused account',
  );
  const b = again.find((r) => r.id === bCreate!.id)!;
  assert.equal(b.previousState, 'unknown');
  assert.equal(b.previousSentAt, now.toISOString());
  assert.equal(row(bCreate!.id).attempts, 2);
});

test('a lease held by a dead process of this machine is released at once; heartbeats renew only our own leases', async () => {
  const { db, row } = await setup();
  const now = t('2026-03-10T12:00:01Z');
  const dead = Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
  const deadOwner = `${os.hostname()}/${dead}/cafecafecafe`;
  const liveOwner = `${os.hostname()}/${process.pid}/beefbeefbeef`;
  const mine = claimRows(db, { owner: liveOwner, now, leaseMs: LEASE, limit: 1 });
  const taken = claimRows(db, { owner: deadOwner, now, leaseMs: LEASE, limit: 1 });
  assert.notEqual(mine[0]!.id, taken[0]!.id);
  assert.equal(taken.length, 1);
  assert.equal(mine.length, 1);
  // Long before expiry, another drainer takes over the dead one's row, not the live one's.
  const rescued = claimRows(db, { owner: 'host-z/3/ccc', now: t('2026-03-10T12:00:02Z'), leaseMs: LEASE, limit: 10 });
  assert.ok(rescued.some((r) => r.id === taken[0]!.id));
  assert.ok(!rescued.some((r) => r.id === mine[0]!.id));
  assert.equal(rescued.find((r) => r.id === taken[0]!.id)!.previousState, 'unknown');

  const until = t('2026-03-10T12:05:00Z');
  assert.equal(renewLeases(db, liveOwner, [mine[0]!.id, taken[0]!.id], until), 1);
  assert.equal(row(mine[0]!.id).lease_until, until.toISOString());
});

test('manual sync makes backed-off rows of the named accounts due now, leaving held rows alone', async () => {
  const { db, acc, other, row } = await setup();
  const now = t('2026-03-10T12:00:01Z');
  const claimed = claimRows(db, { owner: 'h/1/a', now, leaseMs: LEASE, limit: 10 });
  const [first, second, third] = claimed;
  writeTx(db, () => {
    finishRow(db, first!.id, 'h/1/a', now, { state: 'pending', nextAttemptAt: '2026-03-10T13:00:00.000Z' });
    finishRow(db, second!.id, 'h/1/a', now, { state: 'unknown', nextAttemptAt: '2026-03-10T13:00:00.000Z' });
  });
  const changed = makeDueNow(db, [acc, other], now);
  assert.equal(changed, 2);
  assert.equal(row(first!.id).next_attempt_at, now.toISOString());
  assert.equal(row(second!.id).next_attempt_at, now.toISOString());
  assert.equal(row(third!.id).lease_owner, 'h/1/a');
});

test('channel rows: wait for the provider copy on its way, never for a failed one; the handover marker survives claims', async () => {
  const { db, b, k, row } = await setup();
  const now = t('2026-03-10T12:00:01Z');
  const ctx = { db, now, actor: 'user' as const };
  // b's create (to acc) is still pending; k's create (to other) is about to fail.
  const emailB = writeTx(db, () => enqueueChannel(ctx, b.id, 'email', { to: 'b@example.com' }));
  const emailK = writeTx(db, () => enqueueChannel(ctx, k.id, 'email', { to: 'k@example.com' }));
  const email = channelTarget('email');
  assert.equal(email, 'channel:email');
  assert.deepEqual(
    claimRows(db, { owner: 'h/1/a', now, leaseMs: LEASE, limit: 10, targets: [email] }),
    [],
    'an e-mail waits while the create that brings its payment link is pending',
  );
  const creates = claimRows(db, { owner: 'h/1/a', now, leaseMs: LEASE, limit: 10, invoiceIds: [b.id, k.id] });
  assert.deepEqual(creates.map((r) => r.op).sort(), ['create', 'create']);
  assert.deepEqual(
    claimRows(db, { owner: 'h/2/b', now, leaseMs: LEASE, limit: 10, targets: [email] }),
    [],
    'in flight',
  );
  const kCreate = creates.find((r) => r.invoice_id === k.id)!;
  writeTx(db, () => finishRow(db, kCreate.id, 'h/1/a', now, { state: 'failed' }));
  const mails = claimRows(db, { owner: 'h/2/b', now, leaseMs: LEASE, limit: 10, targets: [email] });
  assert.deepEqual(
    mails.map((r) => r.id),
    [emailK],
    "a failed create does not hold the e-mail back; b's is still in flight",
  );
  const mail = mails[0]!;
  assert.equal(mail.channel, 'email');
  assert.equal(mail.account_id, null);
  assert.equal(mail.target, email);
  assert.equal(mail.handedOverAt, null);
  // Write-ahead before SMTP DATA, then the process dies: the next claim knows the message may have gone out.
  assert.equal(noteHandover(db, mail.id, 'h/9/x', now), false, 'only the holder marks a handover');
  assert.equal(noteHandover(db, mail.id, 'h/2/b', now), true);
  const later = new Date(now.getTime() + LEASE + 1);
  const again = claimRows(db, { owner: 'h/3/c', now: later, leaseMs: LEASE, limit: 10, targets: [email] });
  assert.equal(again[0]?.id, mail.id);
  assert.equal(again[0]?.previousState, 'unknown');
  assert.equal(again[0]?.handedOverAt, now.toISOString());
  const evenLater = new Date(later.getTime() + LEASE + 1);
  const third = claimRows(db, { owner: 'h/4/d', now: evenLater, leaseMs: LEASE, limit: 10, targets: [email] });
  assert.equal(third[0]?.handedOverAt, now.toISOString(), 'kept across claims until the row ends');
  assert.equal(row(emailB).state, 'pending');
});
