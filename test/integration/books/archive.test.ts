/**
 * The bookkeeper's archive: `archive.start` / `kassa export period` write every issued document's PDF and XML, the CSV
 * journal, the VAT summary and a manifest (SHA-256 of each file, the record chain's head), into a .zip or a folder;
 * `archive.verify` / `kassa verify` check it without the ledger and name a changed PDF.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ArchiveStatus } from '../../../shared/contract/books';
import { verifyArchive } from '../../../main/books/verify';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { PAGE_CALLER } from '../../../main/handlers/types';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { customer, draft, issued, ledgerServices, type Call } from '../ledger/helpers';

async function finished(call: Call, start: ArchiveStatus): Promise<ArchiveStatus> {
  for (;;) {
    const st = await call('archive.status', { jobId: start.jobId });
    if (st.state !== 'running') return st;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function march() {
  const env = await ledgerServices('2026-04-03T10:00:00Z');
  const { call } = env;
  await call('profile.set', {
    name: 'Nile Bakery',
    vatId: 'EG123456789',
    address: { city: 'Cairo', country: 'EG' },
  });
  const c = await customer(call);
  const a = await issued(call, c, {}, { issueDate: '2026-03-02' });
  const b = await issued(call, c, { currency: 'EGP' }, { issueDate: '2026-03-05' });
  await call('invoice.credit', { id: a.id, issueDate: '2026-03-20' });
  const x = await issued(call, c, {}, { issueDate: '2026-03-21' });
  await call('invoice.cancel', { id: x.id });
  await issued(call, c, {}, { issueDate: '2026-04-01' });
  await draft(call, c, { issueDate: '2026-03-15' });
  await call('period.close', { period: '2026-03' });
  return { ...env, a, b };
}

const sha = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

describe('period archive', () => {
  it('zips PDFs, XML, journal, VAT summary and a manifest with each SHA-256 and the chain head; verify names a changed PDF', async () => {
    const { call, a } = await march();
    const dir = tempDir();
    const zip = path.join(dir, 'march.zip');
    const done = await finished(
      call,
      await call('archive.start', { from: '2026-03-01', to: '2026-03-31', format: 'xrechnung', out: zip }),
    );
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.total, 4, 'three invoices and a credit note; April and the draft are not in it');
    assert.equal(done.failed, 0);
    const record = await call('record.verify', {});
    assert.deepEqual(done.chainHead, { length: record.length, hash: record.head });
    assert.deepEqual(fs.readdirSync(dir), ['march.zip'], 'no staging folder or partial file left behind');

    const report = await verifyArchive(zip);
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.equal(report.files, 4 * 2 + 5);
    assert.deepEqual([report.from, report.to], ['2026-03-01', '2026-03-31']);
    assert.deepEqual(report.chainHead, done.chainHead);

    // One byte of one PDF changed inside the zip (PDFs are stored, not deflated): verify names that file.
    const bytes = fs.readFileSync(zip);
    const name = `pdf/${a.number}.pdf`;
    const at = bytes.indexOf(Buffer.from(name));
    assert.ok(at > 30, 'the entry is in the zip');
    const dataStart = at + name.length + bytes.readUInt16LE(at - 2);
    assert.equal(bytes.subarray(dataStart, dataStart + 5).toString(), '%PDF-');
    bytes[dataStart + 200] = bytes[dataStart + 200]! ^ 0x01;
    const tampered = path.join(dir, 'tampered.zip');
    fs.writeFileSync(tampered, bytes);
    const bad = await verifyArchive(tampered);
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.changed, [name]);
    assert.deepEqual([bad.missing, bad.unexpected, bad.error], [[], [], null]);
  });

  it('writes a folder; the manifest hashes are those of the files; a changed, missing or added file is named', async () => {
    const { call, b } = await march();
    const out = path.join(tempDir(), 'march');
    const done = await finished(call, await call('archive.start', { from: '2026-03-01', to: '2026-03-31', out }));
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      files: Array<{ path: string; sha256: string; bytes: number }>;
      xmlFormat: string;
      closedPeriods: string[];
    };
    assert.equal(manifest.xmlFormat, 'ubl');
    assert.deepEqual(manifest.closedPeriods, ['2026-03']);
    for (const f of manifest.files) {
      const buf = fs.readFileSync(path.join(out, f.path));
      assert.deepEqual([sha(buf), buf.length], [f.sha256, f.bytes], f.path);
    }
    assert.ok(manifest.files.some((f) => f.path === `xml/${b.number}.ubl.xml`));
    assert.match(fs.readFileSync(path.join(out, 'journal.csv'), 'utf8'), new RegExp(b.number!));
    const vat = JSON.parse(fs.readFileSync(path.join(out, 'vat-summary.json'), 'utf8')) as { documents: number };
    assert.equal(vat.documents, 3, 'the cancelled invoice is archived but in no VAT figure');

    fs.appendFileSync(path.join(out, 'pdf', `${b.number}.pdf`), ' ');
    fs.rmSync(path.join(out, 'vat-summary.csv'));
    fs.writeFileSync(path.join(out, 'extra.txt'), 'x');
    const r = await verifyArchive(out);
    assert.deepEqual(
      [r.ok, r.changed, r.missing, r.unexpected],
      [false, [`pdf/${b.number}.pdf`], ['vat-summary.csv'], ['extra.txt']],
    );
  });

  it('refuses to overwrite, keeps paths for the CLI, cancels cleanly, and reports an unreadable archive', async () => {
    const { s, call } = await march();
    const dir = tempDir();
    const zip = path.join(dir, 'a.zip');
    fs.writeFileSync(zip, 'not a zip');
    await assert.rejects(call('archive.start', { from: '2026-03-01', to: '2026-03-31', out: zip }), {
      code: 'archive_target_exists',
    });
    const r = await dispatch(
      buildHandlers(s),
      'archive.start',
      { from: '2026-03-01', to: '2026-03-31', out: path.join(dir, 'b.zip') },
      PAGE_CALLER,
    );
    assert.equal(!r.ok && r.error.code, 'path_not_allowed');
    const unreadable = await verifyArchive(zip);
    assert.equal(unreadable.ok, false);
    assert.equal(unreadable.error?.code, 'archive_unreadable');

    const start = await call('archive.start', { from: '2026-03-01', to: '2026-03-31', out: path.join(dir, 'c.zip') });
    const cancelled = await call('archive.cancel', { jobId: start.jobId });
    assert.equal(cancelled.state, 'cancelled');
    assert.deepEqual(fs.readdirSync(dir), ['a.zip'], 'nothing half-written');

    // The app's own archives go to <data dir>/exports and are listed there.
    const appStart = await dispatch(
      buildHandlers(s),
      'archive.start',
      { from: '2026-03-01', to: '2026-03-31' },
      PAGE_CALLER,
    );
    assert.ok(appStart.ok);
    const st = await finished(call, appStart.result as ArchiveStatus);
    assert.equal(st.state, 'done');
    const list = await call('archive.list', {});
    assert.equal(list.length, 1);
    assert.equal(list[0]!.file, st.target);
    const v = await dispatch(buildHandlers(s), 'archive.verify', { file: list[0]!.fileName }, PAGE_CALLER);
    assert.ok(v.ok && (v.result as { ok: boolean }).ok);
  });

  it('kassa export period … --out FILE.zip, then kassa verify FILE.zip on a machine without a ledger', () => {
    const dir = tempDir();
    const json = <T>(args: string[]): T => {
      const r = kassa([...args, '--data-dir', dir]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as T;
    };
    json([
      'profile',
      'set',
      '--data',
      JSON.stringify({ name: 'Atelier', vatId: 'FR40303265045', address: { country: 'FR' } }),
    ]);
    const c = json<{ id: string }>([
      'customer',
      'create',
      '--data',
      JSON.stringify({ name: 'Brasserie', address: { country: 'FR' } }),
    ]);
    for (const day of ['2025-01-10', '2025-01-20']) {
      const d = json<{ id: string }>([
        'invoice',
        'create',
        '--data',
        JSON.stringify({
          customerId: c.id,
          currency: 'EUR',
          lines: [{ description: 'Menu', quantity: '2', unitPrice: 1850, taxRate: '10', taxCategory: 'S' }],
        }),
      ]);
      json(['invoice', 'issue', d.id, '--date', day]);
    }
    const zip = path.join(dir, 'jan.zip');
    const r = kassa([
      'export',
      'period',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--out',
      zip,
      '--format',
      'facturx',
      '--data-dir',
      dir,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const status = JSON.parse(r.stdout) as ArchiveStatus;
    assert.deepEqual([status.state, status.total, status.format], ['done', 2, 'facturx']);
    assert.match(r.stderr, /"progress"/);

    const elsewhere = path.join(tempDir(), 'no-kassa-here');
    const env = { KASSA_DATA_DIR: elsewhere };
    const ok = kassa(['verify', zip], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { ok: boolean; files: number }).files, 2 * 2 + 5);
    assert.equal(fs.existsSync(elsewhere), false, 'verify needs no ledger and makes none');

    const bytes = fs.readFileSync(zip);
    const name = 'pdf/INV-2025-0001.pdf';
    const at = bytes.indexOf(Buffer.from(name));
    const start = at + name.length + bytes.readUInt16LE(at - 2);
    bytes[start + 300] = bytes[start + 300]! ^ 0x20;
    fs.writeFileSync(zip, bytes);
    const bad = kassa(['verify', zip], { env });
    assert.equal(bad.code, 1);
    const report = JSON.parse(bad.stdout.trim().split('\n')[0]!) as { changed: string[] };
    assert.deepEqual(report.changed, [name]);
    assert.match(bad.stderr, /archive_verify_failed/);
  });
});
