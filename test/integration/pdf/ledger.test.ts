/**
 * PDFs from a real ledger through the contract (pdf.render, pdf.preview, pdf.export, pdf.exportStatus,
 * pdf.cancelExport) and through the CLI (`kassa invoice pdf`, `kassa export pdf`).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { PAGE_CALLER } from '../../../main/handlers/types';
import { openLedger } from '../../../main/ledger/connection';
import { MemorySecretStore } from '../../../main/secrets';
import type { ProgressEvent } from '../../../shared/contract/app';
import type { PdfExportStatus } from '../../../shared/contract/pdf';
import { kassa } from '../../helpers/cli';
import { caller, testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { seedInvoices, seedProfile } from './seed';
import { attachment, attachments, hasWords, pdfInfo, pdfText, qpdfCheck } from './tools';

async function seededServices(invoices: number, spanDays: number) {
  const s = await testServices({ now: () => new Date('2025-06-01T12:00:00Z'), secretStore: new MemorySecretStore() });
  seedProfile(s.ledger.db);
  const seeded = seedInvoices(s.ledger.db, { invoices, firstDay: '2025-01-01', spanDays, draftEvery: 10 });
  return { s, call: caller(s), seeded };
}

function progressOf(s: Awaited<ReturnType<typeof testServices>>): ProgressEvent[] {
  const seen: ProgressEvent[] = [];
  s.events.subscribe((name, payload) => {
    if (name === 'progress') seen.push(payload as ProgressEvent);
  });
  return seen;
}

async function finished(call: ReturnType<typeof caller>, jobId: string, timeoutMs = 120_000): Promise<PdfExportStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const st = await call('pdf.exportStatus', { jobId });
    if (st.state !== 'running') return st;
    if (Date.now() > until) throw new Error(`export ${jobId} still running: ${JSON.stringify(st)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('pdf.render and pdf.preview', () => {
  it('write and return the stored invoice as PDF/A-3b with Factur-X matching the ledger totals', async () => {
    const { s, call, seeded } = await seededServices(12, 10);
    const target = seeded.issued[0] ?? assert.fail('nothing issued');
    const inv = await call('invoice.get', { id: target.id });
    const out = path.join(tempDir(), 'one.pdf');
    const r = await call('pdf.render', { id: target.id, file: out });
    assert.equal(r.file, out);
    assert.equal(r.bytes, fs.statSync(out).size);
    assert.deepEqual(r.facturX, { embedded: true, missing: [], gaps: [] });
    assert.ok(qpdfCheck(out).ok);
    const text = pdfText(out);
    assert.ok(text.includes(target.number));
    assert.ok(hasWords(text, inv.customer.name));
    assert.equal(pdfInfo(out).Author, 'Atelier Lumière & Co');
    assert.deepEqual(attachments(out), ['factur-x.xml']);
    const xml = attachment(out, 'factur-x.xml');
    assert.match(
      xml,
      new RegExp(`<ram:GrandTotalAmount>${(inv.totals.total / 100).toFixed(2)}</ram:GrandTotalAmount>`),
    );

    const p = await call('pdf.preview', { id: target.id });
    const bytes = Buffer.from(p.base64, 'base64');
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(p.bytes, bytes.length);
    assert.equal(p.fileName, `${target.number}.pdf`);
    assert.equal(p.pages, r.pages);
    void s;
  });

  it('a credit note names the invoice it corrects; a draft has no attachment', async () => {
    const { call, seeded } = await seededServices(60, 30);
    const list = await call('invoice.list', { kind: 'credit_note', sort: 'issueDate', order: 'asc', limit: 5 });
    const cn = list.items[0] ?? assert.fail('the seed makes credit notes');
    const corrected = await call('invoice.get', { id: cn.correctsInvoiceId ?? '' });
    const out = path.join(tempDir(), 'cn.pdf');
    await call('pdf.render', { id: cn.id, file: out });
    const text = pdfText(out);
    assert.ok(text.includes('CREDIT NOTE') && text.includes(corrected.number ?? '?'));
    assert.match(attachment(out, 'factur-x.xml'), /<ram:TypeCode>381<\/ram:TypeCode>/);

    const draftId = seeded.drafts[0] ?? assert.fail('the seed makes drafts');
    const d = await call('pdf.render', { id: draftId, file: path.join(tempDir(), 'draft.pdf') });
    assert.deepEqual(d.facturX, { embedded: false, missing: [], gaps: [] });
    assert.deepEqual(attachments(d.file), []);
  });

  it('only the CLI and tests may choose paths; the app writes into the data folder', async () => {
    const { s, seeded } = await seededServices(3, 2);
    const handlers = buildHandlers(s);
    const id = seeded.issued[0]?.id ?? '';
    const refused = await dispatch(handlers, 'pdf.render', { id, file: '/tmp/elsewhere.pdf' }, PAGE_CALLER);
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.code, 'path_not_allowed');
    const ok = await dispatch(handlers, 'pdf.render', { id }, PAGE_CALLER);
    assert.ok(ok.ok);
    if (ok.ok)
      assert.ok((ok.result as { file: string }).file.startsWith(path.join(s.config.dataDir, 'exports', 'pdf')));
    const exp = await dispatch(handlers, 'pdf.export', { outDir: '/tmp/x' }, PAGE_CALLER);
    assert.equal(exp.ok, false);
  });

  it('refuses unknown invoices and bad ranges with clear errors', async () => {
    const { call } = await seededServices(1, 1);
    await assert.rejects(
      call('pdf.render', { id: 'inv_doesnotexist' }),
      (e: { code: string }) => e.code === 'invoice_not_found',
    );
    await assert.rejects(
      call('pdf.export', { from: '2025-02-01', to: '2025-01-01' }),
      (e: { field?: string }) => e.field === 'from',
    );
    await assert.rejects(
      call('pdf.exportStatus', { jobId: '7d4f2a4e-1111-4222-8333-944455556666' }),
      (e: { code: string }) => e.code === 'export_job_not_found',
    );
  });
});

describe('pdf.export', () => {
  it('exports exactly the invoices issued in the range, one file each named by number, with progress events', async () => {
    const { s, call, seeded } = await seededServices(80, 40);
    const events = progressOf(s);
    const outDir = path.join(tempDir(), 'export');
    const from = '2025-01-11';
    const to = '2025-01-20';
    const started = await call('pdf.export', { from, to, outDir });
    assert.equal(started.state, 'running');
    const expected = seeded.issued
      .filter((i) => i.issueDate >= from && i.issueDate <= to)
      .map((i) => `${i.number}.pdf`);
    assert.equal(started.total, expected.length);
    const st = await finished(call, started.jobId);
    assert.equal(st.state, 'done', JSON.stringify(st));
    assert.deepEqual(fs.readdirSync(outDir).sort(), expected.sort());
    assert.equal(st.written, expected.length);
    assert.equal(st.failed, 0);
    for (const f of expected.slice(0, 3)) assert.ok(qpdfCheck(path.join(outDir, f)).ok, f);
    const mine = events.filter((e) => e.jobId === started.jobId);
    assert.ok(mine.length >= 2, 'a start and a final event at least');
    assert.equal(mine[mine.length - 1]?.finished, true);
    assert.equal(mine[mine.length - 1]?.done, expected.length);
    assert.ok(
      mine.every((e, i) => i === 0 || e.done >= (mine[i - 1]?.done ?? 0)),
      'progress never goes back',
    );
  });

  it('without a range exports every invoice, drafts as draft-<id>.pdf', async () => {
    const { call, seeded } = await seededServices(20, 5);
    const outDir = path.join(tempDir(), 'all');
    const st = await finished(call, (await call('pdf.export', { outDir })).jobId);
    assert.equal(st.state, 'done');
    const names = fs.readdirSync(outDir);
    assert.equal(names.length, seeded.ids.length);
    for (const d of seeded.drafts) assert.ok(names.includes(`draft-${d}.pdf`), d);
  });

  it('stops on cancel: state cancelled, fewer files than the total, no half-written files', async () => {
    const { s, call } = await seededServices(400, 100);
    const outDir = path.join(tempDir(), 'cancel');
    let jobId = '';
    const firstProgress = new Promise<void>((resolve) => {
      s.events.subscribe((name, payload) => {
        const p = payload as ProgressEvent;
        if (name === 'progress' && p.jobId === jobId && p.done > 0) resolve();
      });
    });
    const started = await call('pdf.export', { outDir });
    jobId = started.jobId;
    await firstProgress;
    const st = await call('pdf.cancelExport', { jobId });
    assert.equal(st.state, 'cancelled', JSON.stringify(st));
    assert.ok(st.written < st.total, `${st.written} < ${st.total}`);
    const names = fs.readdirSync(outDir);
    assert.equal(names.filter((n) => n.includes('.part')).length, 0, 'no partial files');
    assert.equal(names.length, st.written);
    for (const n of names.slice(0, 3)) assert.ok(qpdfCheck(path.join(outDir, n)).ok, n);
    assert.equal((await call('pdf.exportStatus', { jobId })).state, 'cancelled');
  });
});

describe('kassa invoice pdf / kassa export pdf', () => {
  it('write the files, print JSON on stdout and progress lines on stderr', async () => {
    const dataDir = tempDir('kassa-cli-pdf-');
    const ledger = await openLedger(path.join(dataDir, 'kassa.db'));
    seedProfile(ledger.db);
    const seeded = seedInvoices(ledger.db, { invoices: 30, firstDay: '2025-03-01', spanDays: 30, draftEvery: 0 });
    ledger.close();
    const one = seeded.issued[0] ?? assert.fail('seeded');
    const file = path.join(tempDir(), 'cli.pdf');
    const r = kassa(['invoice', 'pdf', one.id, '--out', file, '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as { id: string; file: string; facturX: { embedded: boolean } };
    assert.equal(printed.file, file);
    assert.equal(printed.facturX.embedded, true);
    assert.ok(pdfText(file).includes(one.number));

    const outDir = path.join(tempDir(), 'cli-export');
    const e = kassa([
      'export',
      'pdf',
      '--out',
      outDir,
      '--from',
      '2025-03-05',
      '--to',
      '2025-03-14',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(e.code, 0, e.stderr);
    const st = JSON.parse(e.stdout) as PdfExportStatus;
    const expected = seeded.issued.filter((i) => i.issueDate >= '2025-03-05' && i.issueDate <= '2025-03-14');
    assert.equal(st.state, 'done');
    assert.equal(st.written, expected.length);
    assert.equal(fs.readdirSync(outDir).length, expected.length);
    const lines = e.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { progress?: { done: number; total: number } });
    assert.ok(lines.length >= 1 && lines.every((l) => l.progress !== undefined), e.stderr);
    assert.equal(lines[lines.length - 1]?.progress?.done, expected.length);

    const usage = kassa(['export', 'pdf', '--data-dir', dataDir]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--out is required/);
  });
});
