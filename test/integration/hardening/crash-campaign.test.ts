/**
 * The SIGKILL campaign of issue 16: 50 runs, each a child process (fixtures/crash-worker.ts) doing one kind of work —
 * issuing, syncing with a provider simulator, sharing by e-mail through a real SMTP server, exporting PDFs and CSVs,
 * restoring backups — killed with SIGKILL at a random point, then "restarted" (Kassa's services opened again on the
 * same folder, as the next start of the app would). After each run:
 * - `check` is clean (SQLite integrity, the ledger's invariants, numbering not behind its marks);
 * - no invoice lost: every number the child printed as issued is in the ledger; no number twice;
 * - sync: once the restarted sync has drained, every invoice exactly once at the simulator (one create each);
 * - share: no e-mail twice; every share done (exactly one message) or parked for a person, none left hanging;
 * - export: every file under its final name is whole (a PDF from `%PDF-` to `%%EOF`, a CSV with every row); what a
 *   kill interrupts is only ever a hidden `.part` file;
 * - restore: the ledger is one backup or the other, never a mix; every file listed as a backup is a whole one.
 * The kill point: after a random number of the child's printed steps (or mid-way through the simulator's creates),
 * plus a random delay of a few milliseconds, so kills land inside the work rather than in start-up.
 * The seed is printed (KASSA_CRASH_SEED=<seed> repeats a campaign; KASSA_CRASH_RUNS changes the number of runs), and
 * so are the counts per operation. The children run one bundled JS file (esbuild, once per campaign) — a tsx start
 * per child would cost seconds each. Two lanes run side by side, each on its own data folders.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildSync } from 'esbuild';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/api';
import type { ProviderId } from '../../../shared/domain';
import { KassaError } from '../../../shared/errors';
import { dispatch } from '../../../main/dispatch';
import { buildHandlers } from '../../../main/handlers';
import { listBackups } from '../../../main/ledger/backup';
import { verifyBackup } from '../../../main/ledger/auto-backups';
import { projectRoot } from '../../../main/native/bindings';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import type { PaycashlessFake } from '../../fakes/paycashless';
import { TEST_CALLER } from '../../helpers/services';
import { startSmtpFake, type SmtpFake } from '../../helpers/smtp';
import { tempDir } from '../../helpers/tmp';
import { CURRENCY, fastSync, SECRETS, SETTINGS, startFake } from '../sync/helpers';
import type { CrashJob } from './fixtures/crash-worker';

const SEED = Number(process.env.KASSA_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.KASSA_CRASH_RUNS ?? 50);
const OPS = ['issue', 'sync', 'share', 'export', 'restore'] as const;
type Op = (typeof OPS)[number];
/** Side by side: each lane's operations run one after another on their own data folders. */
const LANES: Op[][] = [
  ['issue', 'export'],
  ['sync', 'share', 'restore'],
];

/** mulberry32: small, seedable, good enough to pick kill points. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** The order of the runs; each operation draws its kill points from its own generator, whatever the lanes' timing. */
const random = rng(SEED);
const randomOf = (op: Op): (() => number) => rng(SEED + 7_919 * (OPS.indexOf(op) + 1));

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits for `cond`, or for the child to end (a child that finished its job is not waited for). */
async function until(child: Child, cond: () => boolean): Promise<void> {
  while (!cond() && !child.ended()) await sleep(5);
}

