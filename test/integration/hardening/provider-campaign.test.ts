/**
 * The provider response campaign (issue 16): every adapter (the five providers, walked from the registry) talks to
 * its simulator through a hostile proxy (test/fakes/hostile-proxy.ts) that answers with truncated JSON, values of the
 * wrong types, missing fields, a 10 MB body, HTML error pages, a body that never finishes, and hostile strings
 * (javascript: links, formulas as invoice numbers, the account's keys echoed back URL-encoded, case-folded and in
 * base64). Each call ends in a provider error code or an `unknown` outcome — never a crash or a TypeError —, no
 * garbage becomes a paid invoice, bodies are cut at the cap, and through a real sync nothing unsafe is stored.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProviderId } from '../../../shared/domain';
import { KassaError } from '../../../shared/errors';
import { PROVIDER_ERROR_CODES } from '../../../main/providers/http-errors';
import { MAX_BODY_BYTES } from '../../../main/providers/http';
import { usablePaymentUrl } from '../../../main/providers/payment-url';
import { DESCRIPTORS, createAdapter } from '../../../main/providers/registry';
import type { ProviderAdapter, RemoteInvoice } from '../../../main/providers/types';
import { HOSTILE_MODES, HUGE_BODY_BYTES, HostileProxy, type HostileMode } from '../../fakes/hostile-proxy';
import { fastTuning, makeAccount, makeDeps, makeInvoice } from '../../fakes/provider-fixtures';
import { echoesOf, formHits, scanTree } from '../../helpers/leaks';
import { CURRENCY, SECRETS, SETTINGS, fastHttp, fastSync, startFake, syncEnv } from '../sync/helpers';

const PROVIDERS = (process.env.ONLY ? [process.env.ONLY] : Object.keys(DESCRIPTORS)) as ProviderId[];
/** Modes in which no answer can be read: every call must fail (testConnection says not ok). */
const UNREADABLE: ReadonlySet<HostileMode> = new Set([
  'truncated',
  'huge_body',
  'long_text',
  'html_error',
  'html_ok',
  'slow_body',
]);
const PAID = new Set(['paid', 'partially_paid']);

type Outcome = 'error' | 'unknown' | 'ok';

let seq = 0;
const invoiceFor = (provider: ProviderId) =>
  makeInvoice({
    currency: CURRENCY[provider],
    number: `INV-2026-${String(++seq).padStart(4, '0')}`,
    id: `led_campaign_${seq}`,
  });

