import type en from '../en/providers';
import type { Translation } from '../types';

export default {
  'providers.field.kashio.secretKey': 'المفتاح السري',
  'providers.field.kashio.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kashier.secretKey': 'المفتاح السري',
  'providers.field.kashier.paymentApiKey': 'مفتاح واجهة الدفع',
  'providers.field.kashier.merchantId': 'معرّف التاجر (MID-…)',
  'providers.field.kashier.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kashier.storeName': 'اسم المتجر',
  'providers.field.paycashless.apiKey': 'مفتاح API',
  'providers.field.paycashless.apiSecret': 'سر API',
  'providers.field.paycashless.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kaspa.apiKey': 'مفتاح API',
  'providers.field.kaspa.defaultCurrency': 'العملة الافتراضية',
  'providers.field.simplecash.apiKey': 'مفتاح API للمتجر',
  'providers.field.simplecash.defaultCurrency': 'العملة الافتراضية',
  'providers.placeholder.defaultCurrency': 'مثل USD',
  'error.remote_mismatch':
    '{problem, select, currency {فاتورة {provider} رقم {remoteId} بعملة {remoteCurrency}، لكن {number} بعملة {currency}.} other {فاتورة {provider} رقم {remoteId} بمبلغ {remoteTotal}، لكن إجمالي {number} هو {total}.}}',
} satisfies Translation<typeof en>;
