/**
 * Paycashless adapter (../shared/providers/paycashless.md). Every request carries `Authorization: Bearer <api key>`,
 * `Request-Timestamp` and `Request-Signature` (paycashless-sign.ts), re-signed on each attempt so a retried GET
 * never goes out with a stale timestamp. Amounts are already in the smallest unit. Documented operations only:
 * create (autoFinalize, sendEmail, reference = our number), retrieve, cursor list, cancel with a reason.
 * The hosted payment URL appears only in the create answer; the ledger keeps it from there.
 */
import type { Invoice } from '../../shared/domain';
import { KassaError, invalid, refused } from '../../shared/errors';
import { connectionCheckFromError, refuseCurrency, refuseUnlessIssuable, requireSecrets } from './adapter-support';
import { resolveBaseUrl } from './base-url';
import { exactLines } from './exact-lines';
import { HttpClient, type HttpCall, type HttpMethod } from './http';
import { providerError } from './http-errors';
import {
  daysUntil,
  describePaycashlessError,
  MAX_DAYS_UNTIL_DUE,
  PAYCASHLESS_CURRENCIES,
  paycashlessCreateBody,
  paycashlessToRemote,
} from './paycashless-map';
import { canonicalJson, paycashlessHeaders } from './paycashless-sign';
import type {
  AdapterDeps,
  ConnectionCheck,
  CreateOptions,
  ListFilter,
  ListPage,
  ProviderAdapter,
  ProviderCapabilities,
  RemoteInvoice,
  WriteOutcome,
} from './types';

export const PAYCASHLESS_BASE = 'https://api.paycashless.com/v1';
/** The documented maximum page size (1..100, default 10). */
export const PAYCASHLESS_PAGE_SIZE = 100;
const STATUSES = ['draft', 'open', 'paid', 'partially_paid', 'cancelled'];

export const paycashlessCapabilities: ProviderCapabilities = {
  provider: 'paycashless',
  operations: ['get', 'cancel', 'paymentUrl', 'lookupByReference'],
  currencies: PAYCASHLESS_CURRENCIES,
  lookupRoute: 'GET /v1/invoices?reference=',
  // Paycashless can only e-mail at creation (sendEmail); there is no share call.
  shareChannels: [],
  paymentUrlObserved: false,
};

/** Rewrites the signature refusal into something a person can act on; other errors pass through. */
function explain(err: unknown): unknown {
  if (
    err instanceof KassaError &&
    err.kind === 'provider' &&
    typeof err.details?.providerCode === 'string' &&
    err.details.providerCode.includes('request_signature_invalid')
  ) {
    return new KassaError(
      'provider',
      err.code,
      "Paycashless rejected the request signature: check the account's API secret (it must belong to the same key pair as the API key) and that this computer's clock is right.",
      { details: err.details },
    );
  }
  return err;
}

export class PaycashlessAdapter implements ProviderAdapter {
  readonly capabilities = paycashlessCapabilities;
  private readonly base: string;
  private readonly http: HttpClient;

  constructor(private readonly deps: AdapterDeps) {
    this.base = resolveBaseUrl(PAYCASHLESS_BASE, deps.account.baseUrl);
    this.http = new HttpClient({
      provider: 'paycashless',
      accountId: deps.account.id,
      fetch: deps.fetch,
      log: deps.log,
      now: deps.now,
      tuning: deps.http,
      describeError: describePaycashlessError,
    });
  }

  /** `path` is relative to /v1, e.g. "/invoices". The body, when any, is the canonical JSON that is signed. */
  private async call(
    operation: string,
    method: HttpMethod,
    path: string,
    query?: URLSearchParams,
    body?: unknown,
  ): Promise<HttpCall> {
    const { apiKey, apiSecret } = await requireSecrets(this.deps, ['apiKey', 'apiSecret']);
    const url = new URL(`${this.base}${path}${query && [...query.keys()].length > 0 ? `?${query.toString()}` : ''}`);
    const bodyText = body === undefined ? null : canonicalJson(body);
    const call: HttpCall = {
      operation,
      method,
      url,
      headers: () =>
        paycashlessHeaders({ apiKey, apiSecret, path: url.pathname, body: bodyText, now: this.deps.now() }),
      secrets: [apiKey, apiSecret],
    };
    if (bodyText !== null) call.body = bodyText;
    return call;
  }

  private async read(call: HttpCall): Promise<unknown> {
    try {
      return (await this.http.read(call)).json;
    } catch (err) {
      throw explain(err);
    }
  }

