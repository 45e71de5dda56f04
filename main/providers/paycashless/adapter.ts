/**
 * Paycashless adapter (../shared/providers/paycashless.md). Every request carries `Authorization: Bearer <api key>`,
 * `Request-Timestamp` and `Request-Signature` (sign.ts), re-signed on each attempt so a retried GET never goes out
 * with a stale timestamp. Amounts are already in the smallest unit. Documented operations only: create
 * (autoFinalize, sendEmail, reference = our number), retrieve, cursor list, cancel with a reason.
 * The hosted payment URL appears only in the create answer; the ledger keeps it from there.
 */
import { PAYCASHLESS_PAGE_SIZE } from './index';
import type { Invoice } from '../../../shared/domain';
import { KassaError, invalid, refused } from '../../../shared/errors';
import { PAYCASHLESS_INFO } from '../../../shared/providers/paycashless';
import { HttpAdapter, type Authorisation } from '../adapter-base';
import { requireSecrets } from '../adapter-support';
import { IDENTITY_REFERENCE } from '../descriptor';
import { exactLines } from '../exact-lines';
import type {
  AdapterDeps,
  CreateOptions,
  ListFilter,
  ListPage,
  ProviderAdapter,
  RemoteInvoice,
  WriteOutcome,
} from '../types';
import {
  daysUntil,
  describePaycashlessError,
  MAX_DAYS_UNTIL_DUE,
  paycashlessCreateBody,
  paycashlessToRemote,
} from './map';
import { canonicalJson, paycashlessHeaders } from './sign';

export const PAYCASHLESS_BASE = 'https://api.paycashless.com/v1';
const STATUSES = ['draft', 'open', 'paid', 'partially_paid', 'cancelled'];

export class PaycashlessAdapter extends HttpAdapter {
  constructor(deps: AdapterDeps) {
    super(deps, {
      info: PAYCASHLESS_INFO,
      reference: IDENTITY_REFERENCE,
      documentedBase: PAYCASHLESS_BASE,
      describeError: describePaycashlessError,
    });
  }

  /** The body is the canonical JSON that is signed, byte for byte. */
  protected override serialise(body: unknown): string {
    return canonicalJson(body);
  }

  protected override async authorise(req: { url: URL; body: string | null }): Promise<Authorisation> {
    const { apiKey, apiSecret } = await requireSecrets(this.deps, ['apiKey', 'apiSecret']);
    const path = req.url.pathname;
    return {
      headers: () => paycashlessHeaders({ apiKey, apiSecret, path, body: req.body, now: this.deps.now() }),
      secrets: [apiKey, apiSecret],
    };
  }

  /** Rewrites the signature refusal into something a person can act on; other errors pass through. */
  protected override explain(err: unknown): unknown {
    if (
      err instanceof KassaError &&
      err.kind === 'provider' &&
      typeof err.details?.providerCode === 'string' &&
      err.details.providerCode.includes('request_signature_invalid')
    ) {
      return KassaError.withCode(
        'provider',
        err.code,
        { ...(err.params ?? {}), hint: 'signature' },
        err.details ? { details: err.details } : {},
      );
    }
    return err;
  }

  protected probe(): Promise<unknown> {
    return this.listPage(null, { pageSize: 1 });
  }

  protected override validateMore(invoice: Invoice): void {
    if (invoice.dueDate && daysUntil(invoice.dueDate, this.deps.now()) > MAX_DAYS_UNTIL_DUE) {
      throw refused('due_date_too_far', { provider: this.name, days: MAX_DAYS_UNTIL_DUE }, 'dueDate');
    }
    exactLines(invoice);
  }

  async create(invoice: Invoice, opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    this.validateForCreate(invoice);
    const body = paycashlessCreateBody(invoice, {
      reference: this.referenceFor(invoice),
      sendEmail: opts?.sendEmail ?? false,
      today: this.deps.now(),
    });
    const out = await this.writeInvoice(
      await this.request('create', 'POST', '/invoices', { body }),
      paycashlessToRemote,
    );
    if (out.outcome === 'ok') this.noteCreatedTotal(invoice, out.value);
    return out;
  }

  async get(remoteId: string): Promise<RemoteInvoice> {
    const remote = paycashlessToRemote(
      await this.read(await this.request('get', 'GET', `/invoices/${encodeURIComponent(remoteId)}`)),
    );
    if (remote === null) throw this.unexpected('get', 'invoice');
    return remote;
  }

  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const q = new URLSearchParams();
    q.set('limit', String(Math.max(1, Math.min(PAYCASHLESS_PAGE_SIZE, filter?.pageSize ?? PAYCASHLESS_PAGE_SIZE))));
    if (cursor !== null) q.set('cursor', cursor);
    if (filter?.status !== undefined) {
      if (!STATUSES.includes(filter.status))
        throw invalid('invalid_status_filter', { provider: this.name, accepted: STATUSES.join(', ') }, 'status');
      q.set('status', filter.status);
    }
    if (filter?.currency) q.set('currency', filter.currency);
    if (filter?.reference) q.set('reference', filter.reference);
    if (filter?.createdFrom) q.set('createdAt.gte', String(unixSeconds(filter.createdFrom, 'createdFrom')));
    if (filter?.createdTo) q.set('createdAt.lte', String(unixSeconds(filter.createdTo, 'createdTo')));
    const json = await this.read(await this.request('list', 'GET', '/invoices', { query: q }));
    const page = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    if (!Array.isArray(page.data)) throw this.unexpected('list', 'list');
    const invoices = this.mapRows('list', page.data, paycashlessToRemote);
    let next: string | null = null;
    if (page.hasMore === true) {
      if (typeof page.cursor !== 'string' || page.cursor === '' || page.cursor === cursor) {
        // Without a new cursor the next call would return the same page forever.
        throw this.unexpected('list', 'cursor');
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
    if (why === '') throw invalid('reason_required', { provider: this.name }, 'reason');
    const current = await this.get(remoteId);
    if (current.status === 'cancelled') return { outcome: 'ok', value: current };
    if (current.status === 'paid') throw refused('remote_paid', { provider: this.name, remoteId }, 'remoteId');
    return this.writeInvoice(
      await this.request('cancel', 'POST', `/invoices/${encodeURIComponent(remoteId)}/cancel`, {
        body: { cancellationReason: why },
      }),
      paycashlessToRemote,
    );
  }

  /** `hostedInvoiceUrl` from the create answer (documented there only). */
  paymentUrl(remote: RemoteInvoice): string | null {
    return remote.paymentUrl;
  }
}

function unixSeconds(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms <= 0) throw invalid('invalid_date', { field }, field);
  return Math.floor(ms / 1000);
}

export const createPaycashlessAdapter = (deps: AdapterDeps): ProviderAdapter => new PaycashlessAdapter(deps);
