/**
 * Paycashless API simulator, written from ../shared/providers/paycashless.md (not from the adapter; its signature
 * check below is its own, following the documented steps and the official example's sortObjectAlphabetically +
 * JSON.stringify).
 * Enforced: `Authorization: Bearer <api key>` (401 otherwise); `Request-Timestamp` in Unix seconds within 5 minutes
 * of the fake's clock; `Request-Signature` = hex HMAC-SHA512(secret, lower-cased path without query + [hex
 * HMAC-SHA512(secret, sorted compact body)] + timestamp), body hash omitted when there is no body; errors as
 * `{error:{type, code, message}}`; 400 for a missing parameter, 422 for an invalid one; create answers 201 with
 * `hostedInvoiceUrl`; retrieve/list do not carry it; retrieve has `taxRates` objects, list/cancel `taxRateIds`;
 * cursor pages with `limit` 1..100 (default 10) and `{hasMore, cursor, data}`; cancel needs a
 * `cancellationReason`. Undocumented choices (error codes other than request_signature_invalid, which states can
 * be cancelled, list order = creation order) are the fake's own and marked where made.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FakeServer, type FakeRequest, type FakeResponse, type Route } from './server';

export const PAYCASHLESS_FAKE_KEYS = {
  sandbox: { apiKey: 'pk_sandbox_FAKE_paycashless_key_0001', apiSecret: 'sk_sandbox_FAKE_paycashless_secret_0001' },
  live: { apiKey: 'pk_live_FAKE_paycashless_key_0002', apiSecret: 'sk_live_FAKE_paycashless_secret_0002' },
} as const;

const CURRENCIES = ['NGN', 'USD'];
const STATUSES = ['draft', 'open', 'paid', 'partially_paid', 'cancelled'];
const MAX_SKEW_SECONDS = 300;
type Obj = Record<string, unknown>;

interface Stored {
  live: boolean;
  inv: Obj;
}

export interface PaycashlessFakeOptions {
  /** The fake's clock, for timestamp checks and createdAt. */
  now?: () => Date;
}

const err = (status: number, type: string, code: string, message: string): FakeResponse => ({
  status,
  body: { error: { type, code, message } },
});
const missing = (name: string): FakeResponse =>
  err(400, 'invalid_request_error', 'parameter_missing', `${name} is required`);
const badParam = (name: string, why: string): FakeResponse =>
  err(422, 'invalid_request_error', 'parameter_invalid', `${name} ${why}`);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The documented "sort it alphabetically", recursively, arrays kept in order (as the official example's helper). */
function sortObjectAlphabetically(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortObjectAlphabetically);
  if (value !== null && typeof value === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(value as Obj).sort()) out[k] = sortObjectAlphabetically((value as Obj)[k]);
    return out;
  }
  return value;
}

const hmac = (secret: string, data: string): string => createHmac('sha512', secret).update(data).digest('hex');

export class PaycashlessFake {
  readonly server: FakeServer;
  readonly keys = PAYCASHLESS_FAKE_KEYS;
  private readonly store: Stored[] = [];
  private counter = 0;
  private readonly now: () => Date;
  /**
   * Added to every new invoice's amountDue, as if Paycashless computed its own total (a tax rate of the account, a
   * fee): 0 unless a test sets it, to show what Kassa does when the provider's total is not the ledger's.
   */
  surcharge = 0;
  /** Tax rates that exist (ids), per mode; none unless a test adds them. */
  readonly taxRates = new Map<string, { id: string; name: string; percentage: number }>();

