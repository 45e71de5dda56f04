/**
 * Builders for provider tests: ledger invoices with real totals (computeTotals), provider accounts, adapter deps
 * pointed at a simulator, and a logger that keeps every field UNREDACTED so tests can prove that no secret was
 * ever handed to the logger in the first place.
 */
import assert from 'node:assert/strict';
import type { AccountMode, Invoice, LineItem, ProviderAccount, ProviderId } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { computeTotals } from '../../shared/totals';
import type { Logger } from '../../main/log';
import type { AdapterDeps, HttpTuning, WriteOutcome } from '../../main/providers/types';

export function makeInvoice(over: Partial<Invoice> & { lines?: LineItem[] } = {}): Invoice {
  const lines: LineItem[] = over.lines ?? [
    { description: 'Consulting', quantity: '2', unitPrice: 15_000, taxRate: '14', taxCategory: 'S' },
    { description: 'Travel', quantity: '1.5', unitPrice: 3_333, discount: 100, taxRate: '14', taxCategory: 'S' },
  ];
  const discount = over.discount ?? null;
  const totals = computeTotals(lines, discount);
  const now = '2026-03-01T10:00:00.000Z';
  return {
    id: 'inv_ledger_0001',
    kind: 'invoice',
    number: 'INV-2026-0042',
    series: 'INV',
    status: 'issued',
    overdue: false,
    customerId: 'cus_1',
    customer: {
      name: 'Nadia Customer',
      email: 'nadia@example.com',
      phone: '+201001234567',
      address: { line1: '1 Nile St', city: 'Cairo', country: 'EG' },
    },
    currency: 'EGP',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    paid: 0,
    refunded: 0,
    balance: totals.total,
    correctsInvoiceId: null,
    links: [],
    createdAt: now,
    updatedAt: now,
    issuedAt: now,
    ...over,
    lines,
    discount,
    totals,
  };
}

export function makeAccount(
  provider: ProviderId,
  opts: { baseUrl?: string | null; mode?: AccountMode; settings?: Record<string, string>; id?: string } = {},
): ProviderAccount {
  return {
    id: opts.id ?? `acct_${provider}_${Math.random().toString(36).slice(2, 8)}`,
    provider,
    name: `${provider} test account`,
    mode: opts.mode ?? 'test',
    baseUrl: opts.baseUrl ?? null,
    settings: opts.settings ?? {},
    secretsSet: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export interface RawLine {
  level: string;
  event: string;
  fields: Record<string, unknown>;
}

/** Keeps fields exactly as passed (no redaction), so a test can scan for secrets the code should never log. */
export function rawLogger(): Logger & { lines: RawLine[]; text(): string } {
  const lines: RawLine[] = [];
  const write = (level: string) => (event: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, event, fields: fields ?? {} });
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    text: () => JSON.stringify(lines),
  };
}

/**
 * Test tuning: recorded sleeps that return at once and jitter pinned to its maximum. The default timeout is
 * generous so a loaded CI machine never turns an ordinary request into a timeout; fault tests that need a
 * timeout set a short one explicitly.
 */
/**
 * Runs `call`, which meets a 429 asking to wait `askedMs` from now, and asserts that the adapter slept what was
 * asked. It counts the wait from the 429 on the real clock, so what passed before it sleeps — at most the call's own
 * time, which grows on a loaded machine — is taken off; it never sleeps longer.
 */
export async function assertHonoursWait(
  tuning: { sleeps: number[] },
  askedMs: number,
  call: () => Promise<unknown>,
): Promise<void> {
  const before = tuning.sleeps.length;
  const t0 = performance.now();
  await call();
  const callMs = performance.now() - t0;
  const slept = tuning.sleeps.slice(before);
  assert.ok(
    slept.some((ms) => ms <= askedMs && ms >= askedMs - Math.max(100, callMs)),
    JSON.stringify({ askedMs, slept, callMs: Math.round(callMs) }),
  );
}

export function fastTuning(over: Partial<HttpTuning> = {}): HttpTuning & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    timeoutMs: 10_000,
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    random: () => 0.999,
    sleep: async (ms: number) => void sleeps.push(ms),
    ...over,
    sleeps,
  };
}

export function makeDeps(
  account: ProviderAccount,
  secrets: Record<string, string>,
  over: Partial<AdapterDeps> = {},
): AdapterDeps & { log: ReturnType<typeof rawLogger> } {
  const log = rawLogger();
  return {
    account,
    secrets: async () => ({ ...secrets }),
    fetch: globalThis.fetch,
    now: () => new Date(),
    http: fastTuning(),
    ...over,
    log,
  };
}

/** The value of an `ok` write outcome; fails the test (showing the outcome) otherwise. */
export function okValue<T>(out: WriteOutcome<T>): T {
  assert.equal(out.outcome, 'ok', JSON.stringify(out));
  if (out.outcome !== 'ok') throw new Error('unreachable');
  return out.value;
}

/** Awaits a rejection that must be a KassaError; its texts are added to `seen` for the final leak scan. */
export async function rejectsWith(p: Promise<unknown>, seen: string[]): Promise<KassaError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof KassaError, String(e));
    seen.push(JSON.stringify(e.toBody()), e.message);
    return e;
  }
  assert.fail('expected a rejection');
}
