import assert from 'node:assert/strict';
import test from 'node:test';
import { createTranslator } from '../../../shared/i18n/catalogue';
import { remoteStatusParts, type RemoteStatusPart } from '../../../shared/providers/remote-status';

const shown = (parts: RemoteStatusPart[], language: 'en' | 'ar' | 'es'): string[] => {
  const tr = createTranslator({ language });
  return parts.map((p) => ('message' in p ? tr.message(p.message) : `raw:${p.raw}`));
};

test('Kashier statuses it documents are catalogue texts; undocumented values stay visible as they came', () => {
  assert.deepEqual(shown(remoteStatusParts('kashier', 'unpaid/submitted'), 'en'), ['unpaid', 'sent']);
  assert.deepEqual(shown(remoteStatusParts('kashier', 'paid/submitted'), 'ar'), ['مدفوعة', 'مُرسلة']);
  assert.deepEqual(shown(remoteStatusParts('kashier', 'unpaid/cancelled'), 'es'), ['sin pagar', 'anulada']);
  // An expired invoice's values are not documented: shown raw, next to what is known.
  assert.deepEqual(shown(remoteStatusParts('kashier', 'unpaid/expired'), 'en'), ['unpaid', 'raw:expired']);
  assert.deepEqual(shown(remoteStatusParts('kashier', 'refunded/'), 'en'), ['raw:refunded']);
  assert.deepEqual(shown(remoteStatusParts('kashier', 'odd'), 'en'), ['raw:odd']);
  // Prototype keys are data, not table entries.
  assert.deepEqual(shown(remoteStatusParts('kashier', 'constructor/toString'), 'en'), [
    'raw:constructor',
    'raw:toString',
  ]);
  // Other providers' statuses are theirs, shown as they came.
  assert.deepEqual(shown(remoteStatusParts('kaspa', 'OPEN'), 'en'), ['raw:OPEN']);
  assert.deepEqual(remoteStatusParts('kaspa', ''), []);
});
