/**
 * Kashier adapter (Dashboard API, ../shared/providers/kashier.md). Professional invoices on the `paymentRequest`
 * resource; raw `Authorization: <secret key>` (no "Bearer"); test and live hosts chosen by the account's mode.
 * Write operations that need the invoice's currency or type (mark paid, cancel, delete, share) read the invoice
 * first: that GET is safe to repeat and makes the write idempotent (already paid / already cancelled → no-op).
 */
import type { Invoice } from '../../shared/domain';
import { KassaError, invalid, refused } from '../../shared/errors';
import { connectionCheckFromError, refuseCurrency, refuseUnlessIssuable, requireSecrets } from './adapter-support';
import { resolveBaseUrl } from './base-url';
import { exactLines } from './exact-lines';
import { HttpClient, type HttpCall, type HttpMethod, type HttpReply } from './http';
import { providerError } from './http-errors';
import { encodeKashierReference } from './kashier-reference';
import {
  KASHIER_CURRENCIES,
  KASHIER_SHARE_SUBDOMAIN,
  kashierCreateBody,
  kashierInvoices,
  kashierMessage,
  kashierPagination,
  kashierPaymentUrl,
  kashierToRemote,
  majorRoundTrips,
  unwrapKashier,
} from './kashier-map';
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

export const KASHIER_HOSTS = { test: 'https://test-api.kashier.io', live: 'https://api.kashier.io' } as const;
/** Our page size: Kashier's default is 500 per page; 100 keeps each answer small. */
export const KASHIER_PAGE_SIZE = 100;
/** How far either side of the local creation time we search when reconciling an unknown create. */
const LOOKUP_WINDOW_MS = 2 * 24 * 3600 * 1000;

export const kashierCapabilities: ProviderCapabilities = {
  provider: 'kashier',
  operations: ['get', 'cancel', 'markPaid', 'delete', 'share', 'paymentUrl', 'lookupByReference'],
  currencies: KASHIER_CURRENCIES,
  lookupRoute: 'GET /paymentRequests/{MID}?currency=&startDate=&endDate= (match invoiceReferenceId)',
  shareChannels: ['email', 'sms'],
  paymentUrlObserved: true,
};

function describeKashierError(
  _status: number,
  json: unknown,
  text: string,
): { message: string | null; code: string | null } {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const j = json as Record<string, unknown>;
    const code =
      typeof j.status === 'string' && j.status.toUpperCase() !== 'SUCCESS'
        ? j.status
        : typeof j.code === 'string'
          ? j.code
          : null;
    return { message: kashierMessage(j), code };
  }
  // Kashier documents no error shape; a short plain-text answer is still the best message we have.
  const t = text.trim();
  return { message: t && t.length <= 200 && !t.startsWith('<') ? t : null, code: null };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+[1-9]\d{6,14}$/;

interface Cursor {
  currencies: string[];
  index: number;
  page: number;
}

export class KashierAdapter implements ProviderAdapter {
  readonly capabilities = kashierCapabilities;
  private readonly base: string;
  private readonly http: HttpClient;

  constructor(private readonly deps: AdapterDeps) {
    this.base = resolveBaseUrl(KASHIER_HOSTS[deps.account.mode], deps.account.baseUrl);
    this.http = new HttpClient({
      provider: 'kashier',
      accountId: deps.account.id,
      fetch: deps.fetch,
      log: deps.log,
      now: deps.now,
      tuning: deps.http,
      describeError: describeKashierError,
    });
  }

  private merchantId(): string {
    const mid = this.deps.account.settings.merchantId?.trim();
    if (!mid) {
      throw refused(
        'merchant_id_missing',
        'Set the Kashier merchant id (MID-…, shown under your name in the Kashier dashboard) on this account.',
        'settings.merchantId',
      );
    }
    return mid;
  }

