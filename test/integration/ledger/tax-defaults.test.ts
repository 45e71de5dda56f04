/**
 * The default tax rate: set in the profile (or when a rate is created), used by every line that names no VAT —
 * through the contract and the CLI alike — with the category following from the rate unless an exemption is chosen.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kassa } from '../../helpers/cli';
import { customer, dumpLedger, expectError, ledgerServices } from './helpers';

const bare = (over: Record<string, unknown> = {}) => ({
  description: 'Design',
  quantity: '1',
  unitPrice: 10_000,
  ...over,
});

test('lines without taxRate/taxCategory get the default rate; without a default they are refused at the field', async () => {
  const { call, db } = await ledgerServices();
  const c = await customer(call);
  const before = dumpLedger(db);
  const e = await expectError(
    call('invoice.create', { customerId: c, lines: [bare()] }),
    'tax_rate_required',
    'lines.0.taxRate',
  );
  assert.match(e.message, /Line 1 names no tax rate/);
  assert.deepEqual(dumpLedger(db), before);

  // A Lagos freelancer: 7.5 %, the category follows (S), and it becomes the default.
  const vat = await call('taxRate.create', { name: 'VAT', rate: '7.5', makeDefault: true });
  assert.equal(vat.category, 'S');
  assert.equal((await call('profile.get', {})).defaultTaxRateId, vat.id);
  const d = await call('invoice.create', {
    customerId: c,
    lines: [
      bare(),
      bare({ taxRate: '0' }),
      bare({ taxCategory: 'E', exemptionReason: 'Training' }),
      bare({ taxRate: '14', taxCategory: 'S' }),
    ],
  });
  assert.deepEqual(
    d.lines.map((l) => [l.taxRate, l.taxCategory, l.exemptionReason ?? null]),
    [
      ['7.5', 'S', null],
      ['0', 'Z', null],
      ['0', 'E', 'Training'],
      ['14', 'S', null],
    ],
  );
  assert.equal(d.totals.tax, 750 + 1_400);
  // An exemption is only ever explicit, with its reason.
  await expectError(
    call('invoice.update', { id: d.id, lines: [bare({ taxCategory: 'E' })] }),
    'invalid_input',
    'lines.0.exemptionReason',
  );
  await expectError(
    call('invoice.create', { lines: [bare({ taxRate: '5', taxCategory: 'Z' })] }),
    'invalid_input',
    'lines.0.taxRate',
  );
});

test('the default cannot be archived, and an archived rate cannot become the default', async () => {
  const { call } = await ledgerServices();
  const a = await call('taxRate.create', { name: 'Standard', rate: '14', makeDefault: true });
  const b = await call('taxRate.create', { name: 'Old', rate: '10' });
  await expectError(call('taxRate.update', { id: a.id, archived: true }), 'tax_rate_is_default', 'archived');
  await call('taxRate.update', { id: b.id, archived: true });
  await expectError(call('profile.set', { defaultTaxRateId: b.id }), 'tax_rate_archived', 'defaultTaxRateId');
  await expectError(call('profile.set', { defaultTaxRateId: 'tax_doesnotexist' }), 'tax_rate_not_found');
  assert.equal((await call('profile.set', { defaultTaxRateId: null })).defaultTaxRateId, undefined);
  await call('taxRate.update', { id: a.id, archived: true });
});

test('CLI: kassa tax add --default, then invoice create with lines that name no tax', async () => {
  const { s, call } = await ledgerServices();
  const c = await customer(call);
  s.close();
  const dir = s.config.dataDir;
  const added = kassa(['--data-dir', dir, 'tax', 'add', '--name', 'VAT', '--rate', '7.5', '--default']);
  assert.equal(added.code, 0, added.stderr);
  assert.equal((JSON.parse(added.stdout) as { category: string }).category, 'S');
  const created = kassa([
    '--data-dir',
    dir,
    'invoice',
    'create',
    '--data',
    JSON.stringify({
      customerId: c,
      currency: 'NGN',
      lines: [{ description: 'Logo design', quantity: '1', unitPrice: 5_000_000 }],
    }),
  ]);
  assert.equal(created.code, 0, created.stderr);
  const inv = JSON.parse(created.stdout) as {
    lines: Array<{ taxRate: string; taxCategory: string }>;
    totals: { tax: number };
  };
  assert.deepEqual([inv.lines[0]?.taxRate, inv.lines[0]?.taxCategory], ['7.5', 'S']);
  assert.equal(inv.totals.tax, 375_000);
  const listed = kassa(['--data-dir', dir, 'tax', 'list']);
  assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 1);
});
