/**
 * Leak checks: after adding, listing, updating, testing (against a local HTTP server that echoes the
 * key it rejects) and removing accounts — through the contract and through the CLI — no secret byte is
 * in the SQLite file, its -wal/-shm, the logs, any contract response or any error message.
 * Real keychain (npm test's private gnome-keyring); skipped with the reason elsewhere.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { AccountService } from '../../../main/accounts/service';
import type { AdapterDeps, ProviderAdapter } from '../../../main/providers/types';
import { createServices, type Services } from '../../../main/services';
import type { MethodInput } from '../../../shared/api';
import { KASHIER_FAKE_KEYS, startKashierFake } from '../../fakes/kashier';
import { PAYCASHLESS_FAKE_KEYS, startPaycashlessFake } from '../../fakes/paycashless';
import { assertNoLeaks, ResponseLog, scanBytes, scanFiles, scanValue } from '../../helpers/leaks';
import { caller } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { errorOf, runCli } from './run-cli';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs a real keychain: run through "npm test -- leaks" (private D-Bus session + gnome-keyring, KASSA_KEYCHAIN_TESTS=run)';

test('the scanner finds a secret in a SQLite file, its WAL, a log line and a response (so a clean scan means something)', () => {
  const dir = tempDir('kassa-leakscan-');
  const secret = 'sk_live_control_0123456789';
  const db = new Database(path.join(dir, 'x.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run(`prefix ${secret} suffix`);
  const hits = scanFiles([dir], [secret]);
  assert.ok(
    hits.some((h) => h.where.endsWith('x.db-wal') && h.encoding === 'utf8'),
    JSON.stringify(hits),
  );
  db.close();
  assert.ok(scanFiles([dir], [secret]).some((h) => h.where.endsWith('x.db')));
  const basic = scanBytes('b64', `Authorization: Basic ${Buffer.from(`${secret}:`).toString('base64')}`, [secret]);
  assert.ok(
    basic.some((h) => h.encoding === 'base64-basic'),
    JSON.stringify(basic),
  );
  assert.equal(scanValue('err', new Error(`bad key ${secret}`), [secret]).length, 1);
  assert.equal(scanValue('clean', { ok: true }, [secret]).length, 0);
  assert.throws(() => assertNoLeaks(scanValue('r', { k: secret }, [secret])), /secret #0 \(utf8\) in r/);
});

/** A local provider: accepts only the current key, and echoes back whatever wrong key it was sent. */
async function fakeProvider(): Promise<{
  url: string;
  goodKey: { value: string };
  requests: number;
  close(): Promise<void>;
}> {
  const state = { goodKey: { value: '' }, requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    const auth = req.headers.authorization ?? '';
    const key = auth.replace(/^Bearer /, '');
    if (key === state.goodKey.value) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[],"hasMore":false}');
    } else {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Invalid API key: ${key}` } }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    goodKey: state.goodKey,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A stand-in adapter (the real ones live in main/providers/): one authenticated GET, logging as an adapter might. */
function httpAdapter(deps: AdapterDeps): ProviderAdapter {
  const unused = (): never => {
    throw new Error('not used');
  };
  return {
    capabilities: {
      operations: [],
      currencies: 'any',
      lookupRoute: null,
      shareChannels: [],
      paymentUrlObserved: false,
      rateLimitPerMinute: null,
      caveats: [],
    },
    async testConnection() {
      const secrets = await deps.secrets();
      const key = secrets.apiKey ?? secrets.secretKey ?? '';
      const url = `${deps.account.baseUrl}/v1/invoices?limit=1&api_key=${key}`;
      deps.log.info('provider.request', { url, headers: { Authorization: `Bearer ${key}` } });
      const res = await deps.fetch(url, { headers: { Authorization: `Bearer ${key}` } });
      const body = (await res.json()) as { error?: { message: string } };
      if (res.ok) return { ok: true, result: 'ok', message: 'Connected.', httpStatus: res.status };
      return {
        ok: false,
        result: res.status === 401 ? 'wrong_key' : 'provider_error',
        message: body.error?.message ?? 'error',
        httpStatus: res.status,
      };
    },
    validateForCreate: unused,
    referenceFor: unused,
    create: unused,
    listPage: unused,
  };
}

test(
  'no secret in the ledger file, WAL, logs, responses or errors after a full account lifecycle (contract)',
  { skip },
  async () => {
    const dataDir = tempDir('kassa-leak-data-');
    const base = await createServices({ dataDir, runtime: 'test' });
    const provider = await fakeProvider();
    const accounts = new AccountService({
      db: base.ledger.db,
      secrets: base.secrets,
      log: base.log,
      events: base.events,
      now: base.now,
      fetch: base.fetch,
      createAdapter: httpAdapter,
    });
    const s: Services = { ...base, accounts };
    const call = caller(s);
    const seen = new ResponseLog();
    const secrets = {
      payKey: 'pk_test_leak_AAAA1111bbbb',
      paySecret: 'ps_test_leak_CCCC2222dddd',
      payKey2: 'pk_test_leak_EEEE3333ffff',
      kashierKey: 'ksk_leak_GGGG4444hhhh',
      kashierPay: 'kpa_leak_IIII5555jjjj',
      wrongKey: 'pk_test_wrong_KKKK6666llll',
      simple: '0123456789abcdef0123456789abcdef',
    };
    const all = Object.values(secrets);
    try {
      provider.goodKey.value = secrets.payKey;
      const pay = await call('account.add', {
        provider: 'paycashless',
        name: 'Paycashless test',
        mode: 'test',
        baseUrl: provider.url,
        settings: { defaultCurrency: 'NGN' },
        secrets: { apiKey: secrets.payKey, apiSecret: secrets.paySecret },
      });
      seen.record('add paycashless', pay);
      const kashier = seen.record(
        'add kashier',
        await call('account.add', {
          provider: 'kashier',
          name: 'Kashier',
          mode: 'test',
          baseUrl: provider.url,
          settings: { merchantId: 'MID-1234-567' },
          secrets: { secretKey: secrets.kashierKey, paymentApiKey: secrets.kashierPay },
        }),
      );
      const simple = seen.record(
        'add simplecash',
        await call('account.add', {
          provider: 'simplecash',
          name: 'BCH',
          mode: 'live',
          secrets: { apiKey: secrets.simple },
        }),
      );
      seen.record('list', await call('account.list', {}));
      seen.record('get', await call('account.get', { id: pay.id }));
      seen.record('resolve', await call('account.resolve', { ref: 'paycashless TEST' }));
      seen.record(
        'update',
        await call('account.update', { id: pay.id, name: 'Paycashless sandbox', settings: { defaultCurrency: 'USD' } }),
      );
      seen.record('status', await call('keychain.status', {}));

      const ok = seen.record('test ok', await call('account.test', { id: pay.id }));
      assert.equal(ok.result, 'ok');
      // The provider rejects the key and echoes it in its message: the result must not carry it.
      provider.goodKey.value = secrets.payKey2;
      const wrong = seen.record('test wrong', await call('account.test', { id: pay.id }));
      assert.equal(wrong.result, 'wrong_key');
      assert.match(wrong.message, /Invalid API key: \[redacted\]/);
      seen.record(
        'set secrets',
        await call('account.setSecrets', { id: pay.id, secrets: { apiKey: secrets.payKey2 } }),
      );
      assert.equal(seen.record('test ok again', await call('account.test', { id: pay.id })).result, 'ok');
      seen.record('test kashier', await call('account.test', { id: kashier.id }));
      seen.record('delete secret', await call('account.deleteSecret', { id: kashier.id, field: 'paymentApiKey' }));
      assert.ok(provider.requests >= 4);

      // Errors whose input carries secrets: none may come back in the error.
      const bad: Array<[string, MethodInput<'account.add'>]> = [
        ['duplicate name', { provider: 'kaspa', name: 'bch', mode: 'live', secrets: { apiKey: secrets.wrongKey } }],
        [
          'unknown field',
          {
            provider: 'kaspa',
            name: 'X',
            mode: 'live',
            secrets: { apiKey: 'liv_ok_key_000', token: secrets.wrongKey },
          },
        ],
        [
          'key in settings',
          {
            provider: 'kaspa',
            name: 'X',
            mode: 'live',
            settings: { defaultCurrency: secrets.wrongKey },
            secrets: { apiKey: secrets.wrongKey },
          },
        ],
        [
          'key in URL',
          {
            provider: 'kaspa',
            name: 'X',
            mode: 'live',
            baseUrl: `https://user:${secrets.wrongKey}@h.example`,
            secrets: { apiKey: 'liv_ok_key_000' },
          },
        ],
        [
          'key in URL query',
          {
            provider: 'kaspa',
            name: 'X',
            mode: 'live',
            baseUrl: `https://h.example/?api_key=${secrets.wrongKey}`,
            secrets: { apiKey: 'liv_ok_key_000' },
          },
        ],
        [
          'two-line key',
          {
            provider: 'kaspa',
            name: 'X',
            mode: 'live',
            secrets: { apiKey: `${secrets.wrongKey}\n${secrets.wrongKey}` },
          },
        ],
        [
          'bad provider',
          {
            provider: secrets.wrongKey,
            name: 'X',
            mode: 'live',
            secrets: { apiKey: secrets.wrongKey },
          } as unknown as MethodInput<'account.add'>,
        ],
      ];
      for (const [label, input] of bad) {
        const r = await seen.capture(`error: ${label}`, () => call('account.add', input));
        assert.ok(r instanceof Error, `${label} should fail`);
      }
      assert.ok(
        (await seen.capture('error: set unknown', () =>
          call('account.setSecrets', { id: simple.id, secrets: { secretKey: secrets.wrongKey } }),
        )) instanceof Error,
      );

      // Scan while the ledger is open (the WAL holds the recent pages).
      assertNoLeaks(scanFiles([dataDir], all), 'in the data dir (ledger open)');
      for (const a of [pay, kashier, simple])
        seen.record(`remove ${a.name}`, await call('account.remove', { id: a.id }));
      assert.deepEqual(await s.secrets.listFields(pay.id), []);
      assertNoLeaks(seen.scan(all), 'in contract responses or errors');
    } finally {
      await provider.close();
      await base.close();
    }
    assertNoLeaks(scanFiles([dataDir], all), 'in the data dir (ledger closed)');
    // The logs exist and were written to (so a clean scan of them means something).
    assert.match(fs.readFileSync(path.join(dataDir, 'logs', 'kassa.log'), 'utf8'), /account\.tested/);
  },
);

