/** SimpleCash (../shared/providers/simplecash.md). */
import { msg } from '../i18n/keys';
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
    caveats: ['providers.caveat.simplecash.guessed_statuses', 'providers.caveat.simplecash.timeout'],
  },
  instead: {
    cancel: 'expires_by_itself',
    markPaid: 'record_here_close_there',
    delete: 'expires_by_itself',
    share: 'provider_emails_customer',
    paymentUrl: 'provider_emails_customer',
    lookupByReference: 'check_dashboard_then_link_or_retry',
  },
  dueDateNote: (dueDate: string, now: Date) =>
    msg('providers.simplecash.timeout', { timeout: simplecashTimeout(dueDate, now).replace(' ', '_') }),
} as const satisfies ProviderInfo<'simplecash'>;

const TIMEOUT_HOURS: ReadonlyArray<[(typeof SIMPLECASH_TIMEOUTS)[number], number]> = [
  ['3 hours', 3],
  ['12 hours', 12],
  ['day', 24],
  ['3 days', 72],
  ['week', 168],
];

/**
 * The allowed timeout nearest to the time left until the end of the due date (UTC): SimpleCash has no due date,
 * only these durations. No due date → a week (the longest); a due date already past → 3 hours (the shortest).
 * Shared so the screen can show the timeout before the invoice is sent.
 */
export function simplecashTimeout(dueDate: string | null, now: Date): (typeof SIMPLECASH_TIMEOUTS)[number] {
  if (dueDate === null) return 'week';
  const hours = (Date.parse(`${dueDate}T23:59:59Z`) - now.getTime()) / 3_600_000;
  let best = TIMEOUT_HOURS[0] as [(typeof SIMPLECASH_TIMEOUTS)[number], number];
  for (const t of TIMEOUT_HOURS) if (Math.abs(t[1] - hours) < Math.abs(best[1] - hours)) best = t;
  return best[0];
}
