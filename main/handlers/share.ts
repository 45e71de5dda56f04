/** Sharing invoices and the SMTP settings: thin calls into the ShareService (main/share/service.ts). */
import type { shareMethods } from '../../shared/contract/share';
import type { HandlerFactory } from './types';

export const shareHandlers: HandlerFactory<keyof typeof shareMethods> = (s) => ({
  'smtp.get': () => s.share.smtpGet(),
  // As with provider keys: from the app, a changed server drops the stored password; the CLI user is at the terminal.
  'smtp.set': (input, ctx) => s.share.smtpSet(input, { keysFollowHost: ctx.keysFollowHost }),
  'smtp.test': ({ to }) => s.share.smtpTest(to),
  'share.options': ({ id }) => s.share.options(id),
  'share.send': (input, ctx) => s.share.share(input, ctx.actor),
  'share.items': ({ id }) => s.share.items(id),
});
