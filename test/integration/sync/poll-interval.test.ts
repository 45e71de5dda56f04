/** The polling interval is the user's preference (Settings), read at each poll; tests and tuning may still fix it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAccountState } from '../../../main/sync/account-state';
import { fastSync, syncEnv } from './helpers';

test("after a poll, the next one is due after the user's interval", async () => {
  const env = await syncEnv('paycashless', { sync: fastSync({ random: () => 0.5 }) });
  try {
    await env.issue(1);
    await env.call('app.setPreferences', { pollMinutes: 7 });
    const before = Date.now();
    await env.call('sync.now', {});
    const next = readAccountState(env.s.ledger.db, env.accountId).nextPollAt;
    assert.ok(next);
    const waitMin = (Date.parse(next) - before) / 60_000;
    assert.ok(waitMin > 6.9 && waitMin < 7.2, `next poll in ${waitMin} min`);
    await env.call('app.setPreferences', { pollMinutes: 30 });
    await env.call('sync.now', {});
    const later = readAccountState(env.s.ledger.db, env.accountId).nextPollAt!;
    assert.ok((Date.parse(later) - Date.now()) / 60_000 > 29);
  } finally {
    await env.fake.close();
  }
});
