/**
 * A stand-in for the 'electron' module so main/electron/ code can be exercised under plain Node
 * (the Electron binary cannot run on the test machines). Only what the tested modules touch exists.
 */
import Module from 'node:module';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export interface FakeElectron {
  handlers: Map<string, InvokeHandler>;
  ipcMain: { handle(channel: string, fn: InvokeHandler): void; removeHandler(channel: string): void };
}

export function installFakeElectron(): FakeElectron {
  const handlers = new Map<string, InvokeHandler>();
  const fake: FakeElectron = {
    handlers,
    ipcMain: {
      handle(channel, fn) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel) => void handlers.delete(channel),
    },
  };
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake;
    return original.call(this, request, ...rest);
  };
  return fake;
}
