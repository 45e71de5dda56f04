/**
 * One descriptor per provider: the main-process registry and the shared (renderer-visible) list agree, every
 * provider names its fields and capabilities, and account validation reads them (no provider spelled out elsewhere).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROVIDER_IDS } from '../../../shared/domain';
import { PROVIDERS, fieldLabel, insteadMessage, providerName, secretFieldNames } from '../../../shared/providers';
import { DESCRIPTORS } from '../../../main/providers/registry';
import { validateSecrets, validateSettings } from '../../../main/accounts/validate';
import { englishText } from '../../../shared/i18n/english';
import { projectRoot } from '../../../main/native/bindings';

test('the registry and the shared list hold the same descriptors for every provider id', () => {
  assert.deepEqual(Object.keys(DESCRIPTORS).sort(), [...PROVIDER_IDS].sort());
  assert.deepEqual(Object.keys(PROVIDERS).sort(), [...PROVIDER_IDS].sort());
  for (const id of PROVIDER_IDS) {
    const d = DESCRIPTORS[id];
    assert.equal(d.info, PROVIDERS[id], `${id}: the main descriptor extends the very object the renderer sees`);
    assert.equal(d.info.id, id);
    assert.ok(d.info.displayName.length > 1);
    assert.ok(
      d.info.secretFields.some((f) => f.required),
      `${id} needs at least one key`,
    );
    // Every operation the provider lacks that a person might want says what to do instead, and vice versa.
    for (const op of ['cancel', 'markPaid', 'delete', 'share'] as const) {
      const has = d.info.capabilities.operations.includes(op);
      assert.equal(d.info.instead[op] === undefined, has, `${id}.${op}: instead advice iff unsupported`);
      if (!has) {
        const m = insteadMessage(d.info.instead[op]!, id);
        assert.ok(
          englishText(m.key, m.params).includes(d.info.displayName) ||
            m.key.endsWith('send_link_yourself') ||
            m.key.endsWith('cancel_instead'),
        );
      }
    }
    assert.equal(
      d.info.capabilities.lookupRoute !== null,
      d.info.capabilities.operations.includes('lookupByReference'),
    );
    // The codec round-trips our numbers.
    for (const n of ['INV-2026-0042', 'INV-2026-0001', 'INV-1999-123456'])
      assert.equal(d.reference.decode(d.reference.encode(n)), n);
  }
  assert.equal(providerName('kaspa'), 'Kaspa Living Invoices');
  assert.equal(providerName('unknown-provider'), 'unknown-provider');
  assert.equal(fieldLabel('simplecash', 'apiKey'), 'Store API key');
  assert.deepEqual(secretFieldNames('paycashless'), {
    required: ['apiKey', 'apiSecret'],
    optional: [],
    all: ['apiKey', 'apiSecret'],
  });
});

test('account validation follows the field descriptors: pattern, required, currency the provider takes', () => {
  assert.throws(() => validateSettings('kashier', { merchantId: 'MID 1' }), {
    code: 'merchant_id_invalid',
    field: 'settings.merchantId',
  });
  assert.throws(() => validateSettings('kashier', {}), { code: 'setting_required', field: 'settings.merchantId' });
  assert.deepEqual(validateSettings('kaspa', { defaultCurrency: 'usd' }), { defaultCurrency: 'USD' });
  assert.throws(() => validateSettings('kaspa', { defaultCurrency: 'EUR' }), {
    code: 'currency_not_supported',
    field: 'settings.defaultCurrency',
  });
  assert.deepEqual(validateSettings('kashio', { defaultCurrency: 'pen' }), { defaultCurrency: 'PEN' });
  assert.throws(() => validateSettings('simplecash', { merchantId: 'MID-1' }), { code: 'unknown_setting' });
  assert.throws(() => validateSecrets('simplecash', {}, { requireAll: true }), { code: 'secret_required' });
  assert.deepEqual(validateSecrets('kashier', { secretKey: ' k ', paymentApiKey: '' }, { requireAll: true }), {
    secretKey: 'k',
  });
});

test('a provider is one folder and one line: its id is spelled nowhere else in main/, shared/ or the renderer', () => {
  const root = projectRoot();
  const ID = new RegExp(`['"\`](${PROVIDER_IDS.join('|')})['"\`]`);
  // The list itself, each provider's own files, the registry's one line each, migrations (history, not logic),
  // and the add-account form's initial choice.
  const allowed = [
    /^shared\/domain\.ts$/,
    /^shared\/providers\//,
    /^main\/providers\/(kashier|kashio|kaspa|paycashless|simplecash)\//,
    /^main\/providers\/registry\.ts$/,
    /^main\/ledger\/migrations\//,
    /^renderer\/src\/screens\/SettingsScreen\.tsx$/,
  ];
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(e.name) && !allowed.some((a) => a.test(rel))) {
        const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
        lines.forEach((l, i) => {
          if (ID.test(l)) offenders.push(`${rel}:${i + 1}: ${l.trim()}`);
        });
      }
    }
  };
  for (const dir of ['main', 'shared', 'renderer/src']) walk(dir);
  assert.deepEqual(offenders, []);
});
