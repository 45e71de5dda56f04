/**
 * KashIO Payments simulator, written from ../shared/providers/kashio.md (the Spanish versions of the docs; not
 * from the adapter). Enforced as documented: HTTP Basic with the secret key as user and an empty password (401
 * otherwise); test and live by key, objects of one invisible to the other; create needs `customer`,
 * `request_datetime`, `currency`, `amount` (major units, at most 2 decimals) and `invoice_id`, with the customer's
 * phone in E.164; get; list with the `date` filter, `status`, `limit` and BOTH documented cursor shapes
 * (`start`/`end` and `starting_after`/`ending_before`, object ids); PATCH only `currency`, `amount`,
 * `expiration_datetime`; DELETE voids (status VOIDED, no longer payable); pull events (`invoice.paid`,
 * `invoice.expired`) listed by day like invoices. Statuses come in the docs' inconsistent case: `NEW` from
 * create/get, `new` in lists, `VOIDED` after a void. The error body is not documented; this fake answers
 * `{error:[{code, message}]}` (its own invention; adapters must not depend on it).
 */
import { FakeServer, positiveIntParam, type FakeRequest, type FakeResponse, type Route } from './server';

export const KASHIO_FAKE_KEYS = {
  test: 'sk_test_FAKEkashio0000000000000000test',
  live: 'sk_live_FAKEkashio0000000000000000live',
} as const;

type Mode = 'test' | 'live';
type Obj = Record<string, unknown>;

interface Stored {
  mode: Mode;
  inv: Obj;
}
interface StoredEvent {
  mode: Mode;
  event: Obj;
}

export interface KashioFakeOptions {
  now?: () => Date;
}

const fail = (status: number, code: string, message: string): FakeResponse => ({
  status,
  body: { error: [{ code, message }] },
});
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const zoneless = (d: Date): string => d.toISOString().slice(0, 19);
const E164 = /^\+[1-9]\d{6,14}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}$/;
const UPDATABLE = ['currency', 'amount', 'expiration_datetime'];

/** A decimal with at most two places, as a number or a string ("20.00" in the older samples). */
function amountOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6) return v;
  if (typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v)) return Number(v);
  return null;
}

export class KashioFake {
  readonly server: FakeServer;
  readonly keys = KASHIO_FAKE_KEYS;
  private readonly store: Stored[] = [];
  private readonly events: StoredEvent[] = [];
  private counter = 0;
  private readonly now: () => Date;

