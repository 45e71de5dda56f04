/**
 * The browser host: the built renderer plus `POST /api/<method>` for every method of the contract table,
 * and `GET /api/events` (server-sent events), on 127.0.0.1 only. Every API call needs the per-launch token;
 * a request from another Origin, or for another Host (DNS rebinding), is refused with 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KassaError, toErrorBody } from '../../shared/errors';
import { dispatch } from '../dispatch';
import type { EventHub } from '../events';
import { PAGE_CALLER, type Handlers } from '../handlers/types';
import type { Logger } from '../log';
import { serveStatic } from './static';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HostOptions {
  handlers: Handlers;
  events: EventHub;
  log: Logger;
  staticDir: string;
  port?: number;
  /** Fixed token for tests; random per launch otherwise. */
  token?: string;
}

export interface RunningHost {
  url: string;
  /** URL to open, token included (in the fragment, so it never reaches logs or Referer headers). */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const sse = new Set<ServerResponse>();

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const authorized = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      opts.log.error('host.unhandled', { error: err });
      if (!res.headersSent) sendJson(res, 500, { error: toErrorBody(err) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (!allowedHosts().has(req.headers.host ?? '')) return forbidden(res, 'bad_host', 'Unknown Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin))
      return forbidden(res, 'bad_origin', 'Requests from other origins are refused.');

    if (!url.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, { error: { kind: 'usage', code: 'method_not_allowed', message: 'Only GET.' } });
      return serveStatic(opts.staticDir, url, res);
    }
    if (!authorized(req)) return forbidden(res, 'bad_token', 'Missing or wrong token: open the URL the host printed.');

    if (url === '/api/events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST')
      return sendJson(res, 405, { error: { kind: 'usage', code: 'method_not_allowed', message: 'Use POST.' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, {
        error: { kind: 'invalid_input', code: 'unsupported_media_type', message: 'Send application/json.' },
      });
    }
    const method = decodeMethod(url.slice('/api/'.length).split('?')[0] ?? '');
    let input: unknown;
    try {
      input = await readJson(req);
    } catch (err) {
      const body = toErrorBody(err);
      return sendJson(res, body.code === 'body_too_large' ? 413 : 400, { error: body });
    }
    const r = await dispatch(opts.handlers, method, input, PAGE_CALLER, opts.log);
    if (r.ok) return sendJson(res, 200, { result: r.result });
    return sendJson(res, statusFor(r.error.kind, r.error.code), { error: r.error });
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sse.add(res);
    res.on('close', () => sse.delete(res));
  }

  const unsubscribe = opts.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  opts.log.info('host.listening', { port });
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const res of sse) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser tab keeps sockets alive (and reconnects its event stream); shutting down must not wait for it.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A malformed percent-escape cannot name a method: it becomes a name dispatch reports as unknown. */
function decodeMethod(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function statusFor(kind: string, code: string): number {
  if (code === 'unknown_method') return 404;
  switch (kind) {
    case 'invalid_input':
    case 'usage':
      return 400;
    case 'not_found':
      return 404;
    case 'refused':
      return 409;
    case 'provider':
    case 'keychain':
      return 502;
    default:
      return 500;
  }
}

function forbidden(res: ServerResponse, code: string, message: string): void {
  sendJson(res, 403, { error: { kind: 'refused', code, message } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new KassaError('invalid_input', 'body_too_large', { mb: MAX_BODY_BYTES / 1024 / 1024 });
    }
    chunks.push(chunk as Buffer);
  }
  let text: string;
  try {
    // Strict: bytes that are not UTF-8 would otherwise become U+FFFD and be stored as if typed.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new KassaError('invalid_input', 'body_not_utf8');
  }
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KassaError('invalid_input', 'invalid_json', { source: 'body' });
  }
}
