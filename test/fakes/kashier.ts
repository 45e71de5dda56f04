/**
 * Kashier Dashboard-API simulator, written from ../shared/providers/kashier.md (not from the adapter).
 * Enforced as documented: raw `Authorization: <secret key>` (anything else → 401); separate test and live keys whose
 * objects cannot see each other; `currency` query required and one of EGP/EUR/GBP/USD; professional invoices need
 * a numeric `invoiceReferenceId`, unique per merchant; view answers `response.data[]`; list pages with
 * `currentPage` (default 1) and `pageSize` (default 500) and a `pagination` object; the status PUT needs
 * `operation=edit` and takes `paymentStatus:"paid"` OR `state:"cancelled"`, never both; delete only unpaid payment
 * requests and unpaid draft invoices;
 * share by email or phone with the documented `subDomainUrl`.
 * Kashier documents no error body, so this fake answers failures with `{status:"FAILURE", messages:{en, ar}}`
 * (its own invention; adapters must not depend on it). Where the docs are silent, the fake is strict on purpose:
 * it refuses a non-zero `tax` (rate or amount is undocumented), `extraFees`, bulk arrays, and a `totalAmount` or
 * `subTotal` that disagrees with quantity × unitPrice — so an adapter cannot rely on undocumented arithmetic.
 */
import { FakeServer, positiveIntParam, type FakeRequest, type FakeResponse, type Route } from './server';

export const KASHIER_FAKE_KEYS = {
  merchantId: 'MID-1234-567',
  test: 'FAKEkashierTEST0000000000000000aa$fake-kashier-test-secret-do-not-use',
  live: 'FAKEkashierLIVE0000000000000000bb$fake-kashier-live-secret-do-not-use',
} as const;

const CURRENCIES = ['EGP', 'EUR', 'GBP', 'USD'];
const SUBDOMAIN = 'http://merchant.kashier.io/en/prepay';
type Mode = 'test' | 'live';
type Obj = Record<string, unknown>;

interface Stored {
  mode: Mode;
  obj: Obj;
}

export interface KashierFakeOptions {
  now?: () => Date;
}

const fail = (status: number, en: string): FakeResponse => ({
  status,
  body: { status: 'FAILURE', messages: { en, ar: en } },
});
const ok = (response: unknown, en: string): FakeResponse => ({
  status: 200,
  body: { response, messages: { en, ar: en }, status: 'SUCCESS' },
});
const round2 = (n: number): number => Math.round(n * 100) / 100;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v); // the docs' inline sample sends strings
  return null;
}

function parseWhen(v: string | null): number | null | 'bad' {
  if (v === null) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v);
  return Number.isNaN(ms) ? 'bad' : ms;
}

export class KashierFake {
  readonly server: FakeServer;
  readonly keys = KASHIER_FAKE_KEYS;
  /** Every accepted share request, for assertions. */
  readonly shares: Obj[] = [];
  private readonly store: Stored[] = [];
  private counter = 0;
  private readonly now: () => Date;

