/**
 * Every handler of the contract, built from one Services. Each domain's handlers (and the modules they use) are
 * built on the first call of one of its methods (domains.ts); TypeScript checks there that the domains' handler
 * factories cover every method of the contract.
 */
import type { Services } from '../services';
import { DOMAINS, domainOf, type DomainName } from './domains';
import type { CallContext, Handlers } from './types';

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

export function buildHandlers(s: Services): Handlers {
  const built = new Map<DomainName, Record<string, AnyHandler>>();
  const handlerOf = (name: string): AnyHandler | undefined => {
    const d = domainOf(name);
    if (!d) return undefined;
    let table = built.get(d);
    if (!table) {
      table = DOMAINS[d].handlers()(s) as unknown as Record<string, AnyHandler>;
      built.set(d, table);
    }
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  };
  // Looked up by method name only (dispatch); a Proxy so that looking one up builds its domain and no other.
  return new Proxy({} as Handlers, {
    get: (_target, name) => (typeof name === 'string' ? handlerOf(name) : undefined),
    has: (_target, name) => typeof name === 'string' && handlerOf(name) !== undefined,
  });
}