function bundleWorker(): string {
  const out = path.join(projectRoot(), 'test-results', '.crash-worker', `worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, 'fixtures', 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}

interface Child {
  lines: string[];
  /** The process has exited (killed or done). */
  ended(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(): void;
  /** Resolves when `n` lines after "ready" were printed (or the child ended). */
  steps(n: number): Promise<void>;
}

function startWorker(bundle: string, op: Op, dataDir: string, job: CrashJob): Child {
  const child = spawn(process.execPath, [bundle, op, dataDir, JSON.stringify(job)], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  let stderr = '';
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let ended = false;
  const wake = (): void => {
    const steps = lines.length - 1; // "ready" is not a step
    for (const w of [...waiters]) {
      if (ended || (lines[0] === 'ready' && steps >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
    wake();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      ended = true;
      wake();
      resolve({ code, signal, stderr });
    }),
  );
  return {
    lines,
    ended: () => ended,
    exited,
    kill: () => child.kill('SIGKILL'),
    steps: (n) =>
      new Promise<void>((resolve) => {
        waiters.push({ n, resolve });
        wake();
      }),
  };
}

/** Kassa started again on the folder (what the next start of the app does), for checks and to finish the work. */
async function restart(dataDir: string, secretStore: MemorySecretStore): Promise<Services> {
  return createServices({
    dataDir,
    runtime: 'test',
    secretStore,
    sync: fastSync(),
    smtp: { connectionTimeoutMs: 5_000, greetingTimeoutMs: 5_000, socketTimeoutMs: 10_000 },
  });
}

function callerOf(s: Services) {
  const handlers = buildHandlers(s);
  return async <M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    const r = await dispatch(handlers, name, input, TEST_CALLER, s.log);
    if (!r.ok) throw KassaError.fromBody(r.error);
    return r.result as MethodResult<M>;
  };
}
type Call = ReturnType<typeof callerOf>;

/** Issues `n` one-line invoices (line i described `${label} i`) and answers their ids. */
async function issueSome(
  call: Call,
  n: number,
  draft: { customerId: string; currency: string; label: string; taxRate?: string; accountId?: string },
): Promise<string[]> {
  const ids: string[] = [];
  const zero = (draft.taxRate ?? '0') === '0';
  for (let i = 0; i < n; i++) {
    const d = await call('invoice.create', {
      customerId: draft.customerId,
      currency: draft.currency,
      lines: [
        {
          description: `${draft.label} ${i}`,
          quantity: '1',
          unitPrice: 2_000 + i,
          taxRate: draft.taxRate ?? '0',
          taxCategory: zero ? 'Z' : 'S',
        },
      ],
    });
    ids.push(
      (await call('invoice.issue', { id: d.id, ...(draft.accountId ? { accountId: draft.accountId } : {}) })).id,
    );
  }
  return ids;
}

interface Tally {
  runs: number;
  /** Kills that found the child still working (the others had finished their job first). */
  killedMidWork: number;
  /** Steps the children printed before they died. */
  steps: number;
  lost: number;
  duplicates: number;
  remoteDuplicates: number;
  halfWrittenShownComplete: number;
  /** Hidden work files (.part, a restore's staging copy) a kill left, seen after the last run (never shown as results). */
  hiddenLeftovers: number;
  /** Shares parked for a person after a restart (killed inside the mail transaction), counted after the last run. */
  parked: number;
}

/** What every run checks once Kassa is started again: a clean check and no invoice number twice. */
async function checkClean(s: Services, what: string, tally: Tally): Promise<void> {
  const report = await s.backups.check();
  assert.equal(report.ok, true, `${what}: check not clean: ${JSON.stringify(report.problems.slice(0, 3))}`);
  const twice = s.ledger.db
    .prepare(`SELECT number FROM invoices WHERE number IS NOT NULL GROUP BY number HAVING count(*) > 1`)
    .all();
  tally.duplicates += twice.length;
  assert.deepEqual(twice, [], `${what}: numbers twice`);
  // Whatever the backups folder lists is a whole backup (a kill mid-copy leaves no half file under a backup's name).
  const hidden = fs.existsSync(s.backups.dir) ? fs.readdirSync(s.backups.dir).filter((f) => f.startsWith('.')) : [];
  if (hidden.length > 0) tally.hiddenLeftovers = hidden.length;
  for (const b of listBackups(s.backups.dir)) {
    assert.ok(!path.basename(b.file).startsWith('.'), `${what}: a hidden file listed as a backup: ${b.file}`);
    assert.equal(verifyBackup(b.file).ok, true, `${what}: listed backup ${b.file} is not whole`);
  }
}

const numbersIn = (s: Services): Set<string> =>
  new Set(
    (
      s.ledger.db.prepare(`SELECT number FROM invoices WHERE number IS NOT NULL`).all() as Array<{ number: string }>
    ).map((r) => r.number),
  );

interface Subject {
  op: Op;
  dataDir: string;
  secretStore: MemorySecretStore;
  /** Before each run (on a restarted Kassa): the child's job and when to kill it. */
  prepare(s: Services, call: Call): Promise<{ job: CrashJob; killAfterSteps: number; delayMs: number }>;
  /** When the kill is due, if not after `killAfterSteps` printed steps (sync: the simulator's creates; share: mail received). */
  killAt?(child: Child, killAfterSteps: number): Promise<void>;
  /** After the kill, on a restarted Kassa: finish the work where needed and check what must hold. */
  verify(s: Services, call: Call, child: Child, tally: Tally): Promise<void>;
  close(): Promise<void>;
}

async function newSubject(op: Op): Promise<Subject> {
  const draw = randomOf(op);
  const between = (lo: number, hi: number): number => lo + Math.floor(draw() * (hi - lo + 1));
  const dataDir = path.join(tempDir(`kassa-crash-${op}-`), 'data');
  const secretStore = new MemorySecretStore();
  const s = await restart(dataDir, secretStore);
  const call = callerOf(s);
  const base = { op, dataDir, secretStore };
  try {
    switch (op) {
      case 'issue': {
        const customerId = (await call('customer.create', { name: 'Crash Bakery' })).id;
        return {
          ...base,
          prepare: async () => ({ job: { customerId }, killAfterSteps: between(0, 12), delayMs: between(0, 8) }),
          verify: async (s2, _call, child, tally) => {
            const issued = child.lines.filter((l) => l.startsWith('issued ')).map((l) => l.slice(7));
            const present = numbersIn(s2);
            const lost = issued.filter((n) => !present.has(n));
            tally.lost += lost.length;
            assert.deepEqual(lost, [], 'numbers the child reported as issued are in the ledger');
          },
          close: async () => {},
        };
      }
      case 'sync': {
        const provider: ProviderId = 'paycashless';
        const fake = (await startFake(provider)) as PaycashlessFake;
        const account = await call('account.add', {
          provider,
          name: 'Crash sync',
          mode: 'test',
          baseUrl: fake.url,
          settings: SETTINGS[provider],
          secrets: SECRETS[provider],
        });
        const customerId = (await call('customer.create', { name: 'Crash Sync Co', email: 'sync@example.com' })).id;
        // Each create is held a little at the provider and then carried out, whether or not the caller is still there.
        fake.server.inject({ route: 'create', kind: 'delay', ms: 25, times: 1_000_000 });
        let target = 0;
        return {
          ...base,
          prepare: async (_s2, call2) => {
            const before = fake.server.calls('create');
            await issueSome(call2, 6, {
              customerId,
              currency: CURRENCY[provider],
              label: 'Sync',
              accountId: account.id,
            });
            target = before + between(0, 5);
            return {
              job: { secrets: { accountId: account.id, fields: SECRETS[provider] } },
              killAfterSteps: 0,
              delayMs: between(0, 20),
            };
          },
          killAt: (child) => until(child, () => fake.server.calls('create') >= target),
          verify: async (s2, _call, _child, tally) => {
            // The provider finishes what the dead process had sent before the restarted sync asks about it.
            await sleep(60);
            for (let round = 0; round < 5; round++) {
              const r = await s2.sync.syncNow({ poll: false });
              if (r.remaining.pending + r.remaining.unknown === 0) break;
              await sleep(100);
            }
            const states = s2.ledger.db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`).all();
            assert.deepEqual(states, [{ state: 'done', n: numbersIn(s2).size }], 'every create done after the restart');
            const refs = fake.all().map((r) => r.reference as string);
            const dupes = refs.length - new Set(refs).size;
            tally.remoteDuplicates += dupes;
            assert.equal(dupes, 0, 'no invoice twice at the provider');
            assert.deepEqual([...refs].sort(), [...numbersIn(s2)].sort(), 'every invoice at the provider');
            assert.equal(fake.server.calls('create'), refs.length, 'one create per invoice');
          },
          close: () => fake.close(),
        };
      }
      case 'share': {
        // In half the runs the server holds its answer to a message long enough for the kill to land inside the mail
        // transaction (the message is there, the child never heard back): that share must be parked, not sent again.
        let holdMs = 0;
        let killOnMessage: number | null = null;
        const smtp: SmtpFake = await startSmtpFake({
          beforeAnswer: () => sleep(holdMs || Math.floor(Math.random() * 15)),
        });
        await call('profile.set', {
          name: 'Crash Consulting',
          email: 'accounts@crash.example',
          locale: 'en-GB',
          address: { line1: '1 Tahrir Square', city: 'Cairo', country: 'EG' },
        });
        await call('smtp.set', {
          host: '127.0.0.1',
          port: smtp.port,
          tls: 'none',
          user: null,
          from: 'billing@crash.example',
        });
        const customerId = (await call('customer.create', { name: 'Crash Share Co', email: 'owner@share.example' })).id;
        return {
          ...base,
          prepare: async (_s2, call2) => {
            const ids = await issueSome(call2, 4, { customerId, currency: 'EGP', label: 'Share', taxRate: '14' });
            const inTransaction = draw() < 0.5;
            holdMs = inTransaction ? 400 : 0;
            killOnMessage = inTransaction ? smtp.messages.length + between(1, 4) : null;
            return {
              job: { ids },
              killAfterSteps: between(0, 3),
              delayMs: inTransaction ? between(0, 100) : between(0, 40),
            };
          },
          killAt: (child, steps) =>
            killOnMessage === null ? child.steps(steps) : until(child, () => smtp.messages.length >= killOnMessage!),
          verify: async (s2, call2, child, tally) => {
            holdMs = 0;
            await s2.sync.syncNow({ poll: false });
            const rows = s2.ledger.db
              .prepare(
                `SELECT o.state, i.number FROM outbox o JOIN invoices i ON i.id = o.invoice_id WHERE o.channel = 'email'`,
              )
              .all() as Array<{ state: string; number: string }>;
            const sent = (n: string): number => smtp.messages.filter((m) => m.parsed.subject?.includes(n)).length;
            for (const r of rows) {
              const count = sent(r.number);
              if (count > 1) tally.remoteDuplicates++;
              assert.ok(count <= 1, `${r.number} e-mailed ${count} times`);
              assert.ok(['done', 'needs_review'].includes(r.state), `${r.number}: share left ${r.state}`);
              if (r.state === 'done') assert.equal(count, 1, `${r.number}: done but ${count} messages`);
            }
            tally.parked = rows.filter((r) => r.state === 'needs_review').length;
            // What the child printed as shared was delivered.
            for (const line of child.lines.filter((l) => l.startsWith('shared '))) {
              const inv = await call2('invoice.get', { id: line.slice(7) });
              assert.equal(sent(inv.number!), 1, `${inv.number} reported shared`);
            }
          },
          close: () => smtp.close(),
        };
      }
      case 'export': {
        const customerId = (await call('customer.create', { name: 'Crash Export Co' })).id;
        const ids = await issueSome(call, 4, { customerId, currency: 'EUR', label: 'Export', taxRate: '19' });
        const rows = (await call('export.csv', { what: 'lines', inline: true })).rows;
        const outDir = path.join(path.dirname(dataDir), 'out');
        return {
          ...base,
          prepare: async () => ({ job: { ids, outDir }, killAfterSteps: between(0, 4), delayMs: between(0, 120) }),
          verify: async (_s2, _call, child, tally) => {
            const names = fs.existsSync(outDir) ? fs.readdirSync(outDir) : [];
            const shown = names.filter((n) => !n.startsWith('.'));
            const parts = names.filter((n) => n.startsWith('.'));
            for (const n of parts) assert.match(n, /^\..+\.part$/, `only hidden .part files are unfinished: ${n}`);
            tally.hiddenLeftovers = parts.length;
            for (const n of shown) {
              const bytes = fs.readFileSync(path.join(outDir, n));
              const whole = n.endsWith('.pdf')
                ? bytes.subarray(0, 5).toString('latin1') === '%PDF-' &&
                  bytes.subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF')
                : bytes.toString('utf8').trimEnd().split(/\r?\n/).length === rows + 1;
              if (!whole) tally.halfWrittenShownComplete++;
              assert.ok(whole, `${n} is shown complete but is not whole`);
            }
            for (const line of child.lines.filter((l) => l.startsWith('exported ')))
              assert.ok(shown.includes(path.basename(line.slice(9))), `${line} is there`);
          },
          close: async () => {},
        };
      }
      case 'restore': {
        const customerId = (await call('customer.create', { name: 'Crash Restore Co' })).id;
        await issueSome(call, 3, { customerId, currency: 'EUR', label: 'Kept' });
        // Two backups with the same numbers (so restoring one never takes numbering back) and different customers.
        const a = (await call('ledger.backup', { file: path.join(s.backups.dir, 'kassa-backup-a.db') })).file;
        for (let i = 0; i < 40; i++) await call('customer.create', { name: `Added ${i}` });
        const b = (await call('ledger.backup', { file: path.join(s.backups.dir, 'kassa-backup-b.db') })).file;
        const numbers = [...numbersIn(s)].sort();
        return {
          ...base,
          prepare: async () => ({
            job: { backups: draw() < 0.5 ? [a, b] : [b, a] },
            killAfterSteps: between(0, 2),
            delayMs: between(0, 30),
          }),
          verify: async (s2) => {
            const customers = (s2.ledger.db.prepare(`SELECT count(*) AS n FROM customers`).get() as { n: number }).n;
            assert.ok(
              customers === 1 || customers === 41,
              `one backup or the other, not a mix: ${customers} customers`,
            );
            assert.deepEqual([...numbersIn(s2)].sort(), numbers, 'the invoices are those of both backups');
          },
          close: async () => {},
        };
      }
    }
  } finally {
    await s.close();
  }
}