  constructor(opts: PaycashlessFakeOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    const routes: Route[] = [
      {
        name: 'create',
        method: 'POST',
        pattern: /^\/v1\/invoices\/?$/,
        handle: (r) => this.authed(r, (live) => this.create(r, live)),
      },
      {
        name: 'list',
        method: 'GET',
        pattern: /^\/v1\/invoices\/?$/,
        handle: (r) => this.authed(r, (live) => this.list(r, live)),
      },
      {
        name: 'retrieve',
        method: 'GET',
        pattern: /^\/v1\/invoices\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (live) => this.retrieve(r, live)),
      },
      {
        name: 'cancel',
        method: 'POST',
        pattern: /^\/v1\/invoices\/(?<id>[^/]+)\/cancel\/?$/,
        handle: (r) => this.authed(r, (live) => this.cancel(r, live)),
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
          if (!this.find(id)) return err(404, 'invalid_request_error', 'resource_not_found', 'no such invoice');
          if (b.action === 'pay') this.markPaid(id);
          else if (b.action === 'partial' && typeof b.amount === 'number') this.markPartiallyPaid(id, b.amount);
          else if (b.action === 'status' && typeof b.status === 'string') this.setStatus(id, b.status);
          else return badParam('action', 'must be pay, partial (with amount) or status (with status)');
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

  seed(
    count: number,
    opts: {
      currency?: string;
      live?: boolean;
      status?: string;
      amountDue?: number;
      reference?: string | ((i: number) => string);
      createdAt?: Date;
    } = {},
  ): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const amount = opts.amountDue ?? 10_000;
      const inv = this.newInvoice({
        status: opts.status ?? 'open',
        currency: opts.currency ?? 'NGN',
        reference:
          typeof opts.reference === 'function' ? opts.reference(i) : (opts.reference ?? `SEED-${this.counter + 1}`),
        description: 'seeded',
        amountDue: amount,
        items: [{ id: `item_seed_${i}`, name: 'Seeded item', quantity: 1, price: amount }],
        live: opts.live ?? false,
        createdAt: opts.createdAt,
      });
      this.store.push({ live: opts.live ?? false, inv });
      ids.push(inv.id as string);
    }
    return ids;
  }

  all(live?: boolean): Obj[] {
    return this.store.filter((s) => live === undefined || s.live === live).map((s) => clone(s.inv));
  }

  get(id: string): Obj | null {
    const s = this.find(id);
    return s ? clone(s.inv) : null;
  }

  markPaid(id: string): void {
    const s = this.mustFind(id);
    Object.assign(s.inv, {
      status: 'paid',
      amountPaid: s.inv.amountDue,
      amountRemaining: 0,
      paidAt: this.now().toISOString(),
    });
  }

  markPartiallyPaid(id: string, amount: number): void {
    const s = this.mustFind(id);
    Object.assign(s.inv, {
      status: 'partially_paid',
      amountPaid: amount,
      amountRemaining: (s.inv.amountDue as number) - amount,
    });
  }

  /** Any raw status, including ones Paycashless does not document (e.g. "expired"), to test tolerant mapping. */
  setStatus(id: string, status: string): void {
    this.mustFind(id).inv.status = status;
  }

  // ---- auth ----

  private authed(r: FakeRequest, fn: (live: boolean) => FakeResponse): FakeResponse {
    const auth = r.headers.authorization;
    const pair = [this.keys.sandbox, this.keys.live].find((p) => auth === `Bearer ${p.apiKey}`);
    if (!pair) return err(401, 'authentication_error', 'invalid_api_key', 'Missing or invalid API key');
    const live = pair === this.keys.live;
    const ts = r.headers['request-timestamp'];
    if (typeof ts !== 'string' || !/^\d+$/.test(ts))
      return err(
        401,
        'authentication_error',
        'request_timestamp_invalid',
        'Request-Timestamp is missing or not Unix seconds',
      );
    const skew = Math.abs(Math.floor(this.now().getTime() / 1000) - Number(ts));
    if (skew > MAX_SKEW_SECONDS)
      return err(
        401,
        'authentication_error',
        'request_timestamp_expired',
        'Request-Timestamp is more than 5 minutes from server time',
      );
    const sig = r.headers['request-signature'];
    if (typeof sig !== 'string' || sig === '')
      return err(401, 'authentication_error', 'request_signature_invalid', 'Request-Signature is missing');
    if (r.jsonError) return err(400, 'invalid_request_error', 'invalid_json', 'body is not valid JSON');
    // Documented steps: sort the body, hash it, concatenate lower-cased path (no query) + hash + timestamp, sign.
    const path = r.path.toLowerCase();
    const hasBody = r.rawBody.trim() !== '';
    const bodyHash = hasBody ? hmac(pair.apiSecret, JSON.stringify(sortObjectAlphabetically(r.json))) : '';
    const expected = hmac(pair.apiSecret, path + bodyHash + ts);
    const a = Buffer.from(expected, 'utf8');
    const b = Buffer.from(sig, 'utf8');
    if (a.length !== b.length || !timingSafeEqual(a, b))
      return err(401, 'authentication_error', 'request_signature_invalid', 'Request signature is invalid');
    return fn(live);
  }

