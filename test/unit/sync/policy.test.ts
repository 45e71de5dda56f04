/** Pure sync policy: retry back-off, failure classes, lease owners, reference keys, import mapping. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { test } from 'node:test';
import type { ErrorBody } from '../../../shared/errors';
import { encodeKashierReference } from '../../../main/providers/kashier/reference';
import type { RemoteInvoice } from '../../../main/providers/types';
import { backoffMs } from '../../../main/sync/backoff';
import { classifyFailure } from '../../../main/sync/failures';
import { toExternalInvoice } from '../../../main/sync/import-map';
import { newLeaseOwner, ownerIsDead } from '../../../main/ledger/lease';
import { descriptorOf } from '../../../main/providers/registry';
import { computeTotals } from '../../../shared/totals';
import type { ProviderAccount } from '../../../shared/domain';

test('back-off: equal jitter between half the cap and the cap, doubling per failure, capped, never zero', () => {
  const p = { baseMs: 1_000, maxMs: 60_000 };
  assert.equal(
    backoffMs(p, 1, () => 0),
    500,
  );
  assert.equal(
    backoffMs(p, 1, () => 0.999999),
    1_000,
  );
  assert.equal(
    backoffMs(p, 3, () => 0),
    2_000,
  );
  assert.equal(
    backoffMs(p, 3, () => 0.999999),
    4_000,
  );
  assert.equal(
    backoffMs(p, 50, () => 0.999999),
    60_000,
  );
  assert.equal(
    backoffMs(p, 50, () => 0),
    30_000,
  );
  assert.equal(
    backoffMs({ baseMs: 0, maxMs: 0 }, 1, () => 0),
    1,
  );
  for (let n = 1; n < 40; n++) {
    const ms = backoffMs(p, n);
    assert.ok(ms >= Math.min(p.maxMs, p.baseMs * 2 ** (n - 1)) / 2 && ms <= p.maxMs, `${n}: ${ms}`);
  }
});

test('failure classes decide retry, pause or a person', () => {
  const b = (code: string, kind: ErrorBody['kind'] = 'provider', details?: Record<string, unknown>): ErrorBody => ({
    kind,
    code,
    message: 'x',
    ...(details ? { details } : {}),
  });
  assert.equal(classifyFailure(b('provider_unreachable')), 'offline');
  assert.equal(classifyFailure(b('provider_timeout')), 'offline');
  assert.equal(classifyFailure(b('outcome_unknown', 'provider', { reason: 'timeout' })), 'offline');
  assert.equal(classifyFailure(b('outcome_unknown', 'provider', { reason: 'connection_lost' })), 'offline');
  assert.equal(classifyFailure(b('outcome_unknown', 'provider', { reason: 'server_error' })), 'transient');
  assert.equal(classifyFailure(b('provider_rate_limited')), 'transient');
  assert.equal(classifyFailure(b('provider_malformed_response')), 'transient');
  assert.equal(classifyFailure(b('ledger_busy', 'io')), 'transient');
  assert.equal(classifyFailure(b('provider_auth_failed')), 'account');
  assert.equal(classifyFailure(b('secret_missing', 'refused')), 'account');
  assert.equal(classifyFailure(b('keychain_unavailable', 'keychain')), 'account');
  assert.equal(classifyFailure(b('provider_rejected')), 'permanent');
  assert.equal(classifyFailure(b('currency_not_supported', 'refused')), 'permanent');
  assert.equal(classifyFailure(b('provider_not_supported', 'refused')), 'permanent');
  assert.equal(classifyFailure(b('internal_error', 'internal')), 'permanent');
});

test('lease owners: this process is alive, a finished process is dead, other hosts are never judged', () => {
  const mine = newLeaseOwner();
  assert.match(
    mine,
    new RegExp(`^${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${process.pid}/[0-9a-f]{12}$`),
  );
  assert.equal(ownerIsDead(mine), false);
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const gone = Number(child.stdout);
  assert.ok(gone > 0);
  assert.equal(ownerIsDead(`${os.hostname()}/${gone}/abcdefabcdef`), true);
  assert.equal(ownerIsDead(`${os.hostname()}/${process.ppid}/abcdefabcdef`), false, 'the parent is alive');
  assert.equal(ownerIsDead(`another-host.example/${gone}/abcdefabcdef`), false);
  assert.equal(ownerIsDead('garbage'), false);
  assert.equal(ownerIsDead(`${os.hostname()}/-1/x`), false);
});

test('reference keys: Kashier references decode back to our number; foreign ones are not ours', () => {
  const decode = (p: 'kashier' | 'paycashless', ref: string) => descriptorOf(p).reference.decode(ref);
  assert.equal(decode('kashier', encodeKashierReference('INV-2026-0042')), 'INV-2026-0042');
  assert.equal(decode('kashier', '91'), null);
  assert.equal(decode('paycashless', 'INV-2026-0042'), 'INV-2026-0042');
  assert.equal(decode('paycashless', ''), null);
});

const account: ProviderAccount = {
  id: 'acc_test0001',
  provider: 'paycashless',
  name: 'P',
  mode: 'test',
  baseUrl: null,
  settings: {},
  secretsSet: {},
  createdAt: '',
  updatedAt: '',
};

function remote(over: Partial<RemoteInvoice>): RemoteInvoice {
  return {
    provider: 'paycashless',
    remoteId: 'inv_1',
    reference: 'R-1',
    ourNumber: 'R-1',
    remoteNumber: '000001',
    remoteStatus: 'open',
    status: 'issued',
    currency: 'NGN',
    total: 30_000,
    amountPaid: 0,
    customerName: 'Ada',
    customerEmail: null,
    issueDate: null,
    dueDate: '2026-04-01',
    paidAt: null,
    paymentUrl: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    // As the adapter normalises them (the mappers' tests read them out of real payloads).
    items: [
      { description: 'A', quantity: '2', unitPrice: 10_000 },
      { description: 'B', quantity: '1', unitPrice: 10_000 },
    ],
    raw: {},
    ...over,
  };
}

test('import mapping: the provider items when they add up exactly, else one line with the whole amount', () => {
  const o = { reference: 'R-1', today: '2026-03-10', paymentUrlObserved: false };
  const x = toExternalInvoice(account, remote({}), o);
  assert.deepEqual(
    x.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.taxCategory]),
    [
      ['A', '2', 10_000, 'O'],
      ['B', '1', 10_000, 'O'],
    ],
  );
  assert.equal(computeTotals(x.lines, null).total, 30_000);
  assert.equal(x.number, '000001');
  assert.equal(x.issueDate, '2026-03-02');
  assert.equal(x.dueDate, '2026-04-01');
  assert.equal(x.customer.name, 'Ada');
  // Kassa's own words are data: the provider on every line, worded where the invoice is shown.
  assert.ok(x.lines.every((l) => l.imported?.provider === 'Paycashless' && l.exemptionReason === undefined));

  // Tax on top at the provider: the items no longer add up, so one line carries the provider's total.
  const taxed = toExternalInvoice(account, remote({ total: 34_200 }), o);
  assert.equal(taxed.lines.length, 1);
  assert.equal(taxed.lines[0]!.unitPrice, 34_200);
  assert.deepEqual(taxed.lines[0]!.imported, { provider: 'Paycashless', number: '000001' });
  assert.equal(taxed.lines[0]!.description, '000001');
  assert.equal(computeTotals(taxed.lines, null).total, 34_200);

  // Odd inputs: no customer name, a due date before the creation date, a creation date in the future, a status.
  const odd = toExternalInvoice(
    account,
    remote({
      customerName: null,
      dueDate: '2026-01-01',
      createdAt: '2027-01-01T00:00:00Z',
      status: 'cancelled',
      items: null,
    }),
    o,
  );
  assert.equal(
    odd.customer.name,
    '',
    'no name of our own making: shown as "Unnamed customer" in the reader\'s language',
  );
  assert.equal(odd.issueDate, '2026-03-10');
  assert.equal(odd.dueDate, null);
  assert.equal(odd.status, 'cancelled');
  assert.equal(odd.lines.length, 1, 'a quantity with more than 3 decimals is not taken');

  assert.throws(() => toExternalInvoice(account, remote({ currency: null }), o), /no currency Kassa knows/);
  assert.throws(() => toExternalInvoice(account, remote({ total: 0 }), o), /no positive amount/);
});
