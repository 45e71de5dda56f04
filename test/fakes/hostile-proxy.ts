/**
 * A hostile provider: a tiny HTTP server in front of a provider simulator that forwards each request and answers
 * with what a broken or malicious provider could send instead — the real answer truncated, its values of the wrong
 * types, its fields missing, a 10 MB body, 3 MB of letters, an HTML error page, a body that never finishes, or the real answer with
 * hostile strings (javascript: links, spreadsheet formulas as invoice numbers, the account's keys echoed back in
 * other encodings). `mode` says which; 'pass' forwards unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const HOSTILE_MODES = [
  'truncated',
  'wrong_types',
  'missing_fields',
  'huge_body',
  'long_text',
  'html_error',
  'html_ok',
  'slow_body',
  'hostile_strings',
] as const;
export type HostileMode = (typeof HOSTILE_MODES)[number] | 'pass';

export const HUGE_BODY_BYTES = 10 * 1024 * 1024;
/** Under the body cap: letters without JSON, which once made scrubbing the excerpt of an error take quadratic time. */
export const LONG_TEXT_BYTES = 3 * 1024 * 1024;
export const JAVASCRIPT_URL = 'javascript:alert(document.cookie)';
export const FORMULA = '=HYPERLINK("https://evil.example/pay","Pay here")';

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>' +
  '<p>The upstream server returned an invalid response. <a href="javascript:alert(1)">Retry</a></p></body></html>';

/** Every value turned into another type: what a provider that changed its API without notice would send. */
function wrongTypes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(wrongTypes);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrongTypes(x)]));
  if (typeof v === 'string') return v.length % 2 === 0 ? 12345 : [v];
  if (typeof v === 'number') return `${v} units`;
  if (typeof v === 'boolean') return v ? 'yes' : 0;
  return { unexpected: true };
}

/** The envelope kept, every plain value gone: ids, amounts, statuses and links missing. */
function missingFields(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(missingFields);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== null && typeof x === 'object')
        .map(([k, x]) => [k, missingFields(x)]),
    );
  return v;
}

function hostileStrings(v: unknown, echoes: readonly string[], key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => hostileStrings(x, echoes, key));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hostileStrings(x, echoes, k)]));
  if (typeof v !== 'string') return v;
  if (/^https?:\/\//i.test(v)) return JAVASCRIPT_URL;
  if (/number|invoice_?no/i.test(key) && !/phone/i.test(key)) return FORMULA;
  if (/message|description|note|name|title|memo/i.test(key)) return `${v} ${echoes.join(' ')}`;
  return v;
}

export class HostileProxy {
  mode: HostileMode = 'pass';
  /** The most bytes of a huge body written before the client stopped reading (socket buffers hold a few MB). */
  hugeWritten = 0;
  requests = 0;
  private server: http.Server | undefined;
  private readonly open = new Set<http.ServerResponse>();

  constructor(
    private readonly target: string,
    /** What a hostile provider echoes back of the account's keys (in message and name fields). */
    private readonly echoes: readonly string[],
    private readonly slowMs = 15_000,
  ) {}

  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async forward(req: http.IncomingMessage): Promise<{ status: number; type: string; text: string }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
    const target = new URL(req.url ?? '/', this.target);
    const init: RequestInit = { method: req.method ?? 'GET', headers, redirect: 'manual' };
    if (chunks.length > 0) init.body = Buffer.concat(chunks);
    const r = await fetch(target, init);
    return { status: r.status, type: r.headers.get('content-type') ?? 'application/json', text: await r.text() };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests++;
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    try {
      const mode = this.mode;
      if (mode === 'html_error' || mode === 'html_ok') {
        for await (const _ of req);
        res.writeHead(mode === 'html_error' ? 502 : 200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(HTML_PAGE);
        return;
      }
      if (mode === 'huge_body') return await this.huge(req, res);
      if (mode === 'long_text') {
        for await (const _ of req);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(Buffer.alloc(LONG_TEXT_BYTES, 'a'));
        return;
      }
      if (mode === 'slow_body') return await this.slow(req, res);
      const real = await this.forward(req);
      let text = real.text;
      let json: unknown;
      try {
        json = JSON.parse(real.text);
      } catch {
        json = undefined;
      }
      if (mode === 'truncated') text = real.text.slice(0, Math.max(1, Math.floor(real.text.length / 2)));
      else if (json !== undefined && mode === 'wrong_types') text = JSON.stringify(wrongTypes(json));
      else if (json !== undefined && mode === 'missing_fields') text = JSON.stringify(missingFields(json));
      else if (json !== undefined && mode === 'hostile_strings')
        text = JSON.stringify(hostileStrings(json, this.echoes));
      res.writeHead(real.status, { 'content-type': real.type });
      res.end(text);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"hostile proxy failed"}');
    }
  }

  /** 10 MB of valid JSON, streamed without a length so only counting can stop it. */
  private async huge(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for await (const _ of req);
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    res.write('{"data":"');
    while (written < HUGE_BODY_BYTES && !res.destroyed) {
      if (!res.write(chunk))
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done).off('close', done);
            resolve();
          };
          res.on('drain', done).on('close', done);
        });
      written += chunk.length;
    }
    this.hugeWritten = Math.max(this.hugeWritten, written);
    res.end('"}');
  }

  /** Headers and the start of a body at once, the rest only after `slowMs` (the client gives up first). */
  private async slow(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for await (const _ of req);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":{"id":"slow",');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.slowMs);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!res.destroyed) res.end('"status":"PAID"}}');
  }
}
