/**
 * `kassa sync …`: drain the outbox and poll provider statuses from the command line, alongside the app if it runs
 * (the outbox leases keep the two apart). Progress lines go to stderr, one JSON summary to stdout.
 *   kassa sync [--account NAME] [--once] [--import]   one round (--once) or keep syncing until Ctrl-C / SIGTERM
 *   kassa sync status [--account NAME]                 per-account status and items needing a person
 *   kassa sync import --account NAME                   fetch and link/import every remote invoice of an account
 *   kassa sync retry ITEM | resolve ITEM [--note T] | link ITEM --remote-id ID
 *   kassa sync delete INVOICE --account NAME           delete the invoice's copy at the provider (where it can)
 */
import type { DrainSummary, ImportSummary, PollSummary, SyncRoundSummary } from '../../../shared/contract/sync';
import { usageError, type CliCommand, type CliContext } from '../framework';
import { resolveAccountRef } from './account';

const TICK_MS = 2_000;

async function accountIdOf(ctx: CliContext, required = false): Promise<string | undefined> {
  const ref = ctx.string('account');
  if (ref === undefined || ref.trim() === '') {
    if (required) throw usageError('Name the account with --account (its id or name).');
    return undefined;
  }
  return (await resolveAccountRef(ctx, ref)).id;
}

function itemArg(ctx: CliContext): number {
  const text = ctx.positional(0, 'ITEM (the outbox item id from "kassa sync status")');
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw usageError(`ITEM must be an item id (a positive whole number), not "${text.slice(0, 20)}".`);
  return Number(text);
}

/** Prints the service's progress events and notifications as JSON lines on stderr while a command runs. */
export async function withProgress<T>(ctx: CliContext, fn: () => Promise<T>): Promise<T> {
  const s = await ctx.services();
  const off = s.events.subscribe((name, payload) => {
    if (name === 'progress') {
      const p = payload as { label: string; done: number; total: number | null };
      ctx.progress({ label: p.label, done: p.done, total: p.total });
    } else if (name === 'notification') {
      ctx.io.stderr.write(`${JSON.stringify({ notification: payload })}\n`);
    }
  });
  try {
    return await fn();
  } finally {
    off();
  }
}

function addInto<T extends object>(into: T, add: T): void {
  const a = into as Record<string, unknown>;
  for (const [k, v] of Object.entries(add as Record<string, unknown>))
    if (typeof v === 'number' && typeof a[k] === 'number') a[k] = (a[k] as number) + v;
}

interface RunSummary {
  rounds: number;
  import?: ImportSummary;
  outbox: DrainSummary;
  poll: PollSummary;
  remaining: SyncRoundSummary['remaining'] | null;
  errors: SyncRoundSummary['errors'];
  stoppedBy?: string;
}

