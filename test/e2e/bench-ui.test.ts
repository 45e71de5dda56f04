/**
 * `npm run bench:ui` cannot rot: its script runs here at a tiny size (200 invoices, one measured run) and must end
 * with one valid JSON line with every figure for that size. The times themselves are not asserted (benchmarks
 * measure, tests do not time).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../main/native/bindings';
import { tempDir } from '../helpers/tmp';

test('the bench:ui script seeds a ledger, drives Chromium and prints one JSON line of p50/p95 figures', () => {
  const cache = tempDir('kassa-bench-ui-');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('test', 'bench', 'ui.bench.ts')], {
    cwd: projectRoot(),
    env: { ...process.env, BENCH_UI_SIZES: '200', BENCH_UI_RUNS: '1', BENCH_UI_CACHE: cache },
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const line = JSON.parse(last) as Record<string, unknown>;
  assert.deepEqual(line.invoices, [200]);
  assert.equal(line.runs, 1);
  for (const key of ['list_first_rows_ms', 'scroll_to_end_ms', 'search_ms', 'open_invoice_ms']) {
    const bySize = line[key] as Record<string, { p50: number; p95: number }>;
    assert.deepEqual(Object.keys(bySize), ['200'], key);
    for (const v of [bySize['200']!.p50, bySize['200']!.p95])
      assert.ok(Number.isFinite(v) && v > 0, `${key}: ${JSON.stringify(bySize)}`);
  }
  // The seeded ledger was kept for the next run, under the schema version it was made with.
  assert.equal(fs.readdirSync(cache).filter((f) => /^invoices-200-schema-\d+\.db$/.test(f)).length, 1);
});