test(
  'no secret in CLI output, the ledger or logs after add, list, set-secret, test and remove (CLI)',
  { skip },
  async () => {
    const dataDir = tempDir('kassa-leak-cli-');
    const env = { ...process.env, KASSA_DATA_DIR: dataDir };
    const s1 = 'ak_cli_leak_MMMM7777nnnn';
    const s2 = 'as_cli_leak_OOOO8888pppp';
    const s3 = 'ak_cli_leak_QQQQ9999rrrr';
    const outputs: string[] = [];
    const run = async (args: string[], input?: string) => {
      const r = await runCli(args, input === undefined ? { env } : { env, input });
      outputs.push(r.stdout, r.stderr);
      return r;
    };
    const add = await run(
      [
        'account',
        'add',
        '--provider',
        'paycashless',
        '--mode',
        'test',
        '--name',
        'Paycashless test',
        '--base-url',
        'http://127.0.0.1:9',
      ],
      JSON.stringify({ apiKey: s1, apiSecret: s2 }),
    );
    assert.equal(add.code, 0, add.stderr);
    const id = (JSON.parse(add.stdout) as { id: string }).id;
    assert.equal((await run(['account', 'list'])).code, 0);
    const set = await run(['account', 'set-secret', 'paycashless TEST'], JSON.stringify({ apiKey: s3 }));
    assert.equal(set.code, 0, set.stderr);
    const bad = await run(['account', 'set-secret', id], JSON.stringify({ apiKey: `${s1}\n${s3}` }));
    assert.equal(bad.code, 1);
    // Refused by the contract (a line break inside a key is a control character), before the account service.
    assert.equal(errorOf(bad).code, 'invalid_input');
    assert.equal(errorOf(bad).field, 'secrets.apiKey');
    const notJson = await run(['account', 'set-secret', id], `{"apiKey": ${s1}`);
    assert.equal(errorOf(notJson).code, 'invalid_json');
    const tested = await run(['account', 'test', id]);
    assert.notEqual(tested.code, 0); // no adapter wired, or nothing listening on port 9: either way a clean error
    const removed = await run(['account', 'remove', 'Paycashless test']);
    assert.equal(removed.code, 0, removed.stderr);
    assertNoLeaks(
      outputs.flatMap((o, i) => scanBytes(`cli output #${i}`, o, [s1, s2, s3])),
      'in CLI output',
    );
    assertNoLeaks(scanFiles([dataDir], [s1, s2, s3]), 'in the data dir');
  },
);

