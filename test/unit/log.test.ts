import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createFileLogger, redact } from '../../main/log';
import { tempDir } from '../helpers/tmp';

test('secrets and personal data are redacted before writing', () => {
  const out = JSON.stringify(
    redact({
      headers: { Authorization: 'Bearer sk_live_abc', 'Request-Signature': 'deadbeef' },
      url: 'https://api.example/invoices?api_key=sk_123&limit=1',
      customer: { name: 'Ada', email: 'ada@example.com' },
      invoiceId: 'inv_1',
      message: 'failed with Basic c2tfdGVzdDo=',
    }),
  );
  for (const leak of ['sk_live_abc', 'deadbeef', 'sk_123', 'Ada', 'ada@example.com', 'c2tfdGVzdDo='])
    assert.ok(!out.includes(leak), leak);
  assert.ok(out.includes('inv_1'));
  assert.ok(out.includes('limit=1'));
});

test('the log file rotates by size and keeps a bounded number of files', () => {
  const dir = tempDir();
  const log = createFileLogger({ dir, maxBytes: 2000, keep: 3 });
  for (let i = 0; i < 200; i++) log.info('tick', { i, pad: 'x'.repeat(50) });
  const files = fs.readdirSync(dir).sort();
  assert.deepEqual(files, ['kassa.log', 'kassa.log.1', 'kassa.log.2', 'kassa.log.3']);
  for (const f of files) assert.ok(fs.statSync(path.join(dir, f)).size <= 2000);
  const last = fs.readFileSync(path.join(dir, 'kassa.log'), 'utf8').trim().split('\n').pop() ?? '';
  assert.equal(JSON.parse(last).i, 199);
});
