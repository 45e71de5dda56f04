/**
 * `kassa recurring create|list|show|pause|resume|run` as a user types them: JSON on stdout, the created schedule's id,
 * an account given by name, `recurringId` in `kassa invoice show`, errors as JSON on stderr with exit codes.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../../main/ledger/connection';
import type { RecurringDetail, RecurringRunSummary, RecurringSchedule } from '../../../shared/contract/recurring';
import type { Invoice } from '../../../shared/domain';
import { kassa } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { insertAccount } from '../ledger/helpers';

function ok<T>(args: string[], dir: string): T {
  const r = kassa([...args, '--data-dir', dir]);
  assert.equal(r.code, 0, `kassa ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

function fails(args: string[], dir: string, code: number): { code: string; field: string | null } {
  const r = kassa([...args, '--data-dir', dir]);
  assert.equal(r.code, code, `kassa ${args.join(' ')}: ${r.stdout} ${r.stderr}`);
  assert.equal(r.stdout, '');
  return (JSON.parse(r.stderr) as { error: { code: string; field: string | null } }).error;
}

test('kassa recurring: create with an account name, run, list, show, pause, resume; invoice show carries recurringId', async () => {
  const dir = tempDir('kassa-cli-rec-');
  const ledger = await openLedger(path.join(dir, 'kassa.db'));
  insertAccount(ledger.db, 'acc_cli1', 'kashier');
  ledger.close();
  const c = ok<{ id: string }>(['customer', 'create', '--data', '{"name":"Cron Co"}'], dir);
  const t = ok<Invoice>(
    [
      'invoice',
      'create',
      '--data',
      JSON.stringify({
        customerId: c.id,
        currency: 'EUR',
        lines: [{ description: 'Support', quantity: '1', unitPrice: 25_000, taxRate: '14', taxCategory: 'S' }],
      }),
    ],
    dir,
  );
  const created = ok<RecurringSchedule>(
    [
      'recurring',
      'create',
      '--data',
      JSON.stringify({
        templateId: t.id,
        frequency: 'quarter',
        startDate: '2025-01-31',
        action: 'issue',
        end: { after: 2 },
        account: 'Account acc_cli1',
      }),
    ],
    dir,
  );
  assert.match(created.id, /^rec_/);
  assert.equal(created.accountId, 'acc_cli1');
  assert.deepEqual(created.upcoming, ['2025-01-31', '2025-04-30']);

  const summary = ok<RecurringRunSummary>(['recurring', 'run'], dir);
  assert.deepEqual(
    summary.runs.map((r) => `${r.date} ${r.outcome} ${r.number}`),
    ['2025-01-31 issued INV-2025-0001', '2025-04-30 issued INV-2025-0002'],
  );
  assert.equal(ok<RecurringRunSummary>(['recurring', 'run'], dir).runs.length, 0, 'a second run makes nothing');
  const shown = ok<Invoice>(['invoice', 'show', summary.runs[1]!.invoiceId!], dir);
  assert.equal(shown.recurringId, created.id);
  assert.deepEqual(
    shown.links.map((l) => l.accountId),
    ['acc_cli1'],
  );

  const list = ok<RecurringSchedule[]>(['recurring', 'list'], dir);
  assert.deepEqual(
    list.map((s) => [s.id, s.status, s.periodsDone]),
    [[created.id, 'ended', 2]],
  );
  const detail = ok<RecurringDetail>(['recurring', 'show', created.id], dir);
  assert.equal(detail.runs.length, 2);

  const weekly = ok<RecurringSchedule>(
    [
      'recurring',
      'create',
      '--data',
      JSON.stringify({ templateId: t.id, frequency: 'week', startDate: '2030-01-01', action: 'draft' }),
    ],
    dir,
  );
  assert.equal(ok<RecurringDetail>(['recurring', 'pause', weekly.id], dir).schedule.status, 'paused');
  assert.equal(ok<RecurringDetail>(['recurring', 'resume', weekly.id], dir).schedule.status, 'active');

  // Errors: JSON on stderr, nothing on stdout, exit 1 for bad input / unknown things, 2 for usage.
  assert.equal(fails(['recurring', 'create', '--data', '{"templateId":1}'], dir, 1).code, 'invalid_input');
  assert.equal(
    fails(
      [
        'recurring',
        'create',
        '--data',
        JSON.stringify({
          templateId: t.id,
          frequency: 'month',
          startDate: '2025-01-01',
          action: 'issue',
          account: 'Nope',
        }),
      ],
      dir,
      1,
    ).code,
    'account_not_found',
  );
  assert.equal(fails(['recurring', 'show', 'rec_00000000000000'], dir, 1).code, 'schedule_not_found');
  assert.equal(fails(['recurring', 'create'], dir, 2).code, 'usage');
  assert.equal(fails(['recurring', 'show'], dir, 2).code, 'usage');
});