test(
  'no secret in the ledger, logs or responses after testing real adapters against the simulators',
  { skip },
  async () => {
    const dataDir = tempDir('kassa-leak-fakes-');
    const s = await createServices({ dataDir, runtime: 'test' });
    const call = caller(s);
    const seen = new ResponseLog();
    const pay = await startPaycashlessFake();
    const kash = await startKashierFake();
    const wrong = 'pk_sandbox_WRONG_leak_key_0000001';
    const all = [
      PAYCASHLESS_FAKE_KEYS.sandbox.apiKey,
      PAYCASHLESS_FAKE_KEYS.sandbox.apiSecret,
      KASHIER_FAKE_KEYS.test,
      wrong,
    ];
    try {
      const p = seen.record(
        'add p',
        await call('account.add', {
          provider: 'paycashless',
          name: 'P',
          mode: 'test',
          baseUrl: pay.url,
          secrets: { ...PAYCASHLESS_FAKE_KEYS.sandbox },
        }),
      );
      const k = seen.record(
        'add k',
        await call('account.add', {
          provider: 'kashier',
          name: 'K',
          mode: 'test',
          baseUrl: kash.url,
          settings: { merchantId: KASHIER_FAKE_KEYS.merchantId },
          secrets: { secretKey: KASHIER_FAKE_KEYS.test },
        }),
      );
      assert.equal(seen.record('test p', await call('account.test', { id: p.id })).result, 'ok');
      assert.equal(seen.record('test k', await call('account.test', { id: k.id })).result, 'ok');
      seen.record('set wrong', await call('account.setSecrets', { id: p.id, secrets: { apiKey: wrong } }));
      assert.equal(seen.record('test wrong', await call('account.test', { id: p.id })).result, 'wrong_key');
      seen.record('list', await call('account.list', {}));
      assertNoLeaks(scanFiles([dataDir], all), 'in the data dir (ledger open)');
      seen.record('remove p', await call('account.remove', { id: p.id }));
      seen.record('remove k', await call('account.remove', { id: k.id }));
    } finally {
      await pay.close();
      await kash.close();
      await s.close();
    }
    assertNoLeaks(seen.scan(all), 'in contract responses');
    assertNoLeaks(scanFiles([dataDir], all), 'in the data dir (ledger closed)');
  },
);
