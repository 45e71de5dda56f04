/**
 * The CLI framework refuses what it would otherwise ignore, for every command: an argument the usage line does not
 * name, an option given twice, a field given both in --data and by an option or argument, --data to a command that
 * reads none. Each is a usage error (exit 2) before anything is opened or written.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { commandsFor } from '../../../main/cli/commands';
import { positionalNames } from '../../../main/cli/framework';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { tempDir } from '../../helpers/tmp';

const kassa = kassaInProcess;

test('every command refuses an argument its usage line does not name, before opening the data folder', async () => {
  const dir = path.join(tempDir(), 'untouched');
  let checked = 0;
  for (const c of commandsFor(undefined)) {
    const names = positionalNames(c.usage);
    const args = [
      ...c.path.split(' '),
      ...names.map((n, i) => (n === '-' ? '-' : `arg${i}`)),
      'extra',
      '--data-dir',
      dir,
    ];
    const r = await kassa(args);
    assert.equal(r.code, 2, `kassa ${c.path}: ${JSON.stringify(r.error)}`);
    assert.equal(r.error?.code, 'cli_extra_argument', `kassa ${c.path}`);
    assert.equal(r.error?.params?.arg, 'extra');
    checked++;
  }
  assert.equal(fs.existsSync(dir), false, 'nothing was opened or created');
  console.log(`cli campaign: ${checked} commands refused an extra argument`);
});

test('invoice pay ID --amount 1 --data {"amount":5}, invoice show ID extra, repeated options, --data nobody reads: usage errors, nothing recorded', async () => {
  const dir = tempDir();
  const d = ['--data-dir', dir];
  const ok = async <T>(args: string[]): Promise<T> => {
    const r = await kassa([...args, ...d]);
    assert.equal(r.code, 0, JSON.stringify(r.error));
    return JSON.parse(r.stdout) as T;
  };
  const cust = await ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Nile Bakery"}']);
  const draft = await ok<{ id: string }>([
    'invoice',
    'create',
    '--data',
    JSON.stringify({
      customerId: cust.id,
      currency: 'EUR',
      lines: [{ description: 'Bread', quantity: '1', unitPrice: 1000, taxRate: '0', taxCategory: 'Z' }],
    }),
  ]);
  const inv = await ok<{ id: string }>(['invoice', 'issue', draft.id]);
  const refusals: Array<[string[], string, string | null]> = [
    [['invoice', 'pay', inv.id, '--amount', '1', '--data', '{"amount":500}'], 'cli_field_twice', 'amount'],
    [
      ['invoice', 'pay', inv.id, '--date', '2026-01-01', '--data', '{"amount":5,"date":"2026-01-02"}'],
      'cli_field_twice',
      'date',
    ],
    [['invoice', 'pay', inv.id, '--data', `{"amount":5,"id":"${draft.id}"}`], 'cli_field_twice', 'id'],
    [['invoice', 'pay', inv.id, '--amount', '1', '--amount', '2'], 'cli_option_twice', null],
    [['invoice', 'show', inv.id, 'extra'], 'cli_extra_argument', null],
    [['invoice', 'show', inv.id, '--data', '{"id":"x"}'], 'cli_data_not_taken', null],
    [['invoice', 'update', draft.id, '--data', `{"id":"${inv.id}","notes":"x"}`], 'cli_field_twice', 'id'],
    [['invoice', 'list', '--q', 'Nile', '--data', '{"q":"Cedar"}'], 'cli_field_twice', 'q'],
    [['customer', 'update', cust.id, '--data', '{"id":"cus_other000","name":"X"}'], 'cli_field_twice', 'id'],
    [['account', 'get', 'a', '--account', 'b'], 'cli_field_twice', 'account'],
    [['backup', '--out', 'a.db', '--out', 'b.db'], 'cli_option_twice', null],
    [['info', '--data-dir', dir], 'cli_option_twice', null],
  ];
  for (const [args, code, field] of refusals) {
    const r = await kassa([...args, ...d]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${JSON.stringify(r.error)}`);
    assert.equal(r.error?.code, code, args.join(' '));
    if (field) assert.equal(r.error?.field, field, args.join(' '));
  }
  const shown = await ok<{ payments: unknown[]; paid: number; notes: string | null }>(['invoice', 'show', inv.id]);
  assert.equal(shown.payments.length, 0, 'no payment was recorded by a refused command');
  // Given once, each way works.
  await ok(['invoice', 'pay', inv.id, '--amount', '1']);
  await ok(['invoice', 'pay', inv.id, '--data', '{"amount":500}']);
  const paid = await ok<{ payments: Array<{ amount: number }> }>(['invoice', 'show', inv.id]);
  assert.deepEqual(
    paid.payments.map((p) => p.amount),
    [100, 500],
  );
  console.log(`cli campaign: ${refusals.length} conflicting or extra-argument cases refused, 0 recorded`);
});
