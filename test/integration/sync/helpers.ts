/**
 * Set-up for sync tests: real services on a temp data dir, a provider simulator over real HTTP on 127.0.0.1, an
 * account pointed at it, and invoices issued to that account. Timing is shortened (HTTP timeouts, back-offs, the
 * rate limiter) so fault scenarios run in seconds; the logic is the production one.
 */
import type { MethodInput } from '../../../shared/api';
import type { Invoice, ProviderId } from '../../../shared/domain';
import type { AppConfig } from '../../../main/config';
import { TokenBucketLimiter } from '../../../main/providers/rate-limit';
import type { HttpTuning } from '../../../main/providers/types';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import type { SecretStore } from '../../../main/secrets/store';
import type { Services } from '../../../main/services';
import type { SyncTuning } from '../../../main/sync/service';
import { decodeKashierReference } from '../../../main/providers/kashier/reference';
import { KASHIER_FAKE_KEYS, startKashierFake, type KashierFake } from '../../fakes/kashier';
import { KASHIO_FAKE_KEYS, startKashioFake, type KashioFake } from '../../fakes/kashio';
import { KASPA_FAKE_KEYS, startKaspaFake, type KaspaFake } from '../../fakes/kaspa';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake, type PaycashlessFake } from '../../fakes/paycashless';
import { SIMPLECASH_FAKE_KEYS, startSimplecashFake, type SimplecashFake } from '../../fakes/simplecash';
import { caller, testServices } from '../../helpers/services';

export type Call = ReturnType<typeof caller>;
export type Fake = KashierFake | PaycashlessFake | KashioFake | KaspaFake | SimplecashFake;

export function fastHttp(over: Partial<HttpTuning> = {}): HttpTuning {
  // Generous enough that a loaded machine does not turn ordinary requests into timeouts; slow-answer faults wait longer.
  return {
    timeoutMs: 1_500,
    maxAttempts: 3,
    baseDelayMs: 5,
    maxDelayMs: 20,
    maxRetryWaitMs: 2_000,
    limiter: new TokenBucketLimiter({ ratePerSecond: 10_000, burst: 10_000 }),
    ...over,
  };
}

export function fastSync(over: Partial<SyncTuning> = {}): SyncTuning {
  return {
    leaseMs: 10_000,
    // Long enough that a row backed off in one round is never retried within that same round, even on a loaded
    // machine; the next manual round ("Sync now") makes it due at once.
    retry: { baseMs: 2_000, maxMs: 4_000 },
    http: fastHttp(),
    health: { pauseAfter: 3, offlinePause: { baseMs: 20, maxMs: 50 }, accountPause: { baseMs: 20, maxMs: 50 } },
    ...over,
  };
}

export const SECRETS: Record<ProviderId, Record<string, string>> = {
  paycashless: { ...PAYCASHLESS_FAKE_KEYS.sandbox },
  kashier: { secretKey: KASHIER_FAKE_KEYS.test },
  kashio: { secretKey: KASHIO_FAKE_KEYS.test },
  kaspa: { apiKey: KASPA_FAKE_KEYS.key },
  simplecash: { apiKey: SIMPLECASH_FAKE_KEYS.key },
};

/** Every secret value the sync tests use, for leak scans. */
export const ALL_SECRETS = [
  PAYCASHLESS_FAKE_KEYS.sandbox.apiKey,
  PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret,
  KASHIER_FAKE_KEYS.test,
  KASHIO_FAKE_KEYS.test,
  KASPA_FAKE_KEYS.key,
  SIMPLECASH_FAKE_KEYS.key,
];

/** A currency each provider takes (Kaspa and SimpleCash: USD only). */
export const CURRENCY: Record<ProviderId, string> = {
  paycashless: 'USD',
  kashier: 'EGP',
  kashio: 'PEN',
  kaspa: 'USD',
  simplecash: 'USD',
};

/** The settings an account of each provider needs to talk to its simulator. */
export const SETTINGS: Record<ProviderId, Record<string, string>> = {
  paycashless: {},
  kashier: { merchantId: KASHIER_FAKE_KEYS.merchantId },
  kashio: {},
  kaspa: {},
  simplecash: {},
};

export interface SyncEnv {
  s: Services;
  call: Call;
  fake: Fake;
  provider: ProviderId;
  accountId: string;
  customerId: string;
  /** Issues `n` invoices to the account (each queues an outbox "create"). */
  issue(n: number, over?: Partial<MethodInput<'invoice.create'>>): Promise<Invoice[]>;
  outbox(): Array<{ id: number; invoice_id: string; op: string; state: string; attempts: number }>;
}

export async function startFake(provider: ProviderId): Promise<Fake> {
  switch (provider) {
    case 'paycashless':
      return startPaycashlessFake();
    case 'kashier':
      return startKashierFake();
    case 'kashio':
      return startKashioFake();
    case 'kaspa':
      return startKaspaFake();
    case 'simplecash':
      return startSimplecashFake();
  }
}

