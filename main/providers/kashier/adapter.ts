/**
 * Kashier adapter (Dashboard API, ../shared/providers/kashier.md). Professional invoices on the `paymentRequest`
 * resource; raw `Authorization: <secret key>` (no "Bearer"); test and live hosts chosen by the account's mode.
 * Write operations that need the invoice's currency or type (mark paid, cancel, delete, share) read the invoice
 * first: that GET is safe to repeat and makes the write idempotent (already paid / already cancelled → no-op).
 */
import { KASHIER_PAGE_SIZE } from './index';
import type { Invoice } from '../../../shared/domain';
import { invalid, KassaError, refused } from '../../../shared/errors';
import { KASHIER_INFO } from '../../../shared/providers/kashier';
import { HttpAdapter, type Authorisation } from '../adapter-base';
import { requireSecrets } from '../adapter-support';
import { exactLines } from '../exact-lines';
import { assertMajorExact } from '../major-amounts';
import type { HttpReply } from '../http';
import { saidParam } from '../http-errors';
import type {
  AdapterDeps,
  CreateOptions,
  ListFilter,
  ListPage,
  ProviderAdapter,
  RemoteInvoice,
  ShareChannel,
  WriteOutcome,
} from '../types';
import {
  KASHIER_CURRENCIES,
  KASHIER_SHARE_SUBDOMAIN,
  kashierCreateBody,
  kashierDeletable,
  kashierInvoices,
  kashierMessage,
  kashierPagination,
  kashierPaymentUrl,
  kashierToRemote,
  unwrapKashier,
} from './map';
import { KASHIER_REFERENCE } from './reference';

export const KASHIER_HOSTS = { test: 'https://test-api.kashier.io', live: 'https://api.kashier.io' } as const;
/** How far either side of the local creation time we search when reconciling an unknown create. */
const LOOKUP_WINDOW_MS = 2 * 24 * 3600 * 1000;

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

export class KashierAdapter extends HttpAdapter {
  constructor(deps: AdapterDeps) {
    super(deps, {
      info: KASHIER_INFO,
      reference: KASHIER_REFERENCE,
      documentedBase: KASHIER_HOSTS[deps.account.mode],
      describeError: describeKashierError,
    });
  }

  private merchantId(): string {
    const mid = this.deps.account.settings.merchantId?.trim();
    if (!mid) {
      throw refused('merchant_id_missing', { provider: this.name }, 'settings.merchantId');
    }
    return mid;
  }

  protected override async authorise(req: { body: string | null }): Promise<Authorisation> {
    const { secretKey } = await requireSecrets(this.deps, ['secretKey']);
    const headers: Record<string, string> = { Authorization: secretKey, accept: 'application/json' };
    if (req.body !== null) headers['Content-Type'] = 'application/json';
    return { headers: () => headers, secrets: [secretKey] };
  }

  /** Unwraps a success envelope, or throws the failure Kashier reported inside an HTTP 2xx. */
  protected override payload(operation: string, reply: HttpReply): unknown {
    const env = unwrapKashier(reply.json);
    if (!env.ok) {
      throw this.providerFailure(
        operation,
        'provider_rejected',
        { status: 'none', said: saidParam(env.message) },
        { httpStatus: reply.status, retryable: false, providerMessage: env.message },
      );
    }
    return env.payload;
  }

  private toRemote = (raw: unknown): RemoteInvoice | null => kashierToRemote(raw, this.deps.account.mode);

  protected probe(): Promise<unknown> {
    // Cheapest authenticated call: one item of the list.
    return this.listPage(null, { currency: KASHIER_CURRENCIES[0], pageSize: 1 });
  }

  protected override validateMore(invoice: Invoice): void {
    this.merchantId();
    const lines = exactLines(invoice);
    const amounts = [invoice.totals.total, ...lines.flatMap((l) => [l.unitPrice, l.subTotal])];
    assertMajorExact('kashier', amounts, invoice.currency);
  }

  async create(invoice: Invoice, _opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    // Kashier has no "email on create" flag; sending is the separate share call.
    this.validateForCreate(invoice);
    const body = kashierCreateBody(invoice, this.merchantId(), this.referenceFor(invoice));
    const call = await this.request('create', 'POST', '/paymentRequest', {
      query: new URLSearchParams({ currency: invoice.currency }),
      body,
    });
    const out = await this.writeInvoice(call, (p) => this.toRemote(p) ?? this.toRemote(kashierInvoices(p)[0]));
    if (out.outcome === 'ok') this.noteCreatedTotal(invoice, out.value);
    return out;
  }

  /**
   * The view call with `currency` (the docs are silent; third-party clients always send it, and without it an
   * invoice in another currency than the default is not found). Without a hint, each currency is tried in turn.
   */
  async get(remoteId: string, hint?: { currency?: string }): Promise<RemoteInvoice> {
    const currencies = hint?.currency ? [hint.currency] : [...KASHIER_CURRENCIES];
    for (const currency of currencies) {
      const call = await this.request('get', 'GET', `/paymentRequest/${encodeURIComponent(remoteId)}`, {
        query: new URLSearchParams({ currency }),
      });
      let list: unknown[];
      try {
        list = kashierInvoices(await this.read(call));
      } catch (err) {
        if (err instanceof KassaError && err.code === 'provider_not_found' && currencies.length > 1) continue;
        throw err;
      }
      if (list.length === 0) continue;
      const remote = this.toRemote(list[0]);
      if (remote === null) throw this.unexpected('get', 'invoice');
      return remote;
    }
    throw this.providerFailure('get', 'provider_not_found', { said: 'none' }, { retryable: false });
  }

