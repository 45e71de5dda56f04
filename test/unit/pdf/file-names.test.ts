import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileNamer, baseFileName } from '../../../main/pdf/file-names';

describe('PDF file names', () => {
  it('uses the invoice number, or draft-<id> for drafts', () => {
    assert.equal(baseFileName({ id: 'inv_abc123', number: 'INV-2026-0001' }), 'INV-2026-0001');
    assert.equal(baseFileName({ id: 'inv_abc123', number: null }), 'draft-inv_abc123');
  });

  it('replaces characters that are unsafe in file names and refuses reserved or empty names', () => {
    assert.equal(baseFileName({ id: 'inv_1', number: 'A/B\\C:D*?"<>|2026 1' }), 'A_B_C_D_2026_1');
    assert.equal(baseFileName({ id: 'inv_1', number: '../../etc/passwd' }), 'etc_passwd');
    assert.equal(baseFileName({ id: 'inv_1', number: '...' }), 'invoice-inv_1');
    assert.equal(baseFileName({ id: 'inv_1', number: 'CON' }), 'invoice-inv_1');
  });

  it('never hands out the same name twice in one export (case-insensitively), and is stable for the same order', () => {
    const names = (): string[] => {
      const n = new FileNamer();
      return [
        n.name({ id: 'inv_1', number: 'ext:1/7' }),
        n.name({ id: 'inv_2', number: 'ext:1_7' }),
        n.name({ id: 'inv_3', number: 'EXT_1_7' }),
        n.name({ id: 'inv_4', number: 'INV-1' }),
      ];
    };
    const a = names();
    assert.deepEqual(a, ['ext_1_7.pdf', 'ext_1_7-inv_2.pdf', 'EXT_1_7-inv_3.pdf', 'INV-1.pdf']);
    assert.deepEqual(names(), a);
  });
});
