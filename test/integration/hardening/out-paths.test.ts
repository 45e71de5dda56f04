/**
 * `--out` writes to the path the user named: through a symbolic link to the file it names (the link stays), into a
 * device or a pipe as it is (a full device fails with a clear error and stays a device — it used to become a regular
 * file), and a folder or a database written to a device is refused with the reason.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliCustomerLedger, kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';

async function seeded(): Promise<{ dir: string; d: string[]; invoiceId: string }> {
  const dir = tempDir();
  const d = ['--data-dir', path.join(dir, 'data')];
  return { dir, d, invoiceId: await (await cliCustomerLedger(d)).draft() };
}

const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.part'));

test('--out through a symbolic link writes the file it names and keeps the link (also a dangling one)', async () => {
  const { dir, d, invoiceId } = await seeded();
  const real = path.join(dir, 'real.csv');
  fs.writeFileSync(real, 'old');
  const link = path.join(dir, 'link.csv');
  fs.symlinkSync('real.csv', link);
  const r = await kassaInProcess(['export', 'csv', '--what', 'invoices', '--out', link, ...d]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.match(fs.readFileSync(real, 'utf8'), /^number,|^\uFEFF?[a-z]/);
  assert.notEqual(fs.readFileSync(real, 'utf8'), 'old');

  const dangling = path.join(dir, 'to-be.pdf');
  fs.symlinkSync('made-by-kassa.pdf', dangling);
  const p = await kassaInProcess(['invoice', 'pdf', invoiceId, '--out', dangling, ...d]);
  assert.equal(p.code, 0, p.stderr);
  assert.ok(fs.lstatSync(dangling).isSymbolicLink());
  assert.equal(fs.readFileSync(path.join(dir, 'made-by-kassa.pdf')).subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(leftovers(dir), []);
});

test('--out to a device or a pipe writes into it; a full device fails clearly and stays a device', async () => {
  const { dir, d, invoiceId } = await seeded();
  // Copies of /dev/null and /dev/full made here (mknod): a regression must never be able to replace the machine's
  // own devices (a rename over /dev/null as root turns it into a regular file).
  const devNull = path.join(dir, 'null');
  const full = path.join(dir, 'full');
  const made =
    spawnSync('mknod', ['-m', '666', devNull, 'c', '1', '3']).status === 0 &&
    spawnSync('mknod', ['-m', '666', full, 'c', '1', '7']).status === 0;
  if (!made) {
    console.log('SKIPPED: mknod is not permitted here; the device cases did not run');
  } else {
    const ok = await kassaInProcess(['export', 'csv', '--what', 'invoices', '--out', devNull, ...d]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(fs.lstatSync(devNull).isCharacterDevice(), 'the null device is still a device');
    for (const args of [
      ['invoice', 'pdf', invoiceId, '--out', full],
      ['export', 'csv', '--what', 'lines', '--out', full],
    ]) {
      const r = await kassaInProcess([...args, ...d]);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.error?.message ?? '', /ENOSPC|no space/i);
      assert.ok(fs.lstatSync(full).isCharacterDevice(), `${args.join(' ')}: the device is still a device`);
    }
    const b = await kassaInProcess(['backup', '--out', devNull, ...d]);
    assert.equal(b.code, 1, b.stderr);
    assert.ok(fs.lstatSync(devNull).isCharacterDevice());
    assert.deepEqual(leftovers(dir), []);
  }

  // A named pipe: what the reader at the other end gets is the CSV.
  const fifo = path.join(dir, 'pipe');
  spawnSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo]);
  let got = '';
  reader.stdout.on('data', (c: Buffer) => (got += c.toString()));
  const ended = new Promise((resolve) => reader.on('close', resolve));
  const r = await kassaInProcess(['export', 'csv', '--what', 'invoices', '--out', fifo, ...d]);
  await ended;
  assert.equal(r.code, 0, r.stderr);
  assert.match(got, /number/);
  assert.ok(fs.lstatSync(fifo).isFIFO());
});

test('--out naming a folder is refused with the reason', async () => {
  const { dir, d, invoiceId } = await seeded();
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  const r = await kassaInProcess(['invoice', 'pdf', invoiceId, '--out', folder, ...d]);
  assert.notEqual(r.code, 0);
  assert.match(r.error?.message ?? '', /folder/);
  assert.ok(fs.statSync(folder).isDirectory());
});
