/**
 * What every HTTP adapter shares: the account's base URL (documented URL with the override's origin), one
 * HttpClient, building a request (path + query + body, authorised per attempt by the adapter), reading the payload
 * out of a reply the same way for reads and writes, "test connection", the common create refusals and the
 * reference codec. An adapter supplies only what is its provider's own: authorisation, envelope, mapping.
 */
import type { Invoice, ProviderId } from '../../shared/domain';
import { KassaError, refused } from '../../shared/errors';
import type { ProviderInfo } from '../../shared/providers';
import { connectionCheckFromError, refuseCurrency, refuseUnlessIssuable } from './adapter-support';
import { resolveBaseUrl } from './base-url';
import type { ReferenceCodec } from './descriptor';
import { HttpClient, type ErrorDescriber, type HttpCall, type HttpMethod, type HttpReply } from './http';
import { providerError, withoutSecrets, type ProviderErrorCode } from './http-errors';
import { rateForLimit } from './rate-limit';
import type { ParamValues } from '../../shared/i18n/params';
import { msg } from '../../shared/i18n/keys';
import { englishMessage } from '../../shared/i18n/english';
import type {
  AdapterDeps,
  ConnectionCheck,
  CreateOptions,
  ListFilter,
  ListPage,
  ProviderAdapter,
  ProviderCapabilities,
  RemoteInvoice,
  WriteOutcome,
} from './types';

export interface AdapterSetup {
  info: ProviderInfo<ProviderId>;
  reference: ReferenceCodec;
  /** The documented base URL for this account (its mode); the account's override replaces only its origin. */
  documentedBase: string;
  describeError: ErrorDescriber;
}

export interface RequestSpec {
  query?: URLSearchParams | undefined;
  body?: unknown;
}

/** What an adapter adds to one request: headers (built again for every attempt) and the secret values it used. */
export interface Authorisation {
  headers: () => Record<string, string>;
  /** Scrubbed from everything that is logged or thrown. */
  secrets: readonly string[];
}

export abstract class HttpAdapter implements ProviderAdapter {
  readonly capabilities: ProviderCapabilities;
  protected readonly provider: ProviderId;
  protected readonly name: string;
  protected readonly base: string;
  protected readonly http: HttpClient;

  constructor(
    protected readonly deps: AdapterDeps,
    private readonly setup: AdapterSetup,
  ) {
    this.capabilities = setup.info.capabilities;
    this.provider = setup.info.id;
    this.name = setup.info.displayName;
    this.base = resolveBaseUrl(setup.documentedBase, deps.account.baseUrl);
    this.http = new HttpClient({
      provider: this.provider,
      accountId: deps.account.id,
      fetch: deps.fetch,
      log: deps.log,
      now: deps.now,
      tuning: deps.http,
      describeError: setup.describeError,
      rate: rateForLimit(setup.info.capabilities.rateLimitPerMinute),
    });
  }

  // ---- what each adapter supplies ----

  /** Authorises one request (reads the secrets for this call only); may add query parameters to `url`. */
  protected abstract authorise(req: { url: URL; body: string | null }): Promise<Authorisation>;
  /** The cheapest authenticated call, for "test connection". */
  protected abstract probe(): Promise<unknown>;
  abstract create(invoice: Invoice, opts?: CreateOptions): Promise<WriteOutcome<RemoteInvoice>>;
  abstract listPage(cursor: string | null, filter?: ListFilter): Promise<ListPage>;

  /** The bytes sent for a body (and signed, where the provider signs). */
  protected serialise(body: unknown): string {
    return JSON.stringify(body);
  }

  /** The payload of a 2xx answer; throws when the provider reports a failure inside it. */
  protected payload(_operation: string, reply: HttpReply): unknown {
    return reply.json;
  }

  /** Rewrites a provider error into one a person can act on (e.g. a signature hint); default unchanged. */
  protected explain(err: unknown): unknown {
    return err;
  }

  /** Create refusals of this provider beyond the common ones (issued, positive, currency). */
  protected validateMore(_invoice: Invoice): void {}

  // ---- shared plumbing ----

  /** `path` is appended to the account's base URL; the query goes through URLSearchParams (no hand-built strings). */
  protected async request(
    operation: string,
    method: HttpMethod,
    path: string,
    spec: RequestSpec = {},
  ): Promise<HttpCall> {
    const url = new URL(`${this.base}${path}`);
    if (spec.query) for (const [k, v] of spec.query) url.searchParams.append(k, v);
    const body = spec.body === undefined ? null : this.serialise(spec.body);
    const auth = await this.authorise({ url, body });
    const call: HttpCall = { operation, method, url, headers: auth.headers, secrets: auth.secrets };
    if (body !== null) call.body = body;
    return call;
  }