  constructor(opts: KashierFakeOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    const routes: Route[] = [
      {
        name: 'create',
        method: 'POST',
        pattern: /^\/paymentRequest\/?$/,
        handle: (r) => this.authed(r, (m) => this.create(r, m)),
      },
      {
        name: 'share',
        method: 'POST',
        pattern: /^\/paymentRequest\/sendInvoiceBy\/?$/,
        handle: (r) => this.authed(r, (m) => this.share(r, m)),
      },
      {
        name: 'view',
        method: 'GET',
        pattern: /^\/paymentRequest\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.view(r, m)),
      },
      {
        name: 'list',
        method: 'GET',
        pattern: /^\/paymentRequests\/(?<mid>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.list(r, m)),
      },
      {
        name: 'update',
        method: 'PUT',
        pattern: /^\/paymentRequest\/(?<mid>[^/]+)\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.update(r, m)),
      },
      {
        name: 'delete',
        method: 'DELETE',
        pattern: /^\/paymentRequest\/(?<mid>[^/]+)\/(?<id>[^/]+)\/?$/,
        handle: (r) => this.authed(r, (m) => this.remove(r, m)),
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
          if (action === 'pay') this.markPaid(id);
          else if (action === 'expire') this.expire(id);
          else if (action === 'cancel') this.patch(id, { state: 'cancelled' });
          else return fail(400, 'action must be pay, expire or cancel');
          return ok(this.find(id)?.obj ?? null, 'done');
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

  /** Adds invoices directly (no HTTP), e.g. 1,000 for paging tests. Returns their INV- ids. */
  seed(
    count: number,
    opts: {
      currency?: string;
      mode?: Mode;
      state?: string;
      paymentStatus?: string;
      totalAmount?: number;
      creationDate?: Date;
    } = {},
  ): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.nextNumber();
      const obj = this.newObject(
        n,
        {
          paymentType: 'professional',
          merchantId: this.keys.merchantId,
          currency: opts.currency ?? 'EGP',
          totalAmount: opts.totalAmount ?? 100,
          invoiceReferenceId: `9${n}`,
          customerName: `Seeded ${n}`,
          state: opts.state ?? 'submitted',
          paymentStatus: opts.paymentStatus ?? 'unpaid',
          invoiceItems: [],
        },
        opts.creationDate,
      );
      this.store.push({ mode: opts.mode ?? 'test', obj });
      ids.push(obj.paymentRequestId as string);
    }
    return ids;
  }

  /** Snapshots of stored invoices (copies). */
  all(mode?: Mode): Obj[] {
    return this.store.filter((s) => mode === undefined || s.mode === mode).map((s) => clone(s.obj));
  }

  get(id: string): Obj | null {
    const s = this.find(id);
    return s ? clone(s.obj) : null;
  }

  /** A payment arrived at Kashier (e.g. the customer paid on the hosted page). */
  markPaid(id: string): void {
    this.patch(id, { paymentStatus: 'paid' });
  }

  /** Expired after its due date. Kashier does not document the state it then shows; the fake says "expired". */
  expire(id: string): void {
    this.patch(id, { state: 'expired' });
  }

  patch(id: string, fields: Obj): void {
    const s = this.find(id);
    if (!s) throw new Error(`no invoice ${id}`);
    Object.assign(s.obj, fields);
  }

  // ---- HTTP handlers ----

  private authed(r: FakeRequest, fn: (mode: Mode) => FakeResponse): FakeResponse {
    const auth = r.headers.authorization;
    if (auth === this.keys.test) return fn('test');
    if (auth === this.keys.live) return fn('live');
    return fail(401, 'Unauthorized');
  }

  private find(id: string, mode?: Mode): Stored | undefined {
    return this.store.find(
      (s) => (mode === undefined || s.mode === mode) && (s.obj.paymentRequestId === id || s.obj._id === id),
    );
  }

  private nextNumber(): number {
    this.counter += 1;
    return this.counter;
  }

  private newObject(n: number, fields: Obj, creation?: Date): Obj {
    const midDigits = this.keys.merchantId.replace(/\D/g, '');
    return {
      merchantInfo: { storeName: 'Fake Store' },
      ...fields,
      _id: n.toString(16).padStart(24, '0'),
      autoGeneratedId: n,
      paymentRequestId: `INV-${midDigits}${n}`,
      availableAmountForRefund: fields.totalAmount,
      isBulkCreated: false,
      creationDate: (creation ?? this.now()).toISOString(),
      createdByUserId: 'fakeuser0000000000000001',
      channel: 'web',
      deviceType: 'kassa-fake',
      transactions: [],
      __v: 0,
    };
  }

  private create(r: FakeRequest, mode: Mode): FakeResponse {
    const currency = r.query.get('currency');
    if (currency === null) return fail(400, 'currency is required');
    if (!CURRENCIES.includes(currency)) return fail(400, `currency must be one of ${CURRENCIES.join(', ')}`);
    if (r.jsonError) return fail(400, 'body is not valid JSON');
    if (Array.isArray(r.json)) return fail(400, 'bulk create is not simulated by this fake');
    if (typeof r.json !== 'object' || r.json === null) return fail(400, 'body is required');
    const b = r.json as Obj;
    if (!['simple', 'professional', 'order'].includes(b.paymentType as string))
      return fail(400, 'paymentType must be simple, professional or order');
    if (b.merchantId !== this.keys.merchantId) return fail(400, 'merchantId does not belong to this key');
    if (b.tax !== undefined && num(b.tax) !== 0)
      return fail(422, 'non-zero tax is not simulated (Kashier does not document whether it is a rate or an amount)');
    if (Array.isArray(b.extraFees) && b.extraFees.length > 0) return fail(422, 'extraFees are not simulated');
    const state = b.state ?? 'submitted';
    if (state !== 'submitted' && state !== 'draft') return fail(400, 'state must be submitted or draft');
    if (b.dueDate !== undefined && (typeof b.dueDate !== 'string' || Number.isNaN(Date.parse(b.dueDate))))
      return fail(400, 'dueDate must be an ISO 8601 date');

    let total: number | null = null;
    const items: Obj[] = [];
    if (b.invoiceItems !== undefined) {
      if (!Array.isArray(b.invoiceItems)) return fail(400, 'invoiceItems must be an array');
      let sum = 0;
      for (const [i, raw] of (b.invoiceItems as unknown[]).entries()) {
        const it = (raw ?? {}) as Obj;
        const q = num(it.quantity);
        const p = num(it.unitPrice);
        if (typeof it.itemName !== 'string' || it.itemName === '')
          return fail(400, `invoiceItems[${i}].itemName is required`);
        if (q === null || q <= 0) return fail(400, `invoiceItems[${i}].quantity must be a positive number`);
        if (p === null || p < 0) return fail(400, `invoiceItems[${i}].unitPrice must be a number >= 0`);
        const sub = round2(q * p);
        if (
          it.subTotal !== undefined &&
          (num(it.subTotal) === null || Math.abs((num(it.subTotal) as number) - sub) > 0.0001)
        ) {
          return fail(400, `invoiceItems[${i}].subTotal is not quantity × unitPrice`);
        }
        sum += sub;
        items.push({
          _id: `${this.counter + 1}`.padStart(23, '0') + String(i),
          description: it.description ?? '',
          quantity: q,
          itemName: it.itemName,
          unitPrice: p,
          subTotal: sub,
        });
      }
      if (items.length > 0) total = round2(sum);
    }
    const given = b.totalAmount === undefined ? null : num(b.totalAmount);
    if (b.totalAmount !== undefined && (given === null || given < 0)) return fail(400, 'totalAmount must be a number');
    if (total === null) total = given;
    else if (given !== null && Math.abs(given - total) > 0.0001)
      return fail(400, 'totalAmount does not match the invoice items');
    if (total === null || total <= 0) return fail(400, 'the invoice needs items or a totalAmount greater than 0');

    if (b.paymentType === 'professional') {
      const ref = b.invoiceReferenceId;
      if (typeof ref !== 'string' || ref === '') return fail(400, 'invoiceReferenceId is required for invoices');
      if (!/^\d+(\.\d+)?$/.test(ref)) return fail(400, 'invoiceReferenceId must be numeric');
      if (this.store.some((s) => s.obj.merchantId === b.merchantId && s.obj.invoiceReferenceId === ref)) {
        return fail(400, 'invoiceReferenceId already exists for this merchant');
      }
    }
    const n = this.nextNumber();
    const obj = this.newObject(n, {
      paymentType: b.paymentType,
      merchantId: b.merchantId,
      currency,
      totalAmount: total,
      tax: 0,
      description: b.description ?? '',
      customerName: b.customerName ?? '',
      invoiceReferenceId: b.invoiceReferenceId,
      dueDate: typeof b.dueDate === 'string' ? new Date(Date.parse(b.dueDate)).toISOString() : undefined,
      isSuspendedPayment: b.isSuspendedPayment === true,
      state,
      paymentStatus: 'unpaid',
      invoiceItems: items,
      extraFees: [],
    });
    this.store.push({ mode, obj });
    return ok(clone(obj), 'Invoice saved');
  }

  /**
   * The docs are silent about `currency` on the view call; third-party clients always send it. The fake assumes
   * the behaviour that makes it matter: without it the view looks in the default currency (EGP), so an invoice in
   * another currency is not found.
   */
  private view(r: FakeRequest, mode: Mode): FakeResponse {
    const currency = r.query.get('currency') ?? 'EGP';
    if (!CURRENCIES.includes(currency)) return fail(400, `currency must be one of ${CURRENCIES.join(', ')}`);
    const s = this.find(r.params.id ?? '', mode);
    if (!s || s.obj.currency !== currency) return fail(404, 'Payment request not found');
    return ok({ data: [clone(s.obj)] }, 'The Payment Requests have been retrieved [success]');
  }

  private list(r: FakeRequest, mode: Mode): FakeResponse {
    if (r.params.mid !== this.keys.merchantId) return fail(403, 'MID does not belong to this key');
    const currency = r.query.get('currency');
    if (currency === null) return fail(400, 'currency is required');
    if (!CURRENCIES.includes(currency)) return fail(400, `currency must be one of ${CURRENCIES.join(', ')}`);
    const page = positiveIntParam(r.query, 'currentPage') ?? 1;
    const pageSize = positiveIntParam(r.query, 'pageSize') ?? 500;
    if (Number.isNaN(page) || Number.isNaN(pageSize))
      return fail(400, 'currentPage and pageSize must be positive integers');
    const paymentStatus = r.query.get('paymentStatus');
    if (paymentStatus !== null && paymentStatus !== 'paid' && paymentStatus !== 'unpaid')
      return fail(400, 'paymentStatus must be paid or unpaid');
    const windows = {
      start: parseWhen(r.query.get('startDate')),
      end: parseWhen(r.query.get('endDate')),
      startDue: parseWhen(r.query.get('startDueDate')),
      endDue: parseWhen(r.query.get('endDueDate')),
    };
    if (Object.values(windows).includes('bad')) return fail(400, 'dates must be ISO timestamps or YYYY-MM-DD');
    const minAmount = r.query.get('startAmountRange');
    const maxAmount = r.query.get('endAmountRange');
    const matches = this.store.filter(({ mode: m, obj }) => {
      if (m !== mode || obj.merchantId !== this.keys.merchantId || obj.currency !== currency) return false;
      if (paymentStatus !== null && obj.paymentStatus !== paymentStatus) return false;
      const created = Date.parse(obj.creationDate as string);
      if (typeof windows.start === 'number' && created < windows.start) return false;
      if (typeof windows.end === 'number' && created > windows.end) return false;
      const due = typeof obj.dueDate === 'string' ? Date.parse(obj.dueDate) : null;
      if (typeof windows.startDue === 'number' && (due === null || due < windows.startDue)) return false;
      if (typeof windows.endDue === 'number' && (due === null || due > windows.endDue)) return false;
      if (minAmount !== null && (obj.totalAmount as number) < Number(minAmount)) return false;
      if (maxAmount !== null && (obj.totalAmount as number) > Number(maxAmount)) return false;
      return true;
    });
    const totalPages = Math.max(1, Math.ceil(matches.length / pageSize));
    const data = matches.slice((page - 1) * pageSize, page * pageSize).map((s) => clone(s.obj));
    return ok(
      {
        data,
        pagination: {
          totalDocs: matches.length,
          limit: pageSize,
          totalPages,
          page,
          pagingCounter: (page - 1) * pageSize + 1,
          hasPrevPage: page > 1,
          hasNextPage: page < totalPages,
          prevPage: page > 1 ? page - 1 : null,
          nextPage: page < totalPages ? page + 1 : null,
        },
      },
      'The Payment Requests have been retrieved [success]',
    );
  }

  private update(r: FakeRequest, mode: Mode): FakeResponse {
    if (r.params.mid !== this.keys.merchantId) return fail(403, 'MID does not belong to this key');
    if (r.query.get('operation') !== 'edit') return fail(400, 'operation=edit is required');
    const currency = r.query.get('currency');
    if (currency === null || !CURRENCIES.includes(currency))
      return fail(400, `currency is required: ${CURRENCIES.join(', ')}`);
    const s = this.find(r.params.id ?? '', mode);
    if (!s) return fail(404, 'Payment request not found');
    if (s.obj.currency !== currency) return fail(400, 'currency does not match the invoice');
    const b = (r.json ?? {}) as Obj;
    if (b.operation !== 'changestatus') return fail(400, 'operation must be changestatus');
    if (b.paymentType !== s.obj.paymentType) return fail(400, 'paymentType does not match the invoice');
    const hasPaid = b.paymentStatus !== undefined;
    const hasState = b.state !== undefined;
    if (hasPaid && hasState) return fail(400, "paymentStatus and state can't be used in the same request");
    if (!hasPaid && !hasState) return fail(400, 'paymentStatus or state is required');
    if (hasPaid) {
      if (b.paymentStatus !== 'paid') return fail(400, 'paymentStatus must be paid');
      if (s.obj.state === 'cancelled') return fail(400, 'a cancelled invoice cannot be paid');
      s.obj.paymentStatus = 'paid';
    } else {
      if (b.state !== 'cancelled') return fail(400, 'state must be cancelled');
      if (s.obj.paymentStatus === 'paid') return fail(400, 'a paid invoice cannot be cancelled');
      s.obj.state = 'cancelled';
    }
    return ok(
      { merchantId: s.obj.merchantId, paymentRequestId: s.obj.paymentRequestId },
      'Operation performed successfully',
    );
  }

  private remove(r: FakeRequest, mode: Mode): FakeResponse {
    if (r.params.mid !== this.keys.merchantId) return fail(403, 'MID does not belong to this key');
    const s = this.find(r.params.id ?? '', mode);
    if (!s) return fail(404, 'Payment request not found');
    const deletable =
      s.obj.paymentStatus === 'unpaid' && (s.obj.paymentType !== 'professional' || s.obj.state === 'draft');
    if (!deletable) return fail(400, 'Only unpaid drafts can be deleted');
    this.store.splice(this.store.indexOf(s), 1);
    return ok({ data: [clone(s.obj)] }, 'The Payment Request has been deleted [success]');
  }

  private share(r: FakeRequest, mode: Mode): FakeResponse {
    const b = (r.json ?? {}) as Obj;
    if (b.operation !== 'email' && b.operation !== 'phone') return fail(400, 'operation must be email or phone');
    if (
      b.operation === 'email' &&
      (typeof b.customerEmail !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.customerEmail))
    )
      return fail(400, 'customerEmail is required');
    if (
      b.operation === 'phone' &&
      (typeof b.customerPhoneNumber !== 'string' || !/^\+\d{7,15}$/.test(b.customerPhoneNumber))
    )
      return fail(400, 'customerPhoneNumber is required');
    if (b.subDomainUrl !== SUBDOMAIN) return fail(400, `subDomainUrl must be ${SUBDOMAIN}`);
    const s = typeof b.urlIdentifier === 'string' ? this.find(b.urlIdentifier, mode) : undefined;
    if (!s || s.obj.paymentRequestId !== b.urlIdentifier)
      return fail(400, 'urlIdentifier must be an INV-/PR- id of this merchant');
    this.shares.push(clone(b));
    // The only documented flat answer.
    return {
      status: 200,
      body: {
        status: 'SUCCESS',
        message: b.operation === 'email' ? 'Payment link email sent succesfully' : 'Payment link sms sent succesfully',
      },
    };
  }
}

export async function startKashierFake(opts: KashierFakeOptions & { port?: number } = {}): Promise<KashierFake> {
  const fake = new KashierFake(opts);
  await fake.start(opts.port ?? 0);
  return fake;
}