test(
  `${RUNS} processes killed with SIGKILL at random points of issue, sync, share, export and restore`,
  { timeout: 600_000 },
  async (t) => {
    t.diagnostic(`crash campaign seed ${SEED} (KASSA_CRASH_SEED=${SEED} repeats it)`);
    const bundle = bundleWorker();
    // The operations in a random order, each RUNS/5 times (the rest spread over the first ones).
    const schedule: Op[] = Array.from({ length: RUNS }, (_, i) => OPS[i % OPS.length]!);
    for (let i = schedule.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
    }
    const tallies = Object.fromEntries(
      OPS.map((op) => [
        op,
        {
          runs: 0,
          killedMidWork: 0,
          steps: 0,
          lost: 0,
          duplicates: 0,
          remoteDuplicates: 0,
          halfWrittenShownComplete: 0,
          hiddenLeftovers: 0,
          parked: 0,
        } satisfies Tally,
      ]),
    ) as Record<Op, Tally>;
    const subjects = new Map<Op, Subject>();
    type Plan = Awaited<ReturnType<Subject['prepare']>>;
    const next = new Map<Op, Plan>();
    /** Prepares the next run of `op` on a started Kassa (the one a run's checks just used), if one is to come. */
    const prepareNext = async (op: Op, s: Services, runsLeft: number): Promise<void> => {
      if (runsLeft > 0) next.set(op, await subjects.get(op)!.prepare(s, callerOf(s)));
    };
    const runsOf = (op: Op): number => schedule.filter((x) => x === op).length;
    for (const op of OPS) {
      const subject = await newSubject(op);
      subjects.set(op, subject);
      const s = await restart(subject.dataDir, subject.secretStore);
      await prepareNext(op, s, runsOf(op)).finally(() => s.close());
    }
    const plans = schedule.map((op, run) => ({ op, run }));
    try {
      await Promise.all(
        LANES.map(async (lane) => {
          for (const { op, run } of plans.filter((p) => lane.includes(p.op))) {
            const subject = subjects.get(op)!;
            const tally = tallies[op];
            const what = `run ${run + 1} (${op})`;
            const plan = next.get(op)!;
            const child = startWorker(bundle, op, subject.dataDir, plan.job);
            await child.steps(0);
            if (child.lines[0] !== 'ready') {
              const r = await child.exited;
              assert.fail(`${what}: the worker did not start: ${r.stderr}`);
            }
            await (subject.killAt ? subject.killAt(child, plan.killAfterSteps) : child.steps(plan.killAfterSteps));
            await sleep(plan.delayMs);
            child.kill();
            const exit = await child.exited;
            tally.runs++;
            tally.steps += child.lines.length - 1;
            if (exit.signal === 'SIGKILL') tally.killedMidWork++;
            else assert.equal(exit.code, 0, `${what}: the worker failed: ${exit.stderr}`);
            const s = await restart(subject.dataDir, subject.secretStore);
            try {
              await subject.verify(s, callerOf(s), child, tally);
              await checkClean(s, what, tally);
              await prepareNext(op, s, runsOf(op) - tally.runs);
            } finally {
              await s.close();
            }
          }
        }),
      );
    } finally {
      for (const subject of subjects.values()) await subject.close();
      fs.rmSync(bundle, { force: true });
    }
    const total = OPS.reduce((n, op) => n + tallies[op].runs, 0);
    const figures = { seed: SEED, runs: total, perOperation: tallies };
    t.diagnostic(JSON.stringify(figures));
    fs.writeFileSync(
      path.join(projectRoot(), 'test-results', 'crash-campaign.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    assert.equal(total, RUNS);
    for (const op of OPS) {
      assert.equal(tallies[op].lost + tallies[op].duplicates + tallies[op].remoteDuplicates, 0, op);
      assert.equal(tallies[op].halfWrittenShownComplete, 0, op);
    }
    // Most kills must land inside the work (a campaign whose children all finished first would prove nothing).
    const midWork = OPS.reduce((n, op) => n + tallies[op].killedMidWork, 0);
    assert.ok(midWork >= total * 0.8, `only ${midWork} of ${total} kills found the child working`);
  },
);