test('provider campaign: every adapter, every hostile answer: a provider error or unknown, never a crash, a paid status or a key kept', async () => {
  const counts = { calls: 0, tests: 0, error: 0, unknown: 0, ok: 0 };
  const problems: string[] = [];
  const started = Date.now();
  for (const provider of PROVIDERS) {
    const fake = await startFake(provider);
    const secrets = Object.values(SECRETS[provider]);
    const proxy = await new HostileProxy(fake.url, echoesOf(secrets)).start();
    try {
      const account = makeAccount(provider, { baseUrl: proxy.url, settings: SETTINGS[provider] });
      const logs: Array<{ text(): string }> = [];
      const adapterFor = (mode: HostileMode): ProviderAdapter => {
        // Only the never-ending body gets a short timeout; every other answer comes at once.
        const tuning =
          mode === 'slow_body' ? fastTuning({ timeoutMs: 400, maxAttempts: 1 }) : fastTuning({ maxAttempts: 2 });
        const deps = makeDeps(account, SECRETS[provider], { http: tuning });
        logs.push(deps.log);
        return createAdapter(deps);
      };
      // A real invoice at the provider, so reads have something to find.
      proxy.mode = 'pass';
      const seedInvoice = invoiceFor(provider);
      const seeded = await adapterFor('pass').create(seedInvoice);
      assert.equal(seeded.outcome, 'ok', `${provider}: seed create ${JSON.stringify(seeded)}`);
      const seed = (seeded as { value: RemoteInvoice }).value;

      for (const mode of HOSTILE_MODES) {
        proxy.mode = mode;
        const a = adapterFor(mode);
        const ops: Array<[string, () => Promise<unknown>]> = [
          ['create', () => a.create(invoiceFor(provider))],
          ['list', () => a.listPage(null)],
        ];
        if (a.get) ops.push(['get', () => a.get!(seed.remoteId, { currency: CURRENCY[provider] })]);
        if (a.findByReference)
          ops.push([
            'find',
            () =>
              a.findByReference!(a.referenceFor(seedInvoice), {
                currency: CURRENCY[provider],
                createdAround: new Date(),
              }),
          ]);
        const where = (op: string) => `${provider} ${mode} ${op}`;
        for (const [op, run] of ops) {
          counts.calls++;
          let outcome: Outcome;
          let value: unknown;
          try {
            value = await run();
            const out = value as { outcome?: string; error?: { code?: string } };
            outcome = out?.outcome === 'unknown' ? 'unknown' : 'ok';
            if (outcome === 'unknown' && out.error?.code !== 'outcome_unknown')
              problems.push(`${where(op)}: unknown without outcome_unknown`);
          } catch (err) {
            outcome = 'error';
            value = err instanceof KassaError ? err.toBody() : String(err);
            if (!(err instanceof KassaError) || err.kind !== 'provider')
              problems.push(`${where(op)}: not a provider error: ${String(err)}`);
            else if (!(PROVIDER_ERROR_CODES as readonly string[]).includes(err.code))
              problems.push(`${where(op)}: code ${err.code}`);
            if (mode === 'huge_body' && err instanceof KassaError && op !== 'create')
              assert.equal(err.params?.what, 'too_large', `${where(op)}: ${err.message}`);
          }
          counts[outcome]++;
          if (outcome === 'ok' && UNREADABLE.has(mode) && op !== 'find')
            problems.push(`${where(op)}: an unreadable answer was taken as ok`);
          const remotes = remotesIn(value);
          for (const r of remotes)
            if (r.status !== null && PAID.has(r.status)) problems.push(`${where(op)}: status ${r.status}`);
          const hits = formHits(JSON.stringify(value) ?? '', secrets);
          if (hits > 0) problems.push(`${where(op)}: ${hits} key forms in what the adapter returned`);
        }
        const check = await a.testConnection().catch((e: unknown) => {
          problems.push(`${provider} ${mode} test: threw ${String(e)}`);
          return null;
        });
        counts.calls++;
        counts.tests++;
        if (check && UNREADABLE.has(mode) && check.ok) problems.push(`${provider} ${mode} test: ok`);
        if (check && formHits(JSON.stringify(check), secrets) > 0) problems.push(`${provider} ${mode} test: key`);
        if (mode === 'huge_body')
          assert.ok(proxy.hugeWritten < HUGE_BODY_BYTES, `${provider}: the 10 MB body was read to its end`);
      }
      for (const log of logs)
        if (formHits(log.text(), secrets) > 0) problems.push(`${provider}: a key form was handed to the logger`);
    } finally {
      await proxy.close();
      await fake.close();
    }
  }
  assert.deepEqual(problems, []);
  console.log(
    `provider campaign: ${PROVIDERS.length} adapters × ${HOSTILE_MODES.length} hostile answers, ${counts.calls} calls ` +
      `(${counts.tests} connection tests, none threw): ${counts.error} provider errors, ${counts.unknown} unknown outcomes, ${counts.ok} readable, 0 crashes, ` +
      `0 paid from garbage, 0 keys kept; bodies capped at ${MAX_BODY_BYTES} bytes (${Date.now() - started} ms)`,
  );
});