  // ---- handlers ----

  private find(id: string, live?: boolean): Stored | undefined {
    return this.store.find((s) => s.inv.id === id && (live === undefined || s.live === live));
  }

  private mustFind(id: string): Stored {
    const s = this.find(id);
    if (!s) throw new Error(`no invoice ${id}`);
    return s;
  }

  private newInvoice(f: {
    status: string;
    currency: string;
    reference: string;
    description: string;
    amountDue: number;
    items: Obj[];
    live: boolean;
    createdAt?: Date | undefined;
    extra?: Obj;
  }): Obj {
    this.counter += 1;
    const n = this.counter;
    const id = `inv_${n.toString(36).padStart(8, '0')}${'fakefakefakefakefakefakefake'.slice(0, 24)}`;
    const at = (f.createdAt ?? this.now()).toISOString();
    return {
      id,
      status: f.status,
      description: f.description,
      currency: f.currency,
      maxInstallments: 1,
      number: String(n).padStart(6, '0'),
      reference: f.reference,
      acceptPartialPayments: false,
      amountDue: f.amountDue,
      amountPaid: 0,
      amountOverpaid: 0,
      amountRemaining: f.amountDue,
      subTotal: f.amountDue,
      customerId: `cus_fake${n}`,
      sendEmail: false,
      totalInclusiveTaxAmount: 0,
      totalExclusiveTaxAmount: 0,
      metadata: {},
      daysUntilDue: null,
      dueDate: null,
      paidAt: null,
      cancelledAt: null,
      cancellationReason: null,
      liveMode: f.live,
      createdAt: at,
      updatedAt: at,
      items: f.items,
      taxRateIds: [],
      hostedInvoiceUrl: `https://invoicing.paycashless.com/${id}`,
      ...(f.extra ?? {}),
    };
  }

  /** Retrieve: taxRates objects, no hostedInvoiceUrl (documented on create only). */
  private retrieveView(inv: Obj): Obj {
    const { hostedInvoiceUrl: _h, taxRateIds, ...rest } = clone(inv);
    return {
      ...rest,
      taxRates: ((taxRateIds as string[]) ?? []).map((t) => this.taxRates.get(t) ?? { id: t, name: t, percentage: 0 }),
    };
  }

  /** List: taxRateIds, no hostedInvoiceUrl. */
  private listView(inv: Obj): Obj {
    const { hostedInvoiceUrl: _h, ...rest } = clone(inv);
    return rest;
  }

