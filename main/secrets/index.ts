/** The keychain: one SecretStore per process, over keytar unless a test injects another. */
export { KeytarSecretStore, KEYCHAIN_SERVICE } from './keytar-store';
export { MemorySecretStore } from './memory-store';
export { keychainUnavailable, keychainMessage, classifyKeychainFailure } from './keychain-errors';
export type { SecretStore, KeychainStatus, KeychainFailureReason } from './store';
