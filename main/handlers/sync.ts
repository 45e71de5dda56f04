/** Sync handlers: thin calls into the process's SyncService (main/sync/service.ts). */
import type { syncMethods } from '../../shared/contract/sync';
import type { HandlerFactory } from './types';

export const syncHandlers: HandlerFactory<keyof typeof syncMethods> = (s) => ({
  'sync.status': ({ accountId, itemLimit }) => s.sync.status({ accountId, itemLimit }),
  'sync.now': ({ accountId, poll, background }) => s.sync.syncNow({ accountId, poll, background }),
  'sync.import': ({ accountId }) => s.sync.importAccount(accountId),
  'sync.retry': ({ itemId }, ctx) => s.sync.retry(itemId, ctx.actor),
  'sync.resolve': ({ itemId, note }, ctx) => s.sync.resolve(itemId, note ?? null, ctx.actor),
  'sync.link': ({ itemId, remoteId }, ctx) => s.sync.link(itemId, remoteId, ctx.actor),
  'sync.deleteAtProvider': ({ invoiceId, accountId }, ctx) => s.sync.deleteAtProvider(invoiceId, accountId, ctx.actor),
});
