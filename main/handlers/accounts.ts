/** Provider accounts and the keychain. Every result is a ProviderAccount (secretsSet only) or a status: never a secret. */
import type { accountMethods } from '../../shared/contract/accounts';
import type { HandlerFactory } from './types';

export const accountHandlers: HandlerFactory<keyof typeof accountMethods> = (s) => ({
  'account.list': () => s.accounts.list(),
  'account.get': ({ id }) => s.accounts.get(id),
  'account.resolve': ({ ref }) => s.accounts.resolve(ref),
  'account.add': (input) => s.accounts.add(input),
  'account.update': (input, ctx) => s.accounts.update(input, { keysFollowHost: ctx.keysFollowHost }),
  'account.setSecrets': ({ id, secrets }) => s.accounts.setSecrets(id, secrets),
  'account.deleteSecret': ({ id, field }) => s.accounts.deleteSecret(id, field),
  'account.test': ({ id }) => s.accounts.test(id),
  'account.remove': ({ id, evenIfKeychainUnavailable }) => s.accounts.remove(id, { evenIfKeychainUnavailable }),
  'keychain.status': () => s.accounts.keychainStatus(),
});
