/**
 * Deleting an invoice's copy at the provider, from the product (sync.deleteAtProvider, `kassa sync delete`) against
 * the Kashier simulator over real HTTP. Kashier deletes only unpaid payment requests and unpaid draft invoices
 * (../shared/providers/kashier.md §11): those go; a submitted invoice (what Kassa sends) is refused with a message
 * that says to cancel instead, and nothing is deleted. Providers without delete refuse before anything is queued.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KashierFake } from '../../fakes/kashier';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { RETRY_WAIT, sleep, syncEnv, type SyncEnv } from './helpers';

function history(env: SyncEnv, invoiceId: string): Array<{ action: string; details: Record<string, unknown> }> {
  return (
    env.s.ledger.db
      .prepare('SELECT action, details_json AS details FROM invoice_history WHERE invoice_id = ? ORDER BY id')
      .all(invoiceId) as Array<{ action: string; details: string }>
  ).map((h) => ({ action: h.action, details: JSON.parse(h.details) as Record<string, unknown> }));
}

/** Imports the simulator's invoices and returns the ledger invoice linked to `remoteId`. */
async function importedAs(env: SyncEnv, remoteId: string): Promise<string> {
  await env.call('sync.import', { accountId: env.accountId });
  const row = env.s.ledger.db
    .prepare('SELECT invoice_id FROM invoice_links WHERE account_id = ? AND remote_id = ?')
    .get(env.accountId, remoteId) as { invoice_id: string } | undefined;
  assert.ok(row, `${remoteId} was imported`);
  return row.invoice_id;
}

