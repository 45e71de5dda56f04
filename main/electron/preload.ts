/**
 * Runs sandboxed with context isolation: it may only require 'electron', so it imports nothing else at
 * run time. It exposes a narrow invoke/subscribe bridge — never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const METHOD_RE = /^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/;
const EVENT_CHANNEL = 'kassa:event';

contextBridge.exposeInMainWorld('kassa', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !METHOD_RE.test(method)) {
      return Promise.resolve({
        ok: false,
        error: {
          kind: 'invalid_input',
          code: 'unknown_method',
          params: { name: String(method).slice(0, 80) },
          message: 'Unknown method.',
        },
      });
    }
    return ipcRenderer.invoke(`kassa:${method}`, input);
  },
  subscribe(listener: (event: string, payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown): void => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
