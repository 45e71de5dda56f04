/**
 * KashIO adapter ("Orden de Pago" API, ../shared/providers/kashio.md — the Spanish versions; the English seed is a
 * template placeholder). HTTP Basic with the secret key as user and an empty password; one host, test or live by
 * key. Create (invoice_id = our number), get, list by date, update (amount, currency, expiration only), void via
 * DELETE, and the pull events API (invoice.paid, invoice.expired) as the cheap way to learn what changed.
 *
 * Pagination: the list table names `start`/`end`, the general section `starting_after`/`ending_before`, and
 * nothing says which the server takes. We send `starting_after` = the id of the last object of the previous page:
 * it is the only one whose meaning the docs explain (an object id after which the next page starts).
 */
import { KASHIO_PAGE_SIZE } from './index';
import type { Invoice } from '../../../shared/domain';
import { invalid, refused } from '../../../shared/errors';
import { currencyExponent, minorToMajorNumber, type Minor } from '../../../shared/money';
import { KASHIO_INFO } from '../../../shared/providers/kashio';
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
  describeKashioError,
  KASHIO_DECIMALS,
  kashioCreateBody,
  kashioDateTime,
  kashioEventInvoice,
  kashioList,
  kashioToRemote,
} from './map';

export const KASHIO_BASE = 'https://api.kashio.net/v1/payments';
const DAY_MS = 24 * 3600 * 1000;

export interface KashioUpdate {
  amount?: Minor;
  currency?: string;
  /** ISO date-time without zone, as KashIO writes it. */
  expiration?: string;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** `<day or *>|<last id>`: which day is being listed and where its next page starts. */
function parseCursor(cursor: string | null): { date: string | null; after: string | null } | null {
  if (cursor === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2}|\*)\|(.*)$/.exec(cursor);
  if (!m) throw invalid('invalid_cursor', {}, 'cursor');
  return { date: m[1] === '*' ? null : (m[1] as string), after: m[2] ? (m[2] as string) : null };
}

/** Every day from `from` to `to` (UTC), inclusive. */
function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = Date.parse(day(from)); t <= Date.parse(day(to)); t += DAY_MS) out.push(day(new Date(t)));
  return out;
}

export class KashioAdapter extends HttpAdapter {
  constructor(deps: AdapterDeps) {
    super(deps, {
      info: KASHIO_INFO,
      reference: IDENTITY_REFERENCE,
      documentedBase: KASHIO_BASE,
      describeError: describeKashioError,
    });
  }

  protected override async authorise(req: { body: string | null }): Promise<Authorisation> {
    const { secretKey } = await requireSecrets(this.deps, ['secretKey']);
    // curl -u <key>: → Basic base64("<key>:"); the Spanish text's "basic <key>" is not valid Basic encoding.
    const basic = Buffer.from(`${secretKey}:`, 'utf8').toString('base64');
    const headers: Record<string, string> = { Authorization: `Basic ${basic}`, accept: 'application/json' };
    if (req.body !== null) headers['Content-Type'] = 'application/json';
    return { headers: () => headers, secrets: [secretKey, basic] };
  }

  protected probe(): Promise<unknown> {
    return this.listPage(null, { pageSize: 1, createdFrom: this.deps.now().toISOString() });
  }

  protected override validateMore(invoice: Invoice): void {
    // Two decimals whatever the currency: a three-decimal currency must end in 0 to be sent exactly.
    if (currencyExponent(invoice.currency) > KASHIO_DECIMALS)
      assertMajorExact('kashio', [invoice.totals.total], invoice.currency, KASHIO_DECIMALS);
    else assertMajorExact('kashio', [invoice.totals.total], invoice.currency);
  }

