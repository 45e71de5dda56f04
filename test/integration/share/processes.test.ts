/**
 * A share made by `kassa invoice share` in a child process that is killed with SIGKILL:
 * - between queueing and sending (stuck connecting to a mail server that never answers): the next `kassa sync`
 *   delivers it when the server is back, exactly once;
 * - during the mail transaction (the server holds its answer): the next `kassa sync` parks it for a person instead
 *   of sending it a second time; "retry" then sends it again, by the person's decision.
 * The mail server takes mail without a login here, so the children need no keychain.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../../main/native/bindings';
import { startSmtpFake } from '../../helpers/smtp';
import { runCli } from '../accounts/run-cli';
import { sleep } from '../sync/helpers';
import { freePort, shareEnv, type ShareEnv } from './helpers';

function startShare(dataDir: string, id: string): { pid: number; kill(): void; exited: Promise<number | null> } {
  const cli = path.join(projectRoot(), 'main', 'cli', 'main.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, 'invoice', 'share', id, '--via', 'email', '--data-dir', dataDir],
    {
      cwd: projectRoot(),
      env: process.env,
      stdio: 'ignore',
    },
  );
  return {
    pid: child.pid ?? 0,
    kill: () => child.kill('SIGKILL'),
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
}

async function until(what: string, cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function plainInvoice(env: ShareEnv): Promise<string> {
  const d = await env.call('invoice.create', {
    customerId: env.customerId,
    currency: 'EGP',
    lines: [{ description: 'Bread', quantity: '3', unitPrice: 2_500, taxRate: '14', taxCategory: 'S' }],
  });
  return (await env.call('invoice.issue', { id: d.id })).id;
}

function row(env: ShareEnv): { id: number; state: string; lease_owner: string | null; last_error_json: string | null } {
  return env.s.ledger.db
    .prepare(`SELECT id, state, lease_owner, last_error_json FROM outbox WHERE channel = 'email'`)
    .get() as {
    id: number;
    state: string;
    lease_owner: string | null;
    last_error_json: string | null;
  };
}

const sync = (dataDir: string) => runCli(['sync', '--once', '--data-dir', dataDir], { env: process.env });

test(
  'killed between queueing and sending: delivered exactly once when the server is back',
  { timeout: 180_000 },
  async () => {
    const env = await shareEnv('kashier', { smtp: { connectionTimeoutMs: 60_000, greetingTimeoutMs: 60_000 } });
    const port = await freePort();
    // A server that accepts the connection and never greets: the child waits there, nothing handed over yet.
    let connected = 0;
    const sockets: net.Socket[] = [];
    const hole = net.createServer((s) => {
      connected++;
      sockets.push(s);
    });
    await new Promise<void>((r) => hole.listen(port, '127.0.0.1', r));
    try {
      await env.useSmtp(port, { user: null });
      const id = await plainInvoice(env);
      const child = startShare(env.s.config.dataDir, id);
      await until('the child to connect to the mail server', () => connected > 0);
      child.kill();
      await child.exited;
      const r = row(env);
      assert.equal(r.state, 'unknown', 'claimed (write-ahead) when killed');
      assert.ok(r.lease_owner?.includes(`/${child.pid}/`), 'still leased by the dead process');
      assert.ok(!r.last_error_json?.includes('handedOverAt'), 'nothing handed over');

      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => hole.close(() => resolve()));
      const smtp = await startSmtpFake({ port });
      env.smtp = smtp;
      const first = await sync(env.s.config.dataDir);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(smtp.messages.length, 1);
      assert.equal(row(env).state, 'done');
      const again = await sync(env.s.config.dataDir);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(smtp.messages.length, 1, 'exactly once');
      const history = (await env.call('invoice.history', { id })).map((h) => h.action);
      assert.deepEqual(
        history.filter((a) => a.startsWith('share')),
        ['share_queued', 'shared'],
      );
    } finally {
      await env.close();
    }
  },
);

test(
  'killed during the mail transaction: parked for a person, never sent twice on its own',
  { timeout: 180_000 },
  async () => {
    const env = await shareEnv('kashier');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const smtp = await startSmtpFake({ beforeAnswer: () => held });
    env.smtp = smtp;
    try {
      await env.useSmtp(smtp.port, { user: null });
      const id = await plainInvoice(env);
      const child = startShare(env.s.config.dataDir, id);
      await until('the server to receive the message', () => smtp.messages.length === 1);
      child.kill();
      await child.exited;
      release();
      assert.ok(row(env).last_error_json?.includes('handedOverAt'), 'the handover was written before DATA');

      const after = await sync(env.s.config.dataDir);
      assert.equal(after.code, 0, after.stderr);
      const r = row(env);
      assert.equal(r.state, 'needs_review');
      assert.equal((JSON.parse(r.last_error_json ?? '{}') as { code?: string }).code, 'share_may_have_been_sent');
      assert.equal(smtp.messages.length, 1, 'not sent again');
      const item = (await env.call('share.items', { id }))[0]!;
      assert.deepEqual(item.actions, ['retry', 'resolve']);
      assert.ok((await env.call('invoice.history', { id })).some((h) => h.action === 'share_needs_review'));

      // The person looked and decided to send it again.
      await env.call('sync.retry', { itemId: r.id });
      const resend = await sync(env.s.config.dataDir);
      assert.equal(resend.code, 0, resend.stderr);
      assert.equal(smtp.messages.length, 2);
      assert.equal(row(env).state, 'done');
    } finally {
      release();
      await env.close();
    }
  },
);
