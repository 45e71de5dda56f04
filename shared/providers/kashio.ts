/** KashIO Payments (../shared/providers/kashio.md, the Spanish versions of the docs). */
import { DEFAULT_CURRENCY_FIELD, type ProviderInfo } from './types';

export const KASHIO_INFO = {
  id: 'kashio',
  displayName: 'KashIO',
  secretFields: [{ name: 'secretKey', label: 'Secret key', required: true, kind: 'text', placeholder: 'sk_test_…' }],
  settingFields: [DEFAULT_CURRENCY_FIELD],
  capabilities: {
    operations: ['get', 'update', 'cancel', 'lookupByReference', 'events'],
    currencies: 'any',
    lookupRoute: 'GET /v1/payments/invoices?date=<day sent> (±1 day), matching invoice_id',
    shareChannels: [],
    paymentUrlObserved: false,
    rateLimitPerMinute: null,
    caveats: ['providers.caveat.kashio.no_link', 'providers.caveat.kashio.void'],
  },
  instead: {
    markPaid: 'record_here_close_there',
    delete: 'cancel_instead',
    share: 'send_link_yourself',
    paymentUrl: 'send_link_yourself',
  },
} as const satisfies ProviderInfo<'kashio'>;
