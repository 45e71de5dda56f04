/**
 * The main process finds a method's contract and handlers by its domain (main/handlers/domains.ts) so that it loads
 * only what a call needs; here every method of shared/api.ts is found that way, as the same entry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, methodNames } from '../../shared/api';
import { DOMAINS, domainOf, methodSpec } from '../../main/handlers/domains';

test('every contract method is found in the domain its name points to, as the same entry', () => {
  assert.ok(methodNames.length > 50, `${methodNames.length} methods`);
  for (const name of methodNames) {
    const d = domainOf(name);
    assert.ok(d, `${name} has a domain`);
    assert.equal(methodSpec(name), api[name], name);
    assert.ok(Object.prototype.hasOwnProperty.call(DOMAINS[d].methods(), name), `${name} is in ${d}`);
  }
  // And nothing else: the domains hold no method the contract lacks.
  const all = Object.values(DOMAINS).flatMap((d) => Object.keys(d.methods()));
  assert.deepEqual([...all].sort(), [...methodNames].sort());
});

test('names that are no method have no contract entry, prototype tricks included', () => {
  for (const name of [
    '',
    'nope',
    'nope.list',
    'invoice.nope',
    '__proto__',
    '__proto__.x',
    'constructor.x',
    'invoice.',
  ]) {
    assert.equal(methodSpec(name), undefined, name);
  }
  assert.equal(domainOf('toString.x'), undefined);
});
