/** Payment providers: their fields, capabilities and errors. */
export default {
  'providers.field.kashio.secretKey': 'Secret key',
  'providers.field.kashio.defaultCurrency': 'Default currency',
  'providers.field.kashier.secretKey': 'Secret key',
  'providers.field.kashier.paymentApiKey': 'Payment API key',
  'providers.field.kashier.merchantId': 'Merchant ID (MID-…)',
  'providers.field.kashier.defaultCurrency': 'Default currency',
  'providers.field.kashier.storeName': 'Store name',
  'providers.field.paycashless.apiKey': 'API key',
  'providers.field.paycashless.apiSecret': 'API secret',
  'providers.field.paycashless.defaultCurrency': 'Default currency',
  'providers.field.kaspa.apiKey': 'API key',
  'providers.field.kaspa.defaultCurrency': 'Default currency',
  'providers.field.simplecash.apiKey': 'Store API key',
  'providers.field.simplecash.defaultCurrency': 'Default currency',
  'providers.placeholder.defaultCurrency': 'e.g. USD',
  'error.remote_mismatch':
    '{problem, select, currency {{provider} invoice {remoteId} is in {remoteCurrency}, but {number} is in {currency}.} other {{provider} invoice {remoteId} is for {remoteTotal}, but {number} totals {total}.}}',
} as const;
