/**
 * Registers one ipcMain handler per contract method by looping over the table (nothing is registered by
 * hand). Each call checks that it comes from our own top-level page and validates the input via dispatch.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/api';
import { KassaError } from '../../shared/errors';
import { dispatch, type DispatchResult } from '../dispatch';
import { PAGE_CALLER, type Handlers } from '../handlers/types';
import type { Logger } from '../log';

export const APP_ORIGIN = 'app://kassa';
export const channelFor = (method: string): string => `kassa:${method}`;

/** Only the main frame of a page loaded from our app:// origin may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function registerIpc(handlers: Handlers, log: Logger): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown): Promise<DispatchResult> => {
      if (!isTrustedSender(event)) {
        log.warn('ipc.untrusted_sender', { method: name });
        return {
          ok: false,
          error: new KassaError('refused', 'untrusted_sender').toBody(),
        };
      }
      return dispatch(handlers, name, input, PAGE_CALLER, log);
    });
  }
  return () => methodNames.forEach((name) => ipcMain.removeHandler(channelFor(name)));
}
