import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf, createAdapter, isProviderSupported } from '../../../main/providers/registry';
import { makeAccount, makeDeps } from '../../fakes/provider-fixtures';

test('Kashier and Paycashless have adapters with capabilities as data', () => {
  const k = createAdapter(makeDeps(makeAccount('kashier', { settings: { merchantId: 'MID-1' } }), {}));
  assert.equal(k.capabilities, capabilitiesOf('kashier'));
  assert.equal(typeof k.markPaid, 'function');
  assert.equal(typeof k.share, 'function');
  const p = createAdapter(makeDeps(makeAccount('paycashless'), {}));
  assert.equal(p.capabilities, capabilitiesOf('paycashless'));
  assert.equal(p.markPaid, undefined, 'Paycashless documents no mark-paid');
  assert.equal(p.delete, undefined);
  assert.equal(p.share, undefined);
  assert.equal(capabilitiesOf('kashier')?.paymentUrlObserved, true);
  assert.equal(capabilitiesOf('paycashless')?.paymentUrlObserved, false);
  // Every capability listed is an implemented method, and vice versa for the optional ones.
  for (const [name, a] of [
    ['kashier', k],
    ['paycashless', p],
  ] as const) {
    for (const op of ['cancel', 'markPaid', 'delete', 'share', 'paymentUrl', 'get'] as const) {
      assert.equal(a.capabilities.operations.includes(op), typeof a[op] === 'function', `${name}.${op}`);
    }
    assert.equal(a.capabilities.operations.includes('lookupByReference'), typeof a.findByReference === 'function');
  }
});

test('every provider has an adapter whose optional methods are exactly its capabilities', () => {
  const settings = { kashier: { merchantId: 'MID-1' } } as Record<string, Record<string, string>>;
  for (const provider of ['kashio', 'kashier', 'paycashless', 'kaspa', 'simplecash'] as const) {
    assert.equal(isProviderSupported(provider), true, provider);
    const a = createAdapter(makeDeps(makeAccount(provider, { settings: settings[provider] ?? {} }), {}));
    assert.equal(a.capabilities, capabilitiesOf(provider));
    const ops = a.capabilities.operations;
    for (const op of ['get', 'cancel', 'markPaid', 'delete', 'share', 'paymentUrl'] as const)
      assert.equal(ops.includes(op), typeof a[op] === 'function', `${provider}.${op}`);
    assert.equal(ops.includes('lookupByReference'), typeof a.findByReference === 'function', `${provider}.lookup`);
    assert.equal(ops.includes('events'), typeof a.changesSince === 'function', `${provider}.events`);
  }
});

test('an insecure base URL override is refused when the adapter is built', () => {
  assert.throws(
    () => createAdapter(makeDeps(makeAccount('paycashless', { baseUrl: 'http://sandbox.example.com' }), {})),
    { code: 'insecure_base_url' },
  );
});