  private create(r: FakeRequest, live: boolean): FakeResponse {
    if (typeof r.json !== 'object' || r.json === null || Array.isArray(r.json)) return missing('body');
    const b = r.json as Obj;
    if (typeof b.reference !== 'string' || b.reference === '') return missing('reference');
    if (typeof b.description !== 'string' || b.description === '') return missing('description');
    if (b.currency === undefined) return missing('currency');
    if (!CURRENCIES.includes(b.currency as string))
      return badParam('currency', `must be one of ${CURRENCIES.join(', ')}`);
    if (b.customer !== undefined) {
      if (typeof b.customer !== 'object' || b.customer === null) return badParam('customer', 'must be an object');
      for (const k of ['email', 'name', 'address']) {
        const v = (b.customer as Obj)[k];
        if (v !== undefined && typeof v !== 'string') return badParam(`customer.${k}`, 'must be a string');
      }
    }
    if (!Array.isArray(b.items)) return missing('items');
    let amountDue = 0;
    const items: Obj[] = [];
    for (const [i, raw] of (b.items as unknown[]).entries()) {
      const it = (raw ?? {}) as Obj;
      if (typeof it.name !== 'string' || it.name === '') return missing(`items[${i}].name`);
      if (typeof it.quantity !== 'number' || !(it.quantity > 0))
        return badParam(`items[${i}].quantity`, 'must be a number > 0');
      if (it.description !== undefined && typeof it.description !== 'string')
        return badParam(`items[${i}].description`, 'must be a string');
      if (typeof it.price !== 'number' || !Number.isInteger(it.price) || it.price < 0)
        return badParam(`items[${i}].price`, 'must be an integer in the smallest currency unit');
      amountDue += it.quantity * it.price;
      items.push({ id: `item_${this.counter + 1}_${i}`, name: it.name, quantity: it.quantity, price: it.price });
    }
    amountDue += this.surcharge;
    if (!Number.isInteger(amountDue) || amountDue <= 0)
      return badParam('amountDue', 'must be a positive integer in the smallest currency unit');
    for (const k of ['acceptPartialPayments', 'sendEmail', 'autoFinalize']) {
      if (b[k] !== undefined && typeof b[k] !== 'boolean') return badParam(k, 'must be a boolean');
    }
    if (b.acceptPartialPayments === true && typeof b.maxInstallments !== 'number') return missing('maxInstallments');
    if (
      b.daysUntilDue !== undefined &&
      (typeof b.daysUntilDue !== 'number' || !(b.daysUntilDue > 0 && b.daysUntilDue <= 1800))
    ) {
      return badParam('daysUntilDue', 'must be > 0 and <= 1800');
    }
    for (const k of ['callbackUrl', 'returnUrl']) {
      if (b[k] !== undefined && (typeof b[k] !== 'string' || !/^https:\/\//.test(b[k])))
        return badParam(k, 'must be an https URL');
    }
    if (b.taxRateIds !== undefined) {
      if (!Array.isArray(b.taxRateIds)) return badParam('taxRateIds', 'must be an array');
      const unknown = (b.taxRateIds as unknown[]).find((t) => typeof t !== 'string' || !this.taxRates.has(t));
      if (unknown !== undefined) return badParam('taxRateIds', `contains an unknown tax rate ${String(unknown)}`);
    }
    if (
      b.metadata !== undefined &&
      (typeof b.metadata !== 'object' || b.metadata === null || Array.isArray(b.metadata))
    )
      return badParam('metadata', 'must be an object');
    const now = this.now();
    const days = typeof b.daysUntilDue === 'number' ? b.daysUntilDue : null;
    const inv = this.newInvoice({
      status: b.autoFinalize === true ? 'open' : 'draft',
      currency: b.currency as string,
      reference: b.reference,
      description: b.description,
      amountDue,
      items,
      live,
      extra: {
        acceptPartialPayments: b.acceptPartialPayments === true,
        maxInstallments: typeof b.maxInstallments === 'number' ? b.maxInstallments : 1,
        sendEmail: b.sendEmail === true,
        daysUntilDue: days,
        dueDate: days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString(),
        metadata: b.metadata ?? {},
        taxRateIds: b.taxRateIds ?? [],
        callbackUrl: b.callbackUrl ?? null,
        returnUrl: b.returnUrl ?? null,
        customer: b.customer ?? null, // kept for assertions; stripped from answers below
      },
    });
    this.store.push({ live, inv });
    const { customer: _c, ...answer } = clone(inv);
    return { status: 201, body: answer };
  }

  private strip(inv: Obj): Obj {
    const { customer: _c, ...rest } = inv;
    return rest;
  }

  private retrieve(r: FakeRequest, live: boolean): FakeResponse {
    const s = this.find(r.params.id ?? '', live);
    if (!s) return err(404, 'invalid_request_error', 'resource_not_found', 'Invoice not found');
    return { status: 200, body: this.strip(this.retrieveView(s.inv)) };
  }

  private list(r: FakeRequest, live: boolean): FakeResponse {
    const q = r.query;
    const limitText = q.get('limit');
    const limit = limitText === null ? 10 : /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= 100)) return badParam('limit', 'must be an integer between 1 and 100');
    const status = q.get('status');
    if (status !== null && !STATUSES.includes(status))
      return badParam('status', `must be one of ${STATUSES.join(', ')}`);
    const currency = q.get('currency');
    const reference = q.get('reference');
    const number = q.get('number');
    const app = q.get('acceptPartialPayments');
    if (app !== null && app !== 'true' && app !== 'false' && app !== 'null')
      return badParam('acceptPartialPayments', 'must be a boolean');
    const bounds: Array<[string, (created: number, v: number) => boolean]> = [
      ['createdAt.gte', (c, v) => c >= v],
      ['createdAt.lte', (c, v) => c <= v],
      ['createdAt.gt', (c, v) => c > v],
      ['createdAt.lt', (c, v) => c < v],
    ];
    const active: Array<[number, (created: number, v: number) => boolean]> = [];
    for (const [name, test] of bounds) {
      const v = q.get(name);
      if (v === null) continue;
      if (!/^[1-9]\d*$/.test(v)) return badParam(name, 'must be an integer > 0 (Unix seconds)');
      active.push([Number(v), test]);
    }
    const matches = this.store.filter(({ live: l, inv }) => {
      if (l !== live) return false;
      if (status !== null && inv.status !== status) return false;
      if (currency !== null && inv.currency !== currency) return false;
      if (reference !== null && inv.reference !== reference) return false;
      if (number !== null && inv.number !== number) return false;
      if (app === 'true' || app === 'false') if (inv.acceptPartialPayments !== (app === 'true')) return false;
      const created = Math.floor(Date.parse(inv.createdAt as string) / 1000);
      return active.every(([v, test]) => test(created, v));
    });
    let start = 0;
    const cursor = q.get('cursor');
    if (cursor !== null) {
      // The fake's cursor: base64url of the last id seen (documented only as an opaque string).
      const after = Buffer.from(cursor, 'base64url').toString('utf8');
      const i = matches.findIndex((s) => s.inv.id === after);
      if (i < 0) return err(400, 'invalid_request_error', 'cursor_invalid', 'cursor is not valid for this query');
      start = i + 1;
    }
    const pageRows = matches.slice(start, start + limit);
    const last = pageRows[pageRows.length - 1];
    return {
      status: 200,
      body: {
        hasMore: start + limit < matches.length,
        cursor: last ? Buffer.from(last.inv.id as string, 'utf8').toString('base64url') : '',
        data: pageRows.map((s) => this.strip(this.listView(s.inv))),
      },
    };
  }