  private async call(operation: string, method: HttpMethod, pathAndQuery: string, body?: unknown): Promise<HttpCall> {
    const { secretKey } = await requireSecrets(this.deps, ['secretKey']);
    const headers: Record<string, string> = { Authorization: secretKey, accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const call: HttpCall = {
      operation,
      method,
      url: new URL(`${this.base}${pathAndQuery}`),
      headers: () => headers,
      secrets: [secretKey],
    };
    if (body !== undefined) call.body = JSON.stringify(body);
    return call;
  }

  /** Unwraps a success envelope, or throws the failure Kashier reported inside an HTTP 2xx. */
  private payload(operation: string, reply: HttpReply): unknown {
    const env = unwrapKashier(reply.json);
    if (!env.ok) {
      throw providerError({
        provider: 'kashier',
        operation,
        code: 'provider_rejected',
        message: `Kashier rejected ${operation}${env.message ? `: ${env.message}` : ' without saying why.'}`,
        httpStatus: reply.status,
        providerMessage: env.message,
        retryable: false,
      });
    }
    return env.payload;
  }

  private unexpected(operation: string, reply: HttpReply, what: string): KassaError {
    return providerError({
      provider: 'kashier',
      operation,
      code: 'provider_unexpected_response',
      message: `Kashier answered ${operation} without ${what}.`,
      httpStatus: reply.status,
      retryable: true,
    });
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      // Cheapest authenticated call: one item of the list.
      await this.listPage(null, { currency: KASHIER_CURRENCIES[0], pageSize: 1 });
      return { ok: true, result: 'ok', message: 'Kashier accepted the key.' };
    } catch (err) {
      if (err instanceof KassaError && err.code === 'merchant_id_missing')
        return { ok: false, result: 'provider_error', message: err.message };
      return connectionCheckFromError(err, 'kashier');
    }
  }

  validateForCreate(invoice: Invoice): void {
    refuseUnlessIssuable(invoice, 'Kashier');
    refuseCurrency(invoice, KASHIER_CURRENCIES, 'Kashier');
    this.merchantId();
    const lines = exactLines(invoice);
    const amounts = [invoice.totals.total, ...lines.flatMap((l) => [l.unitPrice, l.subTotal])];
    if (!amounts.every((a) => majorRoundTrips(a, invoice.currency))) {
      throw refused('amount_not_representable', 'An amount is too large to send to Kashier exactly.', 'totals.total');
    }
  }

  referenceFor(invoice: Invoice): string {
    if (invoice.number === null)
      throw refused('invoice_not_issued', 'Only issued invoices (with a number) can be sent to a provider.', 'number');
    return encodeKashierReference(invoice.number);
  }

  async create(invoice: Invoice, _opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    // Kashier has no "email on create" flag; sending is the separate share call.
    this.validateForCreate(invoice);
    const body = kashierCreateBody(invoice, this.merchantId());
    const call = await this.call(
      'create',
      'POST',
      `/paymentRequest?currency=${encodeURIComponent(invoice.currency)}`,
      body,
    );
    const out = await this.http.write(call);
    if (out.outcome === 'unknown') return out;
    const payload = this.payload('create', out.value);
    const remote =
      kashierToRemote(payload, this.deps.account.mode) ??
      kashierToRemote(kashierInvoices(payload)[0], this.deps.account.mode);
    // A 2xx we cannot read an id from: the invoice may exist, so the caller must reconcile, not retry.
    if (remote === null) return this.http.unknownFromReply(call, out.value, 'no_invoice_in_answer');
    if (remote.total !== null && remote.total !== invoice.totals.total) {
      this.deps.log.error('provider.amount_mismatch', {
        provider: 'kashier',
        account: this.deps.account.id,
        invoice: invoice.id,
        remoteId: remote.remoteId,
        expected: invoice.totals.total,
        remote: remote.total,
      });
    }
    return { outcome: 'ok', value: remote };
  }

  async get(remoteId: string): Promise<RemoteInvoice> {
    const call = await this.call('get', 'GET', `/paymentRequest/${encodeURIComponent(remoteId)}`);
    const reply = await this.http.read(call);
    const list = kashierInvoices(this.payload('get', reply));
    if (list.length === 0) {
      throw providerError({
        provider: 'kashier',
        operation: 'get',
        code: 'provider_not_found',
        message: `Kashier has no invoice ${remoteId}.`,
        httpStatus: reply.status,
        retryable: false,
      });
    }
    const remote = kashierToRemote(list[0], this.deps.account.mode);
    if (remote === null) throw this.unexpected('get', reply, 'an invoice');
    return remote;
  }