test('kashier: an unpaid draft and an unpaid payment request are deleted at the provider; the ledger keeps the invoice', async () => {
  const env = await syncEnv('kashier');
  const fake = env.fake as KashierFake;
  try {
    // Import skips remote drafts, so this one is imported while submitted and turned back into a draft in the
    // dashboard afterwards: what counts is its state when the delete is sent.
    const [draft] = fake.seed(1);
    const [request] = fake.seed(1);
    fake.patch(request!, { paymentType: 'simple' });
    const draftInvoice = await importedAs(env, draft!);
    const requestInvoice = await importedAs(env, request!);
    fake.patch(draft!, { state: 'draft' });

    const item = await env.call('sync.deleteAtProvider', { invoiceId: draftInvoice, accountId: env.accountId });
    assert.equal(item.op, 'delete');
    assert.equal(item.state, 'pending');
    assert.equal(fake.server.calls('delete'), 0, 'queued, not sent: it goes with the next sync');
    // The same through the CLI, on the same data dir.
    const cli = await kassaInProcess([
      'sync',
      'delete',
      requestInvoice,
      '--account',
      env.accountId,
      '--data-dir',
      env.s.config.dataDir,
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal((JSON.parse(cli.stdout) as { op: string }).op, 'delete');

    await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(fake.server.calls('delete'), 2);
    assert.equal(fake.get(draft!), null, 'the draft is gone at Kashier');
    assert.equal(fake.get(request!), null, 'the payment request is gone at Kashier');
    for (const id of [draftInvoice, requestInvoice]) {
      const inv = await env.call('invoice.get', { id });
      assert.equal(inv.links[0]?.remoteId, null, 'the link no longer points at a remote copy');
      assert.equal(inv.links[0]?.remoteStatus, 'deleted');
      assert.ok(history(env, id).some((h) => h.action === 'provider_delete_queued'));
      assert.ok(history(env, id).some((h) => h.action === 'provider_deleted'));
    }
    assert.deepEqual(
      env
        .outbox()
        .filter((r) => r.op === 'delete')
        .map((r) => r.state),
      ['done', 'done'],
    );
    // Polling stops asking about deleted copies, and the ledger check still holds.
    fake.server.resetCalls();
    await env.call('sync.now', { accountId: env.accountId });
    assert.equal(fake.server.calls('view'), 0);
    assert.equal((await env.call('ledger.check', {})).ok, true);
    // Nothing is left to delete.
    await assert.rejects(env.call('sync.deleteAtProvider', { invoiceId: draftInvoice, accountId: env.accountId }), {
      code: 'not_at_provider',
    });
  } finally {
    await fake.close();
  }
});

test('kashier: a submitted invoice (what Kassa sends) is not deleted; the item fails saying to cancel it instead', async () => {
  const env = await syncEnv('kashier');
  const fake = env.fake as KashierFake;
  try {
    const [inv] = await env.issue(1);
    await env.call('sync.now', { accountId: env.accountId, poll: false });
    const remoteId = (await env.call('invoice.get', { id: inv!.id })).links[0]?.remoteId;
    assert.ok(remoteId);
    await env.call('sync.deleteAtProvider', { invoiceId: inv!.id, accountId: env.accountId });
    await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(fake.server.calls('delete'), 0, 'refused before the DELETE');
    assert.notEqual(fake.get(remoteId), null);
    const del = env.outbox().find((r) => r.op === 'delete');
    assert.equal(del?.state, 'failed');
    const item = (await env.call('sync.status', { accountId: env.accountId, itemLimit: 10 })).accounts[0]!.items.find(
      (i) => i.op === 'delete',
    );
    assert.equal(item?.error?.code, 'remote_not_deletable');
    assert.match(
      item?.error?.message ?? '',
      /deletes only unpaid drafts and unpaid payment requests.*Cancel it instead/,
    );
    const after = await env.call('invoice.get', { id: inv!.id });
    assert.equal(after.links[0]?.remoteId, remoteId, 'still linked');
    assert.equal(after.status, 'issued');
  } finally {
    await fake.close();
  }
});

test('kashier: a delete whose answer was lost is not an error when retried (the copy is already gone)', async () => {
  const env = await syncEnv('kashier');
  const fake = env.fake as KashierFake;
  try {
    const [draft] = fake.seed(1);
    fake.patch(draft!, { paymentType: 'simple' });
    const invoiceId = await importedAs(env, draft!);
    await env.call('sync.deleteAtProvider', { invoiceId, accountId: env.accountId });
    fake.server.inject({ kind: 'slowResponse', ms: 3_500, route: 'delete', times: 1 });
    await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(fake.get(draft!), null, 'Kashier deleted it; its answer never came');
    assert.equal(env.outbox().find((r) => r.op === 'delete')?.state, 'unknown');
    await sleep(RETRY_WAIT);
    await env.call('sync.now', { accountId: env.accountId, poll: false });
    assert.equal(env.outbox().find((r) => r.op === 'delete')?.state, 'done');
    assert.equal(fake.server.calls('delete'), 1, 'not sent again');
    assert.equal((await env.call('invoice.get', { id: invoiceId })).links[0]?.remoteStatus, 'deleted');
  } finally {
    await fake.close();
  }
});

test('providers without delete refuse before anything is queued, saying what to do instead', async () => {
  for (const provider of ['kashio', 'kaspa', 'paycashless', 'simplecash'] as const) {
    const env = await syncEnv(provider);
    try {
      const [inv] = await env.issue(1);
      await assert.rejects(
        env.call('sync.deleteAtProvider', { invoiceId: inv!.id, accountId: env.accountId }),
        (e: Error & { code?: string; details?: { instead?: { key?: string } } }) => {
          assert.equal(e.code, 'provider_cannot_delete', provider);
          assert.match(e.details?.instead?.key ?? '', /^providers\.instead\./);
          return true;
        },
      );
      assert.equal(env.outbox().filter((r) => r.op === 'delete').length, 0);
    } finally {
      await env.fake.close();
    }
  }
  // Kashier, but the invoice never reached it: nothing to delete.
  const env = await syncEnv('kashier');
  try {
    const [inv] = await env.issue(1);
    await assert.rejects(env.call('sync.deleteAtProvider', { invoiceId: inv!.id, accountId: env.accountId }), {
      code: 'not_at_provider',
    });
  } finally {
    await env.fake.close();
  }
});
