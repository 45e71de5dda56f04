/**
 * Plumbing shared by the provider simulators: a real node:http server on 127.0.0.1, a tiny router, JSON body
 * reading, per-route call counters and a request log, and fault injection for the next N matching requests.
 * Each simulator supplies only its routes and rules.
 *
 * Faults:
 *   delay         wait `ms`, then handle normally (the request still takes effect even if the client gave up)
 *   slowResponse  handle at once, answer after `ms` ("the create succeeded but the answer came too late")
 *   status        answer `status` (e.g. 500) WITHOUT handling
 *   rateLimit     answer 429 with Retry-After / X-RateLimit-Reset headers WITHOUT handling
 *   malformed     handle, then answer with a truncated, unparsable JSON body
 *   reset         destroy the connection, before handling (default) or after handling (`afterHandling`)
 * Control endpoints under /__fake/ (faults, counters) are never counted or faulted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'slowResponse'; ms: number }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'rateLimit'; retryAfter?: string; rateLimitReset?: string }
  | { kind: 'malformed' }
  | { kind: 'reset'; afterHandling?: boolean };

export type FaultRule = Fault & {
  /** Route name (e.g. "create"); every route when omitted. */
  route?: string;
  method?: string;
  /** How many matching requests get the fault (default 1). */
  times?: number;
};

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** Parsed body; undefined when there was none. */
  json: unknown;
  jsonError: boolean;
  params: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  name: string;
  method: string;
  /** Matched against the pathname; named groups become params. */
  pattern: RegExp;
  handle(req: FakeRequest): FakeResponse | Promise<FakeResponse>;
}

export interface RecordedRequest {
  route: string;
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const MAX_BODY = 5 * 1024 * 1024;

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseJson(text: string): { json: unknown; jsonError: boolean } {
  if (text.trim() === '') return { json: undefined, jsonError: false };
  try {
    return { json: JSON.parse(text) as unknown, jsonError: false };
  } catch {
    return { json: undefined, jsonError: true };
  }
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly counts = new Map<string, number>();
  private readonly faults: Array<FaultRule & { left: number }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: http.Server;
  private controlRoutes: Route[] = [];
  url = '';

  constructor(private readonly routes: Route[]) {
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) this.send(res, { status: 500, body: { error: String(err) } });
      });
    });
  }

  /** Extra routes under /__fake/ for driving the simulator by hand (never counted or faulted). */
  addControlRoutes(routes: Route[]): void {
    this.controlRoutes = [...this.controlRoutes, ...routes];
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const addr = this.server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
    this.addControlRoutes([
      {
        name: 'control.faults',
        method: 'POST',
        pattern: /^\/__fake\/faults$/,
        handle: (req) => {
          this.inject(req.json as FaultRule);
          return { status: 204 };
        },
      },
      {
        name: 'control.calls',
        method: 'GET',
        pattern: /^\/__fake\/calls$/,
        handle: () => ({ status: 200, body: Object.fromEntries(this.counts) }),
      },
    ]);
    return this.url;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Applies `rule` to the next `times` (default 1) requests matching its route/method. */
  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests that reached `route` (all routes when omitted), faulted ones included. */
  calls(route?: string): number {
    if (route !== undefined) return this.counts.get(route) ?? 0;
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  resetCalls(): void {
    this.counts.clear();
    this.requests.length = 0;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private takeFault(route: string, method: string): Fault | null {
    const i = this.faults.findIndex(
      (f) =>
        f.left > 0 &&
        (f.route === undefined || f.route === route) &&
        (f.method === undefined || f.method.toUpperCase() === method),
    );
    if (i < 0) return null;
    const f = this.faults[i] as FaultRule & { left: number };
    f.left -= 1;
    if (f.left <= 0) this.faults.splice(i, 1);
    return f;
  }

  private match(list: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of list) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) return { route, params: { ...(m.groups ?? {}) } };
    }
    return null;
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.on('error', () => undefined); // the client may be gone by the time a slow answer is written
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://fake');
    const rawBody = await readBody(req);
    const { json, jsonError } = parseJson(rawBody);
    const control = url.pathname.startsWith('/__fake/') ? this.match(this.controlRoutes, method, url.pathname) : null;
    if (control) {
      this.send(
        res,
        await control.route.handle({
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          rawBody,
          json,
          jsonError,
          params: control.params,
        }),
      );
      return;
    }
    const hit = this.match(this.routes, method, url.pathname);
    const name = hit?.route.name ?? 'unmatched';
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.requests.push({
      route: name,
      method,
      path: url.pathname,
      query: url.search,
      headers: req.headers,
      body: rawBody,
    });

    const fault = this.takeFault(name, method);
    if (fault?.kind === 'delay') await this.sleep(fault.ms);
    if (fault?.kind === 'reset' && !fault.afterHandling) {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      this.send(res, { status: fault.status, body: fault.body ?? { error: 'injected failure' } });
      return;
    }
    if (fault?.kind === 'rateLimit') {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      if (fault.rateLimitReset !== undefined) headers['X-RateLimit-Reset'] = fault.rateLimitReset;
      this.send(res, { status: 429, body: { error: { type: 'rate_limit', message: 'too many requests' } }, headers });
      return;
    }
    if (!hit) {
      this.send(res, { status: 404, body: { error: `no route for ${method} ${url.pathname}` } });
      return;
    }
    const response = await hit.route.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      json,
      jsonError,
      params: hit.params,
    });
    if (fault?.kind === 'slowResponse') await this.sleep(fault.ms);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'malformed') {
      const text = JSON.stringify(response.body ?? {});
      this.sendText(res, response.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), 'application/json');
      return;
    }
    this.send(res, response);
  }

  private send(res: http.ServerResponse, r: FakeResponse): void {
    if (r.body === undefined) {
      if (res.destroyed) return;
      res.writeHead(r.status, r.headers ?? {});
      res.end();
      return;
    }
    this.sendText(res, r.status, JSON.stringify(r.body), 'application/json; charset=utf-8', r.headers);
  }

  private sendText(
    res: http.ServerResponse,
    status: number,
    text: string,
    type: string,
    headers: Record<string, string> = {},
  ): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }
}

/** Reads `name` from the query as a positive integer; undefined when absent, NaN when present but invalid. */
export function positiveIntParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  return /^[1-9]\d*$/.test(v) ? Number(v) : Number.NaN;
}