  private decodeCursor(cursor: string | null, filter: ListFilter | undefined): Cursor {
    const currencies = filter?.currency ? [filter.currency] : [...KASHIER_CURRENCIES];
    if (cursor === null) return { currencies, index: 0, page: 1 };
    const m = /^([A-Z]{3}):(\d+)$/.exec(cursor);
    const index = m ? currencies.indexOf(m[1] as string) : -1;
    if (!m || index < 0 || Number(m[2]) < 1)
      throw invalid('invalid_cursor', 'This list cursor does not belong to this listing.', 'cursor');
    return { currencies, index, page: Number(m[2]) };
  }

  /**
   * One page. Kashier lists one currency at a time (currency is required), so without a currency filter the
   * cursor ("EGP:2") walks every documented currency in turn. Kashier has no reference filter: `filter.reference`
   * is applied to each page here (pages may then come back empty with a next cursor).
   */
  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const c = this.decodeCursor(cursor, filter);
    const currency = c.currencies[c.index] as string;
    const pageSize = Math.max(1, Math.min(500, filter?.pageSize ?? KASHIER_PAGE_SIZE));
    const q = new URLSearchParams({ currency, currentPage: String(c.page), pageSize: String(pageSize) });
    if (filter?.status !== undefined) {
      if (filter.status !== 'paid' && filter.status !== 'unpaid')
        throw invalid('invalid_status_filter', 'Kashier filters by paymentStatus "paid" or "unpaid" only.', 'status');
      q.set('paymentStatus', filter.status);
    }
    if (filter?.createdFrom) q.set('startDate', filter.createdFrom);
    if (filter?.createdTo) q.set('endDate', filter.createdTo);
    const call = await this.call(
      'list',
      'GET',
      `/paymentRequests/${encodeURIComponent(this.merchantId())}?${q.toString()}`,
    );
    const reply = await this.http.read(call);
    const payload = this.payload('list', reply);
    const rows = kashierInvoices(payload);
    const invoices: RemoteInvoice[] = [];
    for (const row of rows) {
      const r = kashierToRemote(row, this.deps.account.mode);
      if (r === null) {
        this.deps.log.warn('provider.unreadable_row', {
          provider: 'kashier',
          account: this.deps.account.id,
          operation: 'list',
        });
        continue;
      }
      if (filter?.reference === undefined || r.reference === filter.reference) invoices.push(r);
    }
    const pg = kashierPagination(payload);
    const more = pg?.hasNextPage ?? (pg?.totalPages != null ? c.page < pg.totalPages : rows.length >= pageSize);
    let next: string | null = null;
    if (more) next = `${currency}:${pg?.nextPage ?? c.page + 1}`;
    else if (c.index + 1 < c.currencies.length) next = `${c.currencies[c.index + 1]}:1`;
    return { invoices, next };
  }

  /** Reconciles an unknown create: lists the currency over a window around the creation time, matching our reference. */
  async findByReference(
    reference: string,
    hint: { currency: string; createdAround: Date },
  ): Promise<RemoteInvoice | null> {
    const at = hint.createdAround.getTime();
    const filter: ListFilter = {
      currency: hint.currency,
      reference,
      createdFrom: new Date(at - LOOKUP_WINDOW_MS).toISOString(),
      createdTo: new Date(at + LOOKUP_WINDOW_MS).toISOString(),
      pageSize: KASHIER_PAGE_SIZE,
    };
    let cursor: string | null = null;
    do {
      const page = await this.listPage(cursor, filter);
      const hit = page.invoices[0];
      if (hit) return hit;
      cursor = page.next;
    } while (cursor !== null);
    return null;
  }

  /** One status change via the documented PUT; paid and cancelled are always separate requests. */
  private async changeStatus(
    operation: 'markPaid' | 'cancel',
    current: RemoteInvoice,
    change: { paymentStatus: 'paid' } | { state: 'cancelled' },
  ): Promise<WriteOutcome<RemoteInvoice | null>> {
    const raw = current.raw as Record<string, unknown>;
    const paymentType = typeof raw.paymentType === 'string' ? raw.paymentType : 'professional';
    if (current.currency === null)
      throw providerError({
        provider: 'kashier',
        operation,
        code: 'provider_unexpected_response',
        message: `Kashier did not say the currency of ${current.remoteId}.`,
        retryable: true,
      });
    const path = `/paymentRequest/${encodeURIComponent(this.merchantId())}/${encodeURIComponent(current.remoteId)}/?operation=edit&currency=${encodeURIComponent(current.currency)}`;
    const call = await this.call(operation, 'PUT', path, { operation: 'changestatus', paymentType, ...change });
    const out = await this.http.write(call);
    if (out.outcome === 'unknown') return out;
    this.payload(operation, out.value);
    return { outcome: 'ok', value: await this.getQuietly(current.remoteId) };
  }

  /** After a successful write, the fresh state if we can read it; the write stays successful either way. */
  private async getQuietly(remoteId: string): Promise<RemoteInvoice | null> {
    try {
      return await this.get(remoteId);
    } catch {
      return null;
    }
  }

  async markPaid(remoteId: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    const current = await this.get(remoteId);
    if (current.status === 'paid') return { outcome: 'ok', value: current };
    if (current.status === 'cancelled')
      throw refused('remote_cancelled', `Kashier invoice ${remoteId} is cancelled; it cannot be marked paid.`);
    return this.changeStatus('markPaid', current, { paymentStatus: 'paid' });
  }

  async cancel(remoteId: string, _reason: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    // Kashier's cancel takes no reason; the ledger keeps ours.
    const current = await this.get(remoteId);
    if (current.status === 'cancelled') return { outcome: 'ok', value: current };
    if (current.status === 'paid')
      throw refused('remote_paid', `Kashier invoice ${remoteId} is paid; it cannot be cancelled.`);
    return this.changeStatus('cancel', current, { state: 'cancelled' });
  }

  async delete(remoteId: string): Promise<WriteOutcome<null>> {
    const current = await this.get(remoteId);
    const raw = current.raw as Record<string, unknown>;
    if (raw.state !== 'draft' || raw.paymentStatus !== 'unpaid') {
      throw refused(
        'remote_not_draft',
        `Kashier deletes only unpaid drafts; invoice ${remoteId} is ${current.remoteStatus}. Cancel it instead.`,
      );
    }
    const call = await this.call(
      'delete',
      'DELETE',
      `/paymentRequest/${encodeURIComponent(this.merchantId())}/${encodeURIComponent(current.remoteId)}`,
    );
    const out = await this.http.write(call);
    if (out.outcome === 'unknown') return out;
    this.payload('delete', out.value);
    return { outcome: 'ok', value: null };
  }

  async share(remoteId: string, to: { channel: 'email' | 'sms'; address: string }): Promise<WriteOutcome<null>> {
    const address = to.address.trim();
    if (to.channel === 'email' && !EMAIL_RE.test(address))
      throw invalid('invalid_email', 'That is not an e-mail address.', 'address');
    if (to.channel === 'sms' && !PHONE_RE.test(address))
      throw invalid('invalid_phone', 'Give the phone number in international form, e.g. +201001234567.', 'address');
    const current = await this.get(remoteId);
    const body: Record<string, string> = {
      operation: to.channel === 'email' ? 'email' : 'phone',
      customerName: current.customerName ?? '',
      subDomainUrl: KASHIER_SHARE_SUBDOMAIN,
      urlIdentifier: current.remoteNumber ?? current.remoteId,
    };
    if (to.channel === 'email') body.customerEmail = address;
    else body.customerPhoneNumber = address;
    const call = await this.call('share', 'POST', '/paymentRequest/sendInvoiceBy', body);
    const out = await this.http.write(call);
    if (out.outcome === 'unknown') return out;
    this.payload('share', out.value);
    return { outcome: 'ok', value: null };
  }

  /** Observed pattern, not documented (see kashierPaymentUrl). */
  paymentUrl(remote: RemoteInvoice): string | null {
    return kashierPaymentUrl(remote.remoteNumber ?? remote.remoteId, this.deps.account.mode);
  }
}

export const createKashierAdapter = (deps: AdapterDeps): ProviderAdapter => new KashierAdapter(deps);
