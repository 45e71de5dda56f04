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
  'error.provider_auth_failed':
    '{provider} rechazó las credenciales para {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {Compruebe el secreto de API de la cuenta (debe ser del mismo par que la clave de API) y que el reloj de este equipo esté en hora.} other {Compruebe la clave de la cuenta y que sea la del modo de la cuenta (prueba o real).}}',
  'error.provider_not_found': '{provider} no encontró nada para {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    '{provider} falló en {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    '{provider} rechazó {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {{provider} respondió a {operation} con una redirección; compruebe la URL base.} invoice {{provider} respondió a {operation} sin una factura.} list {{provider} respondió a {operation} sin una lista de facturas.} cursor {{provider} dijo que hay más facturas pero no indicó cómo llegar a ellas.} currency {{provider} no indicó la moneda de la factura.} other {{provider} respondió a {operation} con algo que Kassa no puede leer.}}',
  'error.provider_rate_limited':
    '{provider} está limitando {operation} (HTTP 429); vuelva a intentarlo {seconds, plural, =0 {más tarde} one {en # segundo} other {en # segundos}}.',
  'error.provider_malformed_response':
    '{provider} respondió a {operation} con un cuerpo que no es JSON válido (HTTP {status}).',
  'error.provider_timeout':
    '{provider} no respondió a {operation} en {seconds, plural, one {# segundo} other {# segundos}}.',
  'error.provider_unreachable':
    'No se pudo contactar con {provider} para {operation} ({networkCode}); compruebe la conexión a Internet y la URL base.',
  'error.provider_network_error': 'La conexión con {provider} se cortó durante {operation} ({networkCode}).',
  'error.outcome_unknown':
    '{provider}: {operation} {reason, select, timeout {agotó el tiempo de espera} server_error {recibió un error del servidor} connection_lost {perdió la conexión} other {recibió una respuesta que Kassa no puede leer}}; puede que se haya realizado o no, así que Kassa lo comprueba antes de volver a enviarlo.',
  'error.provider_not_supported': '{provider} todavía no está conectado en esta versión de Kassa.',
  'error.secret_missing':
    'No hay ninguna {secret} guardada para la cuenta de {provider} «{account}»; introdúzcala primero.',
  'error.credit_note_not_supported': '{provider} no admite notas de crédito; solo se le pueden enviar facturas.',
  'error.invoice_not_issued': 'Solo se pueden enviar a un proveedor facturas emitidas (con número).',
  'error.nothing_to_pay': '{provider} necesita un importe mayor que cero; esta factura no suma nada.',
  'error.currency_not_supported': '{provider} acepta {accepted}, no {currency}.',
  'error.amount_not_representable': '{provider} no puede recibir exactamente un importe de {amount}.',
  'error.remote_paid': 'La factura {remoteId} de {provider} está pagada; no se puede cancelar.',
  'error.remote_cancelled': 'La factura {remoteId} de {provider} está cancelada; no se puede marcar como pagada.',
  'error.remote_not_deletable':
    '{provider} solo elimina borradores y solicitudes de pago sin pagar; la factura {remoteId} está en {status}. Cancélela en su lugar.',
  'error.nothing_to_update': '{provider} solo permite cambiar el importe, la moneda y el vencimiento.',
  'error.invalid_cursor': 'Este cursor de lista no pertenece a este listado.',
  'error.customer_email_required':
    '{provider} envía la factura al cliente por correo electrónico: primero indique un correo para el cliente de {number}.',
  'error.amount_too_small': '{provider} necesita más de {minimum}; {number} suma {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {{provider} lista las facturas sin un campo en el que Kassa pueda encontrar {reference}} other {{provider} tiene más facturas de las que Kassa revisa}}, así que Kassa no puede saber si {reference} llegó.',
  'error.remote_mismatch':
    '{problem, select, currency {La factura {remoteId} de {provider} está en {remoteCurrency}, pero {number} está en {currency}.} other {La factura {remoteId} de {provider} es por {remoteTotal}, pero {number} suma {total}.}}',
} satisfies Translation<typeof en>;
