import type { MethodName, MethodParsedInput, MethodResult } from '../../shared/api';
import type { Services } from '../services';

/** Who is calling: lets handlers report progress to the caller and log the transport. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli' | 'test';
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => Promise<MethodResult<M>> | MethodResult<M>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlerMap<MethodName>;
export type HandlerFactory<K extends MethodName> = (s: Services) => HandlerMap<K>;