  async create(invoice: Invoice, _opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>> {
    // KashIO has no "send to the customer" flag: the customer pays with the KTIN code or the gateway token.
    this.validateForCreate(invoice);
    const body = kashioCreateBody(invoice, this.referenceFor(invoice), this.deps.now());
    const out = await this.writeInvoice(await this.request('create', 'POST', '/invoices', { body }), kashioToRemote);
    if (out.outcome === 'ok') this.noteCreatedTotal(invoice, out.value);
    return out;
  }

  async get(remoteId: string): Promise<RemoteInvoice> {
    const remote = kashioToRemote(
      await this.read(await this.request('get', 'GET', `/invoices/${encodeURIComponent(remoteId)}`)),
    );
    if (remote === null) throw this.unexpected('get', 'invoice');
    return remote;
  }

  /**
   * One page of one day (`createdFrom`..`createdTo` walks the days in turn), or of everything when no window is
   * given (the `date` parameter is a filter). The cursor carries the day and the id the next page starts after.
   */
  async listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage> {
    const days =
      filter?.createdFrom !== undefined
        ? daysBetween(new Date(filter.createdFrom), new Date(filter.createdTo ?? filter.createdFrom))
        : null;
    const at = parseCursor(cursor) ?? { date: days?.[0] ?? null, after: null };
    if (days !== null && (at.date === null || !days.includes(at.date))) throw invalid('invalid_cursor', {}, 'cursor');
    const limit = Math.max(1, Math.min(KASHIO_PAGE_SIZE, filter?.pageSize ?? KASHIO_PAGE_SIZE));
    const page = await this.page('list', '/invoices', at, limit, filter?.status);
    const invoices = this.mapRows('list', page.rows, kashioToRemote).filter(
      (r) => filter?.reference === undefined || r.reference === filter.reference,
    );
    return { invoices, next: this.nextCursor(page, at, days) };
  }

  private async page(
    operation: string,
    path: string,
    at: { date: string | null; after: string | null },
    limit: number,
    status?: string,
  ): Promise<{ rows: unknown[]; hasMore: boolean; lastId: string | null }> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (at.date !== null) q.set('date', at.date);
    if (status !== undefined) q.set('status', status);
    if (at.after !== null) q.set('starting_after', at.after);
    const list = kashioList(await this.read(await this.request(operation, 'GET', path, { query: q })));
    if (list === null) throw this.unexpected(operation, 'list');
    const last = list.rows[list.rows.length - 1] as Record<string, unknown> | undefined;
    const lastId = typeof last?.id === 'string' ? last.id : null;
    // A page that says "more" but gives no id to continue after would be asked for again and again.
    if (list.hasMore && (lastId === null || lastId === at.after)) throw this.unexpected(operation, 'cursor');
    return { ...list, lastId };
  }

  private nextCursor(
    page: { hasMore: boolean; lastId: string | null },
    at: { date: string | null; after: string | null },
    days: string[] | null,
  ): string | null {
    if (page.hasMore) return `${at.date ?? '*'}|${page.lastId ?? ''}`;
    const i = days === null || at.date === null ? -1 : days.indexOf(at.date);
    return days !== null && i >= 0 && i + 1 < days.length ? `${days[i + 1]}|` : null;
  }

  /**
   * Reconciles an unknown create: the days around the time it was sent (timestamps carry no zone, so the day
   * before and after too), matching `invoice_id`.
   */
  async findByReference(
    reference: string,
    hint: { currency: string; createdAround: Date },
  ): Promise<RemoteInvoice | null> {
    const at = hint.createdAround.getTime();
    const filter: ListFilter = {
      reference,
      createdFrom: new Date(at - DAY_MS).toISOString(),
      createdTo: new Date(at + DAY_MS).toISOString(),
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

  /** The invoices that events since `since` report (paid, expired, …), oldest first, day by day. */
  async changesSince(cursor: string | null, since: Date): Promise<ListPage> {
    const days = daysBetween(since, new Date(this.deps.now().getTime() + DAY_MS));
    const at = parseCursor(cursor) ?? { date: days[0] ?? null, after: null };
    const page = await this.page('events', '/events', at, KASHIO_PAGE_SIZE);
    const invoices = this.mapRows(
      'events',
      page.rows.map(kashioEventInvoice).filter((x) => x !== null),
      kashioToRemote,
    );
    return { invoices, next: this.nextCursor(page, at, days) };
  }

  /** PATCH: only amount, currency and expiration can change at KashIO. */
  async update(remoteId: string, changes: KashioUpdate): Promise<WriteOutcome<RemoteInvoice>> {
    const body: Record<string, unknown> = {};
    if (changes.currency !== undefined) body.currency = changes.currency;
    if (changes.amount !== undefined) {
      const currency = changes.currency ?? (await this.get(remoteId)).currency;
      if (currency === null) throw this.unexpected('update', 'currency');
      assertMajorExact('kashio', [changes.amount], currency, KASHIO_DECIMALS);
      body.amount = minorToMajorNumber(changes.amount, currency);
    }
    if (changes.expiration !== undefined) body.expiration_datetime = kashioDateTime(new Date(changes.expiration));
    if (Object.keys(body).length === 0) throw invalid('nothing_to_update', { provider: this.name }, 'changes');
    return this.writeInvoice(
      await this.request('update', 'PATCH', `/invoices/${encodeURIComponent(remoteId)}`, { body }),
      kashioToRemote,
    );
  }

  /** Voids the payment order (DELETE); it can no longer be paid. Read first, so a repeat is a no-op. */
  async cancel(remoteId: string, _reason: string): Promise<WriteOutcome<RemoteInvoice | null>> {
    const current = await this.get(remoteId);
    if (current.status === 'cancelled') return { outcome: 'ok', value: current };
    if (current.status === 'paid') throw refused('remote_paid', { provider: this.name, remoteId }, 'remoteId');
    return this.writeInvoice(
      await this.request('cancel', 'DELETE', `/invoices/${encodeURIComponent(remoteId)}`),
      kashioToRemote,
    );
  }
}

export const createKashioAdapter = (deps: AdapterDeps): ProviderAdapter => new KashioAdapter(deps);