  constructor(opts: KashioFakeOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    const routes: Route[] = [
      {
        name: 'create',
        method: 'POST',
        pattern: /^\/v1\/payments\/invoices\/?$/,
        handle: (r) => this.authed(r, (m) => this.create(r, m)),
      },
      {
        name: 'list',
        method: 'GET',
        pattern: /^\/v1\/payments\/invoices\/?$/,
        handle: (r) => this.authed(r, (m) => this.list(r, m, 'invoices')),
      },
      {
        name: 'get',
        method: 'GET',
        pattern: /^\/v1\/payments\/invoices\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.view(r, m)),
      },
      {
        name: 'update',
        method: 'PATCH',
        pattern: /^\/v1\/payments\/invoices\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.update(r, m)),
      },
      {
        name: 'void',
        method: 'DELETE',
        pattern: /^\/v1\/payments\/invoices\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.void(r, m)),
      },
      {
        name: 'events',
        method: 'GET',
        pattern: /^\/v1\/payments\/events\/?$/,
        handle: (r) => this.authed(r, (m) => this.list(r, m, 'events')),
      },
      {
        name: 'event',
        method: 'GET',
        pattern: /^\/v1\/payments\/events?\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.event(r, m)),
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
          if (!this.find(id)) return fail(404, 'not_found', 'no such invoice');
          if (action === 'pay') this.markPaid(id);
          else if (action === 'expire') this.expire(id);
          else return fail(400, 'bad_action', 'action must be pay or expire');
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

  all(mode?: Mode): Obj[] {
    return this.store.filter((s) => mode === undefined || s.mode === mode).map((s) => clone(s.inv));
  }

  get(id: string): Obj | null {
    const s = this.find(id);
    return s ? clone(s.inv) : null;
  }

  allEvents(): Obj[] {
    return this.events.map((e) => clone(e.event));
  }

  /** The customer paid (at a bank with the KTIN, or on the gateway): status PAID and an invoice.paid event. */
  markPaid(id: string): void {
    this.transition(id, 'PAID', 'invoice.paid');
  }

  /** Past its expiration: status EXPIRED and an invoice.expired event. */
  expire(id: string): void {
    this.transition(id, 'EXPIRED', 'invoice.expired');
  }

  /** Adds invoices directly (no HTTP), e.g. many for paging tests. */
  seed(count: number, opts: { mode?: Mode; currency?: string; amount?: number; created?: Date } = {}): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const inv = this.newInvoice(
        opts.mode ?? 'test',
        {
          customer: { name: `Seeded ${i}` },
          currency: opts.currency ?? 'PEN',
          amount: opts.amount ?? 15,
          invoice_id: `SEED-${this.counter + 1}`,
          request_datetime: zoneless(this.now()),
        },
        opts.created,
      );
      this.store.push({ mode: opts.mode ?? 'test', inv });
      ids.push(inv.id as string);
    }
    return ids;
  }

  private transition(id: string, status: string, type: string): void {
    const s = this.find(id);
    if (!s) throw new Error(`no invoice ${id}`);
    s.inv.status = status;
    this.counter += 1;
    this.events.push({
      mode: s.mode,
      event: {
        id: `eve_${String(this.counter).padStart(10, '0')}`,
        object: 'event',
        livemode: s.mode === 'live',
        created: zoneless(this.now()),
        type,
        status: 'new',
        data: { url: `//invoices/${id}`, invoice: clone(s.inv) },
      },
    });
  }

  // ---- HTTP ----

  private authed(r: FakeRequest, fn: (mode: Mode) => FakeResponse): FakeResponse {
    const auth = r.headers.authorization ?? '';
    const m = /^Basic (.+)$/.exec(auth);
    const decoded = m ? Buffer.from(m[1] as string, 'base64').toString('utf8') : '';
    if (decoded === `${this.keys.test}:`) return fn('test');
    if (decoded === `${this.keys.live}:`) return fn('live');
    return fail(401, 'unauthorized', 'Unauthorized');
  }

  private find(id: string, mode?: Mode): Stored | undefined {
    return this.store.find((s) => s.inv.id === id && (mode === undefined || s.mode === mode));
  }

  private newInvoice(mode: Mode, b: Obj, created?: Date): Obj {
    this.counter += 1;
    const n = this.counter;
    return {
      id: `inv_${mode === 'live' ? 'live_' : ''}${n.toString(36).padStart(8, '0')}fake`,
      object: 'invoice',
      livemode: mode === 'live',
      customer: b.customer,
      created: zoneless(created ?? this.now()),
      request_datetime: b.request_datetime,
      currency: b.currency,
      amount: typeof b.amount === 'string' ? Number(b.amount) : b.amount,
      sub_total: typeof b.amount === 'string' ? Number(b.amount) : b.amount,
      fees: 0,
      late_fee: 0,
      invoice_id: b.invoice_id,
      ...(b.due_datetime !== undefined ? { due_datetime: b.due_datetime } : {}),
      ...(b.expiration_datetime !== undefined ? { expiration_datetime: b.expiration_datetime } : {}),
      metadata: b.metadata ?? {},
      ktin: String(100000 + n),
      token: `tok_${n}`,
      status: 'NEW',
    };
  }

  private create(r: FakeRequest, mode: Mode): FakeResponse {
    if (r.jsonError) return fail(400, 'bad_request', 'body is not valid JSON');
    if (typeof r.json !== 'object' || r.json === null || Array.isArray(r.json))
      return fail(400, 'bad_request', 'body is required');
    const b = r.json as Obj;
    const c = b.customer as Obj | undefined;
    if (typeof c !== 'object' || c === null) return fail(400, 'bad_request', 'customer is required');
    if (c.phone !== undefined && (typeof c.phone !== 'string' || !E164.test(c.phone)))
      return fail(400, 'bad_request', 'customer.phone must be E.164');
    if (c.email !== undefined && (typeof c.email !== 'string' || !c.email.includes('@')))
      return fail(400, 'bad_request', 'customer.email is not an e-mail address');
    if (typeof b.request_datetime !== 'string' || !DATETIME.test(b.request_datetime))
      return fail(400, 'bad_request', 'request_datetime is required (yyyy-MM-ddThh:mm:ss)');
    if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency))
      return fail(400, 'bad_request', 'currency is required (ISO-4217)');
    const amount = amountOf(b.amount);
    if (amount === null || amount <= 0)
      return fail(400, 'bad_request', 'amount must be a positive decimal with 2 places');
    if (typeof b.invoice_id !== 'string' || b.invoice_id === '')
      return fail(400, 'bad_request', 'invoice_id is required');
    for (const k of ['due_datetime', 'expiration_datetime'])
      if (b[k] !== undefined && (typeof b[k] !== 'string' || !DATETIME.test(b[k])))
        return fail(400, 'bad_request', `${k} must be yyyy-MM-ddThh:mm:ss`);
    const inv = this.newInvoice(mode, b);
    this.store.push({ mode, inv });
    return { status: 201, body: clone(inv) };
  }

  private view(r: FakeRequest, mode: Mode): FakeResponse {
    const s = this.find(r.params.id ?? '', mode);
    if (!s) return fail(404, 'not_found', 'Invoice not found');
    return { status: 200, body: clone(s.inv) };
  }

  private event(r: FakeRequest, mode: Mode): FakeResponse {
    const e = this.events.find((x) => x.mode === mode && x.event.id === r.params.id);
    if (!e) return fail(404, 'not_found', 'Event not found');
    return { status: 200, body: clone(e.event) };
  }

  /** Invoices or events: `date` filter (day of `created`), `status`, `limit`, and either cursor shape. */
  private list(r: FakeRequest, mode: Mode, what: 'invoices' | 'events'): FakeResponse {
    const q = r.query;
    const date = q.get('date');
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(400, 'bad_request', 'date must be YYYY-MM-DD');
    const limit = positiveIntParam(q, 'limit') ?? 10;
    if (Number.isNaN(limit) || limit > 100) return fail(400, 'bad_request', 'limit must be a positive integer');
    const status = q.get('status');
    const after = q.get('starting_after') ?? q.get('start');
    const before = q.get('ending_before') ?? q.get('end');
    if (after !== null && before !== null) return fail(400, 'bad_request', 'give one cursor, not both');
    const all =
      what === 'invoices'
        ? this.store.filter((s) => s.mode === mode).map((s) => s.inv)
        : this.events.filter((e) => e.mode === mode).map((e) => e.event);
    const rows = all.filter(
      (o) =>
        (date === null || String(o.created).slice(0, 10) === date) &&
        (status === null || String(o.status).toLowerCase() === status.toLowerCase()),
    );
    let from = 0;
    let to = rows.length;
    if (after !== null) {
      const i = rows.findIndex((o) => o.id === after);
      if (i < 0) return fail(400, 'bad_request', 'cursor is not an object of this list');
      from = i + 1;
    }
    if (before !== null) {
      const i = rows.findIndex((o) => o.id === before);
      if (i < 0) return fail(400, 'bad_request', 'cursor is not an object of this list');
      to = i;
      from = Math.max(0, to - limit);
    }
    const page = rows.slice(from, Math.min(to, from + limit)).map((o) => {
      const c = clone(o);
      // The list sample writes the status in lower case and `created` with a space.
      if (what === 'invoices') {
        c.status = String(c.status).toLowerCase();
        c.created = String(c.created).replace('T', ' ');
      }
      return c;
    });
    return { status: 200, body: { object: 'list', has_more: from + limit < to, data: page } };
  }

  private update(r: FakeRequest, mode: Mode): FakeResponse {
    const s = this.find(r.params.id ?? '', mode);
    if (!s) return fail(404, 'not_found', 'Invoice not found');
    if (typeof r.json !== 'object' || r.json === null) return fail(400, 'bad_request', 'body is required');
    const b = r.json as Obj;
    const bad = Object.keys(b).find((k) => !UPDATABLE.includes(k));
    if (bad !== undefined) return fail(400, 'bad_request', `${bad} cannot be updated`);
    if (String(s.inv.status).toLowerCase() !== 'new' && String(s.inv.status).toLowerCase() !== 'pending')
      return fail(400, 'bad_request', 'only an open payment order can be updated');
    if (b.amount !== undefined) {
      const a = amountOf(b.amount);
      if (a === null || a <= 0) return fail(400, 'bad_request', 'amount must be a positive decimal with 2 places');
      s.inv.amount = a;
      s.inv.sub_total = a;
    }
    if (b.currency !== undefined) {
      if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency))
        return fail(400, 'bad_request', 'currency must be ISO-4217');
      s.inv.currency = b.currency;
    }
    if (b.expiration_datetime !== undefined) {
      if (typeof b.expiration_datetime !== 'string' || !DATETIME.test(b.expiration_datetime))
        return fail(400, 'bad_request', 'expiration_datetime must be yyyy-MM-ddThh:mm:ss');
      s.inv.expiration_datetime = b.expiration_datetime;
    }
    return { status: 200, body: clone(s.inv) };
  }

  private void(r: FakeRequest, mode: Mode): FakeResponse {
    const s = this.find(r.params.id ?? '', mode);
    if (!s) return fail(404, 'not_found', 'Invoice not found');
    const st = String(s.inv.status).toLowerCase();
    if (st === 'paid') return fail(400, 'bad_request', 'a paid payment order cannot be voided');
    s.inv.status = 'VOIDED';
    return { status: 200, body: clone(s.inv) };
  }
}

export async function startKashioFake(opts: KashioFakeOptions & { port?: number } = {}): Promise<KashioFake> {
  const fake = new KashioFake(opts);
  await fake.start(opts.port ?? 0);
  return fake;
}
