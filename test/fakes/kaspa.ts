/**
 * Kaspa Living Invoices simulator, written from ../shared/providers/kaspa-living-invoices.md (not from the adapter).
 * Enforced as documented: `X-API-Key: <key>` or `Authorization: Bearer <key>` (401 otherwise); 100 requests per
 * minute per key, with `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds) on every
 * answer and 429 past the limit; create needs `to_email` and a non-empty `items` array (`description`,
 * `unit_price` in fiat major units, `quantity` default 1), `due_date` YYYY-MM-DD (default 7 days), `send: true` →
 * pending, else draft; list filters by `status` (draft, pending, paid, overdue, cancelled), pages with `page`
 * (default 1) and `limit` (default 20, max 100). There is no get-one, cancel, update or delete.
 * Not documented, so the fake's own choices (adapters must not depend on them): the create answer is 201
 * `{invoice, url}` (the docs only say "the invoice with a shareable URL"); a list page is `{invoices, page, limit,
 * total}`; the invoice object follows the webhook sample (`amount: {total, currency}`) plus the request's fields;
 * ids are `INV-<year>-<code>` as in the docs' example; errors are `{error: <text>}`.
 */
import { FakeServer, positiveIntParam, type FakeRequest, type FakeResponse, type Route } from './server';

export const KASPA_FAKE_KEYS = { key: 'liv_FAKEkaspa000000000000000000test' } as const;
export const KASPA_LIMIT = 100;
const STATUSES = ['draft', 'pending', 'paid', 'overdue', 'cancelled'];
const DAY_MS = 24 * 3600 * 1000;
type Obj = Record<string, unknown>;

export interface KaspaFakeOptions {
  now?: () => Date;
}

const fail = (status: number, message: string): FakeResponse => ({ status, body: { error: message } });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const cents = (n: number): number => Math.round(n * 100);

export class KaspaFake {
  readonly server: FakeServer;
  readonly keys = KASPA_FAKE_KEYS;
  /** Every 429 this fake answered because the window was used up. */
  rateLimited = 0;
  private readonly store: Obj[] = [];
  private counter = 0;
  private readonly now: () => Date;
  private window = { start: 0, used: 0 };

