/**
 * The user's mail server: settings checked at the boundary, the password only in the keychain (and dropped when the
 * app points the settings at another server), and TLS that verifies certificates and says which check failed —
 * against real TLS servers on 127.0.0.1 with a test certificate authority (openssl).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { CLI_CALLER, PAGE_CALLER } from '../../../main/handlers/types';
import { MemorySecretStore } from '../../../main/secrets';
import type { Services } from '../../../main/services';
import type { MethodInput } from '../../../shared/api';
import { caller, testServices } from '../../helpers/services';
import { startSmtpFake, testCertificates } from '../../helpers/smtp';
import { FAST_SMTP, FROM, SMTP_PASSWORD, SMTP_USER } from './helpers';

/** Calls as the app's window does (not the CLI): a changed server drops the stored password. */
async function asPage(s: Services, input: MethodInput<'smtp.set'>): Promise<unknown> {
  const r = await dispatch(buildHandlers(s), 'smtp.set', input, PAGE_CALLER, s.log);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.result;
}

test('settings are checked, the password lives only in the keychain, and moves with the server only from the CLI', async () => {
  const secrets = new MemorySecretStore();
  const s = await testServices({ secretStore: secrets });
  const call = caller(s);
  const base = { host: 'smtp.example.com', port: 587, tls: 'starttls' as const, user: SMTP_USER, from: FROM };
  await assert.rejects(call('smtp.set', { ...base, tls: 'none' }), {
    code: 'smtp_plain_needs_loopback',
    field: 'tls',
    params: { host: 'smtp.example.com' },
  });
  await assert.rejects(call('smtp.set', { ...base, host: 'smtp://x' }), { code: 'smtp_host_invalid', field: 'host' });
  await assert.rejects(call('smtp.set', { ...base, port: 70000 }), { code: 'smtp_port_invalid', field: 'port' });
  await assert.rejects(call('smtp.set', { ...base, from: 'billing' }), { code: 'smtp_from_invalid', field: 'from' });
  assert.equal((await call('smtp.get', {})).configured, false, 'nothing saved by a refused call');
  for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]'])
    assert.equal((await call('smtp.set', { ...base, host, tls: 'none' })).tls, 'none', host);

  const saved = await call('smtp.set', { ...base, password: SMTP_PASSWORD });
  assert.deepEqual(saved, { configured: true, ...base, passwordSet: true });
  assert.equal(await secrets.get('smtp', 'password'), SMTP_PASSWORD);
  const stored = s.ledger.db.prepare(`SELECT value FROM meta WHERE key = 'smtp.settings'`).get() as { value: string };
  assert.deepEqual(JSON.parse(stored.value), base);

  // The CLI user is at the terminal: a new host keeps the password.
  const cli = await dispatch(buildHandlers(s), 'smtp.set', { ...base, host: 'mail.example.com' }, CLI_CALLER);
  assert.equal(cli.ok && (cli.result as { passwordSet: boolean }).passwordSet, true);
  // A page could point the settings at its own server and "test" them: from the app, a new host drops the password.
  assert.equal(
    ((await asPage(s, { ...base, host: 'evil.example.com' })) as { passwordSet: boolean }).passwordSet,
    false,
  );
  assert.equal(await secrets.get('smtp', 'password'), null);
  await assert.rejects(call('smtp.test', { to: FROM }), { code: 'smtp_password_missing' });
});

interface TlsCase {
  name: string;
  server: 'self' | 'ca' | 'plain';
  mode: 'tls' | 'starttls';
  host: string;
  trustCa: boolean;
  expect: { code: string; params?: Record<string, unknown> } | 'delivered';
}

test('TLS: certificates are verified, and a failure says which check failed', async () => {
  const certs = testCertificates();
  const cases: TlsCase[] = [
    {
      name: 'self-signed',
      server: 'self',
      mode: 'tls',
      host: 'localhost',
      trustCa: true,
      expect: { code: 'smtp_tls_certificate', params: { check: 'self_signed', host: 'localhost' } },
    },
    {
      name: 'unknown authority',
      server: 'ca',
      mode: 'tls',
      host: 'localhost',
      trustCa: false,
      expect: { code: 'smtp_tls_certificate', params: { check: 'untrusted', host: 'localhost' } },
    },
    {
      name: 'name mismatch',
      server: 'ca',
      mode: 'tls',
      host: '127.0.0.1',
      trustCa: true,
      expect: { code: 'smtp_tls_certificate', params: { check: 'hostname', host: '127.0.0.1' } },
    },
    {
      name: 'STARTTLS with an untrusted certificate',
      server: 'ca',
      mode: 'starttls',
      host: 'localhost',
      trustCa: false,
      expect: { code: 'smtp_tls_certificate', params: { check: 'untrusted', host: 'localhost' } },
    },
    {
      name: 'STARTTLS not offered',
      server: 'plain',
      mode: 'starttls',
      host: 'localhost',
      trustCa: true,
      expect: { code: 'smtp_starttls_unavailable' },
    },
    {
      name: 'TLS against a plain server',
      server: 'plain',
      mode: 'tls',
      host: 'localhost',
      trustCa: true,
      expect: { code: 'smtp_tls_handshake', params: { mode: 'tls' } },
    },
    { name: 'implicit TLS, trusted', server: 'ca', mode: 'tls', host: 'localhost', trustCa: true, expect: 'delivered' },
    {
      name: 'STARTTLS, trusted',
      server: 'ca',
      mode: 'starttls',
      host: 'localhost',
      trustCa: true,
      expect: 'delivered',
    },
  ];
  for (const c of cases) {
    const smtp = await startSmtpFake({
      users: { [SMTP_USER]: SMTP_PASSWORD },
      ...(c.server === 'plain'
        ? {}
        : {
            tls: {
              mode: c.mode,
              key: c.server === 'self' ? certs.selfKey : certs.key,
              cert: c.server === 'self' ? certs.selfCert : certs.cert,
            },
          }),
    });
    try {
      const s = await testServices({
        secretStore: new MemorySecretStore(),
        smtp: { ...FAST_SMTP, ...(c.trustCa ? { ca: certs.ca } : {}) },
      });
      const call = caller(s);
      await call('smtp.set', {
        host: c.host,
        port: smtp.port,
        tls: c.mode,
        user: SMTP_USER,
        from: FROM,
        password: SMTP_PASSWORD,
      });
      if (c.expect === 'delivered') {
        const r = await call('smtp.test', { to: FROM });
        assert.equal(r.ok, true, c.name);
        assert.equal(smtp.messages.length, 1, c.name);
        assert.deepEqual(smtp.logins, [SMTP_USER], `${c.name}: logged in over the secured connection`);
        continue;
      }
      const expected = c.expect;
      await assert.rejects(
        call('smtp.test', { to: FROM }),
        (e: Error & { code?: string; params?: Record<string, unknown> }) => {
          assert.equal(e.code, expected.code, `${c.name}: ${e.message}`);
          for (const [k, v] of Object.entries(expected.params ?? {})) assert.equal(e.params?.[k], v, `${c.name}: ${k}`);
          return true;
        },
      );
      assert.deepEqual(smtp.logins, [], `${c.name}: the password was never sent`);
      assert.equal(smtp.messages.length, 0, c.name);
    } finally {
      await smtp.close();
    }
  }
});