  private decodeCursor(cursor: string | null, filter: ListFilter | undefined): Cursor {
    const currencies = filter?.currency ? [filter.currency] : [...KASHIER_CURRENCIES];
    if (cursor === null) return { currencies, index: 0, page: 1 };
    const m = /^([A-Z]{3}):(\d+)$/.exec(cursor);
    const index = m ? currencies.indexOf(m[1] as string) : -1;
    if (!m || index < 0 || Number(m[2]) < 1) throw invalid('invalid_cursor', {}, 'cursor');
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
        throw invalid('invalid_status_filter', { provider: this.name, accepted: 'paid, unpaid' }, 'status');
      q.set('paymentStatus', filter.status);
    }
    if (filter?.createdFrom) q.set('startDate', filter.createdFrom);
    if (filter?.createdTo) q.set('endDate', filter.createdTo);
    const call = await this.request('list', 'GET', `/paymentRequests/${encodeURIComponent(this.merchantId())}`, {
      query: q,
    });
    const payload = await this.read(call);
    const rows = kashierInvoices(payload);
    const invoices = this.mapRows('list', rows, this.toRemote).filter(
      (r) => filter?.reference === undefined || r.reference === filter.reference,
    );
    const pg = kashierPagination(payload);
    const more = pg?.hasNextPage ?? (pg?.totalPages != null ? c.page < pg.totalPages : rows.length >= pageSize);
    let next: string | null = null;
    if (more) {
      const nextPage = pg?.nextPage ?? c.page + 1;
      // A "next" page that does not move forward would be asked for again and again.
      if (nextPage <= c.page) throw this.unexpected('list', 'cursor');
      next = `${currency}:${nextPage}`;
    } else if (c.index + 1 < c.currencies.length) next = `${c.currencies[c.index + 1]}:1`;
    return { invoices, next };
  }

  /**
   * Reconciles an unknown create: lists the currency over a window around the creation time, matching our
   * reference in every form Kassa ever sent for that number (earlier versions sent the legacy scheme).
   */
  async findByReference(
    reference: string,
    hint: { currency: string; createdAround: Date },
  ): Promise<RemoteInvoice | null> {
    const number = KASHIER_REFERENCE.decode(reference);
    const forms = new Set(number === null ? [reference] : KASHIER_REFERENCE.sentForms(number));
    const at = hint.createdAround.getTime();
    const filter: ListFilter = {
      currency: hint.currency,
      createdFrom: new Date(at - LOOKUP_WINDOW_MS).toISOString(),
      createdTo: new Date(at + LOOKUP_WINDOW_MS).toISOString(),
      pageSize: KASHIER_PAGE_SIZE,
    };
    let cursor: string | null = null;
    do {
      const page = await this.listPage(cursor, filter);
      const hit = page.invoices.find((r) => r.reference !== null && forms.has(r.reference));
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
    if (current.currency === null) throw this.unexpected(operation, 'currency');
    const call = await this.request(
      operation,
      'PUT',
      `/paymentRequest/${encodeURIComponent(this.merchantId())}/${encodeURIComponent(current.remoteId)}/`,
      {
        query: new URLSearchParams({ operation: 'edit', currency: current.currency }),
        body: { operation: 'changestatus', paymentType, ...change },
      },
    );
    const out = await this.write(call);
    if (out.outcome === 'unknown') return out;
    return { outcome: 'ok', value: await this.getQuietly(current.remoteId, current.currency) };
  }

  /** After a successful write, the fresh state if we can read it; the write stays successful either way. */
  private async getQuietly(remoteId: string, currency: string): Promise<RemoteInvoice | null> {
    try {
      return await this.get(remoteId, { currency });
    } catch {
      return null;
    }
  }

  async markPaid(remoteId: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    const current = await this.get(remoteId);
    if (current.status === 'paid') return { outcome: 'ok', value: current };
    if (current.status === 'cancelled')
      throw refused('remote_cancelled', { provider: this.name, remoteId }, 'remoteId');
    return this.changeStatus('markPaid', current, { paymentStatus: 'paid' });
  }

  async cancel(remoteId: string, _reason: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    // Kashier's cancel takes no reason; the ledger keeps ours.
    const current = await this.get(remoteId);
    if (current.status === 'cancelled') return { outcome: 'ok', value: current };
    if (current.status === 'paid') throw refused('remote_paid', { provider: this.name, remoteId }, 'remoteId');
    return this.changeStatus('cancel', current, { state: 'cancelled' });
  }

  async delete(remoteId: string): Promise<WriteOutcome<null>> {
    const current = await this.get(remoteId);
    if (!kashierDeletable(current.raw)) {
      throw refused(
        'remote_not_deletable',
        { provider: this.name, remoteId, status: current.remoteStatus },
        'remoteId',
      );
    }
    const call = await this.request(
      'delete',
      'DELETE',
      `/paymentRequest/${encodeURIComponent(this.merchantId())}/${encodeURIComponent(current.remoteId)}`,
    );
    const out = await this.write(call);
    if (out.outcome === 'unknown') return out;
    return { outcome: 'ok', value: null };
  }

  async share(remoteId: string, to: { channel: ShareChannel; address: string }): Promise<WriteOutcome<null>> {
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
    const out = await this.write(await this.request('share', 'POST', '/paymentRequest/sendInvoiceBy', { body }));
    if (out.outcome === 'unknown') return out;
    return { outcome: 'ok', value: null };
  }

  /** Observed pattern, not documented (see kashierPaymentUrl). */
  paymentUrl(remote: RemoteInvoice): string | null {
    return kashierPaymentUrl(remote.remoteNumber ?? remote.remoteId, this.deps.account.mode);
  }
}

export const createKashierAdapter = (deps: AdapterDeps): ProviderAdapter => new KashierAdapter(deps);
