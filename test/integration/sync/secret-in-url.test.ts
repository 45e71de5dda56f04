/**
 * SimpleCash's key travels in every URL (`api_key`), and its simulator echoes it back URL-encoded in every answer
 * and in its 401s. After a whole sync life (create, a refused key, poll to paid, import), the key is nowhere in the
 * data dir (ledger, its WAL, logs) or in what the contract returned — neither as typed nor URL-encoded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimplecashFake } from '../../fakes/simplecash';
import { assertNoLeaks, scanFiles, scanValue } from '../../helpers/leaks';
import { payAtProvider, syncEnv } from './helpers';

test('simplecash: a key with characters URL encoding changes is in no stored data, log or answer after a full sync', async () => {
  const KEY = 'sc live+Key/0123=~%(abc)!';
  const WRONG = 'sc wrong+Key/9876=~%(xyz)!';
  const fake = new SimplecashFake({ key: KEY });
  await fake.start();
  const env = await syncEnv('simplecash', { fake, secrets: { apiKey: KEY } });
  try {
    const answers: unknown[] = [];
    const [inv] = await env.issue(1);
    answers.push(await env.call('sync.now', { accountId: env.accountId, poll: false }));
    const linked = await env.call('invoice.get', { id: inv!.id });
    const remoteId = linked.links[0]?.remoteId;
    assert.ok(remoteId, 'created at SimpleCash');
    answers.push(linked);
    payAtProvider('simplecash', fake, remoteId);
    answers.push(await env.call('sync.now', { accountId: env.accountId }));
    assert.equal((await env.call('invoice.get', { id: inv!.id })).status, 'paid');
    fake.seed(3);
    answers.push(await env.call('sync.import', { accountId: env.accountId }));
    // A refused key: the 401 echoes it (encoded); the connection test and the sync status carry the message.
    await env.call('account.setSecrets', { id: env.accountId, secrets: { apiKey: WRONG } });
    answers.push(await env.call('account.test', { id: env.accountId }));
    answers.push(await env.call('sync.status', { accountId: env.accountId, itemLimit: 10 }));

    const raw = env.s.ledger.db.prepare('SELECT raw_json FROM invoice_links').all() as Array<{ raw_json: string }>;
    assert.ok(
      raw.some((r) => r.raw_json.includes('api_key=[redacted]')),
      'the echoed link was stored, scrubbed',
    );
    assertNoLeaks(scanFiles([env.s.config.dataDir], [KEY, WRONG]), 'in the data dir');
    assertNoLeaks(scanValue('contract answers', answers, [KEY, WRONG]), 'in contract answers');
  } finally {
    await fake.close();
  }
});