  private cancel(r: FakeRequest, live: boolean): FakeResponse {
    const s = this.find(r.params.id ?? '', live);
    if (!s) return err(404, 'invalid_request_error', 'resource_not_found', 'Invoice not found');
    const b = (r.json ?? {}) as Obj;
    if (typeof b.cancellationReason !== 'string' || b.cancellationReason.trim() === '')
      return missing('cancellationReason');
    // Which states can be cancelled is not documented; the fake refuses paid and already-cancelled invoices.
    if (s.inv.status === 'paid' || s.inv.status === 'cancelled')
      return err(
        422,
        'invalid_request_error',
        'invoice_not_cancellable',
        `a ${s.inv.status as string} invoice cannot be cancelled`,
      );
    const at = this.now().toISOString();
    Object.assign(s.inv, {
      status: 'cancelled',
      cancelledAt: at,
      cancellationReason: b.cancellationReason,
      updatedAt: at,
    });
    // The documented cancel answer omits createdAt, updatedAt and items.
    const { createdAt: _a, updatedAt: _u, items: _i, ...answer } = this.strip(this.listView(s.inv));
    return { status: 200, body: answer };
  }
}

export async function startPaycashlessFake(
  opts: PaycashlessFakeOptions & { port?: number } = {},
): Promise<PaycashlessFake> {
  const fake = new PaycashlessFake(opts);
  await fake.start(opts.port ?? 0);
  return fake;
}
