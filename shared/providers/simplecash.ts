/** SimpleCash (../shared/providers/simplecash.md). */
import { type ProviderInfo } from './types';

/** The documented invoice timeouts (the payer must pay before it ends); "test" = 3 minutes. */
export const SIMPLECASH_TIMEOUTS = ['3 hours', '12 hours', 'day', '3 days', 'week'] as const;
export type SimplecashTimeout = (typeof SIMPLECASH_TIMEOUTS)[number] | 'test';

export const SIMPLECASH_INFO = {
  id: 'simplecash',
  displayName: 'SimpleCash',
  secretFields: [{ name: 'apiKey', label: 'Store API key', required: true, kind: 'text' }],
  settingFields: [
    {
      name: 'defaultCurrency',
      label: 'Default currency',
      required: false,
      kind: 'currency',
      placeholder: 'USD',
    },
  ],
  capabilities: {
    operations: ['get'],
    currencies: ['USD'],
    lookupRoute: null,
    shareChannels: [],
    paymentUrlObserved: false,
    rateLimitPerMinute: null,
    caveats: [
      'SimpleCash documents neither its answer fields nor its statuses: Kassa maps paid, expired and pending (any case) by a table that is a guess to confirm against a real answer; any other status is shown as unknown and never treated as paid.',
      'The due date becomes the nearest allowed timeout (3 hours, 12 hours, day, 3 days, week).',
    ],
  },
  instead: {
    cancel: 'expires_by_itself',
    markPaid: 'record_here_close_there',
    delete: 'expires_by_itself',
    share: 'provider_emails_customer',
    paymentUrl: 'provider_emails_customer',
    lookupByReference: 'check_dashboard_then_link_or_retry',
  },
} as const satisfies ProviderInfo<'simplecash'>;
