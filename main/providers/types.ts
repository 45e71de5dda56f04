/**
 * One interface for every payment provider. Optional operations exist only where the provider documents
 * them; `capabilities` (shared/providers/<id>.ts) says the same thing as data so sync and the UI can read it
 * without probing.
 */
import type { Message } from '../../shared/i18n/params';
import type { Invoice, ProviderAccount, ProviderId } from '../../shared/domain';
import type { Minor } from '../../shared/money';
import type { ErrorBody } from '../../shared/errors';
import type { ProviderCapabilities, ShareChannel } from '../../shared/providers';
import type { Logger } from '../log';

export type { ProviderCapabilities, ShareChannel };

/** One line of a remote invoice, as the provider holds it (amounts already in minor units of its currency). */
export interface RemoteItem {
  description: string;
  /** Exact decimal string, > 0. */
  quantity: string;
  unitPrice: Minor;
}

/** What the ledger knows about an invoice at the provider, mapped from the provider's payload. */
export interface RemoteInvoice {
  provider: ProviderId;
  remoteId: string;
  /** The reference as the provider holds it (number / reference / invoiceReferenceId), verbatim. */
  reference: string | null;
  /**
   * The ledger number this reference was made from when Kassa could have written it (decoded by the provider's
   * reference codec); null for a reference Kassa never writes in that form (kept verbatim in `reference`).
   */
  ourNumber: string | null;
  /** Provider's own invoice number, if it has one. */
  remoteNumber: string | null;
  /** The provider's raw status string(s), kept verbatim. */
  remoteStatus: string;
  /** Our status, mapped; null when the provider's status is unknown to us (kept raw, never guessed). */
  status: 'draft' | 'issued' | 'partially_paid' | 'paid' | 'cancelled' | 'expired' | null;
  currency: string | null;
  /** Total in minor units of `currency`; null when the provider did not say. */
  total: Minor | null;
  /** Amount paid so far in minor units, when the provider reports it. */
  amountPaid: Minor | null;
  customerName: string | null;
  customerEmail: string | null;
  issueDate: string | null;
  dueDate: string | null;
  paidAt: string | null;
  paymentUrl: string | null;
  createdAt: string | null;
  /** The provider's lines when it reports them in a form that can be read exactly; null otherwise. */
  items: RemoteItem[] | null;
  /** The provider's JSON, untouched, for diagnosis and for fields we do not map. */
  raw: unknown;
}

export interface ListFilter {
  currency?: string;
  status?: string;
  reference?: string;
  createdFrom?: string;
  createdTo?: string;
  pageSize?: number;
}

export interface ListPage {
  invoices: RemoteInvoice[];
  /** Opaque cursor for the next page; null at the end. */
  next: string | null;
}

/**
 * The outcome of a write. `unknown` means the request may have reached the provider (timeout after send,
 * reset, 5xx): the caller must reconcile before retrying, never resend blindly.
 */
export type WriteOutcome<T> = { outcome: 'ok'; value: T } | { outcome: 'unknown'; error: ErrorBody };

export interface ConnectionCheck {
  ok: boolean;
  /** ok | wrong_key | unreachable | provider_error */
  result: 'ok' | 'wrong_key' | 'unreachable' | 'provider_error';
  /** In English, for the CLI and logs. */
  message: string;
  /** The same as a catalogue message, shown in the reader's language (else `message` is shown as it is). */
  detail?: Message;
  httpStatus?: number;
}

export interface CreateOptions {
  /** Ask the provider to email the invoice on creation, where it can. */
  sendEmail?: boolean;
}

export interface ProviderAdapter {
  readonly capabilities: ProviderCapabilities;
  testConnection(): Promise<ConnectionCheck>;
  /** Refuses (KassaError 'refused') when the invoice cannot be expressed exactly at this provider. */
  validateForCreate(invoice: Invoice): void;
  /** The reference we send for this invoice (and later look it up by). */
  referenceFor(invoice: Invoice): string;
  create(invoice: Invoice, opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>>;
  /** One invoice; `hint.currency` (the ledger's) lets a provider that reads by currency (Kashier) ask once. */
  get?(remoteId: string, hint?: { currency?: string }): Promise<RemoteInvoice>;
  listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage>;
  /**
   * The provider's change feed: the invoices it reported as changed since `since`, oldest first (a page of events,
   * each carrying the invoice as it was then). Only where documented (KashIO's pull events).
   */
  changesSince?(cursor: string | null, since: Date): Promise<ListPage>;
  /** Finds the remote invoice created for our reference; null when none exists. Only where documented. */
  findByReference?(reference: string, hint: { currency: string; createdAround: Date }): Promise<RemoteInvoice | null>;
  cancel?(remoteId: string, reason: string): Promise<WriteOutcome<RemoteInvoice | null>>;
  markPaid?(remoteId: string): Promise<WriteOutcome<RemoteInvoice | null>>;
  delete?(remoteId: string): Promise<WriteOutcome<null>>;
  share?(remoteId: string, to: { channel: ShareChannel; address: string }): Promise<WriteOutcome<null>>;
  paymentUrl?(remote: RemoteInvoice): string | null;
}

export interface AdapterDeps {
  account: ProviderAccount;
  /** Reads the account's secrets from the keychain for one call; never cached by adapters. */
  secrets(): Promise<Record<string, string>>;
  fetch: typeof fetch;
  log: Logger;
  now: () => Date;
  /** Tuning and test hooks for the HTTP client; production leaves it unset and gets the defaults. */
  http?: HttpTuning;
}

/** Shared by every account of the process so the per-account budget holds across adapter instances. */
export interface RequestLimiter {
  /** Resolves when the caller may send one request for `key` (one key per account). */
  acquire(key: string): Promise<void>;
  /** Holds every request for `key` until `untilMs` (epoch ms), e.g. after a 429 we are about to honour. */
  blockUntil(key: string, untilMs: number): void;
}

export interface HttpTuning {
  /** Per-attempt timeout covering the whole exchange (headers and body). Default 20 s. */
  timeoutMs?: number;
  /** Attempts for a request that may be repeated (reads, 429s, requests that never left). Default 4. */
  maxAttempts?: number;
  /** Backoff base and cap for full-jitter exponential backoff. Defaults 500 ms and 20 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest Retry-After / X-RateLimit-Reset we wait in-process; longer ones fail as retryable. Default 60 s. */
  maxRetryWaitMs?: number;
  /** Injected so tests do not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests can pin the jitter; returns [0, 1). */
  random?: () => number;
  limiter?: RequestLimiter;
}

export type AdapterFactory = (deps: AdapterDeps) => ProviderAdapter;
