/**
 * One owner per table: every statement that writes a ledger table is in that table's module, and no SQL on ledger
 * tables is written outside main/ledger/ (and main/accounts/repository.ts, the owner of `accounts`). Reads the
 * sources, so a new writer anywhere else fails here with the file and the statement.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../../main/native/bindings';

const root = projectRoot();
const MAIN = path.join(root, 'main');
const MIGRATIONS = path.join(MAIN, 'ledger', 'migrations');

const OWNERS: Record<string, string> = {
  accounts: 'main/accounts/repository.ts',
  closed_periods: 'main/ledger/tables/periods.ts',
  customers: 'main/ledger/tables/customers.ts',
  invoice_history: 'main/ledger/tables/history.ts',
  invoice_lines: 'main/ledger/tables/invoices.ts',
  invoice_links: 'main/ledger/tables/invoice-links.ts',
  invoice_search: 'main/ledger/tables/invoices.ts',
  invoices: 'main/ledger/tables/invoices.ts',
  meta: 'main/ledger/tables/meta.ts',
  outbox: 'main/ledger/tables/outbox.ts',
  payments: 'main/ledger/tables/payments.ts',
  period_history: 'main/ledger/tables/periods.ts',
  profile: 'main/ledger/tables/profile.ts',
  quote_lines: 'main/ledger/tables/quotes.ts',
  quotes: 'main/ledger/tables/quotes.ts',
  reminder_overrides: 'main/ledger/tables/reminders.ts',
  reminder_sends: 'main/ledger/tables/reminders.ts',
  recurring_runs: 'main/ledger/tables/recurring.ts',
  recurring_schedules: 'main/ledger/tables/recurring.ts',
  refunds: 'main/ledger/tables/refunds.ts',
  record_chain: 'main/ledger/tables/record-chain.ts',
  series: 'main/ledger/tables/series.ts',
  series_counters: 'main/ledger/tables/series.ts',
  tax_rates: 'main/ledger/tables/tax-rates.ts',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === MIGRATIONS ? [] : sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/');

function schemaTables(): string[] {
  const names = new Set<string>();
  for (const f of fs.readdirSync(MIGRATIONS)) {
    const text = fs.readFileSync(path.join(MIGRATIONS, f), 'utf8');
    for (const m of text.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) names.add(m[1] as string);
  }
  return [...names].sort();
}

test('every table of the schema has an owner module, and the owner exists', () => {
  const tables = schemaTables();
  assert.ok(tables.includes('invoices') && tables.includes('outbox'), `schema tables found: ${tables.join(', ')}`);
  for (const t of tables) {
    assert.ok(
      OWNERS[t],
      `table ${t} has no owner in this test's map (add its module to OWNERS and to CONTRIBUTING.md)`,
    );
    assert.ok(fs.existsSync(path.join(root, OWNERS[t] as string)), `owner of ${t} missing: ${OWNERS[t]}`);
  }
});

test('only the owner of a table writes it', () => {
  const tables = new Set(schemaTables());
  const stray: string[] = [];
  for (const file of sources(MAIN)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+([a-z_]+)/g)) {
      const table = m[2] as string;
      if (!tables.has(table)) continue;
      if (OWNERS[table] !== rel(file)) stray.push(`${rel(file)}: ${m[1]} ${table} (owner: ${OWNERS[table]})`);
    }
  }
  assert.deepEqual(stray, []);
});

test('no SQL on ledger tables outside main/ledger/ and the accounts repository', () => {
  const tables = new Set(schemaTables());
  const stray: string[] = [];
  for (const file of sources(MAIN)) {
    const r = rel(file);
    if (r.startsWith('main/ledger/') || r === OWNERS.accounts) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)/g)) {
      if (tables.has(m[2] as string)) stray.push(`${r}: ${m[1]} ${m[2]}`);
    }
    if (/\bstmt(<[^>]*>)?\(|\.prepare\(/.test(text)) stray.push(`${r}: prepares a statement`);
  }
  assert.deepEqual(stray, []);
});

test("CONTRIBUTING.md's table of owners names every table of the schema with its owner", () => {
  const doc = fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
  const listed = new Map<string, string>();
  // Rows like: | `quotes`, `quote_lines` | `main/ledger/tables/quotes.ts` |
  for (const m of doc.matchAll(/^\s*\|([^|\n]*)\|\s*`(main\/[^`]+\.ts)`\s*\|\s*$/gm)) {
    for (const t of (m[1] as string).matchAll(/`([a-z_]+)`/g)) listed.set(t[1] as string, m[2] as string);
  }
  const wrong = schemaTables()
    .filter((t) => listed.get(t) !== OWNERS[t])
    .map((t) => `${t}: ${listed.get(t) ?? 'not listed'} (owner: ${OWNERS[t]})`);
  assert.deepEqual(wrong, []);
});
