/**
 * `kassa reminder …` as separate processes on one ledger (cron next to an open app): two `kassa reminder run` started
 * together send each reminder exactly once to a real SMTP server; the rules commands read and change the rule sets.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { addDays, localDate } from '../../../shared/contract/dates';
import type { InvoiceReminders, ReminderRules, ReminderRunSummary } from '../../../shared/contract/reminders';
import { createServices } from '../../../main/services';
import { projectRoot } from '../../../main/native/bindings';
import { MemorySecretStore } from '../../../main/secrets';
import { kassa } from '../../helpers/cli';
import { caller } from '../../helpers/services';
import { startSmtpFake } from '../../helpers/smtp';
import { tempDir } from '../../helpers/tmp';

const INVOICES = 30;

function runReminders(dir: string) {
  const cli = path.join(projectRoot(), 'main', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'reminder', 'run', '--data-dir', dir], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

function ok<T>(args: string[], dir: string): T {
  const r = kassa([...args, '--data-dir', dir]);
  assert.equal(r.code, 0, `kassa ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

test(
  'two `kassa reminder run` at once: every reminder e-mailed exactly once; kassa reminder rules',
  { timeout: 600_000 },
  async () => {
    const smtp = await startSmtpFake();
    after(() => smtp.close());
    const dir = tempDir('kassa-reminders-');
    const today = localDate(new Date());
    const ids: string[] = [];
    const s = await createServices({ dataDir: dir, runtime: 'test', secretStore: new MemorySecretStore() });
    try {
      const call = caller(s);
      await call('profile.set', { name: 'Nile Consulting', locale: 'en-GB' });
      await call('smtp.set', {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: null,
        from: 'billing@nile.example',
      });
      const c = await call('customer.create', { name: 'Cron Customer', email: 'cron@customer.example' });
      for (let i = 0; i < INVOICES; i++) {
        const d = await call('invoice.create', {
          customerId: c.id,
          currency: 'EUR',
          lines: [{ description: 'Work', quantity: '1', unitPrice: 1_000 + i, taxRate: '14', taxCategory: 'S' }],
        });
        // Due three days ago: the due-date step is the latest due one (the 3-days-before one is passed over).
        ids.push(
          (await call('invoice.issue', { id: d.id, issueDate: addDays(today, -20), dueDate: addDays(today, -3) })).id,
        );
      }
    } finally {
      await s.close();
    }

    // The rules from the command line.
    assert.deepEqual(ok<ReminderRules>(['reminder', 'rules'], dir), {
      enabled: false,
      route: 'email',
      steps: [-3, 0, 7, 14],
    });
    assert.equal(ok<ReminderRules>(['reminder', 'rules', '--data', '{"enabled":true}'], dir).enabled, true);
    const own = ok<InvoiceReminders>(['reminder', 'rules', '--invoice', ids[0]!, '--data', '{"steps":[-3,0]}'], dir);
    assert.deepEqual(own.override, { steps: [-3, 0], route: null });
    assert.deepEqual(
      ok<InvoiceReminders>(['reminder', 'rules', '--invoice', ids[0]!], dir).plan.map((p) => p.step),
      [-3, 0],
    );
    const bad = kassa(['reminder', 'rules', '--data', '{"steps":"often"}', '--data-dir', dir]);
    assert.equal(bad.code, 1);
    assert.equal((JSON.parse(bad.stderr) as { error: { code: string } }).error.code, 'invalid_input');

    const [a, b] = await Promise.all([runReminders(dir), runReminders(dir)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const sa = JSON.parse(a.stdout) as ReminderRunSummary;
    const sb = JSON.parse(b.stdout) as ReminderRunSummary;
    assert.equal(sa.sends.length + sb.sends.length, INVOICES, 'together they took every reminder once');
    // Every invoice got exactly one e-mail, whichever process took it.
    const subjects = smtp.messages.map((m) => m.parsed.subject ?? '');
    assert.equal(subjects.length, INVOICES);
    const numbers = subjects.map((x) => /INV-\d{4}-\d{4}/.exec(x)?.[0]);
    assert.equal(new Set(numbers).size, INVOICES);
    const db = new Database(path.join(dir, 'kassa.db'), { readonly: true });
    try {
      const rows = db.prepare(`SELECT state, count(*) AS n FROM reminder_sends GROUP BY state ORDER BY state`).all();
      assert.deepEqual(rows, [
        { state: 'sent', n: INVOICES },
        { state: 'skipped', n: INVOICES },
      ]);
      const mails = db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE channel = 'email' GROUP BY state`).all();
      assert.deepEqual(mails, [{ state: 'done', n: INVOICES }]);
    } finally {
      db.close();
    }
    // A third run has nothing left.
    assert.deepEqual(ok<ReminderRunSummary>(['reminder', 'run'], dir).sends, []);
    assert.equal(smtp.messages.length, INVOICES);
  },
);
