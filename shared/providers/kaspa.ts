/** Kaspa Living Invoices (../shared/providers/kaspa-living-invoices.md). */
import { type ProviderInfo } from './types';

export const KASPA_INFO = {
  id: 'kaspa',
  displayName: 'Kaspa Living Invoices',
  secretFields: [{ name: 'apiKey', label: 'API key', required: true, kind: 'text', placeholder: 'liv_…' }],
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
    operations: ['paymentUrl', 'lookupByReference'],
    // The docs mention "other fiat currencies", but the create body has no field to choose one.
    currencies: ['USD'],
    lookupRoute: 'GET /invoices?page=&limit=100 (list pages; our number is in notes)',
    shareChannels: [],
    paymentUrlObserved: false,
    rateLimitPerMinute: 100,
    caveats: ['providers.caveat.kaspa.no_get', 'providers.caveat.kaspa.undocumented_answers'],
  },
  instead: {
    cancel: 'use_dashboard',
    markPaid: 'record_here_close_there',
    delete: 'use_dashboard',
    share: 'sent_at_creation',
  },
} as const satisfies ProviderInfo<'kaspa'>;
