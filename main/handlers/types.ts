import type { MethodName, MethodParsedInput, MethodResult } from '../../shared/api';
import type { Actor } from '../../shared/contract/invoices';
import type { Services } from '../services';

/**
 * What the caller of a contract method may do. Each transport builds its own (Electron IPC and the browser host
 * serve the app's page: PAGE_CALLER; the CLI, a person at the terminal: CLI_CALLER; tests their own); handlers
 * read these capabilities and never ask which transport called.
 */
export interface CallContext {
  /** Recorded in the invoice history as who made a change. */
  actor: Extract<Actor, 'user' | 'cli'>;
  /**
   * May name file paths (backup, restore, exports). A page that could pick any path could overwrite any file the
   * user can write, so the app's page gets files inside the data folder only.
   */
  mayChoosePaths: boolean;
  /**
   * Keys stay with an account when its base URL changes. From the page they are removed first (a page able to call
   * the contract could otherwise point an account at its own server and have "test connection" send the key there).
   */
  keysFollowHost: boolean;
}

/** The app's own page, over Electron IPC or the browser host. */
export const PAGE_CALLER: Readonly<CallContext> = Object.freeze({
  actor: 'user',
  mayChoosePaths: false,
  keysFollowHost: false,
});

/** A person at the terminal running `kassa`. */
export const CLI_CALLER: Readonly<CallContext> = Object.freeze({
  actor: 'cli',
  mayChoosePaths: true,
  keysFollowHost: true,
});

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => Promise<MethodResult<M>> | MethodResult<M>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlerMap<MethodName>;
export type HandlerFactory<K extends MethodName> = (s: Services) => HandlerMap<K>;
