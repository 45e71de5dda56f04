/**
 * For every provider: a status string the provider's table does not know is mapped to "unknown" (null) and kept
 * raw — never to paid — whatever the string (property test over random strings, plus near-misses of "paid").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ProviderId } from '../../../shared/domain';
import { kashierToRemote } from '../../../main/providers/kashier/map';
import { kashioToRemote } from '../../../main/providers/kashio/map';
import { kaspaToRemote } from '../../../main/providers/kaspa/map';
import { paycashlessToRemote } from '../../../main/providers/paycashless/map';
import { simplecashToRemote } from '../../../main/providers/simplecash/map';
import type { RemoteInvoice } from '../../../main/providers/types';

type Status = RemoteInvoice['status'];

/** Each provider's documented (or, for SimpleCash, guessed) table, and how it compares strings. */
const TABLES: Record<
  ProviderId,
  { normalise: (s: string) => string; table: Record<string, Status>; map: (s: string) => Status }
> = {
  kashio: {
    normalise: (s) => s.trim().toLowerCase(),
    table: { new: 'issued', pending: 'issued', paid: 'paid', expired: 'expired', voided: 'cancelled' },
    map: (s) => kashioToRemote({ id: 'inv_1', status: s, currency: 'PEN', amount: 10 })!.status,
  },
  kashier: {
    // paymentStatus decides "paid"; the state only matters for unpaid invoices.
    normalise: (s) => s,
    table: { paid: 'paid', unpaid: 'issued' },
    map: (s) => kashierToRemote({ paymentRequestId: 'INV-1', paymentStatus: s, state: 'submitted' }, 'test')!.status,
  },
  paycashless: {
    normalise: (s) => s,
    table: { draft: 'draft', open: 'issued', partially_paid: 'partially_paid', paid: 'paid', cancelled: 'cancelled' },
    map: (s) => paycashlessToRemote({ id: 'inv_1', status: s })!.status,
  },
  kaspa: {
    normalise: (s) => s.toLowerCase(),
    table: { draft: 'draft', pending: 'issued', overdue: 'issued', paid: 'paid', cancelled: 'cancelled' },
    map: (s) => kaspaToRemote({ id: 'INV-2026-ABC123', status: s }, 'https://kaspa-invoices.com')!.status,
  },
  simplecash: {
    normalise: (s) => s.trim().toLowerCase(),
    table: { paid: 'paid', expired: 'expired', pending: 'issued' },
    map: (s) => simplecashToRemote({ uid: 'abcdef0123456789', status: s })!.status,
  },
};

const NEAR_PAID = [
  'PAID',
  'Paid',
  ' paid ',
  'paid.',
  'payed',
  'unpaid',
  'prepaid',
  'partially paid',
  'paid_out',
  'PAID\n',
  'païd',
  'ｐａｉｄ',
  'paid ',
  'refunded',
  'confirmed',
  '',
];

const statusString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(...NEAR_PAID),
  fc
    .constantFrom('paid', 'open', 'new', 'pending', 'expired', 'voided', 'overdue', 'draft', 'cancelled')
    .chain((w) =>
      fc
        .tuple(fc.constantFrom('', ' ', '-', 'x'), fc.boolean())
        .map(([pad, upper]) => (upper ? w.toUpperCase() : w) + pad),
    ),
);

for (const [provider, t] of Object.entries(TABLES) as Array<[ProviderId, (typeof TABLES)[ProviderId]]>) {
  test(`${provider}: a status outside its table is unknown (null), never paid`, () => {
    fc.assert(
      fc.property(statusString, (s) => {
        const got = t.map(s);
        const key = t.normalise(s);
        const want = Object.hasOwn(t.table, key) ? (t.table[key] ?? null) : null;
        assert.equal(got, want, JSON.stringify(s));
        if (got === 'paid') assert.equal(t.normalise(s), 'paid');
      }),
      { numRuns: 3000 },
    );
    for (const s of NEAR_PAID) if (t.normalise(s) !== 'paid') assert.notEqual(t.map(s), 'paid', JSON.stringify(s));
  });
}
