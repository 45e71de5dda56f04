/**
 * Kaspa Living Invoices adapter (../shared/providers/kaspa-living-invoices.md): `X-API-Key`; create (items priced
 * in fiat major units, sent to the customer at once) and list pages (status filter, page/limit ≤ 100). There is no
 * call to read one invoice, cancel, update or delete: statuses come from list pages, and a lost create is looked up
 * by our number in the notes across the list pages. The documented budget is 100 requests per minute: the account's
 * limiter stays under it and the X-RateLimit-* headers (and a 429) hold every request of the account until the
 * window resets.
 */
import { KASPA_PAGE_SIZE } from './index';
import type { Invoice } from '../../../shared/domain';
import { KassaError, invalid } from '../../../shared/errors';
import { KASPA_INFO } from '../../../shared/providers/kaspa';
import { HttpAdapter, type Authorisation } from '../adapter-base';
import { requireSecrets } from '../adapter-support';
import { IDENTITY_REFERENCE } from '../descriptor';
import { exactLines } from '../exact-lines';
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
import { describeKaspaError, kaspaCreateBody, kaspaHasMore, kaspaInvoiceOf, kaspaRows, kaspaToRemote } from './map';

export const KASPA_BASE = 'https://kaspa-invoices.com/api/v1';
export const KASPA_STATUSES = ['draft', 'pending', 'paid', 'overdue', 'cancelled'];
/** A lookup reads at most this many pages (10,000 invoices, about two minutes of the budget) before giving up. */
const LOOKUP_MAX_PAGES = 100;

export class KaspaAdapter extends HttpAdapter {
  /** `<origin>`: customer links are `<origin>/i/<id>`, on the account's host like every call. */
  private readonly origin: string;

  constructor(deps: AdapterDeps) {
    super(deps, {
      info: KASPA_INFO,
      reference: IDENTITY_REFERENCE,
      documentedBase: KASPA_BASE,
      describeError: describeKaspaError,
    });
    this.origin = new URL(this.base).origin;
  }

  protected override async authorise(req: { body: string | null }): Promise<Authorisation> {
    const { apiKey } = await requireSecrets(this.deps, ['apiKey']);
    const headers: Record<string, string> = { 'X-API-Key': apiKey, accept: 'application/json' };
    if (req.body !== null) headers['Content-Type'] = 'application/json';
    return { headers: () => headers, secrets: [apiKey] };
  }

  private toRemote = (raw: unknown): RemoteInvoice | null => kaspaToRemote(raw, this.origin);

  protected probe(): Promise<unknown> {
    return this.listPage(null, { pageSize: 1 });
  }

  /** USD only (checked by the base), an e-mail to send it to, and prices that are exact in major units. */
  protected override validateMore(invoice: Invoice): void {
    if (!invoice.customer.email)
      throw new KassaError(
        'refused',
        'customer_email_required',
        { provider: this.name, number: invoice.number ?? '' },
        { field: 'customer.email' },
      );
    const lines = exactLines(invoice);
    assertMajorExact('kaspa', [invoice.totals.total, ...lines.map((l) => l.unitPrice)], invoice.currency);
  }

  async create(invoice: Invoice, _opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    this.validateForCreate(invoice);
    const body = kaspaCreateBody(invoice, this.referenceFor(invoice), invoice.customer.email ?? '');
    const out = await this.writeInvoice(await this.request('create', 'POST', '/invoices', { body }), this.toRemote);
    if (out.outcome === 'ok') this.noteCreatedTotal(invoice, out.value);
    return out;
  }

  /** One page; the cursor is the next page number. A page that does not say whether more follow is "more" when full. */
  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const page = cursor === null ? 1 : Number(cursor);
    if (!Number.isSafeInteger(page) || page < 1) throw invalid('invalid_cursor', {}, 'cursor');
    const limit = Math.max(1, Math.min(KASPA_PAGE_SIZE, filter?.pageSize ?? KASPA_PAGE_SIZE));
    const q = new URLSearchParams({ page: String(page), limit: String(limit) });
    if (filter?.status !== undefined) {
      if (!KASPA_STATUSES.includes(filter.status))
        throw invalid('invalid_status_filter', { provider: this.name, accepted: KASPA_STATUSES.join(', ') }, 'status');
      q.set('status', filter.status);
    }
    const json = await this.read(await this.request('list', 'GET', '/invoices', { query: q }));
    const rows = kaspaRows(json);
    if (rows === null) throw this.unexpected('list', 'list');
    const invoices = this.mapRows('list', rows, this.toRemote).filter(
      (r) => filter?.reference === undefined || r.reference === filter.reference,
    );
    const more = kaspaHasMore(json, page) ?? rows.length >= limit;
    return { invoices, next: more && rows.length > 0 ? String(page + 1) : null };
  }

  /**
   * Reconciles an unknown create through the list pages, by our number in the notes. The list answer is not
   * documented: when its rows carry neither notes nor a reference, or there are more pages than we read, "not
   * found" would be a guess, so the lookup says it cannot tell (the item is parked for a person, never resent).
   */
  async findByReference(
    reference: string,
    _hint: { currency: string; createdAround: Date },
  ): Promise<RemoteInvoice | null> {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await this.listPage(cursor);
      pages++;
      const hit = page.invoices.find((r) => r.reference === reference);
      if (hit) return hit;
      const unreadable = page.invoices.some((r) => {
        const o = kaspaInvoiceOf(r.raw);
        return o !== null && o.notes === undefined && o.reference === undefined;
      });
      if (unreadable) throw this.inconclusive(reference, 'no_field');
      cursor = page.next;
      if (cursor !== null && pages >= LOOKUP_MAX_PAGES) throw this.inconclusive(reference, 'too_many');
    } while (cursor !== null);
    return null;
  }

  private inconclusive(reference: string, reason: 'no_field' | 'too_many'): KassaError {
    return new KassaError(
      'refused',
      'lookup_inconclusive',
      { provider: this.name, reference, reason },
      { details: { provider: this.provider } },
    );
  }

  /** The documented customer link, on the account's host. */
  paymentUrl(remote: RemoteInvoice): string | null {
    return remote.paymentUrl;
  }
}

export const createKaspaAdapter = (deps: AdapterDeps): ProviderAdapter => new KaspaAdapter(deps);
