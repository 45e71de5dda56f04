/**
 * Owner of the `outbox` table: deliveries that must happen outside the ledger. Each row has one target — a provider
 * account (create, cancel, … at the provider) or a channel Kassa sends through itself (`email`: the user's SMTP
 * server). A change queues its row in the same transaction as the change itself (enqueueOutbox / enqueueChannel), so
 * a crash can never record one without the other; the one drainer (main/sync) then claims rows under a lease, renews
 * and releases leases and records final states — all through this module.
 *
 * Claim rules, all inside one BEGIN IMMEDIATE transaction so two processes can never take the same row:
 * - state pending or unknown, due (next_attempt_at ≤ now), and no live lease;
 * - a provider row waits while an earlier provider row of the same invoice is unfinished (anything but done/skipped):
 *   they go strictly in order, so a cancel never overtakes the create it cancels;
 * - a channel row waits while an earlier provider row of the same invoice is still on its way (pending/unknown), so
 *   an e-mail queued with a create carries the payment link the create brings back; it never waits on a row that
 *   failed or is parked (that could take for ever), and provider rows never wait on channel rows;
 * - the claimed row is written as `unknown` *before* anything is sent (write-ahead): if the process dies mid-send,
 *   whoever takes the row next looks it up at the provider first instead of sending it again.
 *
 * Claims, pauses and counts work on the row's `target`: the account id, or `channel:<name>` (channelTarget).
 */
import type { Database as Db } from 'better-sqlite3';
import { errorFromStored, storedError, type ErrorBody, type StoredError } from '../../../shared/errors';
import type { ParamValues } from '../../../shared/i18n/params';
import type { OutboxChannel, OutboxCounts, OutboxOp, OutboxState } from '../../../shared/contract/sync';
import type { LedgerCtx } from '../context';
import { writeTx } from '../connection';
import { stmt } from '../sql';
import { ownerIsDead } from '../lease';

export interface OutboxRow {
  id: number;
  invoice_id: string;
  /** The provider account the row goes to; null for a channel row. */
  account_id: string | null;
  /** The channel the row goes out through; null for a provider row. */
  channel: OutboxChannel | null;
  /** account_id, or `channel:<channel>` (generated). */
  target: string;
  op: OutboxOp;
  payload_json: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_error_json: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

/** The key claims, pauses and counts use for a channel. */
export const channelTarget = (channel: OutboxChannel): string => `channel:${channel}`;

/** A row as claimed: `previousState` says whether to send (pending) or look up first (unknown). */
export interface ClaimedRow extends OutboxRow {
  previousState: 'pending' | 'unknown';
  /** When the previous attempt may have reached the provider (for the lookup window). */
  previousSentAt: string | null;
  /**
   * When an earlier attempt of a channel row began handing the message over (noteHandover); null when none did, so
   * sending is safe. Kept across claims until the row ends.
   */
  handedOverAt: string | null;
}

/** A claimed row for a provider account (the schema guarantees exactly one of account_id and channel). */
export type ClaimedAccountRow = ClaimedRow & { account_id: string; channel: null };
/** A claimed row for one of Kassa's own channels. */
export type ClaimedChannelRow = ClaimedRow & { account_id: null; channel: OutboxChannel };

export const isChannelRow = (row: ClaimedRow): row is ClaimedChannelRow => row.channel !== null;

/** Stored in last_error_json while a row is being worked on; it is what remains if the process dies mid-send. */
export const INTERRUPTED_CODE = 'sync_interrupted';

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only these targets: account ids and channelTarget()s (all when omitted). */
  targets?: readonly string[] | undefined;
  /** Only rows of these invoices (all when omitted). */
  invoiceIds?: readonly string[] | undefined;
  /** Never these targets (paused accounts and channels). */
  excludeTargets?: readonly string[] | undefined;
}

const CLAIMABLE = `
  SELECT o.* FROM outbox o
  WHERE o.state IN ('pending', 'unknown')
    AND ifnull(o.next_attempt_at, '') <= :now
    AND (o.lease_until IS NULL OR o.lease_until <= :now)
    AND (:only IS NULL OR o.target IN (SELECT value FROM json_each(:only)))
    AND (:invoices IS NULL OR o.invoice_id IN (SELECT value FROM json_each(:invoices)))
    AND o.target NOT IN (SELECT value FROM json_each(:skip))
    AND NOT EXISTS (
      SELECT 1 FROM outbox p
      WHERE p.invoice_id = o.invoice_id AND p.id < o.id AND p.account_id IS NOT NULL
        AND CASE WHEN o.account_id IS NOT NULL THEN p.state NOT IN ('done', 'skipped')
                 ELSE p.state IN ('pending', 'unknown') END
    )
  ORDER BY o.id
  LIMIT :limit`;

