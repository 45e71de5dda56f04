/**
 * The contract input campaign (issue 16): every method of the contract (walked from shared/api.ts, never listed by
 * hand) gets inputs generated from its schema that are hostile in one place each — wrong types, missing and extra
 * fields, huge strings, deep nesting, prototype keys, NaN/Infinity/−0, fractional and negative minor units, control
 * and invisible characters (test/helpers/hostile-inputs.ts). Each must end in a clear typed error about the field it
 * broke (never internal_error), the process answers the next call, and the ledger's digest is the same before and
 * after. The same dispatcher the transports use runs them all in-process; a sample goes through the browser host's
 * HTTP and through the CLI.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { startHost } from '../../../main/host/server';
import { LEDGER_FILE_NAME } from '../../../main/config';
import { api, methodNames, type MethodName } from '../../../shared/api';
import type { ErrorBody } from '../../../shared/errors';
import { kassaInProcess } from '../../helpers/cli-in-process';
import { hostileCases, type HostileCase, type HostileKind } from '../../helpers/hostile-inputs';
import { TEST_CALLER } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { customer, dumpLedger, insertAccount, issued, ledgerServices } from '../ledger/helpers';

const digest = (db: Database.Database): string =>
  createHash('sha256')
    .update(JSON.stringify(dumpLedger(db)))
    .digest('hex');

/**
 * Fields whose characters the handler checks (CSV cells, with the line named): the hostile value is put in a cell
 * under a `name` header, and the refusal is the import's report (`ok: false`, a problem per cell), not the schema's.
 */
const CHECKED_BY_HANDLER = new Set(['customer.import csv']);

function inCell(name: MethodName, c: HostileCase): unknown {
  if (!CHECKED_BY_HANDLER.has(`${name} ${c.at}`) || typeof c.input !== 'object' || c.input === null) return c.input;
  const csv = (c.input as { csv?: unknown }).csv;
  return typeof csv === 'string' ? { ...c.input, csv: `name\n${csv}` } : c.input;
}

/** An import report that refused its rows, each problem a catalogue code. */
function reportRefused(result: unknown): boolean {
  const r = result as { ok?: unknown; imported?: unknown; errors?: Array<{ problem?: { key?: unknown } }> };
  return (
    r.ok === false &&
    r.imported === 0 &&
    Array.isArray(r.errors) &&
    r.errors.length > 0 &&
    r.errors.every((e) => typeof e.problem?.key === 'string')
  );
}

/** The error is about the field the case broke (or inside it, or the object that holds it). */
const aboutField = (c: HostileCase, field: string | undefined, added: string | undefined): boolean =>
  c.at === ''
    ? true
    : field !== undefined &&
      (field === c.at || field.startsWith(`${c.at}.`) || c.at.startsWith(`${field}.`) || field === added);

function clearRefusal(
  error: ErrorBody,
  c: HostileCase,
  method: string,
  schemaLevel: boolean,
  added: string | undefined,
): string | null {
  const what = `${method} ${c.kind} @${c.at || '(input)'}`;
  if (error.kind === 'internal' || error.code === 'internal_error') return `${what}: internal_error`;
  if (!schemaLevel) return null;
  if (error.code !== 'invalid_input') return `${what}: ${error.code}, not invalid_input`;
  if (!aboutField(c, error.field ?? undefined, added)) return `${what}: about ${String(error.field)}`;
  return null;
}

