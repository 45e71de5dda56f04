/**
 * The share commands as scripts use them, in child processes with the real keychain (npm test's private
 * gnome-keyring): kassa smtp set (password on stdin) / show / test, kassa invoice share by e-mail, provider, SMS and
 * WhatsApp; then a leak scan — the SMTP password is in no file of the data dir (ledger, WAL, logs, backups, exports),
 * no command's output and no contract response.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoLeaks, listFiles, ResponseLog, scanBytes, scanFiles } from '../../helpers/leaks';
import { errorOf, runCli, type CliRun } from '../accounts/run-cli';
import { ALL_SECRETS } from '../sync/helpers';
import { CUSTOMER_EMAIL, FROM, shareEnv, SMTP_PASSWORD, SMTP_USER } from './helpers';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs the real keychain shared with child processes: run through "npm test -- share" (private D-Bus session + gnome-keyring)';

test(
  'kassa smtp and kassa invoice share, end to end; the SMTP password leaks nowhere',
  { skip, timeout: 240_000 },
  async () => {
    const env = await shareEnv('kashier', { keychain: true });
    const outputs: CliRun[] = [];
    const responses = new ResponseLog();
    const dataDir = env.s.config.dataDir;
    const kassa = async (args: string[], input = ''): Promise<CliRun> => {
      const r = await runCli([...args, '--data-dir', dataDir], { env: process.env, input });
      outputs.push(r);
      return r;
    };
    const json = (r: CliRun): Record<string, unknown> => {
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    try {
      const smtp = await env.startSmtp({ refuse: /@refused\.example$/ });
      const set = await kassa(
        [
          'smtp',
          'set',
          '--host',
          '127.0.0.1',
          '--port',
          String(smtp.port),
          '--user',
          SMTP_USER,
          '--tls',
          'none',
          '--from',
          FROM,
        ],
        JSON.stringify({ password: SMTP_PASSWORD }),
      );
      assert.deepEqual(json(set), {
        configured: true,
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: SMTP_USER,
        from: FROM,
        passwordSet: true,
      });
      assert.equal(json(await kassa(['smtp', 'show'])).passwordSet, true);
      const bad = await kassa(['smtp', 'set', '--host', 'x', '--port', '1', '--tls', 'ssl', '--from', FROM]);
      assert.equal(bad.code, 2, 'an unknown --tls is a usage error');
      const plain = await kassa([
        'smtp',
        'set',
        '--host',
        'smtp.example.com',
        '--port',
        '25',
        '--tls',
        'none',
        '--from',
        FROM,
      ]);
      assert.equal(plain.code, 1);
      assert.equal(errorOf(plain).code, 'smtp_plain_needs_loopback');

      const tested = json(await kassa(['smtp', 'test', '--to', FROM]));
      assert.equal(tested.ok, true);
      assert.equal(smtp.messages.length, 1);
      assert.match(smtp.messages[0]!.parsed.subject ?? '', /test e-mail/i);

      await env.call('customer.update', { id: env.customerId, phone: '+201001234567', address: { country: 'EG' } });
      const id = await env.issueOne();
      await env.call('sync.now', { poll: false });
      const link = (await env.call('invoice.get', { id })).links[0]?.paymentUrl;
      assert.ok(link);

      const mailed = json(await kassa(['invoice', 'share', id, '--via', 'email']));
      assert.equal(mailed.status, 'sent');
      assert.equal(mailed.to, CUSTOMER_EMAIL);
      assert.equal(smtp.messages.length, 2);
      assert.ok(smtp.messages[1]!.parsed.text?.includes(link));

      const viaKashier = json(await kassa(['invoice', 'share', id, '--via', 'provider', '--to', '0100 123 4567']));
      assert.equal(viaKashier.status, 'sent');
      assert.equal(viaKashier.to, '+201001234567');

      const wa = json(await kassa(['invoice', 'share', id, '--via', 'whatsapp', '--to', '0100 123 4567']));
      assert.deepEqual(Object.keys(wa).sort(), ['message', 'url']);
      const url = new URL(wa.url as string);
      assert.equal(`${url.origin}${url.pathname}`, 'https://wa.me/201001234567');
      assert.equal(url.searchParams.get('text'), wa.message);
      assert.ok((wa.message as string).includes(link), 'the payment link is in the message');
      assert.ok((wa.message as string).includes('Nile Consulting'));
      const sms = json(await kassa(['invoice', 'share', id, '--via', 'sms']));
      assert.ok((sms.url as string).startsWith('sms:+201001234567?body='), 'the customer’s number by default');
      assert.equal(decodeURIComponent((sms.url as string).split('?body=')[1]!), sms.message);

      const landline = await kassa(['invoice', 'share', id, '--via', 'sms', '--to', '02 2345 6789']);
      assert.equal(landline.code, 1);
      assert.deepEqual([errorOf(landline).code, errorOf(landline).field], ['phone_not_mobile', 'to']);
      const refused = await kassa(['invoice', 'share', id, '--via', 'email', '--to', 'x@refused.example']);
      assert.equal(refused.code, 1);
      assert.equal(errorOf(refused).code, 'smtp_recipient_refused');
      const usage = await kassa(['invoice', 'share', id, '--via', 'fax']);
      assert.equal(usage.code, 2);

      await smtp.close();
      const offline = json(await kassa(['invoice', 'share', id, '--via', 'email']));
      assert.equal(offline.status, 'queued');
      assert.equal((offline.error as { code: string }).code, 'smtp_unreachable');

      // Wrong password through the contract too, then everything that can carry it out of the process.
      responses.record('smtp.get', await env.call('smtp.get', {}));
      await responses.capture('smtp.set wrong', () =>
        env.call('smtp.set', {
          host: '127.0.0.1',
          port: smtp.port,
          tls: 'none',
          user: SMTP_USER,
          from: FROM,
          password: 'x'.repeat(16),
        }),
      );
      await responses.capture('smtp.test offline', () => env.call('smtp.test', { to: FROM }));
      responses.record('share.items', await env.call('share.items', { id }));
      responses.record('sync.status', await env.call('sync.status', {}));
      responses.record('history', await env.call('invoice.history', { id }));
      json(
        await kassa(['export', 'csv', '--what', 'invoices', '--out', path.join(dataDir, 'exports', 'invoices.csv')]),
      );
      json(await kassa(['backup']));
      // The password as SMTP carries it too: AUTH PLAIN is base64 of "\0user\0password" (AUTH LOGIN's bare base64 is
      // among scanBytes' own encodings), in case a protocol log ever reaches a file.
      const authPlain = Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString('base64');
      const secrets = [SMTP_PASSWORD, authPlain, ...ALL_SECRETS];
      // The scan covers what it claims: the ledger and its WAL, the logs, the backup and the export exist.
      const files = listFiles([dataDir]).map((f) => path.relative(dataDir, f));
      for (const want of [/^kassa\.db$/, /^kassa\.db-wal$/, /^logs\/.+/, /^backups\/.+/, /^exports\/invoices\.csv$/])
        assert.ok(
          files.some((f) => want.test(f)),
          `${want.source} among ${files.join(', ')}`,
        );
      assertNoLeaks(scanFiles([dataDir], secrets), 'in the data dir (ledger, WAL, logs, backups, exports)');
      assertNoLeaks(
        outputs.flatMap((o, i) => scanBytes(`command ${i} output`, o.stdout + o.stderr, secrets)),
        'in command output',
      );
      assertNoLeaks(responses.scan(secrets), 'in contract responses');
    } finally {
      await env.close();
    }
  },
);