function markerTime(lastErrorJson: string | null, key: 'sentAt' | 'handedOverAt'): string | null {
  if (!lastErrorJson) return null;
  try {
    const e = JSON.parse(lastErrorJson) as StoredError;
    const at = e.details?.[key];
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}

/** What the previous attempt of an unknown row ran into (kept across the write-ahead marker for the panel). */
export interface PreviousError {
  code: string;
  params: ParamValues;
}

function previousError(lastErrorJson: string | null): PreviousError | null {
  if (!lastErrorJson) return null;
  try {
    const e = JSON.parse(lastErrorJson) as StoredError;
    if (e.code === INTERRUPTED_CODE) {
      const p = e.details?.previous as { code?: unknown; params?: unknown } | undefined;
      return p && typeof p.code === 'string'
        ? { code: p.code, params: (p.params ?? {}) as ParamValues }
        : { code: e.code, params: e.params ?? {} };
    }
    return { code: e.code, params: e.params ?? {} };
  } catch {
    return null;
  }
}

/** Releases leases held by processes of this machine that no longer exist. Call inside the claim transaction. */
function releaseDeadLeases(db: Db, nowIso: string): number {
  const owners = stmt<{ lease_owner: string }>(
    db,
    `SELECT DISTINCT lease_owner FROM outbox WHERE state IN ('pending', 'unknown') AND lease_owner IS NOT NULL AND lease_until > @now`,
  ).all({ now: nowIso });
  let released = 0;
  for (const { lease_owner } of owners) {
    if (!ownerIsDead(lease_owner)) continue;
    released += stmt(
      db,
      `UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner AND state IN ('pending', 'unknown')`,
    ).run({ owner: lease_owner }).changes;
  }
  return released;
}

export function claimRows(db: Db, o: ClaimOptions): ClaimedRow[] {
  return writeTx(db, () => {
    const nowIso = o.now.toISOString();
    releaseDeadLeases(db, nowIso);
    const rows = stmt<OutboxRow>(db, CLAIMABLE).all({
      now: nowIso,
      only: o.targets ? JSON.stringify(o.targets) : null,
      invoices: o.invoiceIds ? JSON.stringify(o.invoiceIds) : null,
      skip: JSON.stringify(o.excludeTargets ?? []),
      limit: o.limit,
    });
    const until = new Date(o.now.getTime() + o.leaseMs).toISOString();
    const take = stmt(
      db,
      `UPDATE outbox SET state = 'unknown', lease_owner = @owner, lease_until = @until, attempts = attempts + 1, last_error_json = @marker,
         updated_at = @now
       WHERE id = @id AND state IN ('pending', 'unknown') AND (lease_until IS NULL OR lease_until <= @now)`,
    );
    const claimed: ClaimedRow[] = [];
    for (const r of rows) {
      const previousSentAt = r.state === 'unknown' ? (markerTime(r.last_error_json, 'sentAt') ?? r.updated_at) : null;
      const previous = r.state === 'unknown' ? previousError(r.last_error_json) : null;
      const handedOverAt = r.state === 'unknown' ? markerTime(r.last_error_json, 'handedOverAt') : null;
      // Kept if we die: the next claimer sees "unknown", with the time this attempt may have reached the provider.
      const marker: StoredError = {
        kind: 'io',
        code: INTERRUPTED_CODE,
        details: {
          sentAt: nowIso,
          ...(previousSentAt ? { previousSentAt } : {}),
          ...(previous ? { previous } : {}),
          ...(handedOverAt ? { handedOverAt } : {}),
        },
      };
      const taken = take.run({ owner: o.owner, until, marker: JSON.stringify(marker), now: nowIso, id: r.id });
      if (taken.changes !== 1) continue;
      claimed.push({
        ...r,
        previousState: r.state === 'unknown' ? 'unknown' : 'pending',
        previousSentAt,
        handedOverAt,
        state: 'unknown',
        attempts: r.attempts + 1,
        lease_owner: o.owner,
        lease_until: until,
        last_error_json: JSON.stringify(marker),
      });
    }
    return claimed;
  });
}

/** Pushes the lease of rows we still hold further out (heartbeat while a slow provider answers). */
export function renewLeases(db: Db, owner: string, ids: readonly number[], until: Date): number {
  if (ids.length === 0) return 0;
  return writeTx(
    db,
    () =>
      stmt(
        db,
        `UPDATE outbox SET lease_until = @until WHERE lease_owner = @owner AND id IN (SELECT value FROM json_each(@ids))`,
      ).run({ until: until.toISOString(), owner, ids: JSON.stringify(ids) }).changes,
  );
}

/**
 * Write-ahead for a channel row, just before the message is handed to the channel (SMTP DATA): from here on a
 * process that dies leaves a row that is parked for a person instead of sent again. False when the lease is no longer
 * ours (nothing may be sent then).
 */
export function noteHandover(db: Db, id: number, owner: string, now: Date): boolean {
  const at = now.toISOString();
  return writeTx(
    db,
    () =>
      stmt(
        db,
        `UPDATE outbox SET last_error_json = json_set(coalesce(last_error_json, '{}'), '$.details.handedOverAt', @at), updated_at = @at
         WHERE id = @id AND lease_owner = @owner AND lease_until > @at`,
      ).run({ id, owner, at }).changes === 1,
  );
}

export function holdsLease(db: Db, id: number, owner: string): boolean {
  return (
    stmt<{ n: number }>(db, `SELECT count(*) AS n FROM outbox WHERE id = @id AND lease_owner = @owner`).get({
      id,
      owner,
    })?.n === 1
  );
}

/** True while `owner` holds an unexpired lease on the row: the check before anything is sent. */
export function stillHeld(db: Db, id: number, owner: string, now: Date): boolean {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM outbox WHERE id = @id AND lease_owner = @owner AND lease_until > @now`,
    ).get({ id, owner, now: now.toISOString() })?.n === 1
  );
}

export interface Finish {
  state: OutboxState;
  nextAttemptAt?: string | null;
  error?: ErrorBody | null;
  result?: Record<string, unknown> | null;
}

/**
 * Ends our work on a row: sets its state and releases the lease. Only while we still hold the lease (returns false
 * otherwise: another drainer took the row over after our lease expired, and it decides now).
 * Call inside the transaction that records the row's effect on the ledger.
 */
export function finishRow(db: Db, id: number, owner: string, now: Date, f: Finish): boolean {
  const r = stmt(
    db,
    `UPDATE outbox SET state = @state, next_attempt_at = @next, lease_owner = NULL, lease_until = NULL, last_error_json = @error,
       result_json = coalesce(@result, result_json), updated_at = @now
     WHERE id = @id AND lease_owner = @owner`,
  ).run({
    id,
    owner,
    state: f.state,
    next: f.nextAttemptAt ?? null,
    error: f.error ? JSON.stringify(storedError(f.error)) : null,
    result: f.result ? JSON.stringify(f.result) : null,
    now: now.toISOString(),
  });
  return r.changes === 1;
}

function parseColumn<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/**
 * The row's last error (or write-ahead marker), parsed, with its English text made from its code and params (the
 * row keeps no text); null when none or unreadable.
 */
export function rowError(row: Pick<OutboxRow, 'last_error_json'>): ErrorBody | null {
  const stored = parseColumn<StoredError>(row.last_error_json);
  return stored ? errorFromStored(stored) : null;
}

/** What the row's last attempt recorded (remote id, advice, message id…), parsed; null when none or unreadable. */
export const rowResult = (row: Pick<OutboxRow, 'result_json'>): Record<string, unknown> | null =>
  parseColumn<Record<string, unknown>>(row.result_json);

export function getRow(db: Db, id: number): OutboxRow | undefined {
  return stmt<OutboxRow>(db, `SELECT * FROM outbox WHERE id = @id`).get({ id });
}

const ZERO: OutboxCounts = { pending: 0, unknown: 0, failed: 0, needsReview: 0, skipped: 0, done: 0 };

const FIELD: Record<OutboxState, keyof OutboxCounts> = {
  pending: 'pending',
  unknown: 'unknown',
  failed: 'failed',
  needs_review: 'needsReview',
  skipped: 'skipped',
  done: 'done',
};

/** Counts per target (account id or channelTarget) and state, in one grouped query. */
export function countsByTarget(db: Db, targets?: readonly string[]): Map<string, OutboxCounts> {
  const rows = stmt<{ target: string; state: OutboxState; n: number }>(
    db,
    `SELECT target, state, count(*) AS n FROM outbox WHERE (:only IS NULL OR target IN (SELECT value FROM json_each(:only))) GROUP BY target, state`,
  ).all({ only: targets ? JSON.stringify(targets) : null });
  const out = new Map<string, OutboxCounts>();
  for (const r of rows) {
    const c = out.get(r.target) ?? { ...ZERO };
    c[FIELD[r.state]] += r.n;
    out.set(r.target, c);
  }
  return out;
}

export function sumCounts(list: Iterable<OutboxCounts>): OutboxCounts {
  const t = { ...ZERO };
  for (const c of list) for (const k of Object.keys(t) as Array<keyof OutboxCounts>) t[k] += c[k];
  return t;
}

export const zeroCounts = (): OutboxCounts => ({ ...ZERO });

/** A row with the invoice's number and the remote id of its link, as the sync panel shows it. */
export type ItemRow = OutboxRow & { number: string | null; remote_id: string | null };

const ITEM_SELECT = `SELECT o.*, i.number AS number, l.remote_id AS remote_id FROM outbox o
  JOIN invoices i ON i.id = o.invoice_id
  LEFT JOIN invoice_links l ON l.invoice_id = o.invoice_id AND l.account_id = o.account_id`;

export function getItemRow(db: Db, id: number): ItemRow | undefined {
  return stmt<ItemRow>(db, `${ITEM_SELECT} WHERE o.id = @id`).get({ id });
}

/** Rows of a target that are not done, newest first: what the sync panel lists. */
export function openRows(db: Db, target: string, limit: number): ItemRow[] {
  return stmt<ItemRow>(
    db,
    `${ITEM_SELECT}
     WHERE o.target = @target AND o.state IN ('pending', 'unknown', 'failed', 'needs_review', 'skipped')
     ORDER BY o.id DESC LIMIT @limit`,
  ).all({ target, limit });
}

/** An invoice's rows of one op (e.g. its shares), newest first. */
export function invoiceRows(db: Db, invoiceId: string, ops: readonly OutboxOp[], limit: number): ItemRow[] {
  return stmt<ItemRow>(
    db,
    `${ITEM_SELECT}
     WHERE o.invoice_id = @invoiceId AND o.op IN (SELECT value FROM json_each(@ops))
     ORDER BY o.id DESC LIMIT @limit`,
  ).all({ invoiceId, ops: JSON.stringify(ops), limit });
}

/** When the next row of any other target becomes due (for the background loop's sleep). */
export function nextDueAt(db: Db, excludeTargets: readonly string[]): string | null {
  const r = stmt<{ at: string | null }>(
    db,
    `SELECT min(max(ifnull(next_attempt_at, ''), ifnull(lease_until, ''))) AS at FROM outbox
     WHERE state IN ('pending', 'unknown') AND target NOT IN (SELECT value FROM json_each(@skip))`,
  ).get({ skip: JSON.stringify(excludeTargets) });
  return r?.at ?? null;
}

/** A manual "Sync now": every queued row of these targets is due at once (back-offs and offline waits end). */
export function makeDueNow(db: Db, targets: readonly string[], now: Date): number {
  const at = now.toISOString();
  return writeTx(
    db,
    () =>
      stmt(
        db,
        `UPDATE outbox SET next_attempt_at = @at WHERE state IN ('pending', 'unknown') AND next_attempt_at > @at
         AND target IN (SELECT value FROM json_each(@ids)) AND (lease_until IS NULL OR lease_until <= @at)`,
      ).run({ at, ids: JSON.stringify(targets) }).changes,
  );
}

// ---- queuing and a person's decisions (enqueued by the ledger's changes, decided from the sync panel or CLI) ----

/** Queues a change for a provider account; call inside the transaction that makes the change. */
export function enqueueOutbox(
  ctx: LedgerCtx,
  invoiceId: string,
  accountId: string,
  op: OutboxOp,
  payload: Record<string, unknown> = {},
): number {
  const r = stmt(
    ctx.db,
    `INSERT INTO outbox (invoice_id, account_id, op, payload_json, state, next_attempt_at, created_at, updated_at)
     VALUES (@invoiceId, @accountId, @op, @payload, 'pending', @at, @at, @at)`,
  ).run({ invoiceId, accountId, op, payload: JSON.stringify(payload), at: ctx.now.toISOString() });
  return Number(r.lastInsertRowid);
}

/** Queues a delivery through one of Kassa's own channels (an e-mail); call inside the transaction that asks for it. */
export function enqueueChannel(
  ctx: LedgerCtx,
  invoiceId: string,
  channel: OutboxChannel,
  payload: Record<string, unknown>,
): number {
  const r = stmt(
    ctx.db,
    `INSERT INTO outbox (invoice_id, channel, op, payload_json, state, next_attempt_at, created_at, updated_at)
     VALUES (@invoiceId, @channel, 'send', @payload, 'pending', @at, @at, @at)`,
  ).run({ invoiceId, channel, payload: JSON.stringify(payload), at: ctx.now.toISOString() });
  return Number(r.lastInsertRowid);
}

/**
 * Asks the provider to e-mail the invoice when it creates it (Paycashless sendEmail, Kaspa send): possible only while
 * the invoice's create for the account is queued and was never attempted. Returns the create's row id, or null when
 * it is too late (the create went out, or is going out right now).
 */
export function askCreateToSend(db: Db, invoiceId: string, accountId: string, now: Date): number | null {
  const r = stmt<{ id: number }>(
    db,
    `UPDATE outbox SET payload_json = json_set(payload_json, '$.sendEmail', json('true')), updated_at = @now
     WHERE invoice_id = @invoiceId AND account_id = @accountId AND op = 'create' AND state = 'pending' AND attempts = 0
       AND (lease_until IS NULL OR lease_until <= @now)
     RETURNING id`,
  ).get({ invoiceId, accountId, now: now.toISOString() });
  return r?.id ?? null;
}

/** True while the invoice's create for the account is queued and was never attempted. */
export function createQueued(db: Db, invoiceId: string, accountId: string): boolean {
  return (
    (stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM outbox
       WHERE invoice_id = @invoiceId AND account_id = @accountId AND op = 'create' AND state = 'pending' AND attempts = 0`,
    ).get({ invoiceId, accountId })?.n ?? 0) > 0
  );
}

