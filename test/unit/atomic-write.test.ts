import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { replaceFileAtomic, writeFileAtomic, writeFileAtomicFrom } from '../../main/atomic-write';
import { tempDir } from '../helpers/tmp';

test('writeFileAtomic creates missing folders, replaces an existing file and leaves no temporary file', () => {
  const dir = tempDir();
  const file = path.join(dir, 'a', 'b', 'out.pdf');
  writeFileAtomic(file, 'first');
  writeFileAtomic(file, Buffer.from('second'));
  assert.equal(fs.readFileSync(file, 'utf8'), 'second');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['out.pdf']);
});

test('a writer that fails leaves the old file as it was and no temporary file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'export.csv');
  fs.writeFileSync(file, 'old');
  await assert.rejects(
    writeFileAtomicFrom(file, async (sink) => {
      sink.write('half a ');
      throw new Error('disk gone');
    }),
    /disk gone/,
  );
  assert.equal(fs.readFileSync(file, 'utf8'), 'old');
  assert.deepEqual(fs.readdirSync(dir), ['export.csv']);
  const rows = await writeFileAtomicFrom(file, async (sink) => {
    sink.write('a,b\n');
    sink.write(Buffer.from('1,2\n'));
    return 1;
  });
  assert.equal(rows, 1);
  assert.equal(fs.readFileSync(file, 'utf8'), 'a,b\n1,2\n');
});

test('replaceFileAtomic lets a library write by path, and puts the file in place only when it succeeds', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'backup.db');
  let seen = '';
  await replaceFileAtomic(file, async (tmp) => {
    seen = tmp;
    assert.equal(path.dirname(tmp), dir, 'the temporary file is in the target folder (same file system)');
    assert.equal(fs.existsSync(file), false, 'nothing under the real name while it is written');
    fs.appendFileSync(tmp, 'pages');
  });
  assert.equal(fs.readFileSync(file, 'utf8'), 'pages');
  assert.equal(fs.existsSync(seen), false);
  await assert.rejects(
    replaceFileAtomic(path.join(dir, 'broken.db'), async (tmp) => {
      fs.appendFileSync(tmp, 'partial');
      throw new Error('backup aborted');
    }),
    /backup aborted/,
  );
  assert.deepEqual(fs.readdirSync(dir), ['backup.db']);
});
