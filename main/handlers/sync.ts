/** Sync handlers: thin calls into the process's SyncService (main/sync/service.ts). */
import type { syncMethods } from '../../shared/contract/sync';
import type { Actor } from '../../shared/contract/invoices';
import type { HandlerFactory } from './types';
import type { CallContext } from './types';

const actorOf = (ctx: CallContext): Actor => (ctx.transport === 'cli' ? 'cli' : 'user');

export const syncHandlers: HandlerFactory<keyof typeof syncMethods> = (s) => ({
  'sync.status': ({ accountId, itemLimit }) => s.sync.status({ accountId, itemLimit }),
  'sync.now': ({ accountId, poll, background }) => s.sync.syncNow({ accountId, poll, background }),
  'sync.import': ({ accountId }) => s.sync.importAccount(accountId),
  'sync.retry': ({ itemId }, ctx) => s.sync.retry(itemId, actorOf(ctx)),
  'sync.resolve': ({ itemId, note }, ctx) => s.sync.resolve(itemId, note ?? null, actorOf(ctx)),
  'sync.link': ({ itemId, remoteId }, ctx) => s.sync.link(itemId, remoteId, actorOf(ctx)),
});
