/**
 * Every code main can emit has a message in the catalogue. The type checker already holds literal codes passed
 * to KassaError / invalid / refused to it; this test walks what it cannot see: codes made at run time (guards,
 * provider errors, connection tests, descriptor rules), and the keys main builds from its own codes (sync
 * advice, history actions, change notifications, Factur-X gaps, provider operations), found in the source.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CHECK_INVARIANTS, CHECK_PROBLEM_CODES } from '../../../main/ledger/check-problem';
import { GUARD_CODES } from '../../../main/ledger/sql';
import { INTERRUPTED_CODE } from '../../../main/ledger/tables/outbox';
import { PROVIDER_ERROR_CODES, providerError } from '../../../main/providers/http-errors';
import { CHANGE_KINDS } from '../../../main/sync/ledger-apply';
import { projectRoot } from '../../../main/native/bindings';
import { ACCOUNT_TEST_OUTCOMES, KEYCHAIN_FAILURE_REASONS } from '../../../shared/contract/accounts';
import { ACTORS } from '../../../shared/contract/invoices';
import { createTranslator, isMessageKey } from '../../../shared/i18n/catalogue';
import { PROVIDERS } from '../../../shared/providers';

const root = projectRoot();

function sources(dir: string): Array<{ file: string; text: string }> {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(root, dir, f), 'utf8') }));
}

const MAIN = [...sources('main'), ...sources('shared')];

/** Every first capture of `re` in main/ and shared/, with where it was found. */
function found(re: RegExp): Array<{ value: string; where: string }> {
  return MAIN.flatMap(({ file, text }) => [...text.matchAll(re)].map((m) => ({ value: m[1]!, where: file })));
}

function assertKeys(keys: Array<{ key: string; where: string }>, what: string): void {
  const missing = keys.filter((k) => !isMessageKey(k.key)).map((k) => `${k.key} (${k.where})`);
  assert.deepEqual([...new Set(missing)], [], `${what} without a message`);
  assert.ok(keys.length > 0, `${what}: the walk found nothing (the pattern no longer matches the source?)`);
}

