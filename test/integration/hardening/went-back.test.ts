/**
 * A ledger that went backwards stops numbering until the user decides: an older copy put back (as a lost WAL
 * leaves it), an emptied file beside earlier backups. The marks live outside the database (backups folder).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { CheckReport } from '../../../shared/contract/ledger';
import { cliCustomerLedger, kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';

async function shop() {
  const data = path.join(tempDir(), 'data');
  return { data, ...(await shop2(['--data-dir', data])), db: path.join(data, 'kassa.db') };
}

/** A customer in the ledger of `d`, and a way to issue an invoice to them. */
async function shop2(d: string[]) {
  const { issue } = await cliCustomerLedger(d);
  const number = (r: { stdout: string }) => (JSON.parse(r.stdout) as { number: string }).number;
  return { d, issue, number };
}

test('the ledger put back as it was before the last commits (a lost WAL, an older copy): numbering stops until accepted', async () => {
  const { d, issue, number, db } = await shop();
  for (let i = 0; i < 3; i++) assert.equal((await issue()).code, 0);
  const before = fs.readFileSync(db);
  const fourth = await issue();
  const fifth = await issue();
  assert.deepEqual(
    [number(fourth), number(fifth)].map((n) => n.slice(-4)),
    ['0004', '0005'],
  );
  // The file as it was before INV-…-0004 and -0005 were committed; their WAL frames are gone.
  for (const s of ['-wal', '-shm']) fs.rmSync(`${db}${s}`, { force: true });
  fs.writeFileSync(db, before);

  const refused = await issue();
  assert.equal(refused.code, 1, refused.stderr);
  assert.equal(refused.error?.code, 'ledger_went_back');
  assert.match(refused.error?.message ?? '', /next number is 4.*up to 5/);
  const check = await kassaInProcess(['check', ...d]);
  assert.equal(check.code, 1);
  const report = JSON.parse(check.stdout) as CheckReport;
  assert.ok(
    report.problems.some((p) => p.code === 'ledger_went_back'),
    check.stdout,
  );

  const accepted = await kassaInProcess(['series', 'accept-numbers', ...d]);
  assert.equal(accepted.code, 0, accepted.stderr);
  const again = await issue();
  assert.equal(again.code, 0, again.stderr);
  assert.equal(number(again).slice(-4), '0004');
  assert.equal((await kassaInProcess(['check', ...d])).code, 0);
});

test('restoring an older backup stops numbering too (its numbers were issued after it)', async () => {
  const { d, issue } = await shop();
  assert.equal((await issue()).code, 0);
  const b = await kassaInProcess(['backup', ...d]);
  const backup = (JSON.parse(b.stdout) as { file: string }).file;
  assert.equal((await issue()).code, 0);
  assert.equal((await kassaInProcess(['restore', backup, ...d])).code, 0);
  assert.equal((await issue()).error?.code, 'ledger_went_back');
});

for (const marks of ['kept', 'lost'] as const)
  test(`an empty ledger file beside earlier backups is not taken as a new ledger (high-water marks ${marks})`, async () => {
    const { data, d, issue, db } = await shop();
    assert.equal((await issue()).code, 0);
    assert.equal((await kassaInProcess(['backup', ...d])).code, 0);
    for (const s of ['-wal', '-shm']) fs.rmSync(`${db}${s}`, { force: true });
    fs.writeFileSync(db, '');
    if (marks === 'lost') fs.rmSync(path.join(data, 'backups', 'numbering-high-water.json'));
    const fresh = await shop2(d);
    const r = await fresh.issue();
    assert.equal(r.error?.code, 'ledger_went_back', r.stderr);
  });

test('a ledger that only moves forward is never stopped, and the marks are private and outside the database', async () => {
  const { data, issue } = await shop();
  for (let i = 0; i < 3; i++) assert.equal((await issue()).code, 0);
  const marks = path.join(data, 'backups', 'numbering-high-water.json');
  assert.equal(fs.statSync(marks).mode & 0o777, 0o600);
  const year = new Date().getUTCFullYear();
  assert.equal(
    (JSON.parse(fs.readFileSync(marks, 'utf8')) as { marks: Record<string, number> }).marks[`INV/${year}`],
    4,
  );
});
