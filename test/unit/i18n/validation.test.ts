/**
 * Validation messages come from the contract's own schemas: each zod issue becomes a catalogue message with the
 * field's label, in every language; every field of every contract input has a label.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api } from '../../../shared/api';
import { invoiceCreateInput } from '../../../shared/contract/invoices';
import { fieldLabel, validate } from '../../../shared/contract/validation';
import { englishMessage } from '../../../shared/i18n/english';
import { createTranslator } from '../../../shared/i18n/catalogue';

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: Array<{ _zod: { def: Def } }>;
  valueType?: { _zod: { def: Def } };
}

/** Every leaf field path of a schema (list items as "0"). */
function leafPaths(def: Def, path: string[], out: Set<string>): Set<string> {
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape ?? {})) leafPaths(v._zod.def, [...path, k], out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      leafPaths(def.innerType!._zod.def, path, out);
      break;
    case 'pipe':
      leafPaths(def.in!._zod.def, path, out);
      break;
    case 'array':
      leafPaths(def.element!._zod.def, [...path, '0'], out);
      break;
    case 'record':
      leafPaths(def.valueType!._zod.def, [...path, 'anyKey'], out);
      break;
    case 'union':
      for (const o of def.options ?? []) leafPaths(o._zod.def, path, out);
      break;
    default:
      out.add(path.join('.'));
  }
  return out;
}

test('every field of every contract input has a label in the catalogue', () => {
  const paths = new Set<string>();
  for (const spec of Object.values(api))
    leafPaths((spec.input as unknown as { _zod: { def: Def } })._zod.def, [], paths);
  assert.ok(paths.size > 50, `walked ${paths.size} fields`);
  const unlabelled = [...paths].filter(
    (p) => fieldLabel(p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))).key === 'field.named',
  );
  // A record's values (e.g. account settings) are named by their own key, which is data.
  assert.deepEqual(
    unlabelled.filter((p) => !p.includes('anyKey')),
    [],
  );
});

test('zod issues become catalogue messages with the field label, in each language', () => {
  const r = validate(invoiceCreateInput, {
    currency: 'EUR',
    lines: [
      { description: 'ok', quantity: '1', unitPrice: 100, taxRate: '14', taxCategory: 'S' },
      { description: 'bad', quantity: '1.2345', unitPrice: 100, taxRate: '14', taxCategory: 'S' },
    ],
  });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.field, 'lines.1.quantity');
  assert.deepEqual(r.problem, { key: 'validation.quantity', params: { field: { key: 'field.lines.quantity' } } });
  assert.equal(
    englishMessage(r.problem),
    'quantity must be a positive decimal with at most 3 decimal places (e.g. "1.5").',
  );
  assert.equal(
    createTranslator({ language: 'es' }).message(r.problem),
    '«cantidad» debe ser un decimal positivo con 3 decimales como máximo (p. ej., "1.5").',
  );
  assert.match(
    createTranslator({ language: 'ar' }).message(r.problem),
    /^يجب أن يكون «\u2068الكمية\u2069» رقمًا عشريًا موجبًا/,
  );
});

test('limits and rule params travel with the message; the refused input never does', () => {
  const long = validate(api['customer.create'].input, { name: 'x'.repeat(201), phone: '+20 1' });
  assert.equal(long.ok, false);
  if (long.ok) return;
  assert.equal(englishMessage(long.problem), 'name is too long (at most 200 characters).');
  assert.ok(!JSON.stringify(long.problem).includes('xxx'), 'the input is not echoed');
  const rule = validate(api['invoice.create'].input, {
    lines: [{ description: 'x', quantity: '1', unitPrice: 1, taxRate: '0', taxCategory: 'E' }],
  });
  assert.equal(!rule.ok && englishMessage(rule.problem), 'Category E requires an exemption reason (EN 16931).');
  assert.equal(!rule.ok && rule.field, 'lines.0.exemptionReason');
  const missing = validate(api['invoice.get'].input, {});
  assert.equal(!missing.ok && englishMessage(missing.problem), 'id is required.');
  const unknown = validate(api['invoice.get'].input, { id: 'inv_abcdefgh', extra: 1 });
  assert.equal(!unknown.ok && englishMessage(unknown.problem), 'Unknown field: extra.');
});