test('every literal error code in main and shared has a message', () => {
  const codes = [
    ...found(/new KassaError\(\s*'[a-z_]+',\s*'([a-z0-9_]+)'/g),
    ...found(/KassaError\.withCode\(\s*'[a-z_]+',\s*'([a-z0-9_]+)'/g),
    ...found(/\b(?:invalid|refused)\(\s*'([a-z0-9_]+)'/g),
    ...found(/\bnotFound\(\s*'([a-z_]+)'/g).map((c) => ({ ...c, value: `${c.value}_not_found` })),
  ];
  assert.ok(codes.length > 100, `found ${codes.length} throw sites`);
  assertKeys(
    codes.map((c) => ({ key: `error.${c.value}`, where: c.where })),
    'error codes',
  );
});

test('codes made at run time have messages: guards, provider errors, connection tests, descriptor rules', () => {
  const runtime = [
    ...GUARD_CODES,
    'ledger_refused',
    INTERRUPTED_CODE,
    ...PROVIDER_ERROR_CODES,
    ...ACCOUNT_TEST_OUTCOMES.map((o) => `account_test_${o}`),
    ...Object.values(PROVIDERS).flatMap((p) =>
      [...p.secretFields, ...p.settingFields].flatMap((f) => (f.pattern ? [f.pattern.code] : [])),
    ),
  ];
  assertKeys(
    runtime.map((c) => ({ key: `error.${c}`, where: 'run time' })),
    'run-time codes',
  );
  assertKeys(
    KEYCHAIN_FAILURE_REASONS.map((r) => ({ key: `keychain.reason.${r}`, where: 'keychain' })),
    'keychain reasons',
  );
});

test('the keys main builds from its own codes have messages', () => {
  // The ledger check's findings and invariants (main/ledger/check-problem.ts types every code it emits).
  assertKeys(
    [
      ...CHECK_PROBLEM_CODES.map((c) => ({ key: `check.${c}`, where: 'ledger check' })),
      ...CHECK_INVARIANTS.map((c) => ({ key: `check.invariant.${c}`, where: 'ledger check' })),
    ],
    'ledger check',
  );
  assertKeys(
    Object.values(PROVIDERS).flatMap((p) =>
      [...p.secretFields, ...p.settingFields].map((f) => ({ key: `providers.field.${p.id}.${f.name}`, where: p.id })),
    ),
    'provider field labels',
  );
  // Sync advice names its keys literally (typed); what to do instead comes from each provider's descriptor.
  assertKeys(
    [
      ...Object.values(PROVIDERS).flatMap((p) =>
        Object.values(p.instead).map((code) => ({ key: `providers.instead.${code}`, where: p.id })),
      ),
      { key: 'providers.instead.use_dashboard', where: 'main/sync/advice.ts' },
    ],
    'sync advice (instead)',
  );
  const actions = [
    ...found(/appendHistory\([^,]+,[^,]+,\s*'([a-z_]+)'/g),
    ...found(/noteHistory\([^,]+(?:\([^)]*\))?[^,]*,[^,]+,\s*'([a-z_]+)'/g),
    ...found(/history: \{ action: '([a-z_]+)'/g),
    ...found(/recordRemoteUpdate\([^,]+,\s*'([a-z_]+)'\)/g),
    ...found(/kind === 'reconciled' \? '([a-z_]+)'/g),
    ...found(/\? '([a-z_]+)' : 'provider_created'/g),
    ...found(/setStatus\(ctx, row, '[a-z_]+', '([a-z_]+)'/g),
  ];
  const lifecycle = ['created', 'updated', 'deleted', 'provider_created', 'status_changed', 'expired', 'cancelled'];
  assertKeys(
    [...actions, ...lifecycle.map((value) => ({ value, where: 'lifecycle' }))].map((a) => ({
      key: `history.action.${a.value}`,
      where: a.where,
    })),
    'history actions',
  );
  assertKeys(
    ACTORS.map((a) => ({ key: `history.actor.${a}`, where: 'actors' })),
    'history actors',
  );
  assertKeys(
    [
      ...CHANGE_KINDS.filter((k) => k !== 'conflict').map((k) => ({ key: `sync.change.${k}`, where: 'changes' })),
      ...found(/conflict\(\s*'([a-z_]+)'/g).map((c) => ({ key: `sync.change.${c.value}`, where: c.where })),
      ...CHANGE_KINDS.map((k) => ({ key: `sync.notify.${k}`, where: 'notifications' })),
    ],
    'sync changes and notifications',
  );
  assertKeys(
    found(/gaps\.add\(\s*[^,]+,\s*'([a-z_]+)'/g).map((g) => ({ key: `pdf.facturx.${g.value}`, where: g.where })),
    'Factur-X gaps',
  );
  assertKeys(
    [
      ...found(/request\(\s*'([a-zA-Z]+)'/g),
      ...found(/changeStatus\('([a-zA-Z]+)'/g),
      ...found(/operation: '([a-zA-Z]+)'/g),
      ...found(/this\.unexpected\('([a-zA-Z]+)'/g),
      ...found(/providerFailure\(\s*'([a-zA-Z]+)'/g),
    ].map((o) => ({ key: `providers.operation.${o.value}`, where: o.where })),
    'provider operations',
  );
});

test('every provider error reads as a whole sentence in every language, with the provider and operation', () => {
  for (const code of PROVIDER_ERROR_CODES) {
    const err = providerError({
      provider: 'paycashless',
      operation: 'create',
      code,
      httpStatus: 503,
      providerMessage: 'busy',
      retryable: true,
      params: { hint: 'key', reason: 'http', id: 'R-1', wait: '30', seconds: 20, network: 'ECONNRESET', what: '' },
    });
    assert.notEqual(err.message, code, `${code}: no fallback to the bare code`);
    assert.match(err.message, /Paycashless/, code);
    assert.doesNotMatch(err.message, /[{}]/, code);
    for (const language of ['ar', 'es'] as const) {
      const text = createTranslator({ language }).message(err.toMessage());
      assert.notEqual(text, `error.${code}`, `${language} ${code}`);
      assert.doesNotMatch(text, /[{}]|undefined/, `${language} ${code}`);
    }
  }
});
