/**
 * The renderer's only way to reach main: `window.kassa` when Electron's preload provides it,
 * otherwise the HTTP bridge of the browser host (same origin, per-launch token).
 */
import type { EventName, EventPayload, KassaBridge, MethodInput, MethodName, MethodResult } from '../../shared/api';
import { KassaError, isErrorBody, type ErrorBody } from '../../shared/errors';
import { translator } from './i18n';

declare global {
  interface Window {
    kassa?: KassaBridge;
  }
}

const TOKEN_KEY = 'kassa.token';

/** Reads the token from #token=… once, keeps it for this tab only, and removes it from the address bar. */
function hostToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Result = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

function httpBridge(): KassaBridge {
  const token = hostToken();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return {
    async invoke(method, input): Promise<Result> {
      let res: Response;
      try {
        res = await fetch(`./api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: new KassaError('io', 'host_unreachable').toBody() };
      }
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) return { ok: true, result: (body as { result: unknown }).result };
      const err = (body as { error?: unknown } | null)?.error;
      return {
        ok: false,
        error: isErrorBody(err) ? err : new KassaError('io', 'host_http_status', { status: res.status }).toBody(),
      };
    },
    subscribe(listener) {
      const ctrl = new AbortController();
      void streamEvents(headers, listener, ctrl.signal);
      return () => ctrl.abort();
    },
  };
}

/** Server-sent events over fetch (EventSource cannot send the token header); reconnects with backoff. */
async function streamEvents(
  headers: Record<string, string>,
  listener: (e: string, p: unknown) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500;
  while (!signal.aborted) {
    try {
      const res = await fetch('./api/events', { headers, signal });
      // A refused token will not become valid by retrying: stop instead of knocking forever.
      if (res.status === 403) return;
      if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
      delay = 500;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let idx: number;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (name && data) listener(name, JSON.parse(data));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}

let bridge: KassaBridge | undefined;
function getBridge(): KassaBridge {
  bridge ??= window.kassa ?? httpBridge();
  return bridge;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const r = await getBridge().invoke(method, input);
  if (!r.ok) throw KassaError.fromBody(r.error);
  return r.result as MethodResult<M>;
}

type Listener = (name: EventName, payload: unknown) => void;
const listeners = new Set<Listener>();
let unsubscribeBridge: (() => void) | undefined;

export function onEvent<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void {
  const l: Listener = (n, p) => {
    if (n === name) cb(p as EventPayload<E>);
  };
  listeners.add(l);
  unsubscribeBridge ??= getBridge().subscribe((n, p) => listeners.forEach((x) => x(n as EventName, p)));
  return () => listeners.delete(l);
}

/** What went wrong, in the reader's language: the catalogue message for the error's code, else its English text. */
export function errorMessage(err: unknown): string {
  if (err instanceof KassaError) return translator().text(`error.${err.code}`, err.params, err.message);
  return err instanceof Error ? err.message : String(err);
}
