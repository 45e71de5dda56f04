/**
 * Provider accounts and the keychain. Secrets are write-only through this contract: `account.add` and
 * `account.setSecrets` take them as input, and no method ever returns one — responses carry only
 * `secretsSet` (which fields exist). Schemas check shapes; the account service checks meaning against the
 * provider's field descriptors (shared/providers/) and answers with a `field`.
 */
import { z } from 'zod';
import { PROVIDER_IDS, type ProviderAccount, type ProviderId } from '../domain';
import { hasInvisible } from '../text-rules';
import type { Message } from '../i18n/params';
import { method } from './define';
import { checkedString, plainRecord, recordKey, textRules } from './fields';
import { says } from './validation';

export const ACCOUNT_NAME_MAX = 80;
export const SECRET_VALUE_MAX = 4096;
export const SETTING_VALUE_MAX = 200;

export const KEYCHAIN_FAILURE_REASONS = [
  'no_session_bus',
  'no_provider',
  'locked',
  'module_missing',
  'failed',
] as const;
export type KeychainFailureReason = (typeof KEYCHAIN_FAILURE_REASONS)[number];

export interface KeychainStatus {
  available: boolean;
  /** 'keytar' is the OS keychain; 'memory' exists only in tests. */
  backend: 'keytar' | 'memory';
  /** When unavailable: why, and the actionable message (what to install or unlock). */
  reason?: KeychainFailureReason;
  message?: string;
}

/**
 * What a connection test found. provider_not_supported: no adapter for this provider yet; missing_secret: a
 * required secret is not in the keychain (deleted, or never set).
 */
export const ACCOUNT_TEST_OUTCOMES = [
  'ok',
  'wrong_key',
  'unreachable',
  'provider_error',
  'provider_not_supported',
  'missing_secret',
] as const;
export type AccountTestOutcome = (typeof ACCOUNT_TEST_OUTCOMES)[number];

export interface AccountTestResult {
  accountId: string;
  provider: ProviderId;
  ok: boolean;
  result: AccountTestOutcome;
  /** In English, for scripts: the provider's own message on provider errors (never containing a key). */
  message: string;
  /** The same as a catalogue message, which the app shows in the reader's language. */
  detail: Message;
  httpStatus?: number;
  /** For missing_secret: which fields. */
  missingFields?: string[];
}

export interface AccountRemoved {
  id: string;
  removed: true;
  /** Keychain entries deleted; null when the keychain was unavailable and removal was forced. */
  secretsRemoved: number | null;
}

const line = checkedString;
const id = line(100).min(1);
const providerSchema = z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]);
const modeSchema = z.enum(['test', 'live']);
const nameSchema = line(ACCOUNT_NAME_MAX * 2);
/** Empty string or null clears the override. */
const baseUrlSchema = line(2000).nullable();
const settingsSchema = plainRecord(line(SETTING_VALUE_MAX * 2));
/**
 * A key as pasted: the line break a paste often brings is trimmed; anything invisible left inside (a zero-width or
 * non-breaking space from a formatted document) is no part of any provider's key and is refused, not stored.
 */
const secretValue = z
  .string()
  .max(SECRET_VALUE_MAX)
  .trim()
  .superRefine(textRules())
  .refine((v) => !hasInvisible(v), { error: says('validation.secret_invisible') });
const secretsSchema = plainRecord(secretValue);

export const accountMethods = {
  'account.list': method<ProviderAccount[]>()(
    z.object({}).strict(),
    'Every provider account, by name; secrets appear only as secretsSet.',
  ),
  'account.get': method<ProviderAccount>()(z.object({ id }).strict(), 'One provider account by id.'),
  'account.resolve': method<ProviderAccount>()(
    z.object({ ref: line(200).min(1) }).strict(),
    'One provider account by id or by its (case-insensitive, unique) name.',
  ),
  'account.add': method<ProviderAccount>()(
    z
      .object({
        provider: providerSchema,
        name: nameSchema,
        mode: modeSchema,
        baseUrl: baseUrlSchema.optional(),
        settings: settingsSchema.optional(),
        secrets: secretsSchema,
      })
      .strict(),
    'Adds an account: secrets go to the OS keychain (write-only), everything else to the ledger.',
  ),
  'account.update': method<ProviderAccount>()(
    z
      .object({
        id,
        name: nameSchema.optional(),
        mode: modeSchema.optional(),
        baseUrl: baseUrlSchema.optional(),
        /** Replaces all settings. */
        settings: settingsSchema.optional(),
      })
      .strict(),
    'Changes non-secret fields of an account (name, mode, base URL override, settings). Changing the base URL from the app removes the stored keys: they are entered again for the new server.',
  ),
  'account.setSecrets': method<ProviderAccount>()(
    z.object({ id, secrets: secretsSchema }).strict(),
    "Creates or overwrites some of an account's secrets in the keychain; returns which are set.",
  ),
  'account.deleteSecret': method<ProviderAccount>()(
    z.object({ id, field: recordKey() }).strict(),
    'Deletes one secret of an account from the keychain.',
  ),
  'account.test': method<AccountTestResult>()(
    z.object({ id }).strict(),
    'Makes the cheapest authenticated call the provider documents: ok, wrong key, unreachable or provider error.',
  ),
  'account.remove': method<AccountRemoved>()(
    z.object({ id, evenIfKeychainUnavailable: z.boolean().optional() }).strict(),
    'Removes an account and its keychain secrets; refused while invoices are linked to it.',
  ),
  'keychain.status': method<KeychainStatus>()(
    z.object({}).strict(),
    'Whether the OS keychain is usable, or what to install or unlock.',
  ),
};
