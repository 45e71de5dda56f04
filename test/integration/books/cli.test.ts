/**
 * The bookkeeper's CLI spellings as issue 17 names them, each run as a user runs it (a `kassa` child process):
 * `kassa period close|reopen YYYY-MM`, and `kassa report vat --from --to [--format json|csv|pdf] [--out FILE]`,
 * through the CLI's own runCli and command table in this process (a child per step is far too slow on a loaded
 * machine; the child-process spellings are in the files named below).
 * (`kassa invoice xml`, `kassa export period`, `kassa verify FILE.zip` and `kassa check` have theirs in
 * invoice-xml.test.ts, archive.test.ts and record-chain.test.ts.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { PeriodsOverview, VatSummary } from '../../../shared/contract/books';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';
import { pdfInfo, pdfText, squash } from '../pdf/tools';

describe('books CLI', async () => {
  it('kassa period close YYYY-MM refuses issuing, crediting and paying into it naming the period; kassa period reopen YYYY-MM --reason is recorded', async () => {
    const dir = tempDir();
    const run = (args: string[]) => kassaInProcess([...args, '--data-dir', dir]);
    const json = async <T>(args: string[]): Promise<T> => {
      const r = await run(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    };
    const refused = async (args: string[]) => {
      const r = await run(args);
      assert.equal(r.code, 1, `${args.join(' ')} should be refused: ${r.stdout} ${r.stderr}`);
      const e = r.error;
      assert.equal(e?.code, 'period_closed', args.join(' '));
      return { params: e.params ?? {} };
    };
    const c = await json<{ id: string }>(['customer', 'create', '--data', '{"name":"Nile Bakery"}']);
    const draft = async (): Promise<string> =>
      (
        await json<{ id: string }>([
          'invoice',
          'create',
          '--data',
          JSON.stringify({
            customerId: c.id,
            currency: 'EGP',
            lines: [{ description: 'Bread', quantity: '3', unitPrice: 2500, taxRate: '14', taxCategory: 'S' }],
          }),
        ])
      ).id;
    const jan = await draft();
    await json(['invoice', 'issue', jan, '--date', '2025-01-10']);
    const later = await draft();

    const closed = await json<{ period: string; from: string; to: string }>(['period', 'close', '2025-01']);
    assert.deepEqual([closed.period, closed.from, closed.to], ['2025-01', '2025-01-01', '2025-01-31']);

    const issue = await refused(['invoice', 'issue', later, '--date', '2025-01-31']);
    assert.deepEqual(issue.params, { period: '2025-01', date: '2025-01-31' });
    assert.equal((await refused(['invoice', 'credit', jan, '--date', '2025-01-20'])).params.period, '2025-01');
    assert.equal(
      (await refused(['invoice', 'pay', jan, '--amount', '10', '--date', '2025-01-15'])).params.period,
      '2025-01',
    );
    // February is open.
    await json(['invoice', 'pay', jan, '--amount', '10', '--date', '2025-02-01']);

    const noReason = await run(['period', 'reopen', '2025-01']);
    assert.equal(noReason.code, 2, 'a reopen without --reason is a usage error');
    await json(['period', 'reopen', '2025-01', '--reason', 'late supplier invoice']);
    assert.equal(
      (await json<{ issueDate: string }>(['invoice', 'issue', later, '--date', '2025-01-31'])).issueDate,
      '2025-01-31',
    );
    const list = await json<PeriodsOverview>(['period', 'list']);
    assert.deepEqual(list.closed, []);
    assert.deepEqual(
      list.history.map((h) => [h.period, h.action, h.reason]),
      [
        ['2025-01', 'reopened', 'late supplier invoice'],
        ['2025-01', 'closed', null],
      ],
    );
    assert.equal((await json<{ ok: boolean }>(['check'])).ok, true);
  });

  it('kassa report vat --from --to [--format json|csv|pdf] [--out FILE]', async () => {
    const dir = tempDir();
    const run = (args: string[]) => kassaInProcess([...args, '--data-dir', dir]);
    const json = async <T>(args: string[]): Promise<T> => {
      const r = await run(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    };
    await json(['profile', 'set', '--data', '{"name":"Nile Bakery","locale":"en-GB"}']);
    const c = await json<{ id: string }>(['customer', 'create', '--data', '{"name":"Delta Traders"}']);
    for (const [day, price] of [
      ['2025-03-02', 10_000],
      ['2025-03-20', 3_333],
      ['2025-04-01', 99_999],
    ] as const) {
      const d = await json<{ id: string }>([
        'invoice',
        'create',
        '--data',
        JSON.stringify({
          customerId: c.id,
          currency: 'EGP',
          lines: [{ description: 'Bread', quantity: '1', unitPrice: price, taxRate: '14', taxCategory: 'S' }],
        }),
      ]);
      await json(['invoice', 'issue', d.id, '--date', day]);
    }
    const range = ['report', 'vat', '--from', '2025-03-01', '--to', '2025-03-31'];
    const s = await json<VatSummary>(range);
    assert.equal(s.documents, 2);
    const egp = s.currencies[0]!;
    assert.deepEqual([egp.currency, egp.invoices.taxExclusive, egp.invoices.tax], ['EGP', 13_333, 1_400 + 467]);
    const { generatedAt: _a, ...same } = s;
    const { generatedAt: _b, ...again } = await json<VatSummary>([...range, '--format', 'json']);
    assert.deepEqual(again, same);

    const csv = await run([...range, '--format', 'csv']);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    const total = rows.find((r) => r.row === 'total')!;
    assert.deepEqual([total.currency, total.invoices_taxable, total.invoices_tax], ['EGP', '133.33', '18.67']);

    const csvFile = path.join(dir, 'vat.csv');
    await json([...range, '--format', 'csv', '--out', csvFile]);
    assert.equal(fs.readFileSync(csvFile, 'utf8'), csv.stdout);
    const jsonFile = path.join(dir, 'vat.json');
    await json([...range, '--out', jsonFile]);
    const fromFile = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as VatSummary;
    assert.deepEqual(fromFile.currencies, s.currencies);

    const pdfFile = path.join(dir, 'vat.pdf');
    await json([...range, '--format', 'pdf', '--out', pdfFile]);
    assert.equal(pdfInfo(pdfFile).Pages, '1');
    const text = squash(pdfText(pdfFile));
    for (const want of ['VATsummary', 'NileBakery', 'EGP133.33', 'EGP18.67']) assert.ok(text.includes(want), want);

    assert.equal((await run([...range, '--format', 'pdf'])).code, 2, 'a PDF needs --out');
    assert.equal((await run([...range, '--format', 'xlsx'])).code, 2);
    assert.equal(
      (await run(['report', 'vat', '--from', '2025-03-31', '--to', '2025-03-01'])).code,
      1,
      'range in order',
    );
  });
});