/** The remote invoices in an adapter's answer (a write outcome, a list page, a single invoice). */
function remotesIn(value: unknown): RemoteInvoice[] {
  if (value === null || typeof value !== 'object') return [];
  const v = value as { outcome?: string; value?: unknown; invoices?: unknown; remoteId?: unknown };
  if (v.outcome === 'ok') return remotesIn(v.value);
  if (Array.isArray(v.invoices)) return v.invoices as RemoteInvoice[];
  return typeof v.remoteId === 'string' ? [value as RemoteInvoice] : [];
}

test('provider campaign through sync: hostile answers to create, poll, import and test store no unsafe link, no key, no wrong status', async () => {
  const modes = HOSTILE_MODES.filter((m) => m !== 'slow_body'); // the adapter test covers it with a short timeout
  const summary: string[] = [];
  for (const provider of PROVIDERS) {
    const fake = await startFake(provider);
    const secrets = Object.values(SECRETS[provider]);
    const proxy = await new HostileProxy(fake.url, echoesOf(secrets)).start();
    const env = await syncEnv(provider, {
      fake,
      sync: fastSync({ http: fastHttp({ timeoutMs: 10_000, maxAttempts: 2 }) }),
    });
    try {
      // The account talks to the provider through the proxy (a new base URL asks for the keys again).
      await env.call('account.update', { id: env.accountId, baseUrl: proxy.url });
      await env.call('account.setSecrets', { id: env.accountId, secrets: SECRETS[provider] });
      const answers: unknown[] = [];
      const attempt = async (name: string, p: Promise<unknown>) => {
        try {
          answers.push(await p);
        } catch (err) {
          assert.ok(err instanceof KassaError && err.kind !== 'internal', `${provider} ${name}: ${String(err)}`);
          answers.push(err.toBody());
        }
      };
      for (const mode of modes) {
        proxy.mode = mode;
        await env.issue(1);
        await attempt('sync.now', env.call('sync.now', { accountId: env.accountId }));
        await attempt('sync.import', env.call('sync.import', { accountId: env.accountId }));
        await attempt('account.test', env.call('account.test', { id: env.accountId }));
      }
      const db = env.s.ledger.db;
      const statuses = db.prepare('SELECT status, COUNT(*) AS n FROM invoices GROUP BY status').all() as Array<{
        status: string;
        n: number;
      }>;
      assert.ok(
        statuses.every((r) => !PAID.has(r.status)),
        `${provider}: nothing was paid, yet ${JSON.stringify(statuses)}`,
      );
      const links = db.prepare('SELECT payment_url, raw_json FROM invoice_links').all() as Array<{
        payment_url: string | null;
        raw_json: string | null;
      }>;
      for (const l of links)
        assert.ok(
          l.payment_url === null || usablePaymentUrl(l.payment_url) === l.payment_url,
          `${provider}: stored link ${l.payment_url}`,
        );
      const csv = (await env.call('export.csv', { what: 'invoices', inline: true })) as { csv?: string };
      assert.ok(!/(^|,)"?[=+@]/m.test(csv.csv ?? ''), `${provider}: a formula reached the CSV export`);
      const scan = scanTree([env.s.config.dataDir], secrets);
      assert.deepEqual(scan.hits, [], `${provider}: key forms in the data folder`);
      assert.equal(formHits(JSON.stringify(answers), secrets), 0, `${provider}: key forms in contract answers`);
      // The echoed keys did reach what is stored, and were taken out there.
      const scrubbed = links.filter((l) => l.raw_json?.includes('[redacted]')).length;
      assert.ok(scrubbed > 0, `${provider}: no stored payload shows a scrubbed echo`);
      summary.push(`${provider}: ${links.length} links, ${scrubbed} payloads scrubbed, ${scan.files} files scanned`);
    } finally {
      await proxy.close();
      await fake.close();
    }
  }
  console.log(
    `provider campaign (sync): ${PROVIDERS.length} providers × ${modes.length} hostile answers through sync.now, sync.import and account.test; 0 unsafe links, 0 paid, 0 keys stored (${summary.join('; ')})`,
  );
});
