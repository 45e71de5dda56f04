/**
 * Sync between the ledger and provider accounts: per-account status (outbox, errors, items that need a person),
 * "Sync now", importing an account's remote invoices, and the actions on an outbox item (retry, mark resolved,
 * link to a remote id). The engine lives in main/sync/.
 */
import { z } from 'zod';
import type { ProviderId } from '../domain';
import type { Message, ParamValues } from '../i18n/params';
import { event, method } from './define';
import { LIMITS, foreignId, ledgerId, optionalText, wholeNumber } from './fields';

/** Provider operations (a row for an account) and `send` (a row for one of Kassa's own channels). */
export const OUTBOX_OPS = ['create', 'cancel', 'mark_paid', 'share', 'delete', 'send'] as const;
export type OutboxOp = (typeof OUTBOX_OPS)[number];
/** Channels Kassa delivers through itself: `email` = the user's own SMTP server (main/share). */
export const OUTBOX_CHANNELS = ['email'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
/**
 * pending: waiting to be sent (maybe after a back-off); unknown: an attempt may have reached the provider, so it is
 * looked up there before anything is sent again; done; failed: the provider refused it (needs a person);
 * needs_review: parked, Kassa cannot tell safely what happened; skipped: the provider cannot do it (advice says
 * what to do by hand).
 */
export const OUTBOX_STATES = ['pending', 'done', 'failed', 'needs_review', 'unknown', 'skipped'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export type SyncItemAction = 'retry' | 'resolve' | 'link';

export interface SyncError {
  code: string;
  /** The parameters of the code's message (error.<code>); the app words it in the reader's language. */
  params: ParamValues;
  /** In English, for scripts. */
  message: string;
  /** The provider's own words, when it said something. */
  providerMessage: string | null;
  httpStatus: number | null;
  at: string | null;
}

export interface SyncItem {
  id: number;
  invoiceId: string;
  invoiceNumber: string | null;
  /** The provider account the item goes to; null for a channel item. */
  accountId: string | null;
  /** The channel the item goes out through (an e-mail); null for a provider item. */
  channel: OutboxChannel | null;
  op: OutboxOp;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  /** A drainer holds it right now. */
  inFlight: boolean;
  error: SyncError | null;
  /** For skipped / needs-review items: what the user should do (a catalogue message). */
  advice: Message | null;
  /** The remote id once known. */
  remoteId: string | null;
  actions: SyncItemAction[];
  createdAt: string;
  updatedAt: string;
}

export interface OutboxCounts {
  pending: number;
  unknown: number;
  failed: number;
  needsReview: number;
  skipped: number;
  done: number;
}

export interface AccountSyncStatus {
  accountId: string;
  name: string;
  provider: ProviderId;
  mode: 'test' | 'live';
  /** False when this version of Kassa has no adapter for the provider. */
  supported: boolean;
  /** How an unknown create is looked up at the provider; null = no lookup (such items park as needs review). */
  lookupRoute: string | null;
  operations: string[];
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastPollAt: string | null;
  lastImportAt: string | null;
  lastError: SyncError | null;
  /** Paused after repeated network failures until pausedUntil (a manual sync tries anyway). */
  offline: boolean;
  pausedUntil: string | null;
  counts: OutboxCounts;
  /** Linked invoices that can still change at the provider (what status polling watches). */
  openInvoices: number;
  linkedInvoices: number;
  /** Items that are not done (newest first, at most `itemLimit`). */
  items: SyncItem[];
}

/** One of Kassa's own channels (e-mail through the user's SMTP server), as the sync panel shows it. */
export interface ChannelSyncStatus {
  channel: OutboxChannel;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncError | null;
  /** Paused after repeated network failures until pausedUntil. */
  offline: boolean;
  pausedUntil: string | null;
  counts: OutboxCounts;
  /** Items that are not done (newest first, at most `itemLimit`). */
  items: SyncItem[];
}

export interface SyncStatus {
  accounts: AccountSyncStatus[];
  /** Kassa's own channels; empty when the status was asked for one account. */
  channels: ChannelSyncStatus[];
  /** This process runs a background sync loop. */
  background: boolean;
  /** A sync round is running in this process right now. */
  busy: boolean;
}

export interface DrainSummary {
  /** Rows taken from the outbox (each once per attempt). */
  claimed: number;
  done: number;
  /** Unknown creates found at the provider by reference and linked instead of sent again. */
  reconciled: number;
  /** Creates sent again after the lookup said the provider had none. */
  resent: number;
  failed: number;
  needsReview: number;
  skipped: number;
  /** Left for a later attempt (back-off), including unknown outcomes. */
  retryLater: number;
  /** A lease expired under us (another drainer took the row over). */
  leaseLost: number;
}

export interface PollSummary {
  accounts: number;
  /** Linked invoices of the polled accounts. */
  invoices: number;
  /** Of those, the ones that can still change. */
  open: number;
  /** Provider requests made (list pages + single reads). */
  calls: number;
  listCalls: number;
  getCalls: number;
  changed: number;
  paid: number;
  partiallyPaid: number;
  cancelled: number;
  expired: number;
  conflicts: number;
  errors: number;
}

export interface ImportSummary {
  jobId: string;
  accountId: string;
  /** Remote invoices seen. */
  seen: number;
  pages: number;
  calls: number;
  imported: number;
  /** Existing ledger invoices linked to their remote copy. */
  linked: number;
  /** Already linked; remote payload or status changed and was applied. */
  updated: number;
  unchanged: number;
  /** Remote drafts and invoices that could not be read (see errors). */
  skipped: number;
  errors: Array<{ remoteId: string; problem: Message; message: string }>;
}

export interface SyncRoundSummary {
  startedAt: string;
  finishedAt: string;
  accounts: string[];
  outbox: DrainSummary;
  poll: PollSummary;
  /** What is left in the outbox of these accounts after the round. */
  remaining: OutboxCounts;
  errors: Array<{ accountId: string; code: string; params: ParamValues; message: string }>;
}

const itemId = wholeNumber().positive();
const accountId = ledgerId();

export const syncMethods = {
  'sync.status': method<SyncStatus>()(
    z.object({ accountId: accountId.optional(), itemLimit: wholeNumber().min(0).max(500).default(100) }).strict(),
    "Per-account sync status: last success, outbox counts, errors with the provider's message, items needing a person.",
  ),
  'sync.now': method<SyncRoundSummary>()(
    z
      .object({
        accountId: accountId.optional(),
        poll: z.boolean().default(true),
        /** Behave like the background loop: respect offline pauses, poll only accounts whose poll is due. */
        background: z.boolean().default(false),
      })
      .strict(),
    'Sends what the outbox holds (a manual sync tries even while an account looks offline), then polls open invoices.',
  ),
  'sync.import': method<ImportSummary>()(
    z.object({ accountId }).strict(),
    'Fetches every remote invoice of an account and links or imports it (idempotent); progress events while it runs.',
  ),
  'sync.retry': method<SyncItem>()(
    z.object({ itemId }).strict(),
    'Tries a failed, skipped or parked item again (an item whose outcome is unknown is looked up at the provider first).',
  ),
  'sync.resolve': method<SyncItem>()(
    z.object({ itemId, note: optionalText(LIMITS.reason) }).strict(),
    'Marks an item resolved by hand (nothing more is sent for it); recorded in the invoice history.',
  ),
  'sync.deleteAtProvider': method<SyncItem>()(
    z.object({ invoiceId: ledgerId(), accountId }).strict(),
    "Queues deleting the invoice's copy at the account's provider (where it can: Kashier's unpaid payment requests and drafts); the invoice stays in the ledger.",
  ),
  'sync.link': method<SyncItem>()(
    z.object({ itemId, remoteId: foreignId() }).strict(),
    'Resolves an unsent or parked create by linking the invoice to an invoice that exists at the provider.',
  ),
};

export const syncEvents = {
  'sync.changed': event<{ accountId?: string }>(
    'Outbox or sync status of an account changed; the sync panel refreshes.',
  ),
};
