/**
 * SimpleCash simulator, written from ../shared/providers/simplecash.md (not from the adapter). Enforced as
 * documented: the store key as the `api_key` query parameter on every call (401 without it or with a wrong one);
 * create (`POST /v1/invoice`) needs `amount` (USD, a number greater than 0.25), `timeout` (one of "3 hours",
 * "12 hours", "day", "3 days", "week", "test"), `email` and `name`, `description` optional; `GET /v1/invoice/{uid}`;
 * `GET /v1/invoices` with `start` (default 1) and `limit` (default 20). No cancel, update or delete.
 * Not documented, so the fake's own choices (an adapter must not depend on them): the create answer
 * `{success, message, uid}`; invoice fields `uid`, `status`, `amount`, `email`, `name`, `description`, `timeout`,
 * `created_at`; statuses written in varying case ("Pending", "PAID", "expired"); list `{invoices: [...]}`; errors
 * `{error: <text>}`. To prove redaction, every invoice it returns carries a `link` echoing the request's api_key
 * as it arrived in the URL (URL-encoded, as some APIs echo the URL they were called with), and a 401 names the key
 * it refused.
 */
import { FakeServer, positiveIntParam, type FakeRequest, type FakeResponse, type Route } from './server';

export const SIMPLECASH_FAKE_KEYS = { key: 'cc8d300559e7421d9d646c0bfb2f798a' } as const;
const TIMEOUTS = ['3 hours', '12 hours', 'day', '3 days', 'week', 'test'];
type Obj = Record<string, unknown>;

export interface SimplecashFakeOptions {
  now?: () => Date;
  /** The store key it accepts (default SIMPLECASH_FAKE_KEYS.key), e.g. one with characters URL encoding changes. */
  key?: string;
}

const fail = (status: number, message: string): FakeResponse => ({ status, body: { error: message } });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class SimplecashFake {
  readonly server: FakeServer;
  readonly keys: { key: string };
  private readonly store: Obj[] = [];
  private counter = 0;
  private readonly now: () => Date;

  constructor(opts: SimplecashFakeOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    this.keys = { key: opts.key ?? SIMPLECASH_FAKE_KEYS.key };
    const routes: Route[] = [
      {
        name: 'create',
        method: 'POST',
        pattern: /^\/v1\/invoice\/?$/,
        handle: (r) => this.authed(r, () => this.create(r)),
      },
      {
        name: 'get',
        method: 'GET',
        pattern: /^\/v1\/invoice\/(?<uid>[^/]+)\/?$/,
        handle: (r) => this.authed(r, () => this.view(r)),
      },
      {
        name: 'list',
        method: 'GET',
        pattern: /^\/v1\/invoices\/?$/,
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
          const b = (r.json ?? {}) as Obj;
          const id = r.params.id ?? '';
          if (!this.find(id)) return fail(404, 'no such invoice');
          if (b.action === 'pay') this.setStatus(id, 'PAID');
          else if (b.action === 'expire') this.setStatus(id, 'expired');
          else if (b.action === 'status' && typeof b.status === 'string') this.setStatus(id, b.status);
          else return fail(400, 'action must be pay, expire or status (with status)');
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

  all(): Obj[] {
    return this.store.map(clone);
  }

  get(uid: string): Obj | null {
    const s = this.find(uid);
    return s ? clone(s) : null;
  }

  /** Any raw status, documented or not ("PAID", "Confirmed", "refunded", …). */
  setStatus(uid: string, status: string): void {
    const s = this.find(uid);
    if (!s) throw new Error(`no invoice ${uid}`);
    s.status = status;
  }

  seed(count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const inv = this.newInvoice({ amount: 10, timeout: 'day', email: `seed${i}@example.com`, name: `Seeded ${i}` });
      this.store.push(inv);
      out.push(inv.uid as string);
    }
    return out;
  }

  private authed(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    // The fake's trap (see the header comment): the key echoed as it arrived in the URL, i.e. URL-encoded.
    const asSent = /(?:^|&)api_key=([^&]*)/.exec(r.query.toString())?.[1] ?? '';
    if (r.query.get('api_key') !== this.keys.key) return fail(401, `Invalid or missing api_key: ${asSent}`);
    const res = fn();
    const echo = (o: unknown): unknown =>
      typeof o === 'object' && o !== null && typeof (o as Obj).uid === 'string'
        ? { ...(o as Obj), link: `https://api.simplecash.co/v1/invoice/${(o as Obj).uid as string}?api_key=${asSent}` }
        : o;
    const body = res.body as Obj | undefined;
    if (body && Array.isArray(body.invoices)) return { ...res, body: { ...body, invoices: body.invoices.map(echo) } };
    return { ...res, body: echo(res.body) };
  }

  private find(uid: string): Obj | undefined {
    return this.store.find((s) => s.uid === uid);
  }

  private newInvoice(b: Obj): Obj {
    this.counter += 1;
    return {
      uid: `${this.counter.toString(16).padStart(8, '0')}${'f'.repeat(24)}`,
      status: 'Pending',
      amount: b.amount,
      email: b.email,
      name: b.name,
      ...(b.description !== undefined ? { description: b.description } : {}),
      timeout: b.timeout,
      created_at: this.now().toISOString(),
    };
  }

  private create(r: FakeRequest): FakeResponse {
    if (r.jsonError) return fail(400, 'body is not valid JSON');
    const b = r.json as Obj | undefined;
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return fail(400, 'missing parameters');
    if (typeof b.amount !== 'number' || !(b.amount > 0.25)) return fail(400, 'amount must be greater than 0.25 USD');
    if (typeof b.timeout !== 'string' || !TIMEOUTS.includes(b.timeout))
      return fail(400, `timeout must be one of ${TIMEOUTS.join(', ')}`);
    if (typeof b.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email))
      return fail(400, 'email is required');
    if (typeof b.name !== 'string' || b.name.trim() === '') return fail(400, 'name is required');
    if (b.description !== undefined && typeof b.description !== 'string')
      return fail(400, 'description must be a string');
    const inv = this.newInvoice(b);
    this.store.push(inv);
    return { status: 200, body: { success: true, message: 'Invoice sent', uid: inv.uid } };
  }

  private view(r: FakeRequest): FakeResponse {
    const s = this.find(r.params.uid ?? '');
    if (!s) return fail(404, 'Invoice not found');
    return { status: 200, body: clone(s) };
  }

  private list(r: FakeRequest): FakeResponse {
    const start = positiveIntParam(r.query, 'start') ?? 1;
    const limit = positiveIntParam(r.query, 'limit') ?? 20;
    if (Number.isNaN(start) || Number.isNaN(limit)) return fail(400, 'start and limit must be positive integers');
    return { status: 200, body: { invoices: this.store.slice(start - 1, start - 1 + limit).map(clone) } };
  }
}

export async function startSimplecashFake(
  opts: SimplecashFakeOptions & { port?: number } = {},
): Promise<SimplecashFake> {
  const fake = new SimplecashFake(opts);
  await fake.start(opts.port ?? 0);
  return fake;
}
