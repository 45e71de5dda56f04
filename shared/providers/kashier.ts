/** Kashier Dashboard API (../shared/providers/kashier.md). */
import { DEFAULT_CURRENCY_FIELD, type ProviderInfo } from './types';

/** Kashier shows the merchant id as `MID-xxxx-xxx`; the character set is not documented, so letters and digits. */
export const KASHIER_MERCHANT_ID_PATTERN = '^MID-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$';

export const KASHIER_INFO = {
  id: 'kashier',
  displayName: 'Kashier',
  secretFields: [
    { name: 'secretKey', label: 'Secret key', required: true, kind: 'text' },
    { name: 'paymentApiKey', label: 'Payment API key', required: false, kind: 'text' },
  ],
  settingFields: [
    {
      name: 'merchantId',
      label: 'Merchant ID (MID-…)',
      required: true,
      kind: 'text',
      placeholder: 'MID-1234-567',
      pattern: {
        source: KASHIER_MERCHANT_ID_PATTERN,
        code: 'merchant_id_invalid',
      },
    },
    DEFAULT_CURRENCY_FIELD,
    { name: 'storeName', label: 'Store name', required: false, kind: 'text' },
  ],
  capabilities: {
    operations: ['get', 'cancel', 'markPaid', 'delete', 'share', 'paymentUrl', 'lookupByReference'],
    currencies: ['EGP', 'EUR', 'GBP', 'USD'],
    lookupRoute: 'GET /paymentRequests/{MID}?currency=&startDate=&endDate= (match invoiceReferenceId)',
    shareChannels: ['email', 'sms'],
    paymentUrlObserved: true,
    rateLimitPerMinute: null,
    caveats: ['providers.caveat.kashier.observed_link', 'providers.caveat.kashier.delete_drafts'],
  },
  instead: {},
} as const satisfies ProviderInfo<'kashier'>;