export async function syncEnv(
  provider: ProviderId,
  opts: {
    sync?: SyncTuning;
    secretStore?: SecretStore;
    /** The account's secrets, when not the simulator's default keys (e.g. a key with unusual characters). */
    secrets?: Record<string, string>;
    keychain?: boolean;
    fake?: Fake;
    config?: Partial<AppConfig>;
    accountName?: string;
  } = {},
): Promise<SyncEnv> {
  const fake = opts.fake ?? (await startFake(provider));
  // keychain: the real OS keychain (what child processes can read); otherwise secrets stay in memory.
  const secrets = opts.keychain ? {} : { secretStore: opts.secretStore ?? new MemorySecretStore() };
  const s = await testServices({ ...secrets, sync: opts.sync ?? fastSync(), ...(opts.config ?? {}) });
  const call = caller(s);
  const account = await call('account.add', {
    provider: provider as ProviderId,
    name: opts.accountName ?? `${provider} sync test`,
    mode: 'test',
    baseUrl: fake.url,
    settings: SETTINGS[provider],
    secrets: opts.secrets ?? SECRETS[provider],
  });
  const customerId = (await call('customer.create', { name: 'Nile Bakery', email: 'owner@nile-bakery.example' })).id;
  return {
    s,
    call,
    fake,
    provider,
    accountId: account.id,
    customerId,
    async issue(n, over = {}) {
      const out: Invoice[] = [];
      for (let i = 0; i < n; i++) {
        const d = await call('invoice.create', {
          customerId,
          currency: CURRENCY[provider],
          lines: [
            {
              description: `Consulting ${i + 1}`,
              quantity: '2',
              unitPrice: 12_500 + i,
              taxRate: '14',
              taxCategory: 'S',
            },
          ],
          ...over,
        });
        out.push(await call('invoice.issue', { id: d.id, accountId: account.id }));
      }
      return out;
    },
    outbox() {
      return s.ledger.db.prepare('SELECT id, invoice_id, op, state, attempts FROM outbox ORDER BY id').all() as Array<{
        id: number;
        invoice_id: string;
        op: string;
        state: string;
        attempts: number;
      }>;
    },
  };
}

/** Remote invoices at the fake carrying `reference` (Kashier: our number's numeric form). */
export function remoteCopies(env: Pick<SyncEnv, 'fake' | 'provider'>, reference: string): number {
  if (env.provider === 'paycashless')
    return (env.fake as PaycashlessFake).all().filter((r) => r.reference === reference).length;
  return (env.fake as KashierFake).all().filter((r) => r.invoiceReferenceId === reference).length;
}

/** The simulator's invoices for one of our invoice numbers, however the provider carries it. */
export function remoteOf(provider: ProviderId, fake: Fake, number: string): Array<Record<string, unknown>> {
  const all = (fake as { all(): Array<Record<string, unknown>> }).all();
  return all.filter((r) => {
    switch (provider) {
      case 'paycashless':
        return r.reference === number;
      case 'kashier':
        return typeof r.invoiceReferenceId === 'string' && decodeKashierReference(r.invoiceReferenceId) === number;
      case 'kashio':
        return r.invoice_id === number;
      case 'kaspa':
        return typeof r.notes === 'string' && r.notes.split('\n')[0] === `Invoice ${number}`;
      case 'simplecash':
        return r.name === `Invoice ${number}`;
    }
  });
}

/** The simulator's id of a remote invoice (for driving it: pay, expire). */
export function remoteIdOf(provider: ProviderId, r: Record<string, unknown>): string {
  const id = provider === 'kashier' ? r.paymentRequestId : provider === 'simplecash' ? r.uid : r.id;
  return String(id);
}

/** The provider's customer paid it in full. */
export function payAtProvider(provider: ProviderId, fake: Fake, remoteId: string): void {
  if (provider === 'simplecash') (fake as SimplecashFake).setStatus(remoteId, 'PAID');
  else (fake as KashierFake | PaycashlessFake | KashioFake | KaspaFake).markPaid(remoteId);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A pause between rounds (a manual round makes backed-off rows due anyway; this only lets the provider settle). */
export const RETRY_WAIT = 50;

/** Runs sync rounds until the outbox has nothing pending/unknown (or gives up after `maxRounds`). */
export async function syncUntilDrained(env: SyncEnv, maxRounds = 50): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    const r = await env.call('sync.now', { accountId: env.accountId, poll: false });
    if (r.remaining.pending + r.remaining.unknown === 0) return round;
    await sleep(30);
  }
  throw new Error(
    `outbox not drained after ${maxRounds} rounds: ${JSON.stringify(env.outbox().filter((r) => r.state !== 'done'))}`,
  );
}