test('contract campaign: every method refuses hostile inputs with a typed error about the broken field; the ledger is unchanged', async () => {
  const { s, call, db } = await ledgerServices();
  // A ledger with something in it, so "unchanged" means something.
  const cust = await customer(call);
  await issued(call, cust);
  insertAccount(db, 'acc_campaign1', 'kashier');
  const handlers = buildHandlers(s);
  const started = Date.now();
  const byKind = new Map<HostileKind, number>();
  const problems: string[] = [];
  const covered = new Set<MethodName>();
  let cases = 0;
  let withValidBase = 0;
  for (const name of methodNames) {
    const { baseValid, added, cases: list } = hostileCases(api[name].input as z.ZodType);
    if (baseValid) withValidBase++;
    const before = digest(db);
    for (const c of list) {
      const r = await dispatch(handlers, name, inCell(name, c), TEST_CALLER, s.log);
      cases++;
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      if (r.ok) {
        if (!(CHECKED_BY_HANDLER.has(`${name} ${c.at}`) && reportRefused(r.result)))
          problems.push(`${name} ${c.kind} @${c.at}: accepted`);
        continue;
      }
      const schemaLevel = baseValid && !CHECKED_BY_HANDLER.has(`${name} ${c.at}`);
      const p = clearRefusal(r.error, c, name, schemaLevel, added);
      if (p) problems.push(p);
    }
    if (digest(db) !== before) problems.push(`${name}: the ledger changed`);
    // Generated cases cover every kind that applies; a method with none would be a hole in the walk.
    if (list.length >= 8) covered.add(name);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(
    methodNames.filter((m) => !covered.has(m)),
    [],
    'every contract method gets hostile inputs',
  );
  assert.equal(withValidBase, methodNames.length, 'a valid base input was built for every method');
  // The process is up and the ledger answers as before.
  assert.equal((await call('customer.list', {})).items.length, 1);
  const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(
    `contract campaign: ${methodNames.length} methods, ${cases} hostile inputs, 0 accepted, 0 internal errors, ledger unchanged (${kinds}) in ${Date.now() - started} ms`,
  );
});

test('contract campaign through the browser host: a sample of every method over HTTP answers 4xx with a typed error', async () => {
  const { s, call, db } = await ledgerServices();
  await customer(call);
  const host = await startHost({ handlers: buildHandlers(s), events: s.events, log: s.log, staticDir: tempDir() });
  const problems: string[] = [];
  let sent = 0;
  try {
    const before = digest(db);
    for (const name of methodNames) {
      const { cases } = hostileCases(api[name].input as z.ZodType);
      // Every kind once per method (the first case of each), as JSON can carry it.
      const seen = new Set<HostileKind>();
      for (const c of cases.filter((x) => x.json)) {
        if (seen.has(c.kind)) continue;
        seen.add(c.kind);
        const res = await fetch(`${host.url}api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
          body: JSON.stringify(inCell(name, c)),
        });
        sent++;
        const body = (await res.json()) as { error?: ErrorBody; result?: unknown };
        if (res.status === 200 && CHECKED_BY_HANDLER.has(`${name} ${c.at}`) && reportRefused(body.result)) continue;
        if (res.status < 400 || res.status >= 500 || !body.error || body.error.code === 'internal_error')
          problems.push(`${name} ${c.kind} @${c.at}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
      }
    }
    assert.equal(digest(db), before);
    const health = await fetch(`${host.url}api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    assert.equal(health.status, 200, 'the host still answers');
  } finally {
    await host.close();
  }
  assert.deepEqual(problems, []);
  console.log(`contract campaign (browser host): ${sent} hostile requests, every one 4xx with a typed error`);
});

/** CLI commands that hand their --data object to one method as it is. */
const CLI_DATA_COMMANDS: Array<[string[], MethodName]> = [
  [['customer', 'create'], 'customer.create'],
  [['invoice', 'create'], 'invoice.create'],
  [['profile', 'set'], 'profile.set'],
  [['quote', 'create'], 'quote.create'],
];

test('contract campaign through the CLI: hostile --data for the commands that pass it on: a JSON error, exit ≠ 0, nothing written', async () => {
  const dir = tempDir();
  const seed = await kassaInProcess(['customer', 'create', '--data', '{"name":"Nile Bakery"}', '--data-dir', dir]);
  assert.equal(seed.code, 0, seed.stderr);
  const ledger = () => {
    const db = new Database(path.join(dir, LEDGER_FILE_NAME), { readonly: true });
    try {
      return digest(db);
    } finally {
      db.close();
    }
  };
  const before = ledger();
  const problems: string[] = [];
  let ran = 0;
  for (const [words, method] of CLI_DATA_COMMANDS) {
    const seen = new Map<HostileKind, number>();
    for (const c of hostileCases(api[method].input as z.ZodType).cases.filter((x) => x.json)) {
      // Up to three of each kind per command keeps this part to a few seconds.
      const n = seen.get(c.kind) ?? 0;
      if (n >= 3) continue;
      seen.set(c.kind, n + 1);
      const r = await kassaInProcess([...words, '--data', '-', '--data-dir', dir], JSON.stringify(c.input));
      ran++;
      if (r.code === 0 || !r.error || r.error.code === 'internal_error')
        problems.push(`kassa ${words.join(' ')} ${c.kind} @${c.at}: exit ${r.code} ${r.stderr.slice(0, 120)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(ledger(), before, 'the ledger is unchanged');
  console.log(
    `contract campaign (CLI): ${ran} hostile --data inputs over ${CLI_DATA_COMMANDS.length} commands refused`,
  );
});
