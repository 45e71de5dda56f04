/**
 * Exactly once, per provider, through the real sync engine against each simulator: a create the provider carried
 * out but whose answer never arrived (too late), one reset after the provider acted, and a 500 — each leaves
 * exactly one invoice at the provider once the outbox is drained (the unknown create is looked up by our reference
 * before anything is sent again). SimpleCash has no lookup: the item is parked for a person and never re-sent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/domain';
import { providerCan } from '../../../shared/providers';
import type { FaultRule } from '../../fakes/server';
import { remoteOf, syncEnv, syncUntilDrained } from './helpers';
import { englishMessage } from '../../../shared/i18n/english';

const FAULTS: Array<{ name: string; rule: FaultRule; tookEffect: boolean }> = [
  { name: 'answer never arrives', rule: { route: 'create', kind: 'slowResponse', ms: 3_500 }, tookEffect: true },
  {
    name: 'reset after the provider acted',
    rule: { route: 'create', kind: 'reset', afterHandling: true },
    tookEffect: true,
  },
  { name: 'HTTP 500', rule: { route: 'create', kind: 'status', status: 500 }, tookEffect: false },
];

for (const provider of PROVIDER_IDS as readonly ProviderId[]) {
  const lookup = providerCan(provider, 'lookupByReference');
  test(
    `${provider}: exactly one remote invoice after a lost answer, a reset and a 500${lookup ? '' : ' — or a parked item (no lookup)'}`,
    { timeout: 120_000 },
    async () => {
      const env = await syncEnv(provider);
      try {
        for (const f of FAULTS) {
          const [inv] = await env.issue(1);
          const number = inv!.number!;
          const before = env.fake.server.calls('create');
          env.fake.server.inject(f.rule);
          const first = await env.call('sync.now', { accountId: env.accountId, poll: false });
          assert.equal(first.outbox.retryLater, 1, `${f.name}: the outcome is unknown, not failed`);
          assert.equal(env.outbox().at(-1)?.state, 'unknown', f.name);
          await syncUntilDrained(env, 20);
          const row = env.outbox().at(-1)!;
          const sent = env.fake.server.calls('create') - before;
          const copies = remoteOf(provider, env.fake, number).length;
          if (lookup) {
            assert.equal(row.state, 'done', `${f.name}: ${JSON.stringify(row)}`);
            assert.equal(copies, 1, `${f.name}: exactly one invoice at ${provider}`);
            // Sent again only when the lookup proved the first attempt never took effect.
            assert.equal(sent, f.tookEffect ? 1 : 2, `${f.name}: creates sent`);
            const got = await env.call('invoice.get', { id: inv!.id });
            assert.ok(got.links[0]?.remoteId, `${f.name}: linked`);
          } else {
            assert.equal(row.state, 'needs_review', `${f.name}: parked for a person`);
            assert.equal(sent, 1, `${f.name}: never re-sent blindly`);
            assert.equal(copies, f.tookEffect ? 1 : 0);
            const item = (await env.call('sync.status', { accountId: env.accountId })).accounts[0]!.items.find(
              (i) => i.id === row.id,
            );
            assert.equal(item?.advice?.key, 'providers.advice.no_lookup');
            assert.match(item?.advice ? englishMessage(item.advice) : '', /Look for it in the SimpleCash dashboard/);
            assert.ok(item?.actions.includes('link') && item.actions.includes('retry'));
          }
        }
      } finally {
        await env.fake.close();
      }
    },
  );
}
