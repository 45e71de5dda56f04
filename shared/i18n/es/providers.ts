import type en from '../en/providers';
import type { Translation } from '../types';

export default {
  'providers.field.kashio.secretKey': 'Clave secreta',
  'providers.field.kashio.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kashier.secretKey': 'Clave secreta',
  'providers.field.kashier.paymentApiKey': 'Clave de la API de pagos',
  'providers.field.kashier.merchantId': 'ID de comercio (MID-…)',
  'providers.field.kashier.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kashier.storeName': 'Nombre de la tienda',
  'providers.field.paycashless.apiKey': 'Clave de API',
  'providers.field.paycashless.apiSecret': 'Secreto de API',
  'providers.field.paycashless.defaultCurrency': 'Moneda predeterminada',
  'providers.field.kaspa.apiKey': 'Clave de API',
  'providers.field.kaspa.defaultCurrency': 'Moneda predeterminada',
  'providers.field.simplecash.apiKey': 'Clave de API de la tienda',
  'providers.field.simplecash.defaultCurrency': 'Moneda predeterminada',
  'providers.placeholder.defaultCurrency': 'p. ej., USD',
  'error.remote_mismatch':
    '{problem, select, currency {La factura {remoteId} de {provider} está en {remoteCurrency}, pero {number} está en {currency}.} other {La factura {remoteId} de {provider} es por {remoteTotal}, pero {number} suma {total}.}}',
} satisfies Translation<typeof en>;
