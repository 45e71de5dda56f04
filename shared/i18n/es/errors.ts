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
  'error.account_not_found':
    'No hay ninguna cuenta de proveedor con el id o el nombre «{id}».{hasKnown, select, yes { Cuentas conocidas: {known}.} no { Todavía no hay cuentas.} other {}}',
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
  'error.invalid_json':
    '{source, select, data {--data no es JSON válido.} body {El cuerpo de la petición no es JSON válido.} other {La entrada estándar no es JSON válido; se esperaba un objeto con los campos secretos (por ejemplo con "apiKey").}}',
  'error.untrusted_sender': 'Esta página no puede llamar a Kassa.',
  'error.path_not_allowed': 'Solo la línea de comandos puede elegir una ruta; la aplicación usa la carpeta de datos.',
  'error.export_too_large': 'Más de {max, number} filas: exporta a un archivo.',
  'error.export_failed': 'La exportación a {file} falló: {detail}',
  'error.export_job_not_found': 'No hay ninguna exportación PDF {id} (las terminadas se guardan solo un tiempo).',
  'error.pdf_write_failed': 'No se puede escribir {file}: {detail}',
  'error.body_too_large': 'El cuerpo de la petición supera {mb, number} MB.',
  'error.native_module_missing':
    'El módulo de SQLite no se ha compilado para Electron {electron} (ABI {abi}). Ejecuta "npm run rebuild:electron" (npm start lo hace por ti).',
  'error.pdf_fonts_missing': 'Faltan las fuentes del PDF; se buscaron en: {looked}.',
} satisfies Translation<typeof en>;