  private async writeInvoice(call: HttpCall): Promise<WriteOutcome<RemoteInvoice>> {
    let out;
    try {
      out = await this.http.write(call);
    } catch (err) {
      throw explain(err);
    }
    if (out.outcome === 'unknown') return out;
    const remote = paycashlessToRemote(out.value.json);
    if (remote === null) return this.http.unknownFromReply(call, out.value, 'no_invoice_in_answer');
    return { outcome: 'ok', value: remote };
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      await this.listPage(null, { pageSize: 1 });
      return { ok: true, result: 'ok', message: 'Paycashless accepted the key and the request signature.' };
    } catch (err) {
      return connectionCheckFromError(err, 'paycashless');
    }
  }

  validateForCreate(invoice: Invoice): void {
    refuseUnlessIssuable(invoice, 'Paycashless');
    refuseCurrency(invoice, PAYCASHLESS_CURRENCIES, 'Paycashless');
    if (invoice.dueDate && daysUntil(invoice.dueDate, this.deps.now()) > MAX_DAYS_UNTIL_DUE) {
      throw refused(
        'due_date_too_far',
        `Paycashless allows a due date at most ${MAX_DAYS_UNTIL_DUE} days ahead.`,
        'dueDate',
      );
    }
    exactLines(invoice);
  }

  referenceFor(invoice: Invoice): string {
    if (invoice.number === null)
      throw refused('invoice_not_issued', 'Only issued invoices (with a number) can be sent to a provider.', 'number');
    return invoice.number;
  }

  async create(invoice: Invoice, opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    this.validateForCreate(invoice);
    const body = paycashlessCreateBody(invoice, { sendEmail: opts?.sendEmail ?? false, today: this.deps.now() });
    const out = await this.writeInvoice(await this.call('create', 'POST', '/invoices', undefined, body));
    if (out.outcome === 'ok' && out.value.total !== null && out.value.total !== invoice.totals.total) {
      this.deps.log.error('provider.amount_mismatch', {
        provider: 'paycashless',
        account: this.deps.account.id,
        invoice: invoice.id,
        remoteId: out.value.remoteId,
        expected: invoice.totals.total,
        remote: out.value.total,
      });
    }
    return out;
  }

  async get(remoteId: string): Promise<RemoteInvoice> {
    const json = await this.read(await this.call('get', 'GET', `/invoices/${encodeURIComponent(remoteId)}`));
    const remote = paycashlessToRemote(json);
    if (remote === null) {
      throw providerError({
        provider: 'paycashless',
        operation: 'get',
        code: 'provider_unexpected_response',
        message: 'Paycashless answered get without an invoice.',
        retryable: true,
      });
    }
    return remote;
  }

  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const q = new URLSearchParams();
    q.set('limit', String(Math.max(1, Math.min(PAYCASHLESS_PAGE_SIZE, filter?.pageSize ?? PAYCASHLESS_PAGE_SIZE))));
    if (cursor !== null) q.set('cursor', cursor);
    if (filter?.status !== undefined) {
      if (!STATUSES.includes(filter.status))
        throw invalid('invalid_status_filter', `Paycashless statuses are ${STATUSES.join(', ')}.`, 'status');
      q.set('status', filter.status);
    }
    if (filter?.currency) q.set('currency', filter.currency);
    if (filter?.reference) q.set('reference', filter.reference);
    if (filter?.createdFrom) q.set('createdAt.gte', String(unixSeconds(filter.createdFrom, 'createdFrom')));
    if (filter?.createdTo) q.set('createdAt.lte', String(unixSeconds(filter.createdTo, 'createdTo')));
    const json = await this.read(await this.call('list', 'GET', '/invoices', q));
    const page = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    if (!Array.isArray(page.data)) {
      throw providerError({
        provider: 'paycashless',
        operation: 'list',
        code: 'provider_unexpected_response',
        message: 'Paycashless answered list without a data array.',
        retryable: true,
      });
    }
    const invoices: RemoteInvoice[] = [];
    for (const row of page.data) {
      const r = paycashlessToRemote(row);
      if (r === null)
        this.deps.log.warn('provider.unreadable_row', {
          provider: 'paycashless',
          account: this.deps.account.id,
          operation: 'list',
        });
      else invoices.push(r);
    }
    let next: string | null = null;
    if (page.hasMore === true) {
      if (typeof page.cursor !== 'string' || page.cursor === '' || page.cursor === cursor) {
        // Without a new cursor the next call would return the same page forever.
        throw providerError({
          provider: 'paycashless',
          operation: 'list',
          code: 'provider_unexpected_response',
          message: 'Paycashless said there are more invoices but gave no new cursor.',
          retryable: true,
        });
      }
      next = page.cursor;
    }
    return { invoices, next };
  }

  /** Reconciles an unknown create through the documented `reference` filter (exact match re-checked here). */
  async findByReference(
    reference: string,
    _hint: { currency: string; createdAround: Date },
  ): Promise<RemoteInvoice | null> {
    let cursor: string | null = null;
    do {
      const page = await this.listPage(cursor, { reference });
      const hits = page.invoices.filter((r) => r.reference === reference);
      if (hits.length > 1)
        this.deps.log.warn('provider.duplicate_reference', {
          provider: 'paycashless',
          account: this.deps.account.id,
          count: hits.length,
        });
      if (hits[0]) return hits[0];
      cursor = page.next;
    } while (cursor !== null);
    return null;
  }

  async cancel(remoteId: string, reason: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    const why = reason.trim();
    if (why === '') throw invalid('reason_required', 'Paycashless needs a cancellation reason.', 'reason');
    const current = await this.get(remoteId);
    if (current.status === 'cancelled') return { outcome: 'ok', value: current };
    if (current.status === 'paid')
      throw refused('remote_paid', `Paycashless invoice ${remoteId} is paid; it cannot be cancelled.`);
    return this.writeInvoice(
      await this.call('cancel', 'POST', `/invoices/${encodeURIComponent(remoteId)}/cancel`, undefined, {
        cancellationReason: why,
      }),
    );
  }

  /** `hostedInvoiceUrl` from the create answer (documented there only). */
  paymentUrl(remote: RemoteInvoice): string | null {
    return remote.paymentUrl;
  }
}

function unixSeconds(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms <= 0) throw invalid('invalid_date', `${field} is not a date.`, field);
  return Math.floor(ms / 1000);
}

export const createPaycashlessAdapter = (deps: AdapterDeps): ProviderAdapter => new PaycashlessAdapter(deps);
