/**
 * SimpleCash adapter (../shared/providers/simplecash.md): the store key travels as the `api_key` query parameter,
 * so it is in every URL — the HTTP client logs queries scrubbed, errors never carry a URL, and every payload is
 * cleaned of the key before it is mapped or stored. Create (USD major units > 0.25, the due date mapped to the
 * nearest allowed timeout, e-mail and name required), get by uid, list with start/limit. No cancel, no lookup: a
 * create whose answer is lost is parked for a person (the dashboard shows it by the name "Invoice <number>").
 */
import type { Invoice } from '../../../shared/domain';
import { KassaError, invalid } from '../../../shared/errors';
import { SIMPLECASH_INFO } from '../../../shared/providers/simplecash';
import { HttpAdapter, type Authorisation } from '../adapter-base';
import { requireSecrets } from '../adapter-support';
import { IDENTITY_REFERENCE } from '../descriptor';
import { assertMajorExact } from '../major-amounts';
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
  describeSimplecashError,
  SIMPLECASH_MIN_EXCLUSIVE,
  simplecashCreateBody,
  simplecashRows,
  simplecashToRemote,
} from './map';

export const SIMPLECASH_BASE = 'https://api.simplecash.co/v1';
/** The documented default page size; no maximum is published. */
export const SIMPLECASH_PAGE_SIZE = 20;

export class SimplecashAdapter extends HttpAdapter {
  constructor(deps: AdapterDeps) {
    super(deps, {
      info: SIMPLECASH_INFO,
      reference: IDENTITY_REFERENCE,
      documentedBase: SIMPLECASH_BASE,
      describeError: describeSimplecashError,
    });
  }

  protected override async authorise(req: { url: URL; body: string | null }): Promise<Authorisation> {
    const { apiKey } = await requireSecrets(this.deps, ['apiKey']);
    req.url.searchParams.set('api_key', apiKey);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.body !== null) headers['Content-Type'] = 'application/json';
    // Its forms in the URL (query-string encoded) are among the forms every scrub looks for (secret-forms.ts).
    return { headers: () => headers, secrets: [apiKey] };
  }

  protected probe(): Promise<unknown> {
    return this.listPage(null, { pageSize: 1 });
  }

  protected override validateMore(invoice: Invoice): void {
    const params = { provider: this.name, number: invoice.number ?? '' };
    if (!invoice.customer.email)
      throw new KassaError('refused', 'customer_email_required', params, { field: 'customer.email' });
    if (invoice.totals.total <= SIMPLECASH_MIN_EXCLUSIVE)
      throw new KassaError(
        'refused',
        'amount_too_small',
        {
          ...params,
          minimum: { minor: SIMPLECASH_MIN_EXCLUSIVE, currency: invoice.currency },
          amount: { minor: invoice.totals.total, currency: invoice.currency },
        },
        { field: 'totals.total' },
      );
    assertMajorExact('simplecash', [invoice.totals.total], invoice.currency);
  }

  async create(invoice: Invoice, _opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    // SimpleCash e-mails the invoice to the payer itself: there is nothing to ask for.
    this.validateForCreate(invoice);
    const body = simplecashCreateBody(
      invoice,
      this.referenceFor(invoice),
      invoice.customer.email ?? '',
      this.deps.now(),
    );
    const out = await this.writeInvoice(await this.request('create', 'POST', '/invoice', { body }), simplecashToRemote);
    if (out.outcome === 'ok') this.noteCreatedTotal(invoice, out.value);
    return out;
  }

  async get(remoteId: string): Promise<RemoteInvoice> {
    const remote = simplecashToRemote(
      await this.read(await this.request('get', 'GET', `/invoice/${encodeURIComponent(remoteId)}`)),
    );
    if (remote === null) throw this.unexpected('get', 'invoice');
    return remote;
  }

  /** Offset pages: `start` is a counting starter (default 1), the cursor is the next one. */
  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const start = cursor === null ? 1 : Number(cursor);
    if (!Number.isSafeInteger(start) || start < 1) throw invalid('invalid_cursor', {}, 'cursor');
    const limit = Math.max(1, filter?.pageSize ?? SIMPLECASH_PAGE_SIZE);
    const q = new URLSearchParams({ start: String(start), limit: String(limit) });
    const rows = simplecashRows(await this.read(await this.request('list', 'GET', '/invoices', { query: q })));
    if (rows === null) throw this.unexpected('list', 'list');
    const invoices = this.mapRows('list', rows, simplecashToRemote).filter(
      (r) => filter?.reference === undefined || r.reference === filter.reference,
    );
    return { invoices, next: rows.length >= limit ? String(start + rows.length) : null };
  }
}

export const createSimplecashAdapter = (deps: AdapterDeps): ProviderAdapter => new SimplecashAdapter(deps);
