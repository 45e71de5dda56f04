import type en from '../en/errors';
import type { Translation } from '../types';

export default {
  'error.internal_error': 'Se produjo un error inesperado; consulta el registro para más detalles.',
  'error.host_unreachable': 'Kassa no está en marcha (el servidor del navegador no respondió).',
  'error.host_http_status': 'El servidor del navegador respondió {status}.',
  'error.body_not_utf8': 'El cuerpo de la solicitud no es texto UTF-8.',
  'error.unknown_method': 'Método desconocido «{name}».',
  'error.invoice_not_found': 'No hay ninguna factura con el id {id}.',
  'error.customer_not_found': 'No hay ningún cliente con el id {id}.',
  'error.tax_rate_not_found': 'No hay ningún tipo impositivo con el id {id}.',
  'error.account_not_found': 'No hay ninguna cuenta con el id {id}.',
  'error.sync_item_not_found': 'No hay ningún elemento de sincronización con el id {id}.',
  'error.unknown_currency':
    '«{code}» no es un código de moneda ISO-4217 que este sistema conozca (p. ej., EUR, EGP, NGN).',
  'error.phone_empty': 'Escribe un número de teléfono.',
  'error.phone_needs_country':
    'Añade el prefijo del país (p. ej., +51 987 654 321) o indica el país del cliente: sin él no se puede leer un número local.',
  'error.phone_invalid':
    'Este no es un número de teléfono válido. Escríbelo como lo da el cliente, con el prefijo del país (p. ej., +51 987 654 321) o con el país del cliente indicado.',
  'error.phone_not_mobile': 'Este no es un número móvil, así que no puede recibir SMS ni mensajes de WhatsApp.',
  'error.invalid_amount': '{field} no es un número finito.',
  'error.invalid_decimal': '«{text}» no es un número decimal (usa dígitos y un punto, p. ej., 1.5).',
  'error.too_many_decimals':
    '{field} admite como máximo {max, plural, =0 {ningún decimal} one {# decimal} other {# decimales}}.',
  'error.negative_not_allowed': '{field} no puede ser negativo.',
  'error.amount_too_large': '{field} es demasiado grande.',
} satisfies Translation<typeof en>;
