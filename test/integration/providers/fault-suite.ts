/**
 * The same fault scenarios for every provider adapter, against its simulator over real HTTP: a read that times
 * out is retried; a create whose answer is lost (too late, reset after the provider acted, unreadable) is
 * `unknown` and never re-sent, with exactly one invoice at the provider; a 500 on create is unknown with none;
 * a 429 is honoured (Retry-After or X-RateLimit-Reset) and the retried create exists once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Invoice } from '../../../shared/domain';
import type { ProviderAdapter } from '../../../main/providers/types';
import type { FakeServer } from '../../fakes/server';
import { assertHonoursWait, fastTuning, okValue, rejectsWith } from '../../fakes/provider-fixtures';

export interface FaultTarget {
  server: () => FakeServer;
  adapter: (tuning?: ReturnType<typeof fastTuning>) => ProviderAdapter;
  invoice: () => Invoice;
  /** How many invoices the simulator holds for this ledger invoice. */
  count: (inv: Invoice) => number;
  /** A read the adapter retries, and the simulator's route name for it. */
  read: { route: string; call: (a: ProviderAdapter) => Promise<unknown> };
  createRoute: string;
  /** Error texts seen, for the file's final leak scan. */
  seen: string[];
}

export function faultSuite(name: string, t: FaultTarget): void {
  const unknownOf = async (p: Promise<{ outcome: string }>): Promise<void> => {
    const out = await p;
    assert.equal(out.outcome, 'unknown', JSON.stringify(out));
    t.seen.push(JSON.stringify(out));
  };

  test(`${name} fault: a read that times out is retried and succeeds`, async () => {
    const a = t.adapter(fastTuning({ timeoutMs: 1_500 }));
    t.server().resetCalls();
    t.server().inject({ kind: 'delay', ms: 4_000, route: t.read.route });
    await t.read.call(a);
    assert.equal(t.server().calls(t.read.route), 2);
  });

  test(`${name} fault: the create succeeded but its answer came too late → unknown, exactly one invoice`, async () => {
    const a = t.adapter(fastTuning({ timeoutMs: 1_500 }));
    const inv = t.invoice();
    t.server().inject({ kind: 'slowResponse', ms: 4_000, route: t.createRoute });
    await unknownOf(a.create(inv));
    assert.equal(t.server().calls(t.createRoute), 1);
    assert.equal(t.count(inv), 1);
    if (a.findByReference) {
      const found = await a.findByReference(a.referenceFor(inv), { currency: inv.currency, createdAround: new Date() });
      assert.equal(found?.total, inv.totals.total, 'found by reference');
    }
  });

  test(`${name} fault: 500 on create → unknown and not resent (none created); 503 on a read → retried`, async () => {
    const a = t.adapter();
    const inv = t.invoice();
    t.server().resetCalls();
    t.server().inject({ kind: 'status', status: 500, route: t.createRoute });
    await unknownOf(a.create(inv));
    assert.equal(t.server().calls(t.createRoute), 1);
    assert.equal(t.count(inv), 0);
    t.server().inject({ kind: 'status', status: 503, route: t.read.route });
    await t.read.call(a);
    assert.equal(t.server().calls(t.read.route), 2);
  });

  test(`${name} fault: 429 with Retry-After / X-RateLimit-Reset is honoured; the retried create exists once`, async () => {
    const tuning = fastTuning();
    const a = t.adapter(tuning);
    t.server().resetCalls();
    t.server().inject({ kind: 'rateLimit', retryAfter: '1', route: t.read.route });
    await assertHonoursWait(tuning, 1000, () => t.read.call(a));
    const inv = t.invoice();
    const reset = Math.floor(Date.now() / 1000) + 4;
    t.server().inject({ kind: 'rateLimit', rateLimitReset: String(reset), route: t.createRoute });
    await assertHonoursWait(tuning, reset * 1000 - Date.now(), async () => okValue(await a.create(inv)));
    assert.equal(t.server().calls(t.createRoute), 2);
    assert.equal(t.count(inv), 1);
  });

  test(`${name} fault: malformed JSON → a clear error on a read; unknown (the invoice exists) on the create`, async () => {
    const a = t.adapter();
    t.server().inject({ kind: 'malformed', route: t.read.route });
    const e = await rejectsWith(t.read.call(a), t.seen);
    assert.equal(e.code, 'provider_malformed_response');
    const inv = t.invoice();
    t.server().inject({ kind: 'malformed', route: t.createRoute });
    await unknownOf(a.create(inv));
    assert.equal(t.count(inv), 1);
  });

  test(`${name} fault: connection reset → a read is retried; a create reset after the provider acted is unknown`, async () => {
    const a = t.adapter();
    t.server().resetCalls();
    t.server().inject({ kind: 'reset', route: t.read.route });
    await t.read.call(a);
    assert.equal(t.server().calls(t.read.route), 2);
    const inv = t.invoice();
    t.server().inject({ kind: 'reset', route: t.createRoute, afterHandling: true });
    await unknownOf(a.create(inv));
    assert.equal(t.server().calls(t.createRoute), 1);
    assert.equal(t.count(inv), 1);
  });
}