  /** A read: the payload, or a provider error a person can act on. */
  protected async read(call: HttpCall): Promise<unknown> {
    let reply: HttpReply;
    try {
      reply = await this.http.read(call);
    } catch (err) {
      throw this.explain(err);
    }
    return this.payload(call.operation, this.clean(call, reply));
  }

  /** The reply with the call's secrets removed from its JSON, so no payload kept or mapped can hold a key. */
  private clean(call: HttpCall, reply: HttpReply): HttpReply {
    return { ...reply, json: withoutSecrets(reply.json, call.secrets) };
  }

  /** A write: `unknown` when it may have taken effect; otherwise the payload. */
  protected async write(call: HttpCall): Promise<WriteOutcome<{ payload: unknown; reply: HttpReply }>> {
    let out: WriteOutcome<HttpReply>;
    try {
      out = await this.http.write(call);
    } catch (err) {
      throw this.explain(err);
    }
    if (out.outcome === 'unknown') return out;
    const reply = this.clean(call, out.value);
    return { outcome: 'ok', value: { payload: this.payload(call.operation, reply), reply } };
  }

  /** A write that answers with the invoice: a 2xx without one we can read may still have created it (unknown). */
  protected async writeInvoice(
    call: HttpCall,
    toRemote: (payload: unknown) => RemoteInvoice | null,
  ): Promise<WriteOutcome<RemoteInvoice>> {
    const out = await this.write(call);
    if (out.outcome === 'unknown') return out;
    const remote = toRemote(out.value.payload);
    if (remote === null) return this.http.unknownFromReply(call, out.value.reply, 'no_invoice_in_answer');
    return { outcome: 'ok', value: remote };
  }

  protected providerFailure(
    operation: string,
    code: ProviderErrorCode,
    params: ParamValues,
    opts: { httpStatus?: number | null; retryable?: boolean; providerMessage?: string | null } = {},
  ): KassaError {
    return providerError({
      provider: this.provider,
      operation,
      code,
      params,
      httpStatus: opts.httpStatus ?? null,
      providerMessage: opts.providerMessage ?? null,
      retryable: opts.retryable ?? code !== 'provider_not_found',
    });
  }

  /** The provider answered, but without something it documents (an invoice, a list, a way to the next page, …). */
  protected unexpected(operation: string, what: 'invoice' | 'list' | 'cursor' | 'currency' | 'unreadable'): KassaError {
    return this.providerFailure(operation, 'provider_unexpected_response', { what });
  }

  /** Rows of a list page that are not invoices are logged (by account, never by content) and left out. */
  protected mapRows(
    operation: string,
    rows: readonly unknown[],
    map: (row: unknown) => RemoteInvoice | null,
  ): RemoteInvoice[] {
    const out: RemoteInvoice[] = [];
    for (const row of rows) {
      const r = map(row);
      if (r === null)
        this.deps.log.warn('provider.unreadable_row', {
          provider: this.provider,
          account: this.deps.account.id,
          operation,
        });
      else out.push(r);
    }
    return out;
  }

  /** Logs a created invoice whose total differs from the ledger's (sync decides what the user is asked). */
  protected noteCreatedTotal(invoice: Invoice, remote: RemoteInvoice): void {
    if (remote.total !== null && remote.total !== invoice.totals.total) {
      this.deps.log.error('provider.amount_mismatch', {
        provider: this.provider,
        account: this.deps.account.id,
        invoice: invoice.id,
        remoteId: remote.remoteId,
        expected: invoice.totals.total,
        remote: remote.total,
      });
    }
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      await this.probe();
      const accepted = msg('accounts.test.accepted', { provider: this.name });
      return { ok: true, result: 'ok', message: englishMessage(accepted), detail: accepted };
    } catch (err) {
      // A setting the account lacks is not the key's fault.
      if (err instanceof KassaError && err.kind === 'refused' && err.field?.startsWith('settings.'))
        return { ok: false, result: 'provider_error', message: err.message, detail: err.toMessage() };
      return connectionCheckFromError(err);
    }
  }

  validateForCreate(invoice: Invoice): void {
    refuseUnlessIssuable(invoice, this.provider);
    const { currencies } = this.capabilities;
    if (currencies !== 'any') refuseCurrency(invoice, currencies, this.provider);
    this.validateMore(invoice);
  }

  referenceFor(invoice: Invoice): string {
    if (invoice.number === null) throw refused('invoice_not_issued', { context: 'send' }, 'number');
    return this.setup.reference.encode(invoice.number);
  }
}
