import { after } from 'node:test';
import type { AppConfig } from '../../main/config';
import { buildHandlers } from '../../main/handlers';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/dispatch';
import type { CallContext } from '../../main/handlers/types';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api';
import { KassaError } from '../../shared/errors';
import { tempDir } from './tmp';

/** Real services over a fresh data dir (real SQLite file), closed after the test file. */
export async function testServices(overrides: Partial<AppConfig> = {}): Promise<Services> {
  const s = await createServices({ dataDir: tempDir('kassa-data-'), runtime: 'test', ...overrides });
  after(() => s.close());
  return s;
}

/** Tests may choose paths like the CLI; their changes are recorded as the user's. */
export const TEST_CALLER: Readonly<CallContext> = Object.freeze({
  actor: 'user',
  mayChoosePaths: true,
  keysFollowHost: false,
});

/** Calls a contract method exactly as a transport would (schema validation included); throws KassaError on failure. */
export function caller(s: Services) {
  const handlers = buildHandlers(s);
  return async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const r = await dispatch(handlers, name, input, TEST_CALLER, s.log);
    if (!r.ok) throw KassaError.fromBody(r.error);
    return r.result as MethodResult<M>;
  };
}
