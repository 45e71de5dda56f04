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
  assert.deepEqual(capabilitiesOf('kashier')?.currencies, ['EGP', 'EUR', 'GBP', 'USD']);
  assert.deepEqual(capabilitiesOf('paycashless')?.currencies, ['NGN', 'USD']);
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

test('providers without an adapter yet are refused clearly', () => {
  for (const provider of ['kashio', 'kaspa', 'simplecash'] as const) {
    assert.equal(isProviderSupported(provider), false);
    assert.equal(capabilitiesOf(provider), null);
    assert.throws(() => createAdapter(makeDeps(makeAccount(provider), {})), {
      kind: 'refused',
      code: 'provider_not_supported',
    });
  }
});

test('an insecure base URL override is refused when the adapter is built', () => {
  assert.throws(
    () => createAdapter(makeDeps(makeAccount('paycashless', { baseUrl: 'http://sandbox.example.com' }), {})),
    { code: 'insecure_base_url' },
  );
});
