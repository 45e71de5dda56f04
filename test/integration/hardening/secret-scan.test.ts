/**
 * The secret scan (issue 16): after a working session with every kind of configured secret — the five providers'
 * keys (Kashier's is a composite "id$secret"), Paycashless's signing secret, the SMTP password — through sync,
 * import, connection tests, an e-mail share, CSV and PDF exports, a backup and a `kassa sync` killed with SIGKILL in
 * the middle of a request, every file (ledger, WAL/SHM, logs, exports, backups, the high-water file), the killed
 * process's output and every contract answer are searched for every secret in every form the redaction covers
 * (main/providers/secret-forms.ts: as is, URL-encoded, base64 at each offset, base64url, each part of a composite
 * key; any letter case; UTF-8 and UTF-16). A control first proves the scan finds each form where it is.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ProviderId } from '../../../shared/domain';
import { secretForms } from '../../../main/providers/secret-forms';
import { HostileProxy } from '../../fakes/hostile-proxy';
import { echoesOf, formHits, ResponseLog, scanTree } from '../../helpers/leaks';
import { tempDir } from '../../helpers/tmp';
import { ROOT } from '../accounts/run-cli';
import { CURRENCY, payAtProvider, SECRETS, SETTINGS, startFake, type Fake } from '../sync/helpers';
import { shareEnv, SMTP_PASSWORD } from '../share/helpers';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs the real keychain shared with a child process: run through "npm test" (private D-Bus session + gnome-keyring)';

const ALL: string[] = [...Object.values(SECRETS).flatMap((s) => Object.values(s)), SMTP_PASSWORD];

test('secret scan control: every form of every secret is found where it is, in any case and either width', () => {
  const dir = tempDir();
  let planted = 0;
  for (const [i, secret] of ALL.entries()) {
    const forms = [...new Set([...secretForms([secret]), ...echoesOf([secret])])];
    for (const [j, form] of forms.entries()) {
      const file = path.join(dir, `plant-${i}-${j}`);
      const text = `prefix ${j % 2 === 0 ? form.toUpperCase() : form} suffix`;
      fs.writeFileSync(file, j % 3 === 0 ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8'));
      const found = scanTree([file], [secret]).hits.length;
      assert.ok(found > 0, `secret #${i} form #${j} was not found`);
      planted++;
    }
  }
  const filesHit = new Set(scanTree([dir], ALL).hits.map((h) => h.slice(0, h.lastIndexOf(': form #'))));
  assert.equal(filesHit.size, planted, 'every planted file is found when all secrets are searched at once');
  console.log(`secret scan control: ${planted} planted forms of ${ALL.length} secrets, all found`);
});

test(
  'secret scan: after sync, import, share, exports, a backup and a killed process, no secret in any form anywhere',
  { skip, timeout: 240_000 },
  async () => {
    // Real time: Paycashless signs each request with a timestamp it checks.
    const env = await shareEnv('kashier', { keychain: true, start: new Date() });
    const fakes: Fake[] = [];
    const answers = new ResponseLog();
    const call = async <T>(where: string, p: Promise<T>): Promise<T> => answers.record(where, await p);
    const outDir = tempDir('kassa-out-');
    const crashDir = tempDir('kassa-crash-');
    let proxy: HostileProxy | undefined;
    try {
      // Every other provider beside Kashier, each with its simulator and its keys in the keychain.
      const accounts: Array<{ id: string; provider: ProviderId; fake: Fake }> = [
        { id: env.accountId, provider: 'kashier', fake: env.fake },
      ];
      for (const provider of ['kashio', 'kaspa', 'paycashless', 'simplecash'] as const) {
        const fake = await startFake(provider);
        fakes.push(fake);
        const a = await call(
          'account.add',
          env.call('account.add', {
            provider,
            name: `${provider} scan`,
            mode: 'test',
            baseUrl: fake.url,
            settings: SETTINGS[provider],
            secrets: SECRETS[provider],
          }),
        );
        accounts.push({ id: a.id, provider, fake });
      }
      const smtp = await env.startSmtp();
      await env.useSmtp(smtp.port);

      // The session: issue to every account, sync, pay at the provider, sync again, import, test the connection.
      const issued: string[] = [];
      for (const a of accounts) {
        const d = await env.call('invoice.create', {
          customerId: env.customerId,
          currency: CURRENCY[a.provider],
          lines: [{ description: 'Consulting', quantity: '2', unitPrice: 12_500, taxRate: '14', taxCategory: 'S' }],
        });
        issued.push((await call('invoice.issue', env.call('invoice.issue', { id: d.id, accountId: a.id }))).id);
      }
      await call('sync.now', env.call('sync.now', {}));
      for (const [i, a] of accounts.entries()) {
        const inv = await call('invoice.get', env.call('invoice.get', { id: issued[i]! }));
        const remoteId = inv.links[0]?.remoteId;
        assert.ok(remoteId, `${a.provider}: created at the provider`);
        payAtProvider(a.provider, a.fake, remoteId);
      }
      await call('sync.now', env.call('sync.now', {}));
      for (const a of accounts) {
        await call('sync.import', env.call('sync.import', { accountId: a.id }));
        await call('account.test', env.call('account.test', { id: a.id }));
        await call('account.get', env.call('account.get', { id: a.id }));
      }
      const paid = await Promise.all(issued.map((id) => env.call('invoice.get', { id })));
      assert.ok(
        paid.every((i) => i.status === 'paid'),
        `every invoice paid: ${paid.map((i) => i.status).join(', ')}`,
      );
      // A wrong key refused by a provider (its 401 may echo it) — the wrong key is a secret too.
      const wrong = 'sk_test_WRONGkashio0000000000000wrong';
      await call(
        'account.setSecrets',
        env.call('account.setSecrets', { id: accounts[1]!.id, secrets: { secretKey: wrong } }),
      );
      await call('account.test', env.call('account.test', { id: accounts[1]!.id }));
      await call(
        'account.setSecrets',
        env.call('account.setSecrets', { id: accounts[1]!.id, secrets: SECRETS.kashio }),
      );

      // Share by e-mail, exports, a backup.
      await call('share.send', env.call('share.send', { id: issued[0]!, route: 'email' }));
      await call('sync.now', env.call('sync.now', {}));
      await call('smtp.get', env.call('smtp.get', {}));
      await call('export.csv', env.call('export.csv', { what: 'invoices', file: path.join(outDir, 'invoices.csv') }));
      await call('export.csv', env.call('export.csv', { what: 'lines', inline: true }));
      await call('pdf.render', env.call('pdf.render', { id: issued[1]!, file: path.join(outDir, 'invoice.pdf') }));
      await call('ledger.backup', env.call('ledger.backup', { file: path.join(outDir, 'backup.kassa') }));
      await call('ledger.check', env.call('ledger.check', {}));
      await call('sync.status', env.call('sync.status', {}));

      // A crash: `kassa sync` in a child process (keys from the keychain) killed in the middle of a request.
      proxy = await new HostileProxy(accounts[1]!.fake.url, [], 60_000).start();
      await env.call('account.update', { id: accounts[1]!.id, baseUrl: proxy.url });
      await env.call('account.setSecrets', { id: accounts[1]!.id, secrets: SECRETS.kashio });
      proxy.mode = 'slow_body';
      const d = await env.call('invoice.create', {
        customerId: env.customerId,
        currency: CURRENCY.kashio,
        lines: [{ description: 'Crash', quantity: '1', unitPrice: 5_000, taxRate: '14', taxCategory: 'S' }],
      });
      await env.call('invoice.issue', { id: d.id, accountId: accounts[1]!.id });
      const crash = await killedMidRequest(
        ['sync', '--account', 'kashio scan', '--once', '--data-dir', env.s.config.dataDir],
        proxy,
      );
      fs.writeFileSync(path.join(crashDir, 'stdout'), crash.stdout);
      fs.writeFileSync(path.join(crashDir, 'stderr'), crash.stderr);
      assert.equal(
        crash.signal,
        'SIGKILL',
        `kassa sync ended by itself: ${crash.stdout.slice(0, 300)} ${crash.stderr.slice(0, 600)}`,
      );

      const secrets = [...ALL, wrong];
      const scan = scanTree([env.s.config.dataDir, outDir, crashDir], secrets);
      assert.deepEqual(scan.hits, [], 'no key in any form in the data folder, exports, backups or crash output');
      assert.ok(
        scan.files >= 8,
        `scanned the ledger, its WAL, logs, exports, backup and crash output (${scan.files} files)`,
      );
      const answerText = answers.entries.map((e) => JSON.stringify(e.value)).join('\n');
      assert.equal(formHits(answerText, secrets), 0, 'no key in any form in a contract answer');
      // What left the machine by e-mail (the invoice, its PDF attached) carries no key either.
      assert.equal(smtp.messages.length, 1, 'the e-mail share was delivered');
      const mailText = JSON.stringify(smtp.messages);
      assert.equal(formHits(mailText, secrets), 0, 'no key in any form in the e-mail sent');
      const forms = secretForms(secrets).length;
      console.log(
        `secret scan: ${secrets.length} secrets × ${forms} forms (any case, UTF-8 and UTF-16) over ${scan.files} files, ` +
          `${scan.bytes} bytes, ${answers.entries.length} contract answers (${answerText.length} chars) and ` +
          `${smtp.messages.length} e-mail (${mailText.length} chars): 0 found`,
      );
    } finally {
      await proxy?.close();
      for (const f of fakes) await f.close();
      await env.close();
    }
  },
);

/** Runs `kassa` from source (not the built bin), waits until its request reaches the proxy, and kills it with SIGKILL. */
function killedMidRequest(
  args: string[],
  proxy: HostileProxy,
): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  const before = proxy.requests;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, KASSA_DEBUG: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const waiting = setInterval(() => {
    if (proxy.requests > before) child.kill('SIGKILL');
  }, 50);
  const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearInterval(waiting);
      clearTimeout(deadline);
      resolve({ stdout, stderr, signal });
    }),
  );
}