  constructor(opts: KaspaFakeOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    const routes: Route[] = [
      {
        name: 'create',
        method: 'POST',
        pattern: /^\/api\/v1\/invoices\/?$/,
        handle: (r) => this.authed(r, () => this.create(r)),
      },
      {
        name: 'list',
        method: 'GET',
        pattern: /^\/api\/v1\/invoices\/?$/,
        handle: (r) => this.authed(r, () => this.list(r)),
      },
    ];
    this.server = new FakeServer(routes);
    this.server.addControlRoutes([
      {
        name: 'control.invoice',
        method: 'POST',
        pattern: /^\/__fake\/invoices\/(?<id>[^/]+)$/,
        handle: (r) => {
          const action = (r.json as Obj | undefined)?.action;
          const id = r.params.id ?? '';
          if (!this.find(id)) return fail(404, 'no such invoice');
          if (action === 'pay') this.markPaid(id);
          else if (action === 'overdue') this.setStatus(id, 'overdue');
          else if (action === 'cancel') this.setStatus(id, 'cancelled');
          else return fail(400, 'action must be pay, overdue or cancel');
          return { status: 200, body: this.get(id) };
        },
      },
    ]);
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get url(): string {
    return this.server.url;
  }

  // ---- controls for tests ----

  all(): Obj[] {
    return this.store.map(clone);
  }

  get(id: string): Obj | null {
    const s = this.find(id);
    return s ? clone(s) : null;
  }

  /** Payment confirmed on the Kaspa network. */
  markPaid(id: string): void {
    const s = this.find(id);
    if (!s) throw new Error(`no invoice ${id}`);
    s.status = 'paid';
    s.paid_at = this.now().toISOString();
    s.payment = { kas_amount: (s.amount as { total: number }).total * 8.5, tx_id: `tx${this.counter}` };
  }

  setStatus(id: string, status: string): void {
    const s = this.find(id);
    if (!s) throw new Error(`no invoice ${id}`);
    s.status = status;
  }

  /** Adds invoices directly (no HTTP). */
  seed(count: number, opts: { status?: string; total?: number; notes?: string | null } = {}): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const total = opts.total ?? 100;
      const inv = this.newInvoice({
        to_email: `seed${i}@example.com`,
        items: [{ description: 'Seeded', unit_price: total, quantity: 1 }],
        send: true,
        ...(opts.notes === null ? {} : { notes: opts.notes ?? `Seeded ${i}` }),
      });
      if (opts.status) inv.status = opts.status;
      if (opts.notes === null) delete inv.notes;
      this.store.push(inv);
      ids.push(inv.id as string);
    }
    return ids;
  }

  /** Requests another client of the same key already made in the current window. */
  useWindow(n: number): void {
    this.roll();
    this.window.used += n;
  }

  // ---- HTTP ----

  private roll(): void {
    const start = Math.floor(this.now().getTime() / 60_000) * 60_000;
    if (start !== this.window.start) this.window = { start, used: 0 };
  }

  private limitHeaders(): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(KASPA_LIMIT),
      'X-RateLimit-Remaining': String(Math.max(0, KASPA_LIMIT - this.window.used)),
      'X-RateLimit-Reset': String((this.window.start + 60_000) / 1000),
    };
  }

  private authed(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const key = r.headers['x-api-key'] ?? /^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1];
    if (key !== this.keys.key) return fail(401, 'Invalid API key');
    this.roll();
    if (this.window.used >= KASPA_LIMIT) {
      this.rateLimited += 1;
      return { ...fail(429, 'Rate limit exceeded'), headers: this.limitHeaders() };
    }
    this.window.used += 1;
    const res = fn();
    return { ...res, headers: { ...(res.headers ?? {}), ...this.limitHeaders() } };
  }

  private find(id: string): Obj | undefined {
    return this.store.find((s) => s.id === id);
  }

  private newInvoice(b: Obj): Obj {
    this.counter += 1;
    const now = this.now();
    const items = (b.items as Obj[]).map((it) => ({
      description: it.description,
      unit_price: it.unit_price,
      quantity: it.quantity ?? 1,
    }));
    const total = items.reduce((s, it) => s + cents(it.unit_price as number) * (it.quantity as number), 0) / 100;
    return {
      id: `INV-${now.getUTCFullYear()}-${this.counter.toString(36).toUpperCase().padStart(6, '0')}`,
      status: b.send === true ? 'pending' : 'draft',
      to_email: b.to_email,
      ...(b.to_name !== undefined ? { to_name: b.to_name } : {}),
      items,
      ...(b.notes !== undefined ? { notes: b.notes } : {}),
      due_date: b.due_date ?? new Date(now.getTime() + 7 * DAY_MS).toISOString().slice(0, 10),
      amount: { total, currency: 'USD' },
      created_at: now.toISOString(),
    };
  }

  private create(r: FakeRequest): FakeResponse {
    if (r.jsonError) return fail(400, 'body is not valid JSON');
    const b = r.json as Obj | undefined;
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return fail(400, 'body is required');
    if (typeof b.to_email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.to_email))
      return fail(400, 'to_email is required');
    if (b.to_name !== undefined && typeof b.to_name !== 'string') return fail(400, 'to_name must be a string');
    if (!Array.isArray(b.items) || b.items.length === 0) return fail(400, 'items is required');
    for (const [i, raw] of (b.items as unknown[]).entries()) {
      const it = (raw ?? {}) as Obj;
      if (typeof it.description !== 'string' || it.description === '')
        return fail(400, `items[${i}].description is required`);
      if (typeof it.unit_price !== 'number' || !(it.unit_price >= 0))
        return fail(400, `items[${i}].unit_price is required`);
      if (it.quantity !== undefined && (typeof it.quantity !== 'number' || !(it.quantity > 0)))
        return fail(400, `items[${i}].quantity must be a positive number`);
    }
    if (b.due_date !== undefined && (typeof b.due_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(b.due_date)))
      return fail(400, 'due_date must be YYYY-MM-DD');
    if (b.notes !== undefined && typeof b.notes !== 'string') return fail(400, 'notes must be a string');
    if (b.send !== undefined && typeof b.send !== 'boolean') return fail(400, 'send must be a boolean');
    if (b.currency !== undefined) return fail(400, 'currency is not a field of this API');
    const inv = this.newInvoice(b);
    this.store.push(inv);
    return { status: 201, body: { invoice: clone(inv), url: `https://kaspa-invoices.com/i/${inv.id as string}` } };
  }

  private list(r: FakeRequest): FakeResponse {
    const status = r.query.get('status');
    if (status !== null && !STATUSES.includes(status)) return fail(400, `status must be one of ${STATUSES.join(', ')}`);
    const page = positiveIntParam(r.query, 'page') ?? 1;
    const limit = positiveIntParam(r.query, 'limit') ?? 20;
    if (Number.isNaN(page) || Number.isNaN(limit) || limit > 100)
      return fail(400, 'page and limit must be positive integers (limit at most 100)');
    const rows = this.store.filter((s) => status === null || s.status === status);
    return {
      status: 200,
      body: { invoices: rows.slice((page - 1) * limit, page * limit).map(clone), page, limit, total: rows.length },
    };
  }
}

export async function startKaspaFake(opts: KaspaFakeOptions & { port?: number } = {}): Promise<KaspaFake> {
  const fake = new KaspaFake(opts);
  await fake.start(opts.port ?? 0);
  return fake;
}