/** Makes a row due again in `state` (a person's retry), lease cleared. */
export function requeueRow(db: Db, id: number, state: 'pending' | 'unknown', now: Date): void {
  stmt(
    db,
    `UPDATE outbox SET state = @state, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL, updated_at = @now WHERE id = @id`,
  ).run({ id, state, now: now.toISOString() });
}

/** Ends a row by a person's decision (handled by hand); who and why are kept in its result. */
export function resolveRow(
  db: Db,
  id: number,
  r: { by: string; note: string | null; previousState: OutboxState; now: Date },
): void {
  stmt(
    db,
    `UPDATE outbox SET state = 'done', next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL,
       result_json = json_patch(coalesce(result_json, '{}'), json_object('resolvedBy', @by, 'note', @note, 'previousState', @previousState)),
       updated_at = @now
     WHERE id = @id`,
  ).run({ id, by: r.by, note: r.note, previousState: r.previousState, now: r.now.toISOString() });
}

/**
 * Ends every unfinished create of the invoice for the account once the invoice is known to exist there (linked by a
 * person or by an import). An import also clears the last error: nothing failed, the invoice was found.
 */
export function closeCreates(
  db: Db,
  c: { invoiceId: string; accountId: string; remoteId: string; linkedBy: string; clearError: boolean; now: Date },
): number {
  return stmt(
    db,
    `UPDATE outbox SET state = 'done', next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL,
       last_error_json = CASE WHEN @clearError THEN NULL ELSE last_error_json END,
       result_json = json_object('remoteId', @remoteId, 'linkedBy', @linkedBy), updated_at = @now
     WHERE invoice_id = @invoiceId AND account_id = @accountId AND op = 'create' AND state <> 'done'`,
  ).run({
    invoiceId: c.invoiceId,
    accountId: c.accountId,
    remoteId: c.remoteId,
    linkedBy: c.linkedBy,
    clearError: c.clearError ? 1 : 0,
    now: c.now.toISOString(),
  }).changes;
}

/**
 * Gives a claimed row back untouched (account paused meanwhile, or shutting down): the attempt never happened, so
 * it is not counted. Only while `owner` holds the lease (false otherwise). Call inside a transaction.
 */
export function giveBackRow(db: Db, id: number, owner: string, now: Date, f: Finish): boolean {
  stmt(db, `UPDATE outbox SET attempts = max(0, attempts - 1) WHERE id = @id AND lease_owner = @owner`).run({
    id,
    owner,
  });
  return finishRow(db, id, owner, now, f);
}

/** True while another process may be sending the invoice's create to the account right now. */
export function createInFlight(db: Db, invoiceId: string, accountId: string, now: Date): boolean {
  return (
    (stmt<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM outbox
       WHERE invoice_id = @invoiceId AND account_id = @accountId AND op = 'create' AND state IN ('pending', 'unknown') AND lease_until > @now`,
    ).get({ invoiceId, accountId, now: now.toISOString() })?.n ?? 0) > 0
  );
}
