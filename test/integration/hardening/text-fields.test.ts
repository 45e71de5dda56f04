/**
 * Text fields refuse what would be stored differently from what is shown: control characters, direction overrides,
 * lone surrogates and invisible-only text; unknown and prototype keys are refused, never dropped — at the contract's
 * schemas, so the UI, the CLI and the browser host get the same answer for every method. Nothing is written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { startHost } from '../../../main/host/server';
import { buildHandlers } from '../../../main/handlers';
import { api, methodNames } from '../../../shared/api';
import { textProblem } from '../../../shared/text-rules';
import { KassaError } from '../../../shared/errors';
import { dumpLedger, ledgerServices } from '../ledger/helpers';
import { tempDir } from '../../helpers/tmp';
import { walkSchema } from '../../helpers/schema-walk';

const problemOf = (err: unknown): string | undefined =>
  err instanceof KassaError ? (err.params?.problem as { key?: string } | undefined)?.key : undefined;

async function refused(p: Promise<unknown>, field: string, key: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof KassaError, String(err));
    assert.equal(err.code, 'invalid_input', err.message);
    assert.equal(err.field, field, err.message);
    assert.equal(problemOf(err), key, err.message);
    return true;
  });
}

test('the text rules: what is refused and what is kept', () => {
  const cases: Array<[string, ReturnType<typeof textProblem>, boolean?]> = [
    ['Nile Bakery', null],
    ['شركة النيل', null],
    ['Ali\u200cReza', null], // ZWNJ inside a Persian name is spelling, not trickery
    ['\u200fمرحبا', null], // a direction mark
    ['👩‍👩‍👧', null], // ZWJ emoji sequence
    ['  padded  ', null],
    ['', null],
    ['   ', null], // trims to empty: "empty", decided by the field
    ['a\u0000b', 'control_characters'],
    ['a\u0007', 'control_characters'],
    ['a\u0085b', 'control_characters'],
    ['two\nlines', 'control_characters'],
    ['two\nlines\tand a tab\r\n', null, true],
    ['a\u0000b', 'control_characters', true],
    ['a\u2028b', 'control_characters', true],
    ['total \u202e0001', 'direction_override'],
    ['\u2066x\u2069', 'direction_override'],
    ['a\ud800', 'broken_text'],
    ['\udc00a', 'broken_text'],
    ['\u200b', 'invisible_only'],
    ['\u200b\u200c\u200d\ufeff', 'invisible_only'],
    ['\u2060\u00ad\u180e', 'invisible_only'],
    ['\u3164\u115f', 'invisible_only'],
    ['\u2800', 'invisible_only'],
    ['\u{e0041}\u{e0042}', 'invisible_only'],
    [' \u00a0\u200b ', 'invisible_only'],
  ];
  for (const [text, want, lines] of cases)
    assert.equal(textProblem(text, { lines: lines ?? false }), want, JSON.stringify(text));
});

test('customer, business, payment and account texts refuse control, broken, override and invisible-only text; nothing is written', async () => {
  const { call, db } = await ledgerServices();
  const c = await call('customer.create', { name: 'Nile Bakery', notes: 'first line\nsecond line' });
  assert.equal(c.notes, 'first line\nsecond line');
  const before = dumpLedger(db);
  await refused(call('customer.create', { name: '\u200b\u200b' }), 'name', 'validation.invisible_only');
  await refused(call('customer.create', { name: 'a\u0000b' }), 'name', 'validation.control_characters');
  await refused(call('customer.create', { name: 'a\ud800' }), 'name', 'validation.broken_text');
  await refused(call('customer.create', { name: 'Bakery\u202e' }), 'name', 'validation.direction_override');
  await refused(call('customer.create', { name: 'Two\nlines' }), 'name', 'validation.control_characters');
  await refused(
    call('customer.update', { id: c.id, address: { city: '\u200b' } }),
    'address.city',
    'validation.invisible_only',
  );
  await refused(call('profile.set', { name: '\u200d\u2060' }), 'name', 'validation.invisible_only');
  await refused(call('profile.set', { name: 'Studio\u0000' }), 'name', 'validation.control_characters');
  await refused(call('invoice.list', { q: 'Nile\u0000' }), 'q', 'validation.control_characters');
  await refused(
    call('export.csv', { what: 'invoices', inline: true, filter: { q: '\u0000' } }),
    'filter.q',
    'validation.control_characters',
  );
  await refused(
    call('invoice.create', { customerId: c.id, currency: 'EUR', notes: 'ok\u0000' }),
    'notes',
    'validation.control_characters',
  );
  await refused(
    call('account.add', { provider: 'kashier', name: '\u200b\u200b', mode: 'test', secrets: { apiKey: 'k' } }),
    'name',
    'validation.invisible_only',
  );
  await refused(
    call('account.add', { provider: 'kashier', name: 'K', mode: 'test', secrets: { apiKey: '\u200b\u200c' } }),
    'secrets.apiKey',
    'validation.invisible_only',
  );
  await refused(
    call('account.add', { provider: 'kashier', name: 'K', mode: 'test', secrets: { apiKey: 'abc\u00a0def' } }),
    'secrets.apiKey',
    'validation.secret_invisible',
  );
  assert.deepEqual(dumpLedger(db), before);
});

test('unknown and prototype keys are refused, never dropped — also through the browser host (400, not 200)', async () => {
  const { s, call, db } = await ledgerServices();
  const before = dumpLedger(db);
  const proto = (json: string): unknown => JSON.parse(json);
  await refused(
    call(
      'account.add',
      proto(
        '{"provider":"kashier","name":"K","mode":"test","secrets":{"apiKey":"k"},"settings":{"__proto__":"x"}}',
      ) as never,
    ),
    'settings.__proto__',
    'validation.key_name',
  );
  await refused(
    call(
      'account.add',
      proto('{"provider":"kashier","name":"K","mode":"test","secrets":{"apiKey":"k","constructor":"x"}}') as never,
    ),
    'secrets.constructor',
    'validation.key_name',
  );
  await assert.rejects(call('customer.create', proto('{"name":"A","__proto__":{"x":1}}') as never), (e: unknown) => {
    assert.ok(e instanceof KassaError && e.code === 'invalid_input');
    assert.equal(problemOf(e), 'validation.unknown_fields');
    assert.match(e.message, /Unknown field: __proto__/);
    return true;
  });
  await assert.rejects(call('customer.create', { name: 'A', isAdmin: true } as never), /Unknown field: isAdmin/);

  const host = await startHost({
    handlers: buildHandlers(s),
    events: s.events,
    log: s.log,
    staticDir: tempDir(),
  });
  try {
    const post = (method: string, body: string | Uint8Array<ArrayBuffer>) =>
      fetch(`${host.url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body,
      });
    const r = await post(
      'account.add',
      '{"provider":"kashier","name":"K","mode":"test","secrets":{"apiKey":"k"},"settings":{"__proto__":"x"}}',
    );
    assert.equal(r.status, 400);
    const q = await post('invoice.list', JSON.stringify({ q: 'a\u0000b' }));
    assert.equal(q.status, 400, 'a NUL in a search is a clear 400, not a 500');
    // {"name":"é"} in Latin-1: the é is the single byte 0xE9, not UTF-8.
    const bad = await post('customer.create', new Uint8Array(Buffer.from('{"name":"\u00e9"}', 'latin1')));
    assert.equal(bad.status, 400, 'a body that is not UTF-8 is refused, not stored as U+FFFD');
  } finally {
    await host.close();
  }
  assert.deepEqual(dumpLedger(db), before);
});

test('every contract input: objects strict, records of plain keys, every string bounded and checked', () => {
  const problems: string[] = [];
  for (const name of methodNames) {
    walkSchema(api[name].input as z.ZodType, name, (node, at) => {
      if (node.kind === 'object' && !node.strict) problems.push(`${at}: object is not strict`);
      if (node.kind === 'record' && !node.plainKeys) problems.push(`${at}: record without plainRecord()`);
      if (node.kind === 'string') {
        if (!node.bounded) problems.push(`${at}: string without a length limit`);
        if (!node.checked && !CHECKED_ELSEWHERE.has(at)) problems.push(`${at}: string without character rules`);
      }
    });
  }
  assert.deepEqual(problems, []);
});

/** Strings whose characters are checked by the code that reads them, with better words than a field rule. */
const CHECKED_ELSEWHERE = new Set([
  // Checked cell by cell with the CSV line named (main/ledger/customer-import.ts).
  'customer.import.csv',
]);
