/** Paycashless (../shared/providers/paycashless.md). */
import { DEFAULT_CURRENCY_FIELD, type ProviderInfo } from './types';

export const PAYCASHLESS_INFO = {
  id: 'paycashless',
  displayName: 'Paycashless',
  secretFields: [
    { name: 'apiKey', label: 'API key', required: true, kind: 'text' },
    { name: 'apiSecret', label: 'API secret', required: true, kind: 'text' },
  ],
  settingFields: [DEFAULT_CURRENCY_FIELD],
  capabilities: {
    operations: ['get', 'cancel', 'paymentUrl', 'lookupByReference'],
    currencies: ['NGN', 'USD'],
    lookupRoute: 'GET /v1/invoices?reference=',
    shareChannels: [],
    paymentUrlObserved: false,
    rateLimitPerMinute: null,
    caveats: ['providers.caveat.paycashless.link_at_create', 'providers.caveat.paycashless.due_today'],
  },
  instead: {
    markPaid: 'record_here_close_there',
    delete: 'cancel_instead',
    share: 'email_at_creation_only',
  },
} as const satisfies ProviderInfo<'paycashless'>;