export const syncCommands: CliCommand[] = [
  {
    path: 'sync',
    summary:
      'Sends the outbox to the providers and polls open invoices; with --once one round, else until Ctrl-C. Progress on stderr, a JSON summary on stdout.',
    usage: '[--account NAME] [--once] [--import]',
    options: { account: { type: 'string' }, once: { type: 'boolean' }, import: { type: 'boolean' } },
    async run(ctx) {
      const accountId = await accountIdOf(ctx);
      if (ctx.values.import === true && accountId === undefined)
        throw usageError('--import needs --account (import one account at a time).');
      const s = await ctx.services();
      return withProgress(ctx, async () => {
        let summary: RunSummary | null = null;
        if (ctx.values.import === true && accountId !== undefined) {
          const imported = await ctx.call('sync.import', { accountId });
          summary = {
            rounds: 0,
            import: imported,
            outbox: emptyOutbox(),
            poll: emptyPoll(),
            remaining: null,
            errors: [],
          };
        }
        const total: RunSummary = summary ?? {
          rounds: 0,
          outbox: emptyOutbox(),
          poll: emptyPoll(),
          remaining: null,
          errors: [],
        };
        const add = (r: SyncRoundSummary): void => {
          total.rounds++;
          addInto(total.outbox, r.outbox);
          addInto(total.poll, r.poll);
          total.remaining = r.remaining;
          total.errors = r.errors;
        };
        if (ctx.values.once === true) {
          add(await ctx.call('sync.now', accountId === undefined ? {} : { accountId }));
          return total;
        }
        // Continuous: a manual first round, then background-style rounds (offline pauses respected, polls on their
        // interval) until a signal; the round in progress stops claiming and rows in flight finish.
        let stopping: string | null = null;
        let wake: (() => void) | null = null;
        const onSignal = (sig: string): void => {
          stopping = sig;
          wake?.();
          void s.sync.stop();
        };
        const onInt = (): void => onSignal('SIGINT');
        const onTerm = (): void => onSignal('SIGTERM');
        process.once('SIGINT', onInt);
        process.once('SIGTERM', onTerm);
        try {
          for (let first = true; stopping === null; first = false) {
            add(await ctx.call('sync.now', { ...(accountId === undefined ? {} : { accountId }), background: !first }));
            if (stopping !== null) break;
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, TICK_MS);
              wake = () => {
                clearTimeout(t);
                resolve();
              };
            });
            wake = null;
          }
        } finally {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
        }
        if (stopping !== null) total.stoppedBy = stopping;
        return total;
      });
    },
  },
  {
    path: 'sync status',
    summary:
      "Per-account sync status: last success, outbox counts, the last error with the provider's message, and items that need a person.",
    usage: '[--account NAME] [--limit N]',
    options: { account: { type: 'string' }, limit: { type: 'string' } },
    async run(ctx) {
      const accountId = await accountIdOf(ctx);
      const limitText = ctx.string('limit');
      if (limitText !== undefined && !/^\d{1,3}$/.test(limitText))
        throw usageError('--limit takes a number of items (0–500).');
      return ctx.call('sync.status', {
        ...(accountId === undefined ? {} : { accountId }),
        ...(limitText === undefined ? {} : { itemLimit: Number(limitText) }),
      });
    },
  },
  {
    path: 'sync import',
    summary:
      'Fetches every remote invoice of an account and links it to the ledger or imports it (its own number series); re-running changes nothing.',
    usage: '--account NAME',
    options: { account: { type: 'string' } },
    async run(ctx) {
      const accountId = (await accountIdOf(ctx, true)) as string;
      return withProgress(ctx, () => ctx.call('sync.import', { accountId }));
    },
  },
  {
    path: 'sync retry',
    summary: 'Tries an outbox item again (a create that may have arrived is looked up at the provider first).',
    usage: 'ITEM',
    run: (ctx) => ctx.call('sync.retry', { itemId: itemArg(ctx) }),
  },
  {
    path: 'sync resolve',
    summary: 'Marks an outbox item resolved by hand; nothing more is sent for it.',
    usage: 'ITEM [--note TEXT]',
    options: { note: { type: 'string' } },
    run: (ctx) =>
      ctx.call('sync.resolve', {
        itemId: itemArg(ctx),
        ...(ctx.string('note') !== undefined ? { note: ctx.string('note') } : {}),
      }),
  },
  {
    path: 'sync delete',
    summary:
      "Queues deleting an invoice's copy at the account's provider (Kashier: unpaid payment requests and unpaid drafts); the invoice stays in the ledger. Sent at the next sync.",
    usage: 'INVOICE --account NAME',
    options: { account: { type: 'string' } },
    async run(ctx) {
      const invoiceId = ctx.positional(0, 'INVOICE (the invoice id)');
      const accountId = (await accountIdOf(ctx, true)) as string;
      return ctx.call('sync.deleteAtProvider', { invoiceId, accountId });
    },
  },
  {
    path: 'sync link',
    summary:
      'Links the invoice of a create item to the invoice that exists at the provider (checked there where possible).',
    usage: 'ITEM --remote-id ID',
    options: { 'remote-id': { type: 'string' } },
    run: (ctx) => ctx.call('sync.link', { itemId: itemArg(ctx), remoteId: ctx.requireString('remote-id') }),
  },
];

function emptyOutbox(): DrainSummary {
  return {
    claimed: 0,
    done: 0,
    reconciled: 0,
    resent: 0,
    failed: 0,
    needsReview: 0,
    skipped: 0,
    retryLater: 0,
    leaseLost: 0,
  };
}

function emptyPoll(): PollSummary {
  return {
    accounts: 0,
    invoices: 0,
    open: 0,
    calls: 0,
    listCalls: 0,
    getCalls: 0,
    changed: 0,
    paid: 0,
    partiallyPaid: 0,
    cancelled: 0,
    expired: 0,
    conflicts: 0,
    errors: 0,
  };
}
